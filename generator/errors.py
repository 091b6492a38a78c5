"""The one domain error of the core: a seed input that cannot be used, with the file and reason."""

from __future__ import annotations


class SeedError(Exception):
    """An input file that cannot be used. Adapters turn it into PluginError or a CLI message."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type[SeedError], tuple[str, str]]:
        # Extraction returns it from worker processes (pool, cluster): rebuilt from the message alone,
        # as Exception would, it lost its reason on the way back, and unpickling it failed.
        return type(self), (self.path, self.reason)
