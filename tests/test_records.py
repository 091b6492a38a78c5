"""Records travel between processes (the worker pool, a Dask cluster) pickled as their field values."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

import generator.records as records
from generator.cache import Extraction
from generator.ingest import list_seeds
from generator.pipeline import analyze, extract_file
from generator.records import pickled_by_fields

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _record_classes() -> list[type]:
    found = [getattr(records, n) for n in dir(records)]
    return [
        c for c in found if isinstance(c, type) and dataclasses.is_dataclass(c) and c.__module__ == records.__name__
    ]


def test_every_record_is_pickled_by_its_field_values() -> None:
    classes = [*_record_classes(), Extraction]
    assert len(classes) > 15
    for cls in classes:
        assert "__reduce__" in vars(cls), cls.__name__


def test_extractions_come_back_equal_and_without_field_names() -> None:
    for seed in list_seeds(SEEDS).files:
        extraction = extract_file(seed, SEEDS)
        assert isinstance(extraction, Extraction)
        blob = pickle.dumps(extraction, pickle.HIGHEST_PROTOCOL)
        assert pickle.loads(blob) == extraction
        # The slotted-dataclass default pickles each record's field names with its state.
        assert b"speaker_kind" not in blob and b"granularity" not in blob


def test_a_whole_report_comes_back_equal() -> None:
    report = analyze(SEEDS, workers=1)
    assert report.claims and report.facts and report.contradictions
    assert pickle.loads(pickle.dumps(report)) == report


def test_a_record_with_a_field_the_constructor_does_not_take_is_refused() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Derived:
        a: int
        b: int = dataclasses.field(init=False, default=0)

    with pytest.raises(TypeError, match="Derived"):
        pickled_by_fields(Derived)


@pickled_by_fields
@dataclasses.dataclass(frozen=True, slots=True)
class One:
    value: tuple[int, ...]


def test_a_one_field_record_round_trips() -> None:
    assert pickle.dumps(One((1, 2))).count(b"value") == 0
    assert pickle.loads(pickle.dumps(One((1, 2)))) == One((1, 2))
