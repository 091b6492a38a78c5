"""Safe YAML loading for editor-written files (sources.yaml, overrides.yaml): path → Python data.

Safe loader only, a size cap, and errors that name the file and line. Type checks of the loaded
data belong to the caller, which knows the expected shape.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import SeedError
from .safefiles import read_limited

MAX_YAML_BYTES = 1_000_000
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path, label: str) -> object:
    """Parse ``path`` with the safe loader; ``label`` is the name used in error messages."""
    raw = read_limited(path, path.parent, MAX_YAML_BYTES, label)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SeedError(label, f"is not valid UTF-8 (byte {exc.start})") from exc
    try:
        # Aliases are refused outright: editors have no need for them and they enable alias bombs.
        if "&" in text or "*" in text:
            for event in yaml.parse(text, Loader=_Loader):
                if isinstance(event, yaml.AliasEvent):
                    mark = event.start_mark
                    line = mark.line + 1 if mark is not None else 0
                    raise SeedError(label, f"line {line}: YAML aliases are not allowed")
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        where = exc.problem_mark or exc.context_mark
        prefix = f"line {where.line + 1}: " if where is not None else ""
        raise SeedError(label, f"{prefix}{exc.problem or exc.context or 'invalid YAML'}") from exc
    except yaml.YAMLError as exc:
        raise SeedError(label, f"invalid YAML ({exc})") from exc
