"""Reading files from the seeds folder safely: regular files inside it only, never more than a limit.

A symbolic link could publish any file on the machine (``leak.txt -> ~/.ssh/id_rsa``), a FIFO or a
device would block or read forever; each is refused with a SeedError naming the file and why.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import SeedError


def read_limited(path: Path, root: Path, limit: int, label: str) -> bytes:
    """The bytes of ``path``, a regular file inside ``root`` of at most ``limit`` bytes."""
    try:
        info = os.stat(path, follow_symlinks=False)
    except OSError as exc:
        raise SeedError(label, f"cannot be read ({exc.strerror})") from exc
    if stat.S_ISLNK(info.st_mode):
        raise SeedError(label, "is a symbolic link; only regular files inside the seeds folder are read")
    if not stat.S_ISREG(info.st_mode):
        raise SeedError(label, "is not a regular file (a pipe, device or socket); it was not read")
    if root.resolve() not in path.resolve().parents:
        raise SeedError(label, "lies outside the seeds folder")
    if info.st_size > limit:
        raise SeedError(label, f"is {info.st_size:,} bytes; the limit is {limit:,}")
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
        with os.fdopen(fd, "rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise SeedError(label, f"cannot be read ({exc.strerror})") from exc
    if len(raw) > limit:  # grew since stat, or lied about its size
        raise SeedError(label, f"is more than {limit:,} bytes; the limit is {limit:,}")
    return raw
