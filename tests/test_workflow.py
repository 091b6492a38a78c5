"""Offline lint of the GitHub Pages workflow (.github/workflows/pages.yml).

Three layers, all without network:
- check-jsonschema against its vendored GitHub-workflow schema (catches typos such as `permisions:`),
- zizmor --offline at its default persona and severity (catches template injection, excessive
  permissions, unpinned actions, credential persistence, ...),
- `workflow_problems`, a structural checker for this project's own publishing rules: least-privilege
  permissions, SHA-pinned actions with a version comment, deploy only from main, `--strict` builds.

Each layer has a negative test on a mutated copy in tmp_path, so a checker that silently accepts
everything would fail here.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# A pinned reference: owner/repo[/path]@<40 hex>. Tags, branches and short SHAs are mutable or
# ambiguous, so they do not count as pinned.
_PINNED_USES = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")
# The raw line must also carry the release in a trailing comment so bumps stay reviewable.
_USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?P<rest>.*)$")
_VERSION_COMMENT = re.compile(r"^\s+#\s*v\d+(?:\.\d+)*\s*$")
_MAIN_REF = "github.ref == 'refs/heads/main'"
_DEPLOY_EVENTS = frozenset({"push", "workflow_dispatch"})
_EVENT_TEST = re.compile(r"^github\.event_name\s*==\s*'(?P<event>[a-z_]+)'$")
_PRIVILEGED_SCOPES = frozenset({"pages", "id-token"})


def _tool(name: str) -> str:
    """Find a console script installed beside the running interpreter (i.e. in the same venv).

    The interpreter path is deliberately not resolved: in a venv it is a symlink to the base
    Python, whose directory does not hold the venv's scripts.
    """
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail(f"{name} is not installed next to {sys.executable}; install the '[test]' extra")
    return found


def _split_top_level(expr: str, op: str) -> list[str]:
    """Split a GitHub expression on `op` (`&&` or `||`) outside parentheses and string literals."""
    parts: list[str] = []
    depth = 0
    in_string = False
    start = 0
    i = 0
    while i < len(expr):
        ch = expr[i]
        if in_string:
            if ch == "'":
                in_string = False
        elif ch == "'":
            in_string = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0 and expr.startswith(op, i):
            parts.append(expr[start:i].strip())
            i += len(op)
            start = i
            continue
        i += 1
    parts.append(expr[start:].strip())
    return parts


def _wrapped_in_parens(expr: str) -> bool:
    """True if the first `(` closes at the last character, as in `(a || b)` but not `(a) && (b)`."""
    if not (expr.startswith("(") and expr.endswith(")")):
        return False
    depth = 0
    in_string = False
    for i, ch in enumerate(expr):
        if in_string:
            in_string = ch != "'"
        elif ch == "'":
            in_string = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0 and i < len(expr) - 1:
                return False
    return True


def _strip_parens(expr: str) -> str:
    expr = expr.strip()
    while _wrapped_in_parens(expr):
        expr = expr[1:-1].strip()
    return expr


def _deploy_condition_problems(condition: object) -> list[str]:
    """The deploy `if` must be a conjunction that includes the main-branch test and limits events."""
    if not isinstance(condition, str):
        return ["deploy job has no `if:` condition restricting it to main"]
    expr = " ".join(condition.replace("${{", "").replace("}}", "").split())
    if len(_split_top_level(expr, "||")) > 1:
        return ["deploy `if:` has a top-level `||`, which can bypass the main-branch restriction"]
    conjuncts = [_strip_parens(c) for c in _split_top_level(expr, "&&")]
    problems: list[str] = []
    if _MAIN_REF not in conjuncts:
        problems.append(f"deploy `if:` does not require {_MAIN_REF}")
    event_ok = False
    for conjunct in conjuncts:
        alternatives = [_strip_parens(a) for a in _split_top_level(conjunct, "||")]
        matches = [_EVENT_TEST.match(a) for a in alternatives]
        if all(matches):
            events = {m.group("event") for m in matches if m is not None}
            event_ok = event_ok or events <= _DEPLOY_EVENTS
    if not event_ok:
        problems.append("deploy `if:` does not limit github.event_name to push/workflow_dispatch")
    return problems


def _steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    steps = job.get("steps")
    return [s for s in steps if isinstance(s, dict)] if isinstance(steps, list) else []


def _uses_name(step: dict[str, Any]) -> str:
    uses = step.get("uses")
    return uses.split("@", 1)[0] if isinstance(uses, str) else ""


def _permission_problems(doc: dict[str, Any], jobs: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    if doc.get("permissions") != {"contents": "read"}:
        problems.append(
            f"top-level permissions must be exactly contents: read, got {doc.get('permissions')!r}"
        )
    for name, job in jobs.items():
        perms = job.get("permissions")
        if name == "deploy":
            if perms != {"pages": "write", "id-token": "write"}:
                problems.append(f"deploy permissions must be exactly pages/id-token write, got {perms!r}")
            continue
        if perms is None:
            continue
        if not isinstance(perms, dict):
            problems.append(f"job {name} permissions must be a mapping, got {perms!r}")
            continue
        for scope, level in perms.items():
            if scope in _PRIVILEGED_SCOPES or level == "write":
                problems.append(f"job {name} grants {scope}: {level}; only deploy may hold write scopes")
    return problems


def _uses_problems(text: str, jobs: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    for name, job in jobs.items():
        refs = [job.get("uses")] + [s.get("uses") for s in _steps(job)]
        for ref in refs:
            if ref is None:
                continue
            if not isinstance(ref, str) or not _PINNED_USES.match(ref):
                problems.append(f"job {name}: `uses: {ref}` is not pinned to a full 40-hex commit SHA")
    for lineno, line in enumerate(text.splitlines(), 1):
        m = _USES_LINE.match(line)
        if m and not _VERSION_COMMENT.match(m.group("rest")):
            problems.append(f"line {lineno}: `uses:` lacks a trailing `# vX.Y.Z` version comment")
    return problems


def _build_problems(jobs: dict[str, Any]) -> list[str]:
    build = jobs.get("build", {})
    steps = _steps(build)
    problems: list[str] = []
    if build.get("needs") not in ("test", ["test"]):
        problems.append("build job must need test")
    build_steps = [s for s in steps if "mkdocs build" in str(s.get("run", ""))]
    if not build_steps:
        return [*problems, "build job has no `mkdocs build` step"]
    build_step = build_steps[0]
    if "--strict" not in str(build_step.get("run")).split():
        problems.append("`mkdocs build` step does not use --strict")
    site_url = (build_step.get("env") or {}).get("SITE_URL")
    if not (
        isinstance(site_url, str) and "steps.pages.outputs.base_url" in site_url and site_url.endswith("/")
    ):
        problems.append("build step must set SITE_URL from steps.pages.outputs.base_url plus '/'")
    names = [_uses_name(s) for s in steps]
    index = steps.index(build_step)
    if "actions/configure-pages" not in names[:index]:
        problems.append("actions/configure-pages must run before the mkdocs build")
    if "actions/upload-pages-artifact" not in names[index:]:
        problems.append("actions/upload-pages-artifact must run after the mkdocs build")
    return problems


def _deploy_problems(jobs: dict[str, Any]) -> list[str]:
    deploy = jobs.get("deploy")
    if not isinstance(deploy, dict):
        return ["no deploy job"]
    problems = _deploy_condition_problems(deploy.get("if"))
    if deploy.get("needs") not in ("build", ["build"]):
        problems.append("deploy job must need build")
    if deploy.get("concurrency") != {"group": "pages", "cancel-in-progress": False}:
        problems.append("deploy job must use concurrency group 'pages' with cancel-in-progress: false")
    env = deploy.get("environment")
    if not (
        isinstance(env, dict)
        and env.get("name") == "github-pages"
        and "steps.deployment.outputs.page_url" in str(env.get("url"))
    ):
        problems.append("deploy environment must be github-pages with url from steps.deployment")
    if "actions/deploy-pages" not in [_uses_name(s) for s in _steps(deploy)]:
        problems.append("deploy job does not use actions/deploy-pages")
    return problems


def workflow_problems(text: str) -> list[str]:
    """Return every violation of the publishing rules in the workflow source `text` (empty = ok)."""
    doc = yaml.load(text, Loader=_LOADER)
    if not isinstance(doc, dict):
        return ["workflow is not a mapping"]
    jobs = doc.get("jobs")
    if not isinstance(jobs, dict) or not all(isinstance(j, dict) for j in jobs.values()):
        return ["workflow has no jobs mapping"]
    problems = _permission_problems(doc, jobs) + _uses_problems(text, jobs)
    problems += _build_problems(jobs) + _deploy_problems(jobs)

    # YAML 1.1 reads the bare key `on` as boolean true.
    triggers = doc.get("on", doc.get(True))
    if not (isinstance(triggers, dict) and {"push", "pull_request", "workflow_dispatch"} <= set(triggers)):
        problems.append("workflow must trigger on push, pull_request and workflow_dispatch")
    top_concurrency = doc.get("concurrency")
    if isinstance(top_concurrency, dict) and top_concurrency.get("cancel-in-progress") is True:
        problems.append("top-level concurrency cancels in-progress runs, including deploys from main")
    env = doc.get("env") or {}
    if str(env.get("NO_MKDOCS_2_WARNING")) != "1" or str(env.get("DISABLE_MKDOCS_2_WARNING")) != "true":
        problems.append("workflow env must set NO_MKDOCS_2_WARNING=1 and DISABLE_MKDOCS_2_WARNING=true")
    for name, job in jobs.items():
        if not isinstance(job.get("timeout-minutes"), int):
            problems.append(f"job {name} has no timeout-minutes")
        for step in _steps(job):
            if (
                _uses_name(step) == "actions/checkout"
                and (step.get("with") or {}).get("persist-credentials") is not False
            ):
                problems.append(f"job {name}: actions/checkout without persist-credentials: false")
    return problems


# --- the real workflow -------------------------------------------------------------------------


def test_workflow_matches_builtin_github_schema() -> None:
    result = subprocess.run(
        [_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _zizmor(workdir: Path) -> tuple[int, list[dict[str, Any]], str]:
    result = subprocess.run(
        [_tool("zizmor"), "--offline", "--no-progress", "--format", "json", ".github/workflows/"],
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=120,
    )
    findings: list[dict[str, Any]] = json.loads(result.stdout) if result.stdout.strip() else []
    return result.returncode, findings, result.stderr


def test_zizmor_offline_reports_no_findings() -> None:
    returncode, findings, stderr = _zizmor(ROOT)
    assert findings == [], json.dumps(findings, indent=2)
    assert returncode == 0, stderr


def test_real_workflow_passes_structural_checks() -> None:
    assert workflow_problems(WORKFLOW.read_text(encoding="utf-8")) == []


def test_every_uses_line_is_seen_by_the_checker() -> None:
    # Guards against the uses-regex drifting so far that it matches nothing and checks nothing.
    text = WORKFLOW.read_text(encoding="utf-8")
    uses_lines = [line for line in text.splitlines() if _USES_LINE.match(line)]
    assert len(uses_lines) >= 5
    assert all(_PINNED_USES.match(line.split("uses:", 1)[1].split()[0]) for line in uses_lines)


# --- negative tests: each mutation must be rejected ---------------------------------------------

_CHECKOUT_PIN = "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2"
_TOP_PERMISSIONS = "permissions:\n  contents: read\n"
_DEPLOY_IF = (
    "    if: >-\n"
    "      github.ref == 'refs/heads/main'\n"
    "      && (github.event_name == 'push' || github.event_name == 'workflow_dispatch')\n"
)

MUTATIONS: dict[str, tuple[str, str, str]] = {
    # id: (old text, new text, expected problem substring)
    "checkout-tag": (_CHECKOUT_PIN, "actions/checkout@v4", "not pinned"),
    "checkout-short-sha": (_CHECKOUT_PIN, "actions/checkout@11bd719 # v4.2.2", "not pinned"),
    "no-version-comment": (_CHECKOUT_PIN, _CHECKOUT_PIN.split(" #")[0], "version comment"),
    "write-all": (_TOP_PERMISSIONS, "permissions: write-all\n", "top-level permissions"),
    "pages-at-top": (_TOP_PERMISSIONS, _TOP_PERMISSIONS + "  pages: write\n", "top-level permissions"),
    "deploy-any-branch": (
        _DEPLOY_IF,
        "    if: github.event_name == 'push'\n",
        "does not require github.ref == 'refs/heads/main'",
    ),
    "deploy-or-bypass": (
        _DEPLOY_IF,
        _DEPLOY_IF.rstrip("\n") + " || true\n",
        "top-level `||`",
    ),
    "deploy-on-pull-request": (
        _DEPLOY_IF,
        "    if: github.ref == 'refs/heads/main' && github.event_name == 'pull_request'\n",
        "does not limit github.event_name",
    ),
    "no-strict": ("mkdocs build --strict", "mkdocs build", "--strict"),
    "persisted-credentials": (
        "persist-credentials: false",
        "persist-credentials: true",
        "persist-credentials",
    ),
    "cancel-deploys": (
        "      group: pages\n      cancel-in-progress: false",
        "      group: pages\n      cancel-in-progress: true",
        "cancel-in-progress: false",
    ),
    "no-timeout": ("    timeout-minutes: 10\n", "", "timeout-minutes"),
}


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_structural_checker_rejects_mutated_workflow(tmp_path: Path, mutation: str) -> None:
    old, new, expected = MUTATIONS[mutation]
    text = WORKFLOW.read_text(encoding="utf-8")
    assert old in text, f"mutation {mutation!r} no longer applies; update it alongside the workflow"
    bad = tmp_path / "pages.yml"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    problems = workflow_problems(bad.read_text(encoding="utf-8"))
    assert any(expected in p for p in problems), problems


def test_zizmor_rejects_unpinned_and_write_all(tmp_path: Path) -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    text = text.replace(_CHECKOUT_PIN, "actions/checkout@v4").replace(
        _TOP_PERMISSIONS, "permissions: write-all\n", 1
    )
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "pages.yml").write_text(text, encoding="utf-8")
    returncode, findings, _ = _zizmor(tmp_path)
    assert returncode != 0
    assert {"excessive-permissions", "unpinned-uses"} <= {f["ident"] for f in findings}


def test_schema_rejects_misspelled_key(tmp_path: Path) -> None:
    bad = tmp_path / "pages.yml"
    text = WORKFLOW.read_text(encoding="utf-8")
    bad.write_text(text.replace("    timeout-minutes: 10\n", "    timeout-minute: 10\n", 1), encoding="utf-8")
    result = subprocess.run(
        [_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(bad)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "timeout-minute" in result.stdout


@pytest.mark.parametrize(
    ("condition", "ok"),
    [
        ("github.ref == 'refs/heads/main' && github.event_name == 'push'", True),
        ("${{ (github.ref == 'refs/heads/main') && (github.event_name == 'workflow_dispatch') }}", True),
        ("((github.ref == 'refs/heads/main')) && github.event_name == 'push'", True),
        ("(github.ref == 'refs/heads/main') || (github.event_name == 'push')", False),
        ("github.ref == 'refs/heads/main'", False),  # events must be named explicitly too
        ("github.ref != 'refs/heads/main' && github.event_name == 'push'", False),
        ("github.ref == 'refs/heads/main' || github.event_name == 'push'", False),
        ("github.ref == 'refs/heads/main' && (github.event_name == 'push' || always())", False),
        ("github.ref == 'refs/heads/main' && contains(github.event_name, 'push')", False),
        ("github.ref == 'refs/heads/main && x' && github.event_name == 'push'", False),
        (None, False),
    ],
)
def test_deploy_condition_parser(condition: str | None, ok: bool) -> None:
    assert (_deploy_condition_problems(condition) == []) is ok
