import datetime as dt
from pathlib import Path

import pytest

from generator.errors import SeedError
from generator.metadata import load_sources


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "sources.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_missing_file_means_no_metadata(tmp_path: Path) -> None:
    assert load_sources(tmp_path).entries == {}


def test_fields_and_dates(tmp_path: Path) -> None:
    src = load_sources(write(tmp_path, "event: A flood\narticles:\n  a:\n    title: T\n    published: 2025-04-28\n"
                                       "  b:\n    published: '2025-01-02'\n    author: 42\n"))
    assert src.event == "A flood"
    assert src.entries["a"].title == "T"
    assert src.entries["a"].published == dt.date(2025, 4, 28)
    assert src.entries["b"].published == dt.date(2025, 1, 2)
    assert src.entries["b"].author == "42"
    assert src.warnings == ()


def test_unknown_keys_and_bad_values_warn(tmp_path: Path) -> None:
    src = load_sources(write(tmp_path, "evnt: x\narticles:\n  a:\n    titel: T\n    published: last week\n"
                                       "    outlet: [1, 2]\n"))
    text = "\n".join(src.warnings)
    assert "unknown key 'evnt'" in text
    assert "unknown field 'titel'" in text
    assert "published must be a date" in text
    assert "outlet: expected text" in text


def test_malformed_yaml_names_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(SeedError) as err:
        load_sources(write(tmp_path, "articles:\n  a: [unclosed\n  b: 1\n"))
    assert err.value.path == "sources.yaml"
    assert "line" in err.value.reason


def test_unsafe_tags_are_refused(tmp_path: Path) -> None:
    with pytest.raises(SeedError):
        load_sources(write(tmp_path, "articles: !!python/object/apply:os.system ['echo hi']\n"))


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\narticles: {}\n"
    with pytest.raises(SeedError, match="aliases"):
        load_sources(write(tmp_path, bomb))


def test_wrong_shape_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SeedError, match="mapping"):
        load_sources(write(tmp_path, "- a\n- b\n"))
    with pytest.raises(SeedError, match="articles"):
        load_sources(write(tmp_path, "articles: [a, b]\n"))
