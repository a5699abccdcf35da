"""The national rubric run again in a later year names that year in its texts, as the office contests do."""

from __future__ import annotations

import json

from rubrics.selectors import rubric_data, rubric_data_moved


def _texts(data: dict) -> str:
    return json.dumps([d["criteria"] for d in data["dimensions"]], ensure_ascii=False)


def test_national_rubric_moved_four_years_names_the_new_years_in_its_criteria(rubric):
    texts = _texts(rubric_data_moved(rubric, 4))
    assert ("๒๕๖๖" in _texts(rubric_data(rubric)), "๒๕๖๖" in texts, "๒๕๗๐" in texts) == (True, False, True)


def test_national_rubric_moved_keeps_counts_that_only_look_like_years(rubric):
    original, moved = rubric_data(rubric), rubric_data_moved(rubric, 4)
    assert (moved["year"], moved["starts_on"], _texts(original).count("2000")) == (
        2570,
        "2026-10-01",
        _texts(moved).count("2000"),
    )
