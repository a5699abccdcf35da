"""The one table of who may get what: every route (by URL name) and method, per world and role, with its exact
status.

Two worlds are asked (tests/security/isolation.py), each its own target and roles:
- the national contest's (`national`): Chiang Mai's (TH-50) objects, TH-50 an awardee with its own certificate
  (conftest.py). Its roles, in order: anonymous, provincial staff of another province (Phuket), the organiser of
  another office's contest (Phuket's), a committee member conflicted with TH-50, TH-50's own provincial staff,
  committee, chair, central staff.
- an office-run contest's (`office`): Chonburi's (TH-20) district website contest, `chonburi-web-2564` in every
  <year> and <slug>, its entrant district's code in <code>, its object of the rule in <pk> (office/conftest.py).
  Its roles, in order: anonymous; Nong Khai's (TH-43) organiser, a Nong Khai district's staff and a Nong Khai
  panel's member (each with a contest of their own); Chonburi's provincial staff, who do not enter its district
  contest; the national committee member; then the contest's own, the positive controls: Chonburi's organiser,
  the entrant district's staff, a member of Chonburi's panel. Whoever may not see the contest must not learn it
  exists: its names carry the mark too.

Each method's cells are a pair of rows, the national world's then the office world's, one cell per role of that
world; a row of one cell is every role of its world, and one cell alone (not a pair) every role of both worlds.
Each cell is a sign and the exact status the role gets:
  -  refused: 401, 403 or 404, or a 302 to the login page of the part asked (the admin's under /admin/)
  0  served, but the target's data must not be in it (a list filtered to the user's own office)
  +  served, and the role may legitimately see the target's data
  *  served with the target's data: a positive control
so "-302" is sent to log in, "-404" refused as not found, "0200" a page without the target's data, "0201" made.
A route's plain GET, POST and DELETE send nothing; its asks (`Ask`) send a form, or fill the route otherwise, in
the worlds whose row they give (None: not asked in that world).
The strangers' columns (nobody signed in, another office's people, a conflicted member) run in `make check`
(test_isolation.py), the rest in `make test` (tests/whole/security/test_isolation_insiders.py).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from tests.submissions import files

from .conftest import ROLES, schema_operations, url_patterns
from .office.conftest import ROLES as OFFICE_ROLES

# The worlds, in the order of a rule's pair of rows, and the roles of each, in the order of a row's cells.
WORLDS = {"national": ROLES, "office": OFFICE_ROLES}
# A method's cells: one cell for every role of both worlds, or a row per world (None: not asked there).
Cells = str | tuple[str | None, str | None]
CELL = r"[-0+*][1-5]\d\d"


def row_for(cells: Cells | None, world: str) -> str | None:
    """The row of `world`'s roles, one cell each, or None where the world is not asked."""
    if cells is None:
        return None
    row = cells if isinstance(cells, str) else cells[list(WORLDS).index(world)]
    if row is not None and len(row.split()) == 1:
        return " ".join([row] * len(WORLDS[world]))
    return row


def check_cells(cells: Cells | None) -> None:
    """One cell for both worlds, or a pair: each world's row one cell, or one for each of its roles, each a sign
    and a status."""
    assert not isinstance(cells, str) or len(cells.split()) == 1, cells
    for world in WORLDS:
        row = row_for(cells, world)
        if row is not None:
            assert len(row.split()) == len(WORLDS[world]), (world, row)
            assert all(re.fullmatch(CELL, cell) for cell in row.split()), row


@dataclass(frozen=True)
class Ask:
    """One request to a route: its method, its cells (a rule's: `Cells`; as asked: its world's row), and what it
    carries."""

    method: str
    row: Cells
    name: str = ""  # what it carries, named in a failure: "judge" for the scoring screen's form
    data: Callable[[], dict] | None = None  # its form, made afresh for each request (an upload is read once)
    params: dict = field(default_factory=dict)  # the route's parts where they differ from the world's
    json: bool = False  # asks for JSON (Accept: application/json), as the page's scripts do
    obj: str | None = None  # the world's object (its key) whose pk fills <pk>, where not the rule's

    def label(self) -> str:
        return f" ({self.name})" if self.name else ""


@dataclass(frozen=True)
class Rule:
    get: Cells | None = None
    post: Cells | None = None
    obj: str | None = None  # model label of the target's object whose pk fills <pk> or <object_id>
    query: str | tuple[str, str] = ""  # appended to the path, its {names} filled as the route's: "?year={year}"
    delete: Cells | None = None  # an API operation that takes DELETE (withdrawing a nominee)
    asks: tuple[Ask, ...] = ()  # requests with a form or parts of their own, after the plain ones
    methods: dict = field(init=False, default_factory=dict)

    def __post_init__(self):
        pairs = (("GET", self.get), ("POST", self.post), ("DELETE", self.delete))
        self.methods.update({m: cells for m, cells in pairs if cells})
        for cells in [*self.methods.values(), *(ask.row for ask in self.asks)]:
            check_cells(cells)

    def query_for(self, world: str) -> str:
        return self.query if isinstance(self.query, str) else self.query[list(WORLDS).index(world)]

    def every_ask(self, world: str) -> list[Ask]:
        """The plain GET, POST and DELETE (nothing sent), then the rule's own asks, each with `world`'s row."""
        asks = [Ask(method, cells) for method, cells in self.methods.items()] + list(self.asks)
        return [replace(ask, row=row_for(ask.row, world)) for ask in asks if row_for(ask.row, world)]


def a_pdf() -> dict:
    """An evidence form with a PDF, as the criterion's page sends it."""
    return {"file": files.upload("a.pdf", files.pdf_new()), "description": "ภาพ"}


def certificate() -> dict:
    """Asking for one awardee's certificate, TH-50's (who may ask: whoever runs the contest)."""
    return {"kind": "certificates", "province": "TH-50"}


def scoring(action: str, **fields: str) -> Callable[[], dict]:
    """The scoring screen's form for one action, on the cell as the screen last showed it (version 0)."""
    return lambda: {"action": action, "expected_version": 0, **fields}


# Admin's own views that show no province's data, skipped with the reason.
SKIP = {
    "admin:login": "admin's login form, no data",
    "admin:logout": "ends the session, no data",
    "admin:jsi18n": "admin's translated JavaScript catalogue, static",
    "admin:view_on_site": "redirects to a model's get_absolute_url; no model here defines one",
    "admin/(?P<url>.*)$": "admin's catch-all: 404 or redirect to its login",
    "admin:password_change_done": "a static confirmation page",
    # Its answer depends on the worker and Redis of the run, not on who asks (tests/ops/test_health.py).
    "ops:readyz": "the operators' readiness probe: the same checks for everyone, no province's data",
}


RULES = {
    "admin:index": Rule(
        get=("-302 -302 0200 0200 -302 0200 0200 0200", "-302 0200 -302 0200 -302 0200 +200 -302 +200"),
        post=("-302 -302 0200 0200 -302 0200 0200 0200", "-302 0200 -302 0200 -302 0200 +200 -302 +200"),
    ),
    # to the portal's counted page
    "admin:password_change": Rule(
        get=("-302 0302 0302 0302 0302 0302 0302 0302", "-302 0302 0302 0302 0302 0302 +302 +302 +302"),
        post=("-302 0302 0302 0302 0302 0302 0302 0302", "-302 0302 0302 0302 0302 0302 +302 +302 +302"),
    ),
    "admin:autocomplete": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403")
    ),
    "admin:contests_unit_changelist": Rule(
        get=("-302 -302 -403 0200 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0200 -403 -302 -403"),
        post=("-302 -302 -403 0200 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0200 -403 -302 -403"),
        obj="contests.unit",
    ),
    "admin:contests_unit_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="contests.unit",
    ),
    "admin:contests_unit_history": Rule(
        get=("-302 -302 0302 0302 -302 0200 0200 0200", "-302 0302 -302 0302 -302 0302 -403 -302 -403"),
        post=("-302 -302 0302 0302 -302 0200 0200 0200", "-302 0302 -302 0302 -302 0302 -403 -302 -403"),
        obj="contests.unit",
    ),
    "admin:contests_unit_delete": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="contests.unit",
    ),
    "admin:contests_unit_change": Rule(
        get=("-302 -302 -403 0302 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0302 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="contests.unit",
    ),
    "admin/contests/unit/<path:object_id>/": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="contests.unit",
    ),
    "admin:rubrics_contestperiod_changelist": Rule(
        get=("-302 -302 -403 0200 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0200 -403 -302 -403"),
        post=("-302 -302 -403 0200 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0200 -403 -302 -403"),
        obj="rubrics.contestperiod",
    ),
    "admin:rubrics_contestperiod_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="rubrics.contestperiod",
    ),
    "admin:rubrics_contestperiod_history": Rule(
        get=("-302 -302 -403 0200 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0302 -403 -302 -403"),
        post=("-302 -302 -403 0200 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0302 -403 -302 -403"),
        obj="rubrics.contestperiod",
    ),
    "admin:rubrics_contestperiod_delete": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="rubrics.contestperiod",
    ),
    "admin:rubrics_contestperiod_change": Rule(
        get=("-302 -302 -403 0200 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0302 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="rubrics.contestperiod",
    ),
    "admin/rubrics/contestperiod/<path:object_id>/": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="rubrics.contestperiod",
    ),
    "admin:rubrics_criterion_changelist": Rule(
        get=("-302 -302 -403 0200 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0200 -403 -302 -403"),
        post=("-302 -302 -403 0200 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0200 -403 -302 -403"),
        obj="rubrics.criterion",
    ),
    "admin:rubrics_criterion_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="rubrics.criterion",
    ),
    "admin:rubrics_criterion_history": Rule(
        get=("-302 -302 -403 0200 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0302 -403 -302 -403"),
        post=("-302 -302 -403 0200 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0302 -403 -302 -403"),
        obj="rubrics.criterion",
    ),
    "admin:rubrics_criterion_delete": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="rubrics.criterion",
    ),
    "admin:rubrics_criterion_change": Rule(
        get=("-302 -302 -403 0200 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0302 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="rubrics.criterion",
    ),
    "admin/rubrics/criterion/<path:object_id>/": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="rubrics.criterion",
    ),
    "admin:scoring_fact_template": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
    ),
    "admin:scoring_fact_process_import": Rule(
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403")
    ),
    "admin:scoring_fact_import": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
    ),
    "admin:scoring_fact_export": Rule(
        get=("-302 -302 -403 0200 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0200 -403 -302 -403"),
        post=("-302 -302 -403 0200 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0200 -403 -302 -403"),
    ),
    "admin:scoring_fact_changelist": Rule(
        get=("-302 -302 -403 0200 -302 +200 +200 +200", "-302 -403 -302 -403 -302 0200 -403 -302 -403"),
        post=("-302 -302 -403 0200 -302 +200 +200 +200", "-302 -403 -302 -403 -302 0200 -403 -302 -403"),
        obj="scoring.fact",
    ),
    "admin:scoring_fact_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="scoring.fact",
    ),
    "admin:scoring_fact_history": Rule(
        get=("-302 -302 0302 0302 -302 +200 +200 +200", "-302 0302 -302 0302 -302 0302 -403 -302 -403"),
        post=("-302 -302 0302 0302 -302 +200 +200 +200", "-302 0302 -302 0302 -302 0302 -403 -302 -403"),
        obj="scoring.fact",
    ),
    "admin:scoring_fact_delete": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="scoring.fact",
    ),
    "admin:scoring_fact_change": Rule(
        get=("-302 -302 -403 0302 -302 +200 +200 +200", "-302 -403 -302 -403 -302 0302 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="scoring.fact",
    ),
    "admin/scoring/fact/<path:object_id>/": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="scoring.fact",
    ),
    "admin:scoring_factchange_changelist": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 +200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 +200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="scoring.factchange",
    ),
    "admin:scoring_factchange_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="scoring.factchange",
    ),
    "admin:scoring_factchange_history": Rule(
        get=("-302 -302 0302 0302 -302 -403 -403 +200", "-302 0302 -302 0302 -302 0302 -403 -302 -403"),
        post=("-302 -302 0302 0302 -302 -403 -403 +200", "-302 0302 -302 0302 -302 0302 -403 -302 -403"),
        obj="scoring.factchange",
    ),
    "admin:scoring_factchange_delete": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="scoring.factchange",
    ),
    "admin:scoring_factchange_change": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 +200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="scoring.factchange",
    ),
    "admin/scoring/factchange/<path:object_id>/": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="scoring.factchange",
    ),
    "admin:rubrics_holidayoverride_changelist": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="rubrics.holidayoverride",
    ),
    "admin:rubrics_holidayoverride_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="rubrics.holidayoverride",
    ),
    "admin:rubrics_holidayoverride_history": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="rubrics.holidayoverride",
    ),
    "admin:rubrics_holidayoverride_delete": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="rubrics.holidayoverride",
    ),
    "admin:rubrics_holidayoverride_change": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="rubrics.holidayoverride",
    ),
    "admin/rubrics/holidayoverride/<path:object_id>/": Rule(
        get=("-302 -302 -404 -404 -302 -404 -404 -404", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
        post=("-302 -302 -404 -404 -302 -404 -404 -404", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
        obj="rubrics.holidayoverride",
    ),
    "admin:rubrics_holidayoverridechange_changelist": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="rubrics.holidayoverridechange",
    ),
    "admin:rubrics_holidayoverridechange_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="rubrics.holidayoverridechange",
    ),
    "admin:rubrics_holidayoverridechange_history": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="rubrics.holidayoverridechange",
    ),
    "admin:rubrics_holidayoverridechange_delete": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="rubrics.holidayoverridechange",
    ),
    "admin:rubrics_holidayoverridechange_change": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="rubrics.holidayoverridechange",
    ),
    "admin/rubrics/holidayoverridechange/<path:object_id>/": Rule(
        get=("-302 -302 -404 -404 -302 -404 -404 -404", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
        post=("-302 -302 -404 -404 -302 -404 -404 -404", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
        obj="rubrics.holidayoverridechange",
    ),
    "admin:scoring_standing_changelist": Rule(
        get=("-302 -302 -403 0200 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0200 -403 -302 -403"),
        post=("-302 -302 -403 0200 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0200 -403 -302 -403"),
        obj="scoring.standing",
    ),
    "admin:scoring_standing_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="scoring.standing",
    ),
    "admin:scoring_standing_history": Rule(
        get=("-302 -302 0302 0302 -302 0200 0200 0200", "-302 0302 -302 0302 -302 0302 -403 -302 -403"),
        post=("-302 -302 0302 0302 -302 0200 0200 0200", "-302 0302 -302 0302 -302 0302 -403 -302 -403"),
        obj="scoring.standing",
    ),
    "admin:scoring_standing_delete": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="scoring.standing",
    ),
    "admin:scoring_standing_change": Rule(
        get=("-302 -302 -403 0302 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0302 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="scoring.standing",
    ),
    "admin/scoring/standing/<path:object_id>/": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="scoring.standing",
    ),
    # Nominees: read-only, for central staff and organisers (none of the six roles here is an organiser).
    "admin:nominees_nominee_changelist": Rule(
        get=("-302 -302 0200 -403 -302 -403 -403 0200", "-302 0200 -302 -403 -302 -403 *200 -302 -403"),
        post=("-302 -302 0200 -403 -302 -403 -403 0200", "-302 0200 -302 -403 -302 -403 *200 -302 -403"),
        obj="nominees.nominee",
    ),
    "admin:nominees_nominee_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="nominees.nominee",
    ),
    "admin:nominees_nominee_history": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 *200 -302 -403"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 *200 -302 -403"),
        obj="nominees.nominee",
    ),
    "admin:nominees_nominee_delete": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="nominees.nominee",
    ),
    "admin:nominees_nominee_change": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 -403 -302 -403 *200 -302 -403"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="nominees.nominee",
    ),
    "admin/nominees/nominee/<path:object_id>/": Rule(
        get=("-302 -302 -404 -404 -302 -404 -404 -404", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 -404 -404 -302 -404 -404 -404", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="nominees.nominee",
    ),
    # Seed 002's stages (stages.admin), read-only; these worlds hold no stage: the rows of one
    # office's picks against another's are tests/scoring/admin/test_admin_stages.py's.
    "admin:stages_stage_changelist": Rule(
        get=("-302 -302 0200 -403 -302 -403 -403 0200", "-302 0200 -302 -403 -302 -403 0200 -302 -403"),
        post=("-302 -302 0200 -403 -302 -403 -403 0200", "-302 0200 -302 -403 -302 -403 0200 -302 -403"),
        obj="stages.stage",
    ),
    "admin:stages_stage_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="stages.stage",
    ),
    "admin:stages_stage_history": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 0302 -302 0302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 0302 -302 0302"),
        obj="stages.stage",
    ),
    "admin:stages_stage_delete": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 0302 -302 0302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 0302 -302 0302"),
        obj="stages.stage",
    ),
    "admin:stages_stage_change": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 0302 -302 0302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 0302 -302 0302"),
        obj="stages.stage",
    ),
    "admin/stages/stage/<path:object_id>/": Rule(
        get=("-302 -302 -404 -404 -302 -404 -404 -404", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
        post=("-302 -302 -404 -404 -302 -404 -404 -404", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
        obj="stages.stage",
    ),
    "admin:stages_stageentry_changelist": Rule(
        get=("-302 -302 0200 -403 -302 -403 -403 0200", "-302 0200 -302 -403 -302 -403 0200 -302 -403"),
        post=("-302 -302 0200 -403 -302 -403 -403 0200", "-302 0200 -302 -403 -302 -403 0200 -302 -403"),
        obj="stages.stageentry",
    ),
    "admin:stages_stageentry_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="stages.stageentry",
    ),
    "admin:stages_stageentry_history": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 0302 -302 0302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 0302 -302 0302"),
        obj="stages.stageentry",
    ),
    "admin:stages_stageentry_delete": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 0302 -302 0302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 0302 -302 0302"),
        obj="stages.stageentry",
    ),
    "admin:stages_stageentry_change": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 0302 -302 0302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 0302 -302 0302"),
        obj="stages.stageentry",
    ),
    "admin/stages/stageentry/<path:object_id>/": Rule(
        get=("-302 -302 -404 -404 -302 -404 -404 -404", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
        post=("-302 -302 -404 -404 -302 -404 -404 -404", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
        obj="stages.stageentry",
    ),
    "admin:stages_pastmodel_changelist": Rule(
        get=("-302 -302 0200 -403 -302 -403 -403 0200", "-302 0200 -302 -403 -302 -403 0200 -302 -403"),
        post=("-302 -302 0200 -403 -302 -403 -403 0200", "-302 0200 -302 -403 -302 -403 0200 -302 -403"),
        obj="stages.pastmodel",
    ),
    "admin:stages_pastmodel_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="stages.pastmodel",
    ),
    "admin:stages_pastmodel_history": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 0302 -302 0302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 0302 -302 0302"),
        obj="stages.pastmodel",
    ),
    "admin:stages_pastmodel_delete": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 0302 -302 0302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 0302 -302 0302"),
        obj="stages.pastmodel",
    ),
    "admin:stages_pastmodel_change": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 0302 -302 0302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 0302 -302 0302"),
        obj="stages.pastmodel",
    ),
    "admin/stages/pastmodel/<path:object_id>/": Rule(
        get=("-302 -302 -404 -404 -302 -404 -404 -404", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
        post=("-302 -302 -404 -404 -302 -404 -404 -404", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
        obj="stages.pastmodel",
    ),
    "admin:stages_registersource_changelist": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="stages.registersource",
    ),
    "admin:stages_registersource_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="stages.registersource",
    ),
    "admin:stages_registersource_history": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 0302 -302 0302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 0302 -302 0302"),
        obj="stages.registersource",
    ),
    "admin:stages_registersource_delete": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 0302 -302 0302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 0302 -302 0302"),
        obj="stages.registersource",
    ),
    "admin:stages_registersource_change": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 0302 -302 0302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 0302 -302 0302"),
        obj="stages.registersource",
    ),
    "admin/stages/registersource/<path:object_id>/": Rule(
        get=("-302 -302 -404 -404 -302 -404 -404 -404", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
        post=("-302 -302 -404 -404 -302 -404 -404 -404", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
        obj="stages.registersource",
    ),
    # accounts: the sign-in audit, a person's own pages, account links, the sheet
    "admin:accounts_accountevent_changelist": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="accounts.accountevent",
    ),
    "admin:accounts_accountevent_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="accounts.accountevent",
    ),
    "admin:accounts_accountevent_history": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="accounts.accountevent",
    ),
    "admin:accounts_accountevent_delete": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="accounts.accountevent",
    ),
    "admin:accounts_accountevent_change": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="accounts.accountevent",
    ),
    "admin/accounts/accountevent/<path:object_id>/": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="accounts.accountevent",
    ),
    "accounts:account": Rule(
        get=("-302 0200 0200 0200 0200 0200 0200 0200", "-302 0200 0200 0200 0200 0200 +200 +200 +200"),
        post=("-302 0200 0200 0200 0200 0200 0200 0200", "-302 0200 0200 0200 0200 0200 +200 +200 +200"),
    ),
    # A person's own notices (notices/): the inbox lists only theirs; read and preferences touch only theirs. An
    # office's contest's notices reach its own people only (its name carries the mark).
    "notices:inbox": Rule(
        get=("-302 0200 0200 0200 0200 0200 0200 0200", "-302 0200 0200 0200 0200 0200 +200 +200 +200")
    ),
    "notices:read": Rule(
        post=("-302 0302 0302 0302 0302 0302 0302 0302", "-302 0302 0302 0302 0302 0302 +302 +302 +302")
    ),
    "notices:preferences": Rule(
        post=("-302 0302 0302 0302 0302 0302 0302 0302", "-302 0302 0302 0302 0302 0302 +302 +302 +302")
    ),
    "accounts:second_factor": Rule(
        get=("-302 0200 0200 0200 0200 0200 0200 0200", "-302 0200 0200 0200 0200 0200 +200 +200 +200"),
        post=("-302 0200 0200 0200 0200 0200 0200 0200", "-302 0200 0200 0200 0200 0200 +200 +200 +200"),
    ),
    # LINE (docs/line.md): one's own link code and unlinking, never another's. The matrix runs with LINE off:
    # connecting goes back to the account page and the webhook is not found for anyone (with LINE on, a post
    # without LINE's signature is 400 and changes nothing: tests/notices/channels/line/test_link.py).
    "accounts:line_connect": Rule(
        get=("-302 0405 0405 0405 0405 0405 0405 0405", "-302 0405 0405 0405 0405 0405 +405 +405 +405"),
        post=("-302 0302 0302 0302 0302 0302 0302 0302", "-302 0302 0302 0302 0302 0302 +302 +302 +302"),
    ),
    "accounts:line_unlink": Rule(
        get=("-302 0405 0405 0405 0405 0405 0405 0405", "-302 0405 0405 0405 0405 0405 +405 +405 +405"),
        post=("-302 0302 0302 0302 0302 0302 0302 0302", "-302 0302 0302 0302 0302 0302 +302 +302 +302"),
    ),
    # whether one's own LINE is linked
    "accounts:line_status": Rule(
        get=("-302 0200 0200 0200 0200 0200 0200 0200", "-302 0200 0200 0200 0200 0200 +200 +200 +200")
    ),
    # A calendar address (docs/calendar.md): made and stopped by its owner only, POST only; the feed is read by
    # its secret alone, so a forged one is not found for anyone, signed in or not.
    "accounts:calendar_make": Rule(
        post=("-302 0400 0400 0400 0400 0400 0400 0400", "-302 0400 0400 0400 0400 0400 +400 +400 +400")
    ),
    "accounts:calendar_revoke": Rule(
        post=("-302 0302 0302 0302 0302 0302 0302 0302", "-302 0302 0302 0302 0302 0302 +302 +302 +302")
    ),
    "calendar_feed": Rule(get="-404"),
    # A digital ID (docs/accounts.md): signing in is a link (GET); linking a form that asks the password again
    # (GET shows it, POST sends it), accepting an invitation the invitation page's form (POST), unlinking a form;
    # linking and unlinking are the signed-in person's own, with no object in the address to name another's. The
    # matrix runs with no provider configured, so each is not found; the acts themselves, against a real provider:
    # tests/processes/accounts/test_digital_id_flow.py.
    "accounts:digital_id_sign_in": Rule(get="-404", post=("0405", "0405 0405 0405 0405 0405 0405 +405 +405 +405")),
    "accounts:digital_id_link": Rule(
        get=("-302 -404 -404 -404 -404 -404 -404 -404", "-302 -404 -404 -404 -404 -404 -404 -404 -404"),
        post=("-302 -404 -404 -404 -404 -404 -404 -404", "-302 -404 -404 -404 -404 -404 -404 -404 -404"),
    ),
    "accounts:digital_id_invitation": Rule(get=("0405", "0405 0405 0405 0405 0405 0405 +405 +405 +405"), post="-404"),
    "accounts:digital_id_callback": Rule(get="-404", post=("0405", "0405 0405 0405 0405 0405 0405 +405 +405 +405")),
    "accounts:digital_id_unlink": Rule(
        get=("-302 0405 0405 0405 0405 0405 0405 0405", "-302 0405 0405 0405 0405 0405 +405 +405 +405"),
        post=("-302 -404 -404 -404 -404 -404 -404 -404", "-302 -404 -404 -404 -404 -404 -404 -404 -404"),
    ),
    # GET: 405, posts only
    "line:webhook": Rule(get=("0405", "0405 0405 0405 0405 0405 0405 +405 +405 +405"), post="-404"),
    # nothing kept: the code's page, or "nothing saved"
    "accounts:second_factor_continue": Rule(
        get=("-302 0302 0302 0302 0302 0302 0302 0302", "-302 0302 0302 0302 0302 0302 +302 +302 +302")
    ),
    # Passkeys (django-otp-webauthn): JSON ceremonies, POST only. Adding one needs the app first (403 for all
    # here); beginning a confirmation lists only the person's own keys; the catalogue is the library's texts.
    "otp_webauthn:credential-registration-begin": Rule(post="-403"),
    "otp_webauthn:credential-registration-complete": Rule(post="-403"),
    "otp_webauthn:credential-authentication-begin": Rule(
        post=("-403 0200 0200 0200 0200 0200 0200 0200", "-403 0200 0200 0200 0200 0200 +200 +200 +200")
    ),
    "otp_webauthn:credential-authentication-complete": Rule(
        post=("-403 0400 0400 0400 0400 0400 0400 0400", "-403 0400 0400 0400 0400 0400 +400 +400 +400")
    ),
    "otp_webauthn:js-i18n-catalog": Rule(get=("0200", "0200 0200 0200 0200 0200 0200 +200 +200 +200")),
    "accounts:email_confirm": Rule(get=("0400", "0400 0400 0400 0400 0400 0400 +400 +400 +400")),
    "accounts:invitation": Rule(
        get=("0400", "0400 0400 0400 0400 0400 0400 +400 +400 +400"),
        post=("0400", "0400 0400 0400 0400 0400 0400 +400 +400 +400"),
    ),
    "accounts:reset": Rule(
        get=("0200", "0200 0200 0200 0200 0200 0200 +200 +200 +200"),
        post=("0200", "0200 0200 0200 0200 0200 0200 +200 +200 +200"),
    ),
    "accounts:reset_sent": Rule(get=("0200", "0200 0200 0200 0200 0200 0200 +200 +200 +200")),
    "accounts:reset_confirm": Rule(
        get=("0200", "0200 0200 0200 0200 0200 0200 +200 +200 +200"),
        post=("0200", "0200 0200 0200 0200 0200 0200 +200 +200 +200"),
    ),
    "accounts:provision": Rule(
        get=("-302 -403 0200 -403 -403 -403 -403 0200", "-302 0200 -403 -403 -403 -403 +200 -403 -403"),
        post=("-302 -403 0200 -403 -403 -403 -403 0200", "-302 0200 -403 -403 -403 -403 +200 -403 -403"),
    ),
    "accounts:provision_template": Rule(
        get=("-302 -403 0200 -403 -403 -403 -403 0200", "-302 0200 -403 -403 -403 -403 +200 -403 -403")
    ),
    "accounts:unused": Rule(
        get=("-302 -403 -403 -403 -403 -403 -403 0200", "-302 -403 -403 -403 -403 -403 -403 -403 -403"),
        post=("-302 -403 -403 -403 -403 -403 -403 0302", "-302 -403 -403 -403 -403 -403 -403 -403 -403"),
    ),
    # nobody types another's
    "admin:auth_user_password_change": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="auth.user",
    ),
    "admin:auth_user_changelist": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="auth.user",
    ),
    "admin:auth_user_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="auth.user",
    ),
    "admin:auth_user_history": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="auth.user",
    ),
    # closed, never deleted
    "admin:auth_user_delete": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="auth.user",
    ),
    "admin:auth_user_change": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="auth.user",
    ),
    "admin/auth/user/<path:object_id>/": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="auth.user",
    ),
    "admin:submissions_uploadlimit_changelist": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="submissions.uploadlimit",
    ),
    "admin:submissions_uploadlimit_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="submissions.uploadlimit",
    ),
    "admin:submissions_uploadlimit_history": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="submissions.uploadlimit",
    ),
    "admin:submissions_uploadlimit_delete": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="submissions.uploadlimit",
    ),
    "admin:submissions_uploadlimit_change": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="submissions.uploadlimit",
    ),
    "admin/submissions/uploadlimit/<path:object_id>/": Rule(
        get=("-302 -302 -404 -404 -302 -404 -404 -404", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
        post=("-302 -302 -404 -404 -302 -404 -404 -404", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
        obj="submissions.uploadlimit",
    ),
    "admin:submissions_submission_changelist": Rule(
        get=("-302 -302 -403 0200 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0200 -403 -302 -403"),
        post=("-302 -302 -403 0200 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0200 -403 -302 -403"),
        obj="submissions.submission",
    ),
    "admin:submissions_submission_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="submissions.submission",
    ),
    "admin:submissions_submission_history": Rule(
        get=("-302 -302 0302 0302 -302 0200 0200 0200", "-302 0302 -302 0302 -302 0302 -403 -302 -403"),
        post=("-302 -302 0302 0302 -302 0200 0200 0200", "-302 0302 -302 0302 -302 0302 -403 -302 -403"),
        obj="submissions.submission",
    ),
    "admin:submissions_submission_delete": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="submissions.submission",
    ),
    "admin:submissions_submission_change": Rule(
        get=("-302 -302 -403 0302 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0302 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="submissions.submission",
    ),
    "admin/submissions/submission/<path:object_id>/": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="submissions.submission",
    ),
    "admin:submissions_innovationreport_changelist": Rule(
        get=("-302 -302 -403 0200 -302 +200 +200 +200", "-302 -403 -302 -403 -302 0200 -403 -302 -403"),
        post=("-302 -302 -403 0200 -302 +200 +200 +200", "-302 -403 -302 -403 -302 0200 -403 -302 -403"),
        obj="submissions.innovationreport",
    ),
    "admin:submissions_innovationreport_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="submissions.innovationreport",
    ),
    "admin:submissions_innovationreport_history": Rule(
        get=("-302 -302 0302 0302 -302 0200 0200 0200", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0200 0200 0200", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="submissions.innovationreport",
    ),
    "admin:submissions_innovationreport_delete": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="submissions.innovationreport",
    ),
    "admin:submissions_innovationreport_change": Rule(
        get=("-302 -302 -403 0302 -302 +200 +200 +200", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="submissions.innovationreport",
    ),
    "admin/submissions/innovationreport/<path:object_id>/": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
        obj="submissions.innovationreport",
    ),
    "admin:rubrics_awardtier_changelist": Rule(
        get=("-302 -302 -403 0200 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0200 -403 -302 -403"),
        post=("-302 -302 -403 0200 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0200 -403 -302 -403"),
        obj="rubrics.awardtier",
    ),
    "admin:rubrics_awardtier_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="rubrics.awardtier",
    ),
    "admin:rubrics_awardtier_history": Rule(
        get=("-302 -302 -403 0200 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0302 -403 -302 -403"),
        post=("-302 -302 -403 0200 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0302 -403 -302 -403"),
        obj="rubrics.awardtier",
    ),
    "admin:rubrics_awardtier_delete": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="rubrics.awardtier",
    ),
    "admin:rubrics_awardtier_change": Rule(
        get=("-302 -302 -403 0200 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0302 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="rubrics.awardtier",
    ),
    "admin/rubrics/awardtier/<path:object_id>/": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="rubrics.awardtier",
    ),
    "admin:awards_awardsignature_changelist": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="awards.awardsignature",
    ),
    "admin:awards_awardsignature_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="awards.awardsignature",
    ),
    "admin:awards_awardsignature_history": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="awards.awardsignature",
    ),
    "admin:awards_awardsignature_delete": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="awards.awardsignature",
    ),
    "admin:awards_awardsignature_change": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="awards.awardsignature",
    ),
    "admin/awards/awardsignature/<path:object_id>/": Rule(
        get=("-302 -302 -404 -404 -302 -404 -404 -404", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
        post=("-302 -302 -404 -404 -302 -404 -404 -404", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
        obj="awards.awardsignature",
    ),
    "admin:awards_signingcertificate_changelist": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="awards.signingcertificate",
    ),
    "admin:awards_signingcertificate_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="awards.signingcertificate",
    ),
    "admin:awards_signingcertificate_history": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="awards.signingcertificate",
    ),
    "admin:awards_signingcertificate_delete": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="awards.signingcertificate",
    ),
    "admin:awards_signingcertificate_change": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="awards.signingcertificate",
    ),
    "admin/awards/signingcertificate/<path:object_id>/": Rule(
        get=("-302 -302 -404 -404 -302 -404 -404 -404", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
        post=("-302 -302 -404 -404 -302 -404 -404 -404", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
        obj="awards.signingcertificate",
    ),
    "admin:awards_generateddocument_changelist": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="awards.generateddocument",
    ),
    "admin:awards_generateddocument_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="awards.generateddocument",
    ),
    "admin:awards_generateddocument_history": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="awards.generateddocument",
    ),
    "admin:awards_generateddocument_delete": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="awards.generateddocument",
    ),
    "admin:awards_generateddocument_change": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 +200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="awards.generateddocument",
    ),
    "admin/awards/generateddocument/<path:object_id>/": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="awards.generateddocument",
    ),
    "admin:committee_matrix": Rule(
        get=("-302 -302 0200 0200 -302 0200 0200 0200", "-302 -404 -302 -404 -302 -404 *200 -302 *200"),
        post=("-302 -302 0200 0200 -302 0200 0200 0200", "-302 -404 -302 -404 -302 -404 *200 -302 *200"),
        query=("", "?year={year}"),
    ),
    "admin:committee_next": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 -404 -302 -404 -302 -404 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 -404 -302 -404 -302 -404 +302 -302 +302"),
        query=("", "?year={year}"),
    ),
    # The scoring screen's actions, each on a cell where it can be taken: a member judges and the chair records
    # the final (a member may not), anyone of the committee asks a question, a member overrides a fact-based
    # score (3.3's antivirus share); central staff score nothing.
    "admin:committee_score": Rule(
        get=("-302 -302 -403 -404 -302 +200 +200 +200", "-302 -404 -302 -404 -302 -404 *200 -302 *200"),
        post=("-302 -302 -403 -404 -302 +200 +200 +200", "-302 -404 -302 -404 -302 -404 *200 -302 *200"),
        asks=(
            Ask(
                "POST",
                ("-302 -302 -403 -404 -302 0302 0302 -403", None),
                "judge",
                scoring("judge", points="5"),
                {"criterion": "1.1"},
            ),
            Ask(
                "POST",
                ("-302 -302 -403 -403 -302 -403 0302 -403", None),
                "final",
                scoring("final", points="3", reason="มติ"),
            ),
            Ask(
                "POST",
                ("-302 -302 -403 -404 -302 0302 0302 -403", None),
                "clarify_open",
                scoring("clarify_open", message="ขอรายงานฉบับเต็ม"),
                {"criterion": "1.1"},
            ),
            Ask(
                "POST",
                ("-302 -302 -403 -404 -302 0302 0302 -403", None),
                "override",
                scoring("override", points="4", reason="ข้อมูลผิด"),
                {"criterion": "3.3"},
            ),
        ),
    ),
    "admin:committee_evidence": Rule(
        get=("-302 -302 -404 -404 -302 +200 +200 +200", "-302 -404 -302 -404 -302 -404 *200 -302 *200"),
        post=("-302 -302 -404 -404 -302 +200 +200 +200", "-302 -404 -302 -404 -302 -404 *200 -302 *200"),
        obj="submissions.evidence",
    ),
    "admin:committee_evidence_file": Rule(
        get=("-302 -302 -404 -404 -302 +200 +200 +200", "-302 -404 -302 -404 -302 -404 *200 -302 *200"),
        post=("-302 -302 -404 -404 -302 +200 +200 +200", "-302 -404 -302 -404 -302 -404 *200 -302 *200"),
        obj="submissions.evidence",
    ),
    "admin:committee_judgment_import": Rule(
        get=("-302 -302 0200 -403 -302 -403 -403 0200", "-302 0200 -302 -403 -302 -403 *200 -302 -403"),
        post=("-302 -302 0200 -403 -302 -403 -403 0200", "-302 0200 -302 -403 -302 -403 *200 -302 -403"),
    ),
    "admin:committee_judgment_template": Rule(
        get=("-302 -302 0200 -403 -302 -403 -403 0200", "-302 -404 -302 -404 -302 -404 +200 -302 -403"),
        post=("-302 -302 0200 -403 -302 -403 -403 0200", "-302 -404 -302 -404 -302 -404 +200 -302 -403"),
        query=("", "?year={year}"),
    ),
    "admin:committee_judgment_changelist": Rule(
        get=("-302 -302 0200 0200 -302 0200 0200 0200", "-302 0200 -302 0200 -302 0200 *200 -302 *200"),
        post=("-302 -302 0200 0200 -302 0200 0200 0200", "-302 0200 -302 0200 -302 0200 *200 -302 *200"),
        obj="committee.judgment",
    ),
    "admin:committee_judgment_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="committee.judgment",
    ),
    "admin:committee_judgment_history": Rule(
        get=("-302 -302 0302 0302 -302 0200 0200 0200", "-302 0302 -302 0302 -302 0302 +200 -302 +200"),
        post=("-302 -302 0302 0302 -302 0200 0200 0200", "-302 0302 -302 0302 -302 0302 +200 -302 +200"),
        obj="committee.judgment",
    ),
    "admin:committee_judgment_delete": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="committee.judgment",
    ),
    "admin:committee_judgment_change": Rule(
        get=("-302 -302 0302 0302 -302 +200 +200 +200", "-302 0302 -302 0302 -302 0302 *200 -302 *200"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="committee.judgment",
    ),
    "admin/committee/judgment/<path:object_id>/": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="committee.judgment",
    ),
    "admin:committee_chairfinal_changelist": Rule(
        get=("-302 -302 -403 0200 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0200 -403 -302 -403"),
        post=("-302 -302 -403 0200 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0200 -403 -302 -403"),
        obj="committee.chairfinal",
    ),
    "admin:committee_chairfinal_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="committee.chairfinal",
    ),
    "admin:committee_chairfinal_history": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 -403 -302 -403"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 -403 -302 -403"),
        obj="committee.chairfinal",
    ),
    "admin:committee_chairfinal_delete": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="committee.chairfinal",
    ),
    "admin:committee_chairfinal_change": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 -403 -302 -403 -302 0302 -403 -302 -403"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="committee.chairfinal",
    ),
    "admin/committee/chairfinal/<path:object_id>/": Rule(
        get=("-302 -302 -404 -404 -302 -404 -404 -404", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 -404 -404 -302 -404 -404 -404", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="committee.chairfinal",
    ),
    "admin:committee_override_changelist": Rule(
        get=("-302 -302 -403 0200 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0200 -403 -302 -403"),
        post=("-302 -302 -403 0200 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0200 -403 -302 -403"),
        obj="committee.override",
    ),
    "admin:committee_override_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="committee.override",
    ),
    "admin:committee_override_history": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="committee.override",
    ),
    "admin:committee_override_delete": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="committee.override",
    ),
    "admin:committee_override_change": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="committee.override",
    ),
    "admin/committee/override/<path:object_id>/": Rule(
        get=("-302 -302 -404 -404 -302 -404 -404 -404", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
        post=("-302 -302 -404 -404 -302 -404 -404 -404", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
        obj="committee.override",
    ),
    "admin:committee_scorechange_export": Rule(
        get=("-302 -302 -403 -403 -302 -403 +200 +200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 +200 +200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
    ),
    "admin:committee_scorechange_changelist": Rule(
        get=("-302 -302 0200 0200 -302 +200 +200 +200", "-302 0200 -302 0200 -302 0200 *200 -302 *200"),
        post=("-302 -302 0200 0200 -302 +200 +200 +200", "-302 0200 -302 0200 -302 0200 *200 -302 *200"),
        obj="committee.scorechange",
    ),
    "admin:committee_scorechange_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="committee.scorechange",
    ),
    "admin:committee_scorechange_history": Rule(
        get=("-302 -302 0302 0302 -302 0200 0200 0200", "-302 0302 -302 0302 -302 0302 +200 -302 +200"),
        post=("-302 -302 0302 0302 -302 0200 0200 0200", "-302 0302 -302 0302 -302 0302 +200 -302 +200"),
        obj="committee.scorechange",
    ),
    "admin:committee_scorechange_delete": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="committee.scorechange",
    ),
    "admin:committee_scorechange_change": Rule(
        get=("-302 -302 0302 0302 -302 +200 +200 +200", "-302 0302 -302 0302 -302 0302 *200 -302 *200"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="committee.scorechange",
    ),
    "admin/committee/scorechange/<path:object_id>/": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="committee.scorechange",
    ),
    "admin:people_conflict_changelist": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 +200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 +200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="people.conflict",
    ),
    "admin:people_conflict_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="people.conflict",
    ),
    "admin:people_conflict_history": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="people.conflict",
    ),
    "admin:people_conflict_delete": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="people.conflict",
    ),
    "admin:people_conflict_change": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 +200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="people.conflict",
    ),
    "admin/people/conflict/<path:object_id>/": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="people.conflict",
    ),
    "admin:committee_clarification_changelist": Rule(
        get=("-302 -302 -403 0200 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0200 -403 -302 -403"),
        post=("-302 -302 -403 0200 -302 0200 0200 0200", "-302 -403 -302 -403 -302 0200 -403 -302 -403"),
        obj="committee.clarification",
    ),
    "admin:committee_clarification_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="committee.clarification",
    ),
    "admin:committee_clarification_history": Rule(
        get=("-302 -302 0302 0302 -302 0200 0200 0200", "-302 0302 -302 0302 -302 0302 -403 -302 -403"),
        post=("-302 -302 0302 0302 -302 0200 0200 0200", "-302 0302 -302 0302 -302 0302 -403 -302 -403"),
        obj="committee.clarification",
    ),
    "admin:committee_clarification_delete": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="committee.clarification",
    ),
    "admin:committee_clarification_change": Rule(
        get=("-302 -302 -403 0302 -302 +200 +200 +200", "-302 -403 -302 -403 -302 0302 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="committee.clarification",
    ),
    "admin/committee/clarification/<path:object_id>/": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="committee.clarification",
    ),
    "admin:app_list": Rule(
        get=("-302 -302 -404 -404 -302 -404 -404 -404", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
        post=("-302 -302 -404 -404 -302 -404 -404 -404", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
    ),
    "upload-gate": Rule(
        get=("-401 0204 0204 0204 0204 0204 0204 0204", "-401 0204 0204 0204 0204 0204 +204 +204 +204")
    ),
    "admin-password-change": Rule(
        get=("-302 0302 0302 0302 0302 0302 0302 0302", "-302 0302 0302 0302 0302 0302 +302 +302 +302"),
        post=("-302 0302 0302 0302 0302 0302 0302 0302", "-302 0302 0302 0302 0302 0302 +302 +302 +302"),
    ),
    "admin:axes_accessattempt_changelist": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="axes.accessattempt",
    ),
    "admin:axes_accessattempt_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="axes.accessattempt",
    ),
    "admin:axes_accessattempt_history": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="axes.accessattempt",
    ),
    "admin:axes_accessattempt_delete": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="axes.accessattempt",
    ),
    "admin:axes_accessattempt_change": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="axes.accessattempt",
    ),
    "admin/axes/accessattempt/<path:object_id>/": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
        obj="axes.accessattempt",
    ),
    "admin:axes_accesslog_changelist": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="axes.accesslog",
    ),
    "admin:axes_accesslog_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="axes.accesslog",
    ),
    "admin:axes_accesslog_history": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="axes.accesslog",
    ),
    "admin:axes_accesslog_delete": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="axes.accesslog",
    ),
    "admin:axes_accesslog_change": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="axes.accesslog",
    ),
    "admin/axes/accesslog/<path:object_id>/": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
        obj="axes.accesslog",
    ),
    "admin:knox_authtoken_changelist": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="knox.authtoken",
    ),
    "admin:knox_authtoken_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="knox.authtoken",
    ),
    "admin:knox_authtoken_history": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="knox.authtoken",
    ),
    "admin:knox_authtoken_delete": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="knox.authtoken",
    ),
    "admin:knox_authtoken_change": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="knox.authtoken",
    ),
    "admin/knox/authtoken/<path:object_id>/": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 -404 -302 -404 -302 -404 -404 -302 -404"),
        obj="knox.authtoken",
    ),
    "api-provinces": Rule(
        get=("-401 0200 0200 0200 0200 0200 0200 0200", "-401 0200 0200 0200 0200 0200 +200 +200 +200")
    ),
    # any other /api/ address: the API's 404 JSON
    "api-not-found": Rule(get="-404", post="-404"),
    "api-rubric": Rule(get=("-401 0200 0200 0200 0200 0200 0200 0200", "-401 -404 -404 -404 -404 -404 *200 *200 *200")),
    # as the entrant's page (submissions:unit); an office's contest's: dates, not the mark
    "api-entrant-obligations": Rule(
        get=("-401 -404 -404 -404 0200 +200 +200 +200", "-401 -404 -404 -404 -404 -404 +200 +200 -404")
    ),
    "api-standings": Rule(
        get=("-401 -403 -403 -403 -403 -403 -403 0200", "-401 -404 -404 -404 -404 -404 +200 -404 -404")
    ),
    "api-awards": Rule(get=("-401 -403 -403 -403 -403 -403 -403 0200", "-401 -404 -404 -404 -404 -404 +200 -404 -404")),
    "api-facts": Rule(post=("-401 -403 -403 -403 -403 -403 -403 0400", "-401 -404 -404 -404 -404 -404 +400 -404 -404")),
    "api-contest-standings": Rule(
        get=("-401 -403 -403 -403 -403 -403 -403 0200", "-401 -404 -404 -404 -404 -404 +200 -404 -404")
    ),
    # The national contest takes no nominees: 404 for all (tests/nominees/test_api_nominees.py has the rest).
    "api-nominees": Rule(
        get=("-401 -404 -403 -403 -404 -403 -403 -404", "-401 -404 -404 -404 -404 -404 *200 *200 -404")
    ),
    "api-nominee": Rule(
        post=("-401 -404 -403 -403 -404 -403 -403 -404", "-401 -404 -404 -404 -404 -404 +400 +400 -404"),
        delete=("-401 -404 -403 -403 -404 -403 -403 -404", "-401 -404 -404 -404 -404 -404 +200 +400 -404"),
    ),
    # The national contest is no stage: 404 for all (tests/stages/test_stage_files_budget.py has a stage's own).
    # An office's district contest is no stage either: 404, as its page.
    "api-stage-picks": Rule(
        get=("-401 -404 -404 -404 -404 -404 -404 -404", "-401 -404 -404 -404 -404 -404 -404 -404 -404")
    ),
    "schema": Rule(get=("-401 0200 0200 0200 0200 0200 0200 0200", "-401 0200 0200 0200 0200 0200 +200 +200 +200")),
    "api-docs": Rule(get=("-302 0200 0200 0200 0200 0200 0200 0200", "-302 0200 0200 0200 0200 0200 +200 +200 +200")),
    "admin:rubrics_rubricchange_changelist": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 +200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 +200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="rubrics.rubricchange",
    ),
    "admin:rubrics_rubricchange_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="rubrics.rubricchange",
    ),
    "admin:rubrics_rubricchange_history": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 +200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 +200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="rubrics.rubricchange",
    ),
    "admin:rubrics_rubricchange_delete": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="rubrics.rubricchange",
    ),
    "admin:rubrics_rubricchange_change": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 +200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="rubrics.rubricchange",
    ),
    "admin/rubrics/rubricchange/<path:object_id>/": Rule(
        get=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        post=("-302 -302 0302 0302 -302 0302 0302 0302", "-302 0302 -302 0302 -302 0302 +302 -302 +302"),
        obj="rubrics.rubricchange",
    ),
    "set_language": Rule(
        get=("0302", "0302 0302 0302 0302 0302 0302 +302 +302 +302"),
        post=("0302", "0302 0302 0302 0302 0302 0302 +302 +302 +302"),
    ),
    # A PDF for 1.1: each office sends its own (Phuket's lands on Phuket), nobody else sends any.
    "api-evidence": Rule(
        get=("-401 0200 0200 0200 *200 +200 +200 +200", "-401 -404 -404 -404 -404 -404 *200 *200 +200"),
        post=("-401 0400 -403 -403 0400 -403 -403 -403", "-401 -404 -404 -404 -404 -404 -403 +400 -404"),
        asks=(
            Ask(
                "POST",
                ("-401 0201 -403 -403 0201 -403 -403 -403", None),
                "a PDF",
                lambda: a_pdf() | {"criterion": "1.1"},
                json=True,
            ),
        ),
    ),
    # tus: the collection takes no GET (405) and a POST without Tus-Resumable (412); an upload is
    # its sender's alone: anyone else gets 404, never its name or description.
    "api-uploads": Rule(
        get=("-401 0405 0405 0405 0405 0405 0405 0405", "-401 0405 0405 0405 0405 0405 0405 0405 0405"),
        post=("-401 0412 0412 0412 0412 0412 0412 0412", "-401 0412 0412 0412 0412 0412 0412 0412 0412"),
    ),
    "api-upload": Rule(
        get=("-401 -404 -404 -404 0200 -404 -404 -404", "-401 -404 -404 -404 -404 -404 -404 +200 -404"),
        post=("-401 0405 0405 0405 0405 0405 0405 0405", "-401 0405 0405 0405 0405 0405 0405 +405 0405"),
        delete=("-401 -404 -404 -404 0204 -404 -404 -404", "-401 -404 -404 -404 -404 -404 -404 +204 -404"),
        obj="submissions.resumableupload",
    ),
    "api-judgments": Rule(
        get=("-401 -403 -403 0200 -403 +200 0200 -403", "-401 -404 -404 -404 -404 -404 -404 -404 *200"),
        post=("-401 -403 -403 0400 -403 0400 0400 -403", "-401 -404 -404 -404 -404 -404 -404 -404 +400"),
        asks=(
            Ask(
                "POST",
                ("-401 -403 -403 -404 -403 0200 0200 -403", None),
                "a judgment",
                lambda: {"province": "TH-50", "criterion": "1.1", "points": "5", "expected_version": 0},
            ),
        ),
    ),
    "committee:clarification": Rule(
        get=("-302 -404 -404 -404 *200 +200 +200 +200", "-302 -404 -404 -404 -404 -404 *200 *200 -404"),
        post=("-302 -404 -404 -404 *200 +200 +200 -403", "-302 -404 -404 -404 -404 -404 -403 *200 -404"),
        obj="committee.clarification",
    ),
    # Only the unit's own staff answer from the criterion's page: everyone else as if the question did not exist.
    "committee:clarification_answer": Rule(
        post=("-302 -404 -404 -404 0302 -404 -404 -404", "-302 -404 -404 -404 -404 -404 -404 +302 -404"),
        obj="committee.clarification",
    ),
    # By when judging ends: whoever runs the contest sets it (central staff nationally); the page names no unit.
    "panel:judging_deadline": Rule(
        get=("-302 -403 -403 -403 -403 -403 -403 0200", "-302 -404 -404 -404 -404 -404 *200 -404 -404"),
        post=("-302 -403 -403 -403 -403 -403 -403 0200", "-302 -404 -404 -404 -404 -404 +200 -404 -404"),
    ),
    # A provincial office's contest panel; the national contest has none (its committee is the Department's).
    "panel:manage": Rule(
        get=("-302 -403 -403 -403 -403 -403 -403 -403", "-302 -404 -404 -404 -404 -404 *200 -404 -404"),
        post=("-302 -403 -403 -403 -403 -403 -403 -403", "-302 -404 -404 -404 -404 -404 +302 -404 -404"),
    ),
    "login": Rule(
        get=("0200 0302 0302 0302 0302 0302 0302 0302", "0200 0302 0302 0302 0302 0302 +302 +302 +302"),
        post=("0200 0302 0302 0302 0302 0302 0302 0302", "0200 0302 0302 0302 0302 0302 +302 +302 +302"),
    ),
    "logout": Rule(post="-302"),
    "password_change": Rule(
        get=("-302 0200 0200 0200 0200 0200 0200 0200", "-302 0200 0200 0200 0200 0200 +200 +200 +200"),
        post=("-302 0200 0200 0200 0200 0200 0200 0200", "-302 0200 0200 0200 0200 0200 +200 +200 +200"),
    ),
    "password_change_done": Rule(
        get=("-302 0200 0200 0200 0200 0200 0200 0200", "-302 0200 0200 0200 0200 0200 +200 +200 +200")
    ),
    "scoring:index": Rule(
        get=("-302 0302 0302 0302 0302 0302 0302 0302", "-302 0302 0302 0302 0302 0302 +302 +302 +302")
    ),
    "schedule:dashboard": Rule(
        get=("-302 -403 -403 -403 -403 -403 -403 0200", "-302 -404 -404 -404 -404 -404 *200 -404 -404")
    ),
    "schedule:live": Rule(
        get=("-302 -403 -403 -403 -403 -403 -403 0200", "-302 -404 -404 -404 -404 -404 *200 -404 -404")
    ),
    "rubrics:settings": Rule(
        post=("-302 -403 -403 -403 -403 -403 -403 0302", "-302 -404 -404 -404 -404 -404 +302 -404 -404")
    ),
    "rubrics:calendar": Rule(
        get=("-302 -403 -403 -403 -403 -403 -403 0200", "-302 -404 -404 -404 -404 -404 +200 -404 -404")
    ),
    # who has not sent, by name: whoever runs the contest
    "schedule:missing": Rule(
        get=("-302 -403 -403 -403 -403 -403 -403 +200", "-302 -404 -404 -404 -404 -404 +200 -404 -404")
    ),
    "scoring:facts": Rule(
        post=("-302 -403 -403 -403 -403 -403 -403 0302", "-302 -404 -404 -404 -404 -404 +302 -404 -404")
    ),
    # the contest's fact template: whoever runs it
    "scoring:facts_template": Rule(
        get=("-302 -403 -403 -403 -403 -403 -403 +200", "-302 -404 -404 -404 -404 -404 +200 -404 -404")
    ),
    # Selections in stages (seed 002): the list shows each user only the stages they take part in; a
    # contest that is not staged (the national one) has no stage page: 404 for all.
    # The office's district website contest is not staged either: no stage page for anyone.
    "stages:stages": Rule(
        get=("-302 0200 0200 0200 0200 0200 0200 0200", "-302 0200 0200 0200 0200 0200 0200 0200 0200")
    ),
    # Every year's results of the office's own contests: its staff; an organiser's, the contests it runs.
    "scoring:past": Rule(
        get=("-302 0200 0200 -403 0200 -403 -403 -403", "-302 0200 0200 0200 0200 -403 +200 +200 0200")
    ),
    # central staff import the register of past models
    "stages:stage_register": Rule(
        post=("-302 -403 -403 -403 -403 -403 -403 0302", "-302 -403 -403 -403 -403 -403 -403 -403 -403")
    ),
    "stages:stage": Rule(
        get=("-302 -404 -404 -404 -404 -404 -404 -404", "-302 -404 -404 -404 -404 -404 -404 -404 -404")
    ),
    # the stage page's picks as a file: the page's own scope
    "stages:stage_export": Rule(
        get=("-302 -404 -404 -404 -404 -404 -404 -404", "-302 -404 -404 -404 -404 -404 -404 -404 -404")
    ),
    "stages:stage_file": Rule(
        post=("-302 -404 -404 -404 -404 -404 -404 -404", "-302 -404 -404 -404 -404 -404 -404 -404 -404")
    ),
    # A file sent for a pick: the stage page's own scope, under a staged contest only (the roles of a staged
    # one: tests/stages/test_stage_file_download.py); <pk> is any id here.
    "stages:stage_file_download": Rule(
        get=("-302 -404 -404 -404 -404 -404 -404 -404", "-302 -404 -404 -404 -404 -404 -404 -404 -404"),
        obj="contests.unit",
    ),
    "stages:stage_pick": Rule(
        post=("-302 -404 -404 -404 -404 -404 -404 -404", "-302 -404 -404 -404 -404 -404 -404 -404 -404")
    ),
    "stages:stage_withdraw": Rule(
        post=("-302 -404 -404 -404 -404 -404 -404 -404", "-302 -404 -404 -404 -404 -404 -404 -404 -404")
    ),
    "rubrics:contest_upload": Rule(
        get=("-302 -403 0200 -403 -403 -403 -403 0200", "-302 0200 -403 -403 -403 -403 +200 -403 -403"),
        post=("-302 -403 0400 -403 -403 -403 -403 0400", "-302 0400 -403 -403 -403 -403 +400 -403 -403"),
    ),
    # The builder, opened on the contest as a template: whoever runs contests, the contest's runner only; another
    # office's contest as the template does not exist for an organiser (404). A POST builds only what it carries,
    # so it shows nobody else's contest.
    "builder:contest_builder": Rule(
        get=("-302 -403 -404 -403 -403 -403 -403 0200", "-302 -404 -403 -403 -403 -403 +200 -403 -403"),
        post=("-302 -403 0200 -403 -403 -403 -403 0200", "-302 0200 -403 -403 -403 -403 +200 -403 -403"),
        query="?from=contest:{year}",
    ),
    # The builder's live preview scores only the rule the form carries, no stored contest: an empty form names no
    # criterion (404) for whoever runs contests; everyone else is refused.
    "builder:preview": Rule(
        post=("-302 -403 -404 -403 -403 -403 -403 -404", "-302 -404 -403 -403 -403 -403 -404 -403 -403")
    ),
    # the national contest is open already: said so
    "builder:contest_open": Rule(
        post=("-302 -404 -404 -404 -404 -404 -404 0302", "-302 -404 -404 -404 -404 -404 +302 -404 -404")
    ),
    # The revision history (who changed the rules, when, why): whoever runs the contest, never its panel.
    "rubrics:rubric_changes": Rule(
        get=("-302 -403 -403 -403 -403 -403 -403 +200", "-302 -404 -404 -404 -404 -404 *200 -404 -404")
    ),
    # A criterion's page where its deadline moves: whoever runs the contest (here no criterion is named <code>:
    # 404); an entrant's staff are sent on to their own page of it (nothing of TH-50's); nobody else.
    "schedule:criterion": Rule(
        get=("-302 0302 -404 -404 0302 -404 -404 -404", "-302 -404 -404 -404 -404 -404 -404 +302 -404"),
        post=("-302 -404 -404 -404 -404 -404 -404 -404", "-302 -404 -404 -404 -404 -404 -404 -404 -404"),
    ),
    # a change with no letter kept
    "schedule:deadline_letter": Rule(
        get=("-302 -404 -404 -404 -404 -404 -404 -404", "-302 -404 -404 -404 -404 -404 -404 -404 -404"),
        obj="rubrics.rubricchange",
    ),
    "scoring:freeze": Rule(
        post=("-302 -403 -403 -403 -403 -403 -403 0302", "-302 -404 -404 -404 -404 -404 +302 -404 -404")
    ),
    "scoring:unfreeze": Rule(
        post=("-302 -403 -403 -403 -403 -403 -403 0302", "-302 -404 -404 -404 -404 -404 +302 -404 -404")
    ),
    # GET previews, a confirmed POST publishes
    "scoring:publish": Rule(
        get=("-302 -403 -403 -403 -403 -403 -403 0302", "-302 -404 -404 -404 -404 -404 +302 -404 -404"),
        post=("-302 -403 -403 -403 -403 -403 -403 0302", "-302 -404 -404 -404 -404 -404 +302 -404 -404"),
    ),
    # whoever runs the contest, or the chair of its committee, settles its ties
    "scoring:ties": Rule(
        get=("-302 -403 -403 -403 -403 -403 +200 0200", "-302 -404 -404 -404 -404 -404 +200 -404 -404"),
        post=("-302 -403 -403 -403 -403 -403 +302 0302", "-302 -404 -404 -404 -404 -404 +302 -404 -404"),
    ),
    # whoever runs the contest reminds the late
    "schedule:remind_late": Rule(
        post=("-302 -403 -403 -403 -403 -403 -403 0302", "-302 -404 -404 -404 -404 -404 +302 -404 -404")
    ),
    "scoring:withdraw": Rule(
        post=("-302 -403 -403 -403 -403 -403 -403 0302", "-302 -404 -404 -404 -404 -404 +302 -404 -404")
    ),
    # whoever runs the contest
    "scoring:correct": Rule(
        post=("-302 -403 -403 -403 -403 -403 -403 0302", "-302 -404 -404 -404 -404 -404 +302 -404 -404")
    ),
    # Its own office's page (nothing of the target's), even before results open; a judge or a panel's member is
    # sent on to the matrix.
    "scoring:mine": Rule(
        get=("-302 0200 -403 0302 0200 0302 0302 0302", "-302 -404 -404 -404 -404 -404 +302 +200 +302")
    ),
    "scoring:results": Rule(get="-404"),
    # a visitor: the landing page; central: the dashboard
    "submissions:home": Rule(
        get=("0200 0302 0200 0200 0302 0200 0200 0302", "0200 0200 0302 0302 0302 0200 *200 +302 +200"),
        post=("0200 0302 0200 0200 0302 0200 0200 0302", "0200 0200 0302 0302 0302 0200 *200 +302 +200"),
    ),
    # everyone's home but central's, in their menu
    "submissions:provinces": Rule(
        get=("-302 0302 0200 0200 0302 0200 0200 0200", "-302 0200 0302 0302 0302 0200 *200 +302 +200"),
        post=("-302 0302 0200 0200 0302 0200 0200 0200", "-302 0200 0302 0302 0302 0200 *200 +302 +200"),
    ),
    # central staff write to every office; an organiser to its own contest's entrants
    "notices:announce": Rule(
        get=("-302 -403 0200 -403 -403 -403 -403 0200", "-302 0200 -403 -403 -403 -403 +200 -403 -403"),
        post=("-302 -403 0400 -403 -403 -403 -403 0400", "-302 0400 -403 -403 -403 -403 +400 -403 -403"),
    ),
    # An announcement and its letter, to its readers only (tests/notices/test_announcements.py): here none exists.
    "notices:announcement": Rule(get="-404", obj="notices.announcement"),
    "notices:announcement_letter": Rule(get="-404", obj="notices.announcement"),
    # A bulk act's account, to whoever did it (tests/notices/test_outreach.py): here none exists.
    "notices:outreach": Rule(get="-404", obj="notices.outreach"),
    "submissions:unit": Rule(
        get=("-302 -404 -404 -404 *200 +200 +200 +200", "-302 -404 -404 -404 -404 -404 *200 *200 -404"),
        post=("-302 -404 -404 -404 *200 +200 +200 +200", "-302 -404 -404 -404 -404 -404 *200 *200 -404"),
    ),
    "submissions:innovation": Rule(
        get=("-302 -404 -404 -404 *200 +200 +200 +200", "-302 -404 -404 -404 -404 -404 -404 -404 -404"),
        post=("-302 -404 -404 -404 *200 -403 -403 -403", "-302 -404 -404 -404 -404 -404 -403 -404 -404"),
    ),
    # the national contest takes no nominees: 404
    "submissions:nominee": Rule(
        post=("-302 -404 -404 -404 -404 -404 -404 -404", "-302 -404 -404 -404 -404 -404 +200 +302 -404")
    ),
    "submissions:nominee-withdraw": Rule(
        post=("-302 -404 -404 -404 -404 -404 -404 -404", "-302 -404 -404 -404 -404 -404 +302 +302 -404")
    ),
    "submissions:criterion": Rule(
        get=("-302 -404 -404 -404 *200 +200 +200 +200", "-302 -404 -404 -404 -404 -404 *200 *200 -404"),
        post=("-302 -404 -404 -404 *200 +200 +200 +200", "-302 -404 -404 -404 -404 -404 *200 *200 -404"),
    ),
    # Sent as the page's script sends them (asking for JSON): the entrant's own staff only.
    "submissions:upload": Rule(
        post=("-401 -404 -404 -404 0302 -403 -403 -403", "-401 -404 -404 -404 -404 -404 -403 +302 -404"),
        asks=(Ask("POST", ("-401 -404 -404 -404 0201 -403 -403 -403", None), "a PDF", a_pdf, json=True),),
    ),
    "submissions:link": Rule(
        post=("-302 -404 -404 -404 0302 -403 -403 -403", "-302 -404 -404 -404 -404 -404 -403 +302 -404"),
        asks=(
            Ask(
                "POST",
                ("-302 -404 -404 -404 0201 -403 -403 -403", None),
                "a link",
                lambda: {"url": "https://youtu.be/x"},
                json=True,
            ),
        ),
    ),
    # an entrant's answers: as its evidence
    "submissions:answers": Rule(
        post=("-302 -404 -404 -404 0302 -403 -403 -403", "-302 -404 -404 -404 -404 -404 -403 +302 -404")
    ),
    "submissions:withdraw": Rule(
        get=("-302 -404 -404 -404 *200 -403 -403 -403", "-302 -404 -404 -404 -404 -404 -403 *200 -404"),
        post=("-302 -404 -404 -404 0302 -403 -403 -403", "-302 -404 -404 -404 -404 -404 -403 +302 -404"),
        obj="submissions.evidence",
    ),
    "submissions:download": Rule(
        get=("-302 -404 -404 -404 *200 +200 +200 +200", "-302 -404 -404 -404 -404 -404 *200 *200 -404"),
        post=("-302 -404 -404 -404 *200 +200 +200 +200", "-302 -404 -404 -404 -404 -404 *200 *200 -404"),
        obj="submissions.evidence",
    ),
    # Whoever runs the contest exports each of its sheets: the plain GET asks for the judgments as CSV.
    "api-export": Rule(
        get=("-401 -403 -403 -403 -403 -403 -403 +200", "-401 -404 -404 -404 -404 -404 +200 -404 -404"),
        asks=tuple(
            Ask(
                "GET",
                ("-401 -403 -403 -403 -403 -403 -403 +200", None),
                f"{sheet}.{fmt}",
                params={"sheet": sheet, "fmt": fmt},
            )
            for sheet, fmt in (("standings", "xlsx"), ("facts", "csv"), ("fact-changes", "csv"))
        ),
    ),
    "api-documents": Rule(
        post=("-401 -403 -403 -403 -403 -403 -403 0400", "-401 -404 -404 -404 -404 -404 +400 -404 -404"),
        asks=(
            Ask("POST", ("-401 -403 -403 -403 -403 -403 -403 0202", None), "the awardee's certificate", certificate),
        ),
    ),
    "api-document": Rule(
        get=("-401 -404 -404 -404 -404 -404 -404 0200", "-401 -404 -404 -404 -404 -404 +200 -404 -404"),
        obj="awards.generateddocument",
    ),
    "api-document-file": Rule(
        get=("-401 -404 -404 -404 -404 -404 -404 +200", "-401 -404 -404 -404 -404 -404 +200 -404 -404"),
        obj="awards.generateddocument",
        asks=(
            Ask(
                "GET",
                ("-401 -404 -404 -404 +200 -404 -404 +200", None),
                "the awardee's certificate",  # its own staff open it (awards.download_own_certificate)
                obj="awards.generateddocument certificate",
            ),
        ),
    ),
    "awards:index": Rule(
        get=("-302 -403 -403 0302 -403 0302 0302 0302", "-302 -403 -403 -403 -403 0302 -403 -403 -403")
    ),
    "awards:results": Rule(
        get=("-302 -403 -403 0200 -403 0200 0200 0200", "-302 -404 -404 -404 -404 -404 *200 -404 -404")
    ),
    "awards:document_create": Rule(
        post=("-302 -403 -403 -403 -403 -403 -403 0302", "-302 -404 -404 -404 -404 -404 +302 -404 -404"),
        asks=(
            Ask("POST", ("-302 -403 -403 -403 -403 -403 -403 0302", None), "the awardee's certificate", certificate),
        ),
    ),
    "awards:signature": Rule(
        post=("-302 -403 -403 -403 -403 -403 -403 0302", "-302 -404 -404 -404 -404 -404 +302 -404 -404")
    ),
    "awards:signing_certificate": Rule(
        post=("-302 -403 -403 -403 -403 -403 -403 0302", "-302 -403 -403 -403 -403 -403 -403 -403 -403")
    ),
    "awards:status": Rule(
        get=("-302 -404 -404 -404 -404 -404 -404 0200", "-302 -404 -404 -404 -404 -404 +200 -404 -404"),
        obj="awards.generateddocument",
        asks=(
            Ask(
                "GET",
                ("-302 -404 -404 -404 +200 -404 -404 0200", None),
                "the awardee's certificate",  # its own staff open it (awards.download_own_certificate)
                obj="awards.generateddocument certificate",
            ),
        ),
    ),
    "awards:download": Rule(
        get=("-302 -404 -404 -404 -404 -404 -404 +200", "-302 -404 -404 -404 -404 -404 *200 -404 -404"),
        obj="awards.generateddocument",
        asks=(
            Ask(
                "GET",
                ("-302 -404 -404 -404 +200 -404 -404 +200", None),
                "the awardee's certificate",  # its own staff download it (awards.download_own_certificate)
                obj="awards.generateddocument certificate",
            ),
        ),
    ),
    # Operations (ops/): probes and metrics answer everyone on loopback (the test client's address) and show
    # no office's data; the rest is central staff's, or the target's own.
    "ops:healthz": Rule(get=("0200", "0200 0200 0200 0200 0200 0200 +200 +200 +200")),
    "ops:metrics": Rule(get=("0200", "0200 0200 0200 0200 0200 0200 +200 +200 +200")),
    "ops:status": Rule(get=("-302 -403 -403 -403 -403 -403 -403 0200", "-302 -403 -403 -403 -403 -403 -403 -403 -403")),
    # Help and the help desk's contacts: everyone, signed in or not (a locked-out user needs them most). Whom to
    # call names each contest the user runs or enters, with its organising office's desk.
    "ops:help": Rule(get=("0200", "0200 0200 0200 0200 0200 0200 +200 +200 0200")),
    "ops:help_role": Rule(get=("0200", "0200 0200 0200 0200 0200 0200 +200 +200 0200")),
    # central staff set the help desk's contacts; an organiser its own contests' desks
    "ops:contacts": Rule(
        get=("-302 -403 0200 -403 -403 -403 -403 0200", "-302 0200 -403 -403 -403 -403 +200 -403 -403"),
        post=("-302 -403 -404 -403 -403 -403 -403 0200", "-302 -404 -403 -403 -403 -403 -404 -403 -403"),
    ),
    "admin:ops_sitecontact_changelist": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="ops.sitecontact",
    ),
    # its one row exists
    "admin:ops_sitecontact_add": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="ops.sitecontact",
    ),
    "admin:ops_sitecontact_history": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="ops.sitecontact",
    ),
    "admin:ops_sitecontact_delete": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 -403", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="ops.sitecontact",
    ),
    "admin:ops_sitecontact_change": Rule(
        get=("-302 -302 -403 -403 -302 -403 -403 0200", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        post=("-302 -302 -403 -403 -302 -403 -403 0302", "-302 -403 -302 -403 -302 -403 -403 -302 -403"),
        obj="ops.sitecontact",
    ),
    # to /change/
    "admin/ops/sitecontact/<path:object_id>/": Rule(
        get=("-302 -302 0302 +302 -302 +302 +302 +302", "-302 +302 -302 +302 -302 +302 +302 -302 +302"),
        post=("-302 -302 0302 +302 -302 +302 +302 +302", "-302 +302 -302 +302 -302 +302 +302 -302 +302"),
        obj="ops.sitecontact",
    ),
    "ops:next_year": Rule(
        get=("-302 -403 -403 -403 -403 -403 -403 0200", "-302 -403 -403 -403 -403 -403 -403 -403 -403"),
        post=("-302 -403 -403 -403 -403 -403 -403 0200", "-302 -403 -403 -403 -403 -403 -403 -403 -403"),
    ),
    "ops:year_on_year": Rule(
        get=("-302 -403 -403 -403 -403 -403 -403 +200", "-302 -403 -403 -403 -403 -403 -403 -403 -403")
    ),
    "ops:year_on_year_province": Rule(
        get=("-302 -403 -403 -403 0200 -403 -403 +200", "-302 -404 -404 -404 -404 -404 -404 -404 -404")
    ),
    "ops:province_export": Rule(
        get=("-302 -404 -404 -404 *200 -404 -404 +200", "-302 -404 -404 -404 -404 -404 -404 -404 -404")
    ),
    # The public verification pages: the form answers everyone and shows no contest's data; <code> (TH-50, or the
    # office contest's entrant) is no verification code, so its page is not found for anyone (an issued code's page
    # is the same for every role: tests/awards/test_verify.py).
    "verify:index": Rule(get=("0200", "0200 0200 0200 0200 0200 0200 +200 +200 +200")),
    "verify:page": Rule(get="-404"),
}

# Leaks these tables find in code another change is fixing: (world, route) -> (the roles it leaks to, what
# leaks and where the fix belongs). Strict: a fixed leak fails until its entry is removed.
KNOWN_LEAKS: dict[tuple[str, str], tuple[tuple[str, ...], str]] = {}


def test_isolation_rules_cover_every_route():
    missing = sorted(key for key, _ in url_patterns() if key not in RULES and key not in SKIP)
    assert missing == [], "ยังไม่มีกฎสิทธิ์สำหรับเส้นทางใหม่"


def test_isolation_rules_cover_every_api_operation_in_every_world():
    missing = sorted(
        f"{world}: {name} {method}"
        for world in WORLDS
        for name, method in schema_operations()
        if row_for(RULES.get(name, Rule()).methods.get(method), world) is None
    )
    assert missing == [], "ยังไม่มีกฎสิทธิ์สำหรับ API"


def test_isolation_rules_name_only_existing_routes():
    keys = {key for key, _ in url_patterns()}
    assert sorted(set(RULES) - keys) == []
    assert sorted(set(SKIP) - keys) == []
