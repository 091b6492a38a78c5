"""The analysis modules compiled to C with mypyc, used in place of their sources when they are current.

``setup.py`` compiles ``MODULES`` when the package is installed and a C compiler is at hand: the
per-article extraction (reading aside) then runs about 1.5 times as fast, with the same output (the
tests compare both on every fixture story). The compiled modules go to ``generator/_native/``, beside
a manifest of the hashes of the sources they were compiled from, not next to those sources: Python
would import a compiled module next to its source in preference to it, and so keep running the code
of the last install after the source was edited.

``activate`` (run when the package is imported) loads the compiled modules in place of the sources
only when all of them are built for this Python and no source changed since; otherwise, and when
``CLAIMS_REPORT_PURE=1`` is set, the sources run. All or none: compiled modules call each other
directly, so a mix would run an edited module's old code from the others.

This module is read by ``setup.py`` before the package's dependencies are installed: standard library
only.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

# The modules of the per-article step that profit from compiling (the claims finders and the furniture
# cleaner; what they import from each other is then a direct call). Modules that mostly call
# third-party code (reading, HTML extraction) or run once per story gain little.
MODULES = ("textscan", "entities", "quantities", "speakers", "timex", "furniture", "sentences", "claims")
PACKAGE = "generator"
# Where setup.py puts the compiled modules, relative to the package; mypyc's name for the group of them
# (their shared library, which the others import, is GROUP + "__mypyc").
NATIVE_DIR = "_native"
GROUP = f"{PACKAGE}.{NATIVE_DIR}.lib"
LIBRARY = "lib__mypyc"
MANIFEST = "manifest.json"
# Set to 1 (at install or at run time) for the plain Python modules.
PURE_ENV = "CLAIMS_REPORT_PURE"

_HERE = Path(__file__).resolve().parent


def source_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def source_hashes(package_dir: Path) -> dict[str, str]:
    return {name: source_hash(package_dir / f"{name}.py") for name in MODULES}


def manifest(package_dir: Path) -> dict[str, object]:
    """What setup.py records beside the compiled modules: the Python they are built for and the hash
    of each source."""
    return {"cache_tag": sys.implementation.cache_tag, "modules": source_hashes(package_dir)}


def _compiled_paths(package_dir: Path) -> tuple[dict[str, Path], str]:
    """Each module's compiled file, or no paths and the reason they cannot be used."""
    if os.environ.get(PURE_ENV) == "1":
        return {}, f"{PURE_ENV}=1 is set"
    native = package_dir / NATIVE_DIR
    try:
        recorded = json.loads((native / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, "not compiled at install (no C compiler, or CLAIMS_REPORT_PURE=1 then)"
    except (OSError, ValueError) as error:
        return {}, f"unreadable manifest {native / MANIFEST}: {error}"
    if not isinstance(recorded, dict) or recorded.get("cache_tag") != sys.implementation.cache_tag:
        return {}, "compiled for another Python"
    hashes = recorded.get("modules")
    try:
        current = source_hashes(package_dir)
    except OSError as error:
        return {}, f"unreadable source: {error}"
    changed = sorted(n for n in MODULES if not isinstance(hashes, dict) or hashes.get(n) != current[n])
    if changed:
        return {}, f"source changed since it was compiled: {', '.join(changed)} (reinstall to compile again)"
    paths: dict[str, Path] = {}
    for name in (*MODULES, LIBRARY):
        found = [native / f"{name}{suffix}" for suffix in importlib.machinery.EXTENSION_SUFFIXES]
        found = [p for p in found if p.is_file()]
        if not found:
            return {}, f"compiled module {name} is missing from {native}"
        paths[name] = found[0]
    return paths, ""


class _CompiledFinder:
    """A meta path finder that answers for the compiled modules and their shared library only."""

    def __init__(self, paths: dict[str, Path]) -> None:
        self._by_name = {f"{PACKAGE}.{name}": path for name, path in paths.items() if name != LIBRARY}
        self._by_name[f"{PACKAGE}.{NATIVE_DIR}.{LIBRARY}"] = paths[LIBRARY]

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        found = self._by_name.get(fullname)
        if found is None:
            return None
        loader = importlib.machinery.ExtensionFileLoader(fullname, str(found))
        return importlib.util.spec_from_file_location(fullname, found, loader=loader)


# Why the compiled modules are not in use ("" when they are), set by activate.
reason = "not activated"


def activate() -> bool:
    """Load the compiled modules in place of the sources from now on, if they are current."""
    global reason
    if any(isinstance(f, _CompiledFinder) for f in sys.meta_path):
        return not reason
    paths, reason = _compiled_paths(_HERE)
    if paths:
        sys.meta_path.insert(0, _CompiledFinder(paths))
    return bool(paths)


def describe() -> str:
    """One phrase for logs and benchmark records: "compiled (mypyc)" or "pure Python (<why>)"."""
    return "compiled (mypyc)" if not reason else f"pure Python ({reason})"
