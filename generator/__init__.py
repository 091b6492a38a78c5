"""Compare how news outlets report one event: claims, agreements and contradictions."""

from . import native

__version__ = "0.1.0"

# Before any analysis module is imported: their compiled forms, when current, replace them.
native.activate()
