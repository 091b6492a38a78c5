"""Benchmarks run by hand (not by the test suite): ``corpus.py``, ``run.py``, ``serve_latency.py``."""
