"""The year's files (`core.sheets.exporter`) cost each entrant the same at N and at 10 × N entrants."""

import pytest

from core.sheets.exporter import export
from tests.scale.contest import on_the_day, scaled_contest, tenfold
from tests.scale.cost import assert_linear_cost, cost


@pytest.mark.pg  # queries counted
@pytest.mark.parametrize(
    "identifier, fmt",
    [("standings", "csv"), ("facts", "csv"), ("fact-changes", "csv"), ("fact-template", "csv"),
     ("contest-fact-template", "xlsx")],
)  # fmt: skip
def test_a_year_s_file_costs_each_entrant_the_same_at_n_and_10_n_entrants(db, monkeypatch, identifier, fmt):
    # scoring/exporters.py's files: the same queries, and Python calls and SQLite's work that grow with the
    # entrants, never with the entrants twice over (tests/scale/cost.py).
    on_the_day(monkeypatch)
    scaled = scaled_contest(kept=True, explained=True)  # the explanation pass run after each recompute, as the worker
    source = scaled.rubric.contest if identifier == "contest-fact-template" else scaled.rubric

    def read():
        return export(source, identifier, fmt)

    read()  # what a process keeps: the rubric's spec and calendar
    small = cost(read)
    n = tenfold(scaled)
    read()
    assert_linear_cost(f"{identifier}.{fmt}", n, small, cost(read))
