"""Compare how news outlets report one event: claims, agreements and contradictions."""

__version__ = "0.1.0"
