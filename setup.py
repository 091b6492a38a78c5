"""Install-time build: compiles the analysis modules with mypyc when it can (generator/native.py says why
and how they are used). Everything else about the package is in pyproject.toml.

Without a C compiler, or with CLAIMS_REPORT_PURE=1 set, the install goes on without them and the plain
Python modules run: slower, same output.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
PACKAGE_DIR = ROOT / "generator"


def _load_native() -> Any:
    # By path: importing the package would import its dependencies, which may not be installed yet.
    spec = importlib.util.spec_from_file_location("_claims_report_native", PACKAGE_DIR / "native.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


native = _load_native()
# A stand-in that makes setuptools run build_ext (and tag the wheel for this platform); BuildNative
# replaces it with mypyc's extensions when build_ext is set up, so that mypyc's type check and C
# generation (about 20 s) run only when something is built, not for every metadata query.
PLACEHOLDER = Extension(f"{native.GROUP}__mypyc", sources=[])


def _say(message: str) -> None:
    print(f"claims-report: {message}", file=sys.stderr)


class BuildNative(build_ext):
    def finalize_options(self) -> None:
        # Before setuptools prepares each extension: the stand-in becomes mypyc's real ones.
        self.distribution.ext_modules = self._mypyc_extensions()
        super().finalize_options()

    def _mypyc_extensions(self) -> list[Extension]:
        if os.environ.get(native.PURE_ENV) == "1":
            _say(f"{native.PURE_ENV}=1: the analysis modules stay plain Python")
            return []
        try:
            from mypyc.build import mypycify

            extensions: list[Extension] = mypycify(
                [str(Path("generator") / f"{name}.py") for name in native.MODULES],
                opt_level="3",
                group_name=native.GROUP,
                target_dir=str(Path("build") / "mypyc"),  # the C sources, in the project's ignored build/
            )
        except Exception as error:  # mypyc missing or refusing the code: the pure modules still work
            _say(f"mypyc could not translate the analysis modules, they stay plain Python (slower): {error}")
            return []
        for ext in extensions:
            # "generator.entities" -> "generator._native.entities": away from its source (native.py).
            if not ext.name.startswith(f"{native.PACKAGE}.{native.NATIVE_DIR}."):
                ext.name = f"{native.PACKAGE}.{native.NATIVE_DIR}.{ext.name.rsplit('.', 1)[-1]}"
        return extensions

    def run(self) -> None:
        out_dir = Path(self.get_ext_fullpath(PLACEHOLDER.name)).parent
        shutil.rmtree(out_dir, ignore_errors=True)  # an old manifest must not vouch for a failed build
        if not self.extensions:
            return
        out_dir.mkdir(parents=True)
        try:
            super().run()
        except Exception as error:  # no compiler, no headers: the pure modules still work
            shutil.rmtree(out_dir, ignore_errors=True)
            self.extensions = []
            _say(f"compiling the analysis modules failed, they stay plain Python (slower): {error}")
            return
        (out_dir / native.MANIFEST).write_text(json.dumps(native.manifest(PACKAGE_DIR), indent=1), encoding="utf-8")
        _say(f"compiled {len(native.MODULES)} analysis modules with mypyc into {out_dir}")


setup(ext_modules=[PLACEHOLDER], cmdclass={"build_ext": BuildNative})
