"""The compiled analysis modules (generator/native.py, setup.py): used only when current, same output."""

from __future__ import annotations

import hashlib
import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from generator import native

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "generator"
COMPILED = native.describe() == "compiled (mypyc)"  # in this test run
needs_build = pytest.mark.skipif(not COMPILED, reason=f"analysis modules not compiled here: {native.reason}")
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def _fake_package(tmp_path: Path) -> Path:
    """A package folder with a source per compiled module, its compiled files (empty: never loaded
    here) and a manifest that matches."""
    package = tmp_path / "pkg"
    (package / native.NATIVE_DIR).mkdir(parents=True)
    for name in native.MODULES:
        (package / f"{name}.py").write_text(f"NAME = {name!r}\n")
    for name in (*native.MODULES, native.LIBRARY):
        (package / native.NATIVE_DIR / f"{name}{SUFFIX}").write_bytes(b"")
    (package / native.NATIVE_DIR / native.MANIFEST).write_text(json.dumps(native.manifest(package)))
    return package


def test_current_compiled_modules_are_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(native.PURE_ENV, raising=False)
    paths, reason = native._compiled_paths(_fake_package(tmp_path))
    assert reason == ""
    assert sorted(paths) == sorted((*native.MODULES, native.LIBRARY))


def test_an_edited_source_turns_every_module_back_to_python(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(native.PURE_ENV, raising=False)
    package = _fake_package(tmp_path)
    with (package / "quantities.py").open("a") as source:
        source.write("# edited\n")
    paths, reason = native._compiled_paths(package)
    assert paths == {}
    assert "source changed since it was compiled: quantities" in reason


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        ("no manifest", "not compiled at install"),
        ("garbled manifest", "unreadable manifest"),
        ("other python", "compiled for another Python"),
        ("missing module", "compiled module entities is missing"),
        ("missing library", f"compiled module {native.LIBRARY} is missing"),
        ("pure requested", f"{native.PURE_ENV}=1 is set"),
    ],
)
def test_unusable_compiled_modules_are_refused_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str, expected: str
) -> None:
    monkeypatch.delenv(native.PURE_ENV, raising=False)
    package = _fake_package(tmp_path)
    built = package / native.NATIVE_DIR
    if damage == "no manifest":
        (built / native.MANIFEST).unlink()
    elif damage == "garbled manifest":
        (built / native.MANIFEST).write_text("{not json")
    elif damage == "other python":
        recorded = json.loads((built / native.MANIFEST).read_text())
        (built / native.MANIFEST).write_text(json.dumps({**recorded, "cache_tag": "cpython-00"}))
    elif damage == "missing module":
        (built / f"entities{SUFFIX}").unlink()
    elif damage == "missing library":
        (built / f"{native.LIBRARY}{SUFFIX}").unlink()
    else:
        monkeypatch.setenv(native.PURE_ENV, "1")
    paths, reason = native._compiled_paths(package)
    assert paths == {}
    assert expected in reason


def test_the_install_compiled_the_analysis_where_it_could() -> None:
    """With a C compiler at hand, the install (the README's command) compiled the modules: a failed
    build would otherwise leave every run on the slower plain Python without anyone noticing."""
    if os.environ.get(native.PURE_ENV) == "1":
        pytest.skip(f"{native.PURE_ENV}=1: plain Python asked for")
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        pytest.skip(f"no C compiler ({compiler}) on this machine")
    # An edit after the install (a developer's tree) is the one other acceptable state.
    assert COMPILED or "source changed since it was compiled" in native.reason, native.reason


def test_the_manifest_hashes_each_source() -> None:
    recorded = native.manifest(PACKAGE)
    assert recorded["cache_tag"] == sys.implementation.cache_tag
    assert recorded["modules"] == {
        name: hashlib.sha256((PACKAGE / f"{name}.py").read_bytes()).hexdigest() for name in native.MODULES
    }


# What a fresh interpreter says about the analysis modules it loaded.
_REPORT = (
    "import json, generator, generator.native as n, generator.claims, generator.furniture\n"
    "import importlib\n"
    "print(json.dumps({'describe': n.describe(), 'files': {m: importlib.import_module('generator.' + m).__file__"
    " for m in n.MODULES}}))\n"
)


def _loaded(package_parent: Path) -> dict[str, object]:
    environment = {**os.environ, "PYTHONPATH": str(package_parent)}
    environment.pop(native.PURE_ENV, None)
    done = subprocess.run(  # from the package's parent: ``-c`` puts the working directory first on the path
        [sys.executable, "-c", _REPORT],
        env=environment, cwd=package_parent, capture_output=True, text=True, timeout=120, check=True,
    )
    found: dict[str, object] = json.loads(done.stdout)
    return found


@needs_build
def test_the_installed_package_runs_compiled() -> None:
    loaded = _loaded(ROOT)
    assert loaded["describe"] == "compiled (mypyc)"
    files = loaded["files"]
    assert isinstance(files, dict)
    for name in native.MODULES:  # mypyc names the file below the folder it was loaded from
        assert Path(files[name]).is_relative_to(PACKAGE / native.NATIVE_DIR), name
        assert files[name].endswith(SUFFIX)


@needs_build
def test_a_copy_with_an_edited_source_runs_the_sources(tmp_path: Path) -> None:
    """The real import path: a package whose timex.py changed after compiling loads every analysis
    module from source, and says why."""
    copy = tmp_path / "generator"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    intact = _loaded(tmp_path)
    assert intact["describe"] == "compiled (mypyc)"
    with (copy / "timex.py").open("a") as source:
        source.write("\n# edited after the install\n")
    edited = _loaded(tmp_path)
    assert edited["describe"] == (
        "pure Python (source changed since it was compiled: timex (reinstall to compile again))"
    )
    files = edited["files"]
    assert isinstance(files, dict)
    assert all(files[m] == str(copy / f"{m}.py") for m in native.MODULES)


def _fingerprints(pure: bool) -> dict[str, str]:
    """A hash of every extraction of the seeds and fixture corpora (hostile payloads included), from a
    fresh interpreter running compiled or pure modules."""
    script = (
        "import hashlib, json, sys\n"
        "from pathlib import Path\n"
        "import generator.native as n\n"
        "from generator.pipeline import story_folders, extract_file\n"
        "from generator.ingest import list_seeds\n"
        "out = {'describe': n.describe()}\n"
        "for root in sys.argv[1:]:\n"
        "    root = Path(root)\n"
        "    for folder in story_folders(root) or [root]:\n"
        "        for seed in list_seeds(folder).files:\n"
        "            out[str(seed.path)] = hashlib.sha256(repr(extract_file(seed, folder)).encode()).hexdigest()\n"
        "print(json.dumps(out))\n"
    )
    roots = [ROOT / "seeds", ROOT / "tests" / "fixtures" / "stories", ROOT / "tests" / "payloads"]
    env = {**os.environ}
    env.pop(native.PURE_ENV, None)
    if pure:
        env[native.PURE_ENV] = "1"
    done = subprocess.run(
        [sys.executable, "-c", script, *map(str, roots)],
        env=env, capture_output=True, text=True, timeout=600, check=True, cwd=ROOT,
    )
    found: dict[str, str] = json.loads(done.stdout)
    return found


@needs_build
def test_compiled_and_pure_modules_extract_the_same() -> None:
    compiled, pure = _fingerprints(pure=False), _fingerprints(pure=True)
    assert compiled.pop("describe") == "compiled (mypyc)"
    assert pure.pop("describe").startswith("pure Python")
    assert len(compiled) > 40
    assert compiled == pure


def _build(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``setup.py build_ext --inplace`` on a copy of the project."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("setup.py", "pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, project / name)
    shutil.copytree(PACKAGE, project / "generator", ignore=shutil.ignore_patterns("__pycache__", native.NATIVE_DIR))
    environment = {name: value for name, value in os.environ.items() if name != native.PURE_ENV}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "setup.py", "-q", "build_ext", "--inplace"],
        cwd=project, env=environment, capture_output=True, text=True, timeout=900,
    )


def test_an_install_asked_for_pure_python_compiles_nothing(tmp_path: Path) -> None:
    done = _build(tmp_path, **{native.PURE_ENV: "1"})
    assert done.returncode == 0, done.stderr
    assert f"{native.PURE_ENV}=1: the analysis modules stay plain Python" in done.stderr
    assert not (tmp_path / "project" / "generator" / native.NATIVE_DIR).exists()


def test_an_install_without_a_working_compiler_goes_on_in_python(tmp_path: Path) -> None:
    """A machine with no C compiler: the build says so and succeeds, and leaves no manifest that would
    vouch for modules that were never built."""
    done = _build(tmp_path, CC="false", LDSHARED="false")
    assert done.returncode == 0, done.stderr
    assert "compiling the analysis modules failed, they stay plain Python (slower)" in done.stderr
    assert not (tmp_path / "project" / "generator" / native.NATIVE_DIR / native.MANIFEST).exists()


def test_a_run_says_whether_the_analysis_ran_compiled(tmp_path: Path) -> None:
    env = {**os.environ}
    env.pop(native.PURE_ENV, None)
    runs = {}
    for pure in (False, True):
        if pure:
            env[native.PURE_ENV] = "1"
        runs[pure] = subprocess.run(
            [sys.executable, "-m", "generator", "analyze", str(ROOT / "seeds"), "--json", str(tmp_path / "r.json")],
            env=env, cwd=ROOT, capture_output=True, text=True, timeout=300, check=True,
        ).stderr
    assert f"; analysis pure Python ({native.PURE_ENV}=1 is set)" in runs[True]
    if COMPILED:
        assert "; analysis compiled (mypyc)" in runs[False]
    else:  # this test run is pure; the run without the variable may still find the compiled modules
        assert "; analysis compiled (mypyc)" in runs[False] or "; analysis pure Python (" in runs[False]
