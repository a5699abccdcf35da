"""The one table of who may get what: every route (by URL name) and method, per role, with its exact status.

Roles, in order: anonymous, provincial staff of another province (Phuket), the organiser of another office's
contest (Phuket's), a committee member conflicted with TH-50, TH-50's own provincial staff, committee, chair,
central staff. Every request targets TH-50's objects (TH-50 an awardee, with its own certificate).
Each cell is a sign and the exact status the role gets:
  -  refused: 401, 403 or 404, or a 302 to the login page of the part asked (the admin's under /admin/)
  0  served, but TH-50's data must not be in it (a list filtered to the user's own province)
  +  served, and the role may legitimately see TH-50's data
  *  served with the target's data: a positive control
so "-302" is sent to log in, "-404" refused as not found, "0200" a page without TH-50's data, "0201" made.
A route's plain GET, POST and DELETE send nothing; its asks (`Ask`) send a form, or fill the route otherwise.
The first four columns (the strangers') run in `make check`, the rest in `make test` (test_isolation.py).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from tests.submissions import files

from .conftest import schema_operations, url_patterns


@dataclass(frozen=True)
class Ask:
    """One request to a route: its method, its row of cells (one per role), and what it carries."""

    method: str
    row: str
    name: str = ""  # what it carries, named in a failure: "judge" for the scoring screen's form
    data: Callable[[], dict] | None = None  # its form, made afresh for each request (an upload is read once)
    params: dict = field(default_factory=dict)  # the route's parts where they differ from the world's
    json: bool = False  # asks for JSON (Accept: application/json), as the page's scripts do
    obj: str | None = None  # the world's object (its key) whose pk fills <pk>, where not the rule's

    def __post_init__(self):
        assert all(re.fullmatch(r"[-0+*][1-5]\d\d", cell) for cell in self.row.split()), self.row

    def label(self) -> str:
        return f" ({self.name})" if self.name else ""


@dataclass(frozen=True)
class Rule:
    get: str | None = None
    post: str | None = None
    obj: str | None = None  # model label of the TH-50 object whose pk fills <pk> or <object_id>
    query: str = ""  # appended to the path, its {names} filled as the route's: "?year={year}"
    delete: str | None = None  # an API operation that takes DELETE (withdrawing a nominee)
    asks: tuple[Ask, ...] = ()  # requests with a form or parts of their own, after the plain ones
    methods: dict = field(init=False, default_factory=dict)

    def __post_init__(self):
        pairs = (("GET", self.get), ("POST", self.post), ("DELETE", self.delete))
        self.methods.update({m: e for m, e in pairs if e})
        for row in self.methods.values():
            Ask("", row)  # its cells' shape

    def every_ask(self) -> list[Ask]:
        """The plain GET, POST and DELETE (nothing sent), then the rule's own asks."""
        return [Ask(method, row) for method, row in self.methods.items()] + list(self.asks)


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
    "admin:index": Rule("-302 -302 0200 0200 -302 0200 0200 0200", "-302 -302 0200 0200 -302 0200 0200 0200"),
    "admin:password_change": Rule(
        "-302 0302 0302 0302 0302 0302 0302 0302", "-302 0302 0302 0302 0302 0302 0302 0302"
    ),  # to the portal's counted page
    "admin:autocomplete": Rule("-302 -302 -403 -403 -302 -403 -403 -403"),
    "admin:contests_unit_changelist": Rule(
        "-302 -302 -403 0200 -302 0200 0200 0200", "-302 -302 -403 0200 -302 0200 0200 0200", "contests.unit"
    ),
    "admin:contests_unit_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "contests.unit"
    ),
    "admin:contests_unit_history": Rule(
        "-302 -302 0302 0302 -302 0200 0200 0200", "-302 -302 0302 0302 -302 0200 0200 0200", "contests.unit"
    ),
    "admin:contests_unit_delete": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "contests.unit"
    ),
    "admin:contests_unit_change": Rule(
        "-302 -302 -403 0302 -302 0200 0200 0200", "-302 -302 -403 -403 -302 -403 -403 -403", "contests.unit"
    ),
    "admin/contests/unit/<path:object_id>/": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "contests.unit"
    ),
    "admin:rubrics_rubric_changelist": Rule(
        "-302 -302 -403 0200 -302 0200 0200 0200", "-302 -302 -403 0200 -302 0200 0200 0200", "rubrics.rubric"
    ),
    "admin:rubrics_rubric_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "rubrics.rubric"
    ),
    "admin:rubrics_rubric_history": Rule(
        "-302 -302 -403 0200 -302 0200 0200 0200", "-302 -302 -403 0200 -302 0200 0200 0200", "rubrics.rubric"
    ),
    "admin:rubrics_rubric_delete": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "rubrics.rubric"
    ),
    "admin:rubrics_rubric_change": Rule(
        "-302 -302 -403 0200 -302 0200 0200 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "rubrics.rubric"
    ),
    "admin/rubrics/rubric/<path:object_id>/": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "rubrics.rubric"
    ),
    "admin:rubrics_criterion_changelist": Rule(
        "-302 -302 -403 0200 -302 0200 0200 0200", "-302 -302 -403 0200 -302 0200 0200 0200", "rubrics.criterion"
    ),
    "admin:rubrics_criterion_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "rubrics.criterion"
    ),
    "admin:rubrics_criterion_history": Rule(
        "-302 -302 -403 0200 -302 0200 0200 0200", "-302 -302 -403 0200 -302 0200 0200 0200", "rubrics.criterion"
    ),
    "admin:rubrics_criterion_delete": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "rubrics.criterion"
    ),
    "admin:rubrics_criterion_change": Rule(
        "-302 -302 -403 0200 -302 0200 0200 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "rubrics.criterion"
    ),
    "admin/rubrics/criterion/<path:object_id>/": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "rubrics.criterion"
    ),
    "admin:scoring_fact_template": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200"
    ),
    "admin:scoring_fact_process_import": Rule(None, "-302 -302 -403 -403 -302 -403 -403 0200"),
    "admin:scoring_fact_import": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200"
    ),
    "admin:scoring_fact_export": Rule(
        "-302 -302 -403 0200 -302 0200 0200 0200", "-302 -302 -403 0200 -302 0200 0200 0200"
    ),
    "admin:scoring_fact_changelist": Rule(
        "-302 -302 -403 0200 -302 +200 +200 +200", "-302 -302 -403 0200 -302 +200 +200 +200", "scoring.fact"
    ),
    "admin:scoring_fact_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "scoring.fact"
    ),
    "admin:scoring_fact_history": Rule(
        "-302 -302 0302 0302 -302 +200 +200 +200", "-302 -302 0302 0302 -302 +200 +200 +200", "scoring.fact"
    ),
    "admin:scoring_fact_delete": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "scoring.fact"
    ),
    "admin:scoring_fact_change": Rule(
        "-302 -302 -403 0302 -302 +200 +200 +200", "-302 -302 -403 -403 -302 -403 -403 -403", "scoring.fact"
    ),
    "admin/scoring/fact/<path:object_id>/": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "scoring.fact"
    ),
    "admin:scoring_factchange_changelist": Rule(
        "-302 -302 -403 -403 -302 -403 -403 +200", "-302 -302 -403 -403 -302 -403 -403 +200", "scoring.factchange"
    ),
    "admin:scoring_factchange_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "scoring.factchange"
    ),
    "admin:scoring_factchange_history": Rule(
        "-302 -302 0302 0302 -302 -403 -403 +200", "-302 -302 0302 0302 -302 -403 -403 +200", "scoring.factchange"
    ),
    "admin:scoring_factchange_delete": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "scoring.factchange"
    ),
    "admin:scoring_factchange_change": Rule(
        "-302 -302 -403 -403 -302 -403 -403 +200", "-302 -302 -403 -403 -302 -403 -403 -403", "scoring.factchange"
    ),
    "admin/scoring/factchange/<path:object_id>/": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "scoring.factchange"
    ),
    "admin:rubrics_holidayoverride_changelist": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "rubrics.holidayoverride"
    ),
    "admin:rubrics_holidayoverride_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "rubrics.holidayoverride"
    ),
    "admin:rubrics_holidayoverride_history": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "rubrics.holidayoverride"
    ),
    "admin:rubrics_holidayoverride_delete": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "rubrics.holidayoverride"
    ),
    "admin:rubrics_holidayoverride_change": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "rubrics.holidayoverride"
    ),
    "admin/rubrics/holidayoverride/<path:object_id>/": Rule(
        "-302 -302 -404 -404 -302 -404 -404 -404", "-302 -302 -404 -404 -302 -404 -404 -404", "rubrics.holidayoverride"
    ),
    "admin:rubrics_holidayoverridechange_changelist": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200",
        "-302 -302 -403 -403 -302 -403 -403 0200",
        "rubrics.holidayoverridechange",
    ),
    "admin:rubrics_holidayoverridechange_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403",
        "-302 -302 -403 -403 -302 -403 -403 -403",
        "rubrics.holidayoverridechange",
    ),
    "admin:rubrics_holidayoverridechange_history": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302",
        "-302 -302 0302 0302 -302 0302 0302 0302",
        "rubrics.holidayoverridechange",
    ),
    "admin:rubrics_holidayoverridechange_delete": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302",
        "-302 -302 0302 0302 -302 0302 0302 0302",
        "rubrics.holidayoverridechange",
    ),
    "admin:rubrics_holidayoverridechange_change": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302",
        "-302 -302 0302 0302 -302 0302 0302 0302",
        "rubrics.holidayoverridechange",
    ),
    "admin/rubrics/holidayoverridechange/<path:object_id>/": Rule(
        "-302 -302 -404 -404 -302 -404 -404 -404",
        "-302 -302 -404 -404 -302 -404 -404 -404",
        "rubrics.holidayoverridechange",
    ),
    "admin:scoring_standing_changelist": Rule(
        "-302 -302 -403 0200 -302 0200 0200 0200", "-302 -302 -403 0200 -302 0200 0200 0200", "scoring.standing"
    ),
    "admin:scoring_standing_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "scoring.standing"
    ),
    "admin:scoring_standing_history": Rule(
        "-302 -302 0302 0302 -302 0200 0200 0200", "-302 -302 0302 0302 -302 0200 0200 0200", "scoring.standing"
    ),
    "admin:scoring_standing_delete": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "scoring.standing"
    ),
    "admin:scoring_standing_change": Rule(
        "-302 -302 -403 0302 -302 0200 0200 0200", "-302 -302 -403 -403 -302 -403 -403 -403", "scoring.standing"
    ),
    "admin/scoring/standing/<path:object_id>/": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "scoring.standing"
    ),
    # Nominees: read-only, for central staff and organisers (none of the six roles here is an organiser).
    "admin:nominees_nominee_changelist": Rule(
        "-302 -302 0200 -403 -302 -403 -403 0200", "-302 -302 0200 -403 -302 -403 -403 0200", "nominees.nominee"
    ),
    "admin:nominees_nominee_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "nominees.nominee"
    ),
    "admin:nominees_nominee_history": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "nominees.nominee"
    ),
    "admin:nominees_nominee_delete": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "nominees.nominee"
    ),
    "admin:nominees_nominee_change": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "nominees.nominee"
    ),
    "admin/nominees/nominee/<path:object_id>/": Rule(
        "-302 -302 -404 -404 -302 -404 -404 -404", "-302 -302 -404 -404 -302 -404 -404 -404", "nominees.nominee"
    ),
    # Seed 002's stages (stages.admin), read-only; these worlds hold no stage: the rows of one
    # office's picks against another's are tests/scoring/admin/test_admin_stages.py's.
    "admin:stages_stage_changelist": Rule(
        "-302 -302 0200 -403 -302 -403 -403 0200", "-302 -302 0200 -403 -302 -403 -403 0200", "stages.stage"
    ),
    "admin:stages_stage_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "stages.stage"
    ),
    "admin:stages_stage_history": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "stages.stage"
    ),
    "admin:stages_stage_delete": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "stages.stage"
    ),
    "admin:stages_stage_change": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "stages.stage"
    ),
    "admin/stages/stage/<path:object_id>/": Rule(
        "-302 -302 -404 -404 -302 -404 -404 -404", "-302 -302 -404 -404 -302 -404 -404 -404", "stages.stage"
    ),
    "admin:stages_stageentry_changelist": Rule(
        "-302 -302 0200 -403 -302 -403 -403 0200", "-302 -302 0200 -403 -302 -403 -403 0200", "stages.stageentry"
    ),
    "admin:stages_stageentry_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "stages.stageentry"
    ),
    "admin:stages_stageentry_history": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "stages.stageentry"
    ),
    "admin:stages_stageentry_delete": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "stages.stageentry"
    ),
    "admin:stages_stageentry_change": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "stages.stageentry"
    ),
    "admin/stages/stageentry/<path:object_id>/": Rule(
        "-302 -302 -404 -404 -302 -404 -404 -404", "-302 -302 -404 -404 -302 -404 -404 -404", "stages.stageentry"
    ),
    "admin:stages_pastmodel_changelist": Rule(
        "-302 -302 0200 -403 -302 -403 -403 0200", "-302 -302 0200 -403 -302 -403 -403 0200", "stages.pastmodel"
    ),
    "admin:stages_pastmodel_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "stages.pastmodel"
    ),
    "admin:stages_pastmodel_history": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "stages.pastmodel"
    ),
    "admin:stages_pastmodel_delete": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "stages.pastmodel"
    ),
    "admin:stages_pastmodel_change": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "stages.pastmodel"
    ),
    "admin/stages/pastmodel/<path:object_id>/": Rule(
        "-302 -302 -404 -404 -302 -404 -404 -404", "-302 -302 -404 -404 -302 -404 -404 -404", "stages.pastmodel"
    ),
    "admin:stages_registersource_changelist": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "stages.registersource"
    ),
    "admin:stages_registersource_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "stages.registersource"
    ),
    "admin:stages_registersource_history": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "stages.registersource"
    ),
    "admin:stages_registersource_delete": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "stages.registersource"
    ),
    "admin:stages_registersource_change": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "stages.registersource"
    ),
    "admin/stages/registersource/<path:object_id>/": Rule(
        "-302 -302 -404 -404 -302 -404 -404 -404", "-302 -302 -404 -404 -302 -404 -404 -404", "stages.registersource"
    ),
    # accounts: the sign-in audit, a person's own pages, account links, the sheet
    "admin:accounts_accountevent_changelist": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "accounts.accountevent"
    ),
    "admin:accounts_accountevent_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "accounts.accountevent"
    ),
    "admin:accounts_accountevent_history": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "accounts.accountevent"
    ),
    "admin:accounts_accountevent_delete": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "accounts.accountevent"
    ),
    "admin:accounts_accountevent_change": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 -403", "accounts.accountevent"
    ),
    "admin/accounts/accountevent/<path:object_id>/": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "accounts.accountevent"
    ),
    "accounts:account": Rule("-302 0200 0200 0200 0200 0200 0200 0200", "-302 0200 0200 0200 0200 0200 0200 0200"),
    # A person's own notices (notices/): the inbox lists only theirs; read and preferences touch only theirs.
    "notices:inbox": Rule("-302 0200 0200 0200 0200 0200 0200 0200"),
    "notices:read": Rule(None, "-302 0302 0302 0302 0302 0302 0302 0302"),
    "notices:preferences": Rule(None, "-302 0302 0302 0302 0302 0302 0302 0302"),
    "accounts:second_factor": Rule(
        "-302 0200 0200 0200 0200 0200 0200 0200", "-302 0200 0200 0200 0200 0200 0200 0200"
    ),
    # LINE (docs/line.md): one's own link code and unlinking, never another's. The matrix runs with LINE off:
    # connecting goes back to the account page and the webhook is not found for anyone (with LINE on, a post
    # without LINE's signature is 400 and changes nothing: tests/notices/channels/line/test_link.py).
    "accounts:line_connect": Rule("-302 0405 0405 0405 0405 0405 0405 0405", "-302 0302 0302 0302 0302 0302 0302 0302"),
    "accounts:line_unlink": Rule("-302 0405 0405 0405 0405 0405 0405 0405", "-302 0302 0302 0302 0302 0302 0302 0302"),
    "accounts:line_status": Rule("-302 0200 0200 0200 0200 0200 0200 0200"),  # whether one's own LINE is linked
    # A calendar address (docs/calendar.md): made and stopped by its owner only, POST only; the feed is read by
    # its secret alone, so a forged one is not found for anyone, signed in or not.
    "accounts:calendar_make": Rule(None, "-302 0400 0400 0400 0400 0400 0400 0400"),
    "accounts:calendar_revoke": Rule(None, "-302 0302 0302 0302 0302 0302 0302 0302"),
    "calendar_feed": Rule("-404 -404 -404 -404 -404 -404 -404 -404"),
    # A digital ID (docs/accounts.md): signing in is a link (GET); linking a form that asks the password again
    # (GET shows it, POST sends it), accepting an invitation the invitation page's form (POST), unlinking a form;
    # linking and unlinking are the signed-in person's own, with no object in the address to name another's. The
    # matrix runs with no provider configured, so each is not found; the acts themselves, against a real provider:
    # tests/accounts/test_digital_id_flow.py.
    "accounts:digital_id_sign_in": Rule(
        "-404 -404 -404 -404 -404 -404 -404 -404", "0405 0405 0405 0405 0405 0405 0405 0405"
    ),
    "accounts:digital_id_link": Rule(
        "-302 -404 -404 -404 -404 -404 -404 -404", "-302 -404 -404 -404 -404 -404 -404 -404"
    ),
    "accounts:digital_id_invitation": Rule(
        "0405 0405 0405 0405 0405 0405 0405 0405", "-404 -404 -404 -404 -404 -404 -404 -404"
    ),
    "accounts:digital_id_callback": Rule(
        "-404 -404 -404 -404 -404 -404 -404 -404", "0405 0405 0405 0405 0405 0405 0405 0405"
    ),
    "accounts:digital_id_unlink": Rule(
        "-302 0405 0405 0405 0405 0405 0405 0405", "-302 -404 -404 -404 -404 -404 -404 -404"
    ),
    "line:webhook": Rule(
        "0405 0405 0405 0405 0405 0405 0405 0405", "-404 -404 -404 -404 -404 -404 -404 -404"
    ),  # GET: 405, posts only
    "accounts:second_factor_continue": Rule(
        "-302 0302 0302 0302 0302 0302 0302 0302"
    ),  # nothing kept: the code's page, or "nothing saved"
    # Passkeys (django-otp-webauthn): JSON ceremonies, POST only. Adding one needs the app first (403 for all
    # here); beginning a confirmation lists only the person's own keys; the catalogue is the library's texts.
    "otp_webauthn:credential-registration-begin": Rule(None, "-403 -403 -403 -403 -403 -403 -403 -403"),
    "otp_webauthn:credential-registration-complete": Rule(None, "-403 -403 -403 -403 -403 -403 -403 -403"),
    "otp_webauthn:credential-authentication-begin": Rule(None, "-403 0200 0200 0200 0200 0200 0200 0200"),
    "otp_webauthn:credential-authentication-complete": Rule(None, "-403 0400 0400 0400 0400 0400 0400 0400"),
    "otp_webauthn:js-i18n-catalog": Rule("0200 0200 0200 0200 0200 0200 0200 0200"),
    "accounts:email_confirm": Rule("0400 0400 0400 0400 0400 0400 0400 0400"),
    "accounts:invitation": Rule("0400 0400 0400 0400 0400 0400 0400 0400", "0400 0400 0400 0400 0400 0400 0400 0400"),
    "accounts:reset": Rule("0200 0200 0200 0200 0200 0200 0200 0200", "0200 0200 0200 0200 0200 0200 0200 0200"),
    "accounts:reset_sent": Rule("0200 0200 0200 0200 0200 0200 0200 0200"),
    "accounts:reset_confirm": Rule(
        "0200 0200 0200 0200 0200 0200 0200 0200", "0200 0200 0200 0200 0200 0200 0200 0200"
    ),
    "accounts:provision": Rule("-302 -403 0200 -403 -403 -403 -403 0200", "-302 -403 0200 -403 -403 -403 -403 0200"),
    "accounts:provision_template": Rule("-302 -403 0200 -403 -403 -403 -403 0200"),
    "accounts:unused": Rule("-302 -403 -403 -403 -403 -403 -403 0200", "-302 -403 -403 -403 -403 -403 -403 0302"),
    "admin:auth_user_password_change": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "auth.user"
    ),  # nobody types another's
    "admin:auth_user_changelist": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "auth.user"
    ),
    "admin:auth_user_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "auth.user"
    ),
    "admin:auth_user_history": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "auth.user"
    ),
    "admin:auth_user_delete": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "auth.user"
    ),  # closed, never deleted
    "admin:auth_user_change": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "auth.user"
    ),
    "admin/auth/user/<path:object_id>/": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "auth.user"
    ),
    "admin:submissions_uploadlimit_changelist": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "submissions.uploadlimit"
    ),
    "admin:submissions_uploadlimit_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "submissions.uploadlimit"
    ),
    "admin:submissions_uploadlimit_history": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "submissions.uploadlimit"
    ),
    "admin:submissions_uploadlimit_delete": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "submissions.uploadlimit"
    ),
    "admin:submissions_uploadlimit_change": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "submissions.uploadlimit"
    ),
    "admin/submissions/uploadlimit/<path:object_id>/": Rule(
        "-302 -302 -404 -404 -302 -404 -404 -404", "-302 -302 -404 -404 -302 -404 -404 -404", "submissions.uploadlimit"
    ),
    "admin:submissions_submission_changelist": Rule(
        "-302 -302 -403 0200 -302 0200 0200 0200", "-302 -302 -403 0200 -302 0200 0200 0200", "submissions.submission"
    ),
    "admin:submissions_submission_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "submissions.submission"
    ),
    "admin:submissions_submission_history": Rule(
        "-302 -302 0302 0302 -302 0200 0200 0200", "-302 -302 0302 0302 -302 0200 0200 0200", "submissions.submission"
    ),
    "admin:submissions_submission_delete": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "submissions.submission"
    ),
    "admin:submissions_submission_change": Rule(
        "-302 -302 -403 0302 -302 0200 0200 0200", "-302 -302 -403 -403 -302 -403 -403 -403", "submissions.submission"
    ),
    "admin/submissions/submission/<path:object_id>/": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "submissions.submission"
    ),
    "admin:submissions_innovationreport_changelist": Rule(
        "-302 -302 -403 0200 -302 +200 +200 +200",
        "-302 -302 -403 0200 -302 +200 +200 +200",
        "submissions.innovationreport",
    ),
    "admin:submissions_innovationreport_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403",
        "-302 -302 -403 -403 -302 -403 -403 -403",
        "submissions.innovationreport",
    ),
    "admin:submissions_innovationreport_history": Rule(
        "-302 -302 0302 0302 -302 0200 0200 0200",
        "-302 -302 0302 0302 -302 0200 0200 0200",
        "submissions.innovationreport",
    ),
    "admin:submissions_innovationreport_delete": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403",
        "-302 -302 -403 -403 -302 -403 -403 -403",
        "submissions.innovationreport",
    ),
    "admin:submissions_innovationreport_change": Rule(
        "-302 -302 -403 0302 -302 +200 +200 +200",
        "-302 -302 -403 -403 -302 -403 -403 -403",
        "submissions.innovationreport",
    ),
    "admin/submissions/innovationreport/<path:object_id>/": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302",
        "-302 -302 0302 0302 -302 0302 0302 0302",
        "submissions.innovationreport",
    ),
    "admin:rubrics_awardtier_changelist": Rule(
        "-302 -302 -403 0200 -302 0200 0200 0200", "-302 -302 -403 0200 -302 0200 0200 0200", "rubrics.awardtier"
    ),
    "admin:rubrics_awardtier_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "rubrics.awardtier"
    ),
    "admin:rubrics_awardtier_history": Rule(
        "-302 -302 -403 0200 -302 0200 0200 0200", "-302 -302 -403 0200 -302 0200 0200 0200", "rubrics.awardtier"
    ),
    "admin:rubrics_awardtier_delete": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "rubrics.awardtier"
    ),
    "admin:rubrics_awardtier_change": Rule(
        "-302 -302 -403 0200 -302 0200 0200 0200", "-302 -302 -403 -403 -302 -403 -403 -403", "rubrics.awardtier"
    ),
    "admin/rubrics/awardtier/<path:object_id>/": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "rubrics.awardtier"
    ),
    "admin:awards_awardsignature_changelist": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "awards.awardsignature"
    ),
    "admin:awards_awardsignature_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "awards.awardsignature"
    ),
    "admin:awards_awardsignature_history": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "awards.awardsignature"
    ),
    "admin:awards_awardsignature_delete": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "awards.awardsignature"
    ),
    "admin:awards_awardsignature_change": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "awards.awardsignature"
    ),
    "admin/awards/awardsignature/<path:object_id>/": Rule(
        "-302 -302 -404 -404 -302 -404 -404 -404", "-302 -302 -404 -404 -302 -404 -404 -404", "awards.awardsignature"
    ),
    "admin:awards_signingcertificate_changelist": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200",
        "-302 -302 -403 -403 -302 -403 -403 0200",
        "awards.signingcertificate",
    ),
    "admin:awards_signingcertificate_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403",
        "-302 -302 -403 -403 -302 -403 -403 -403",
        "awards.signingcertificate",
    ),
    "admin:awards_signingcertificate_history": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302",
        "-302 -302 0302 0302 -302 0302 0302 0302",
        "awards.signingcertificate",
    ),
    "admin:awards_signingcertificate_delete": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302",
        "-302 -302 0302 0302 -302 0302 0302 0302",
        "awards.signingcertificate",
    ),
    "admin:awards_signingcertificate_change": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302",
        "-302 -302 0302 0302 -302 0302 0302 0302",
        "awards.signingcertificate",
    ),
    "admin/awards/signingcertificate/<path:object_id>/": Rule(
        "-302 -302 -404 -404 -302 -404 -404 -404",
        "-302 -302 -404 -404 -302 -404 -404 -404",
        "awards.signingcertificate",
    ),
    "admin:awards_generateddocument_changelist": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "awards.generateddocument"
    ),
    "admin:awards_generateddocument_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "awards.generateddocument"
    ),
    "admin:awards_generateddocument_history": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "awards.generateddocument"
    ),
    "admin:awards_generateddocument_delete": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "awards.generateddocument"
    ),
    "admin:awards_generateddocument_change": Rule(
        "-302 -302 -403 -403 -302 -403 -403 +200", "-302 -302 -403 -403 -302 -403 -403 -403", "awards.generateddocument"
    ),
    "admin/awards/generateddocument/<path:object_id>/": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "awards.generateddocument"
    ),
    "admin:committee_matrix": Rule(
        "-302 -302 0200 0200 -302 0200 0200 0200", "-302 -302 0200 0200 -302 0200 0200 0200"
    ),
    "admin:committee_next": Rule("-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302"),
    # The scoring screen's actions, each on a cell where it can be taken: a member judges and the chair records
    # the final (a member may not), anyone of the committee asks a question, a member overrides a fact-based
    # score (3.3's antivirus share); central staff score nothing.
    "admin:committee_score": Rule(
        "-302 -302 -403 -404 -302 +200 +200 +200",
        "-302 -302 -403 -404 -302 +200 +200 +200",
        asks=(
            Ask(
                "POST",
                "-302 -302 -403 -404 -302 0302 0302 -403",
                "judge",
                scoring("judge", points="5"),
                {"criterion": "1.1"},
            ),
            Ask("POST", "-302 -302 -403 -403 -302 -403 0302 -403", "final", scoring("final", points="3", reason="มติ")),
            Ask(
                "POST",
                "-302 -302 -403 -404 -302 0302 0302 -403",
                "clarify_open",
                scoring("clarify_open", message="ขอรายงานฉบับเต็ม"),
                {"criterion": "1.1"},
            ),
            Ask(
                "POST",
                "-302 -302 -403 -404 -302 0302 0302 -403",
                "override",
                scoring("override", points="4", reason="ข้อมูลผิด"),
                {"criterion": "3.3"},
            ),
        ),
    ),
    "admin:committee_evidence": Rule(
        "-302 -302 -404 -404 -302 +200 +200 +200", "-302 -302 -404 -404 -302 +200 +200 +200", "submissions.evidence"
    ),
    "admin:committee_evidence_file": Rule(
        "-302 -302 -404 -404 -302 +200 +200 +200", "-302 -302 -404 -404 -302 +200 +200 +200", "submissions.evidence"
    ),
    "admin:committee_judgment_import": Rule(
        "-302 -302 0200 -403 -302 -403 -403 0200", "-302 -302 0200 -403 -302 -403 -403 0200"
    ),
    "admin:committee_judgment_template": Rule(
        "-302 -302 0200 -403 -302 -403 -403 0200", "-302 -302 0200 -403 -302 -403 -403 0200"
    ),
    "admin:committee_judgment_changelist": Rule(
        "-302 -302 0200 0200 -302 0200 0200 0200", "-302 -302 0200 0200 -302 0200 0200 0200", "committee.judgment"
    ),
    "admin:committee_judgment_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "committee.judgment"
    ),
    "admin:committee_judgment_history": Rule(
        "-302 -302 0302 0302 -302 0200 0200 0200", "-302 -302 0302 0302 -302 0200 0200 0200", "committee.judgment"
    ),
    "admin:committee_judgment_delete": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "committee.judgment"
    ),
    "admin:committee_judgment_change": Rule(
        "-302 -302 0302 0302 -302 +200 +200 +200", "-302 -302 -403 -403 -302 -403 -403 -403", "committee.judgment"
    ),
    "admin/committee/judgment/<path:object_id>/": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "committee.judgment"
    ),
    "admin:committee_chairfinal_changelist": Rule(
        "-302 -302 -403 0200 -302 0200 0200 0200", "-302 -302 -403 0200 -302 0200 0200 0200", "committee.chairfinal"
    ),
    "admin:committee_chairfinal_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "committee.chairfinal"
    ),
    "admin:committee_chairfinal_history": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "committee.chairfinal"
    ),
    "admin:committee_chairfinal_delete": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "committee.chairfinal"
    ),
    "admin:committee_chairfinal_change": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "committee.chairfinal"
    ),
    "admin/committee/chairfinal/<path:object_id>/": Rule(
        "-302 -302 -404 -404 -302 -404 -404 -404", "-302 -302 -404 -404 -302 -404 -404 -404", "committee.chairfinal"
    ),
    "admin:committee_override_changelist": Rule(
        "-302 -302 -403 0200 -302 0200 0200 0200", "-302 -302 -403 0200 -302 0200 0200 0200", "committee.override"
    ),
    "admin:committee_override_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "committee.override"
    ),
    "admin:committee_override_history": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "committee.override"
    ),
    "admin:committee_override_delete": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "committee.override"
    ),
    "admin:committee_override_change": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "committee.override"
    ),
    "admin/committee/override/<path:object_id>/": Rule(
        "-302 -302 -404 -404 -302 -404 -404 -404", "-302 -302 -404 -404 -302 -404 -404 -404", "committee.override"
    ),
    "admin:committee_scorechange_export": Rule(
        "-302 -302 -403 -403 -302 -403 +200 +200", "-302 -302 -403 -403 -302 -403 +200 +200"
    ),
    "admin:committee_scorechange_changelist": Rule(
        "-302 -302 0200 0200 -302 +200 +200 +200", "-302 -302 0200 0200 -302 +200 +200 +200", "committee.scorechange"
    ),
    "admin:committee_scorechange_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "committee.scorechange"
    ),
    "admin:committee_scorechange_history": Rule(
        "-302 -302 0302 0302 -302 0200 0200 0200", "-302 -302 0302 0302 -302 0200 0200 0200", "committee.scorechange"
    ),
    "admin:committee_scorechange_delete": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "committee.scorechange"
    ),
    "admin:committee_scorechange_change": Rule(
        "-302 -302 0302 0302 -302 +200 +200 +200", "-302 -302 -403 -403 -302 -403 -403 -403", "committee.scorechange"
    ),
    "admin/committee/scorechange/<path:object_id>/": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "committee.scorechange"
    ),
    "admin:people_conflict_changelist": Rule(
        "-302 -302 -403 -403 -302 -403 -403 +200", "-302 -302 -403 -403 -302 -403 -403 +200", "people.conflict"
    ),
    "admin:people_conflict_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "people.conflict"
    ),
    "admin:people_conflict_history": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "people.conflict"
    ),
    "admin:people_conflict_delete": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "people.conflict"
    ),
    "admin:people_conflict_change": Rule(
        "-302 -302 -403 -403 -302 -403 -403 +200", "-302 -302 -403 -403 -302 -403 -403 -403", "people.conflict"
    ),
    "admin/people/conflict/<path:object_id>/": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "people.conflict"
    ),
    "admin:committee_clarification_changelist": Rule(
        "-302 -302 -403 0200 -302 0200 0200 0200", "-302 -302 -403 0200 -302 0200 0200 0200", "committee.clarification"
    ),
    "admin:committee_clarification_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "committee.clarification"
    ),
    "admin:committee_clarification_history": Rule(
        "-302 -302 0302 0302 -302 0200 0200 0200", "-302 -302 0302 0302 -302 0200 0200 0200", "committee.clarification"
    ),
    "admin:committee_clarification_delete": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "committee.clarification"
    ),
    "admin:committee_clarification_change": Rule(
        "-302 -302 -403 0302 -302 +200 +200 +200", "-302 -302 -403 -403 -302 -403 -403 -403", "committee.clarification"
    ),
    "admin/committee/clarification/<path:object_id>/": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "committee.clarification"
    ),
    "admin:app_list": Rule("-302 -302 -404 -404 -302 -404 -404 -404", "-302 -302 -404 -404 -302 -404 -404 -404"),
    "upload-gate": Rule("-401 0204 0204 0204 0204 0204 0204 0204"),
    "admin-password-change": Rule("-302 0302 0302 0302 0302 0302 0302 0302", "-302 0302 0302 0302 0302 0302 0302 0302"),
    "admin:axes_accessattempt_changelist": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "axes.accessattempt"
    ),
    "admin:axes_accessattempt_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "axes.accessattempt"
    ),
    "admin:axes_accessattempt_history": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "axes.accessattempt"
    ),
    "admin:axes_accessattempt_delete": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "axes.accessattempt"
    ),
    "admin:axes_accessattempt_change": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 -403", "axes.accessattempt"
    ),
    "admin/axes/accessattempt/<path:object_id>/": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "axes.accessattempt"
    ),
    "admin:axes_accesslog_changelist": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "axes.accesslog"
    ),
    "admin:axes_accesslog_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "axes.accesslog"
    ),
    "admin:axes_accesslog_history": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "axes.accesslog"
    ),
    "admin:axes_accesslog_delete": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "axes.accesslog"
    ),
    "admin:axes_accesslog_change": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 -403", "axes.accesslog"
    ),
    "admin/axes/accesslog/<path:object_id>/": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "axes.accesslog"
    ),
    "admin:knox_authtoken_changelist": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "knox.authtoken"
    ),
    "admin:knox_authtoken_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "knox.authtoken"
    ),
    "admin:knox_authtoken_history": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "knox.authtoken"
    ),
    "admin:knox_authtoken_delete": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "knox.authtoken"
    ),
    "admin:knox_authtoken_change": Rule(
        "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 -403", "knox.authtoken"
    ),
    "admin/knox/authtoken/<path:object_id>/": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "knox.authtoken"
    ),
    "api-provinces": Rule("-401 0200 0200 0200 0200 0200 0200 0200"),
    "api-not-found": Rule(
        "-404 -404 -404 -404 -404 -404 -404 -404", "-404 -404 -404 -404 -404 -404 -404 -404"
    ),  # any other /api/ address: the API's 404 JSON
    "api-rubric": Rule("-401 0200 0200 0200 0200 0200 0200 0200"),
    "api-entrant-obligations": Rule(
        "-401 -404 -404 -404 0200 +200 +200 +200"
    ),  # as the entrant's page (submissions:province)
    "api-standings": Rule("-401 -403 -403 -403 -403 -403 -403 0200"),
    "api-awards": Rule("-401 -403 -403 -403 -403 -403 -403 0200"),
    "api-facts": Rule(None, "-401 -403 -403 -403 -403 -403 -403 0400"),
    "api-contest-standings": Rule("-401 -403 -403 -403 -403 -403 -403 0200"),
    # The national contest takes no nominees: 404 for all (tests/nominees/test_api_nominees.py has the rest).
    "api-nominees": Rule("-401 -404 -403 -403 -404 -403 -403 -404"),
    "api-nominee": Rule(
        None, "-401 -404 -403 -403 -404 -403 -403 -404", delete="-401 -404 -403 -403 -404 -403 -403 -404"
    ),
    # The national contest is no stage: 404 for all (tests/stages/test_stage_files_budget.py has a stage's own).
    "api-stage-picks": Rule("-401 -404 -404 -404 -404 -404 -404 -404"),
    "schema": Rule("-401 0200 0200 0200 0200 0200 0200 0200"),
    "api-docs": Rule("-302 0200 0200 0200 0200 0200 0200 0200"),
    "admin:rubrics_rubricchange_changelist": Rule(
        "-302 -302 -403 -403 -302 -403 -403 +200", "-302 -302 -403 -403 -302 -403 -403 +200", "rubrics.rubricchange"
    ),
    "admin:rubrics_rubricchange_add": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "rubrics.rubricchange"
    ),
    "admin:rubrics_rubricchange_history": Rule(
        "-302 -302 -403 -403 -302 -403 -403 +200", "-302 -302 -403 -403 -302 -403 -403 +200", "rubrics.rubricchange"
    ),
    "admin:rubrics_rubricchange_delete": Rule(
        "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "rubrics.rubricchange"
    ),
    "admin:rubrics_rubricchange_change": Rule(
        "-302 -302 -403 -403 -302 -403 -403 +200", "-302 -302 -403 -403 -302 -403 -403 -403", "rubrics.rubricchange"
    ),
    "admin/rubrics/rubricchange/<path:object_id>/": Rule(
        "-302 -302 0302 0302 -302 0302 0302 0302", "-302 -302 0302 0302 -302 0302 0302 0302", "rubrics.rubricchange"
    ),
    "set_language": Rule("0302 0302 0302 0302 0302 0302 0302 0302", "0302 0302 0302 0302 0302 0302 0302 0302"),
    # A PDF for 1.1: each office sends its own (Phuket's lands on Phuket), nobody else sends any.
    "api-evidence": Rule(
        "-401 0200 0200 0200 *200 +200 +200 +200",
        "-401 0400 -403 -403 0400 -403 -403 -403",
        asks=(
            Ask(
                "POST",
                "-401 0201 -403 -403 0201 -403 -403 -403",
                "a PDF",
                lambda: a_pdf() | {"criterion": "1.1"},
                json=True,
            ),
        ),
    ),
    # tus: the collection takes no GET (405) and a POST without Tus-Resumable (412); an upload is
    # its sender's alone: anyone else gets 404, never its name or description.
    "api-uploads": Rule("-401 0405 0405 0405 0405 0405 0405 0405", "-401 0412 0412 0412 0412 0412 0412 0412"),
    "api-upload": Rule(
        "-401 -404 -404 -404 0200 -404 -404 -404",
        "-401 0405 0405 0405 0405 0405 0405 0405",
        "submissions.resumableupload",
        delete="-401 -404 -404 -404 0204 -404 -404 -404",
    ),
    "api-judgments": Rule(
        "-401 -403 -403 0200 -403 +200 0200 -403",
        "-401 -403 -403 0400 -403 0400 0400 -403",
        asks=(
            Ask(
                "POST",
                "-401 -403 -403 -404 -403 0200 0200 -403",
                "a judgment",
                lambda: {"province": "TH-50", "criterion": "1.1", "points": "5", "expected_version": 0},
            ),
        ),
    ),
    "committee:clarification": Rule(
        "-302 -404 -404 -404 *200 +200 +200 +200", "-302 -404 -404 -404 *200 +200 +200 -403", "committee.clarification"
    ),
    # Only the unit's own staff answer from the criterion's page: everyone else as if the question did not exist.
    "committee:clarification_answer": Rule(None, "-302 -404 -404 -404 0302 -404 -404 -404", "committee.clarification"),
    # By when judging ends: whoever runs the contest sets it (central staff nationally); the page names no unit.
    "panel:judging_deadline": Rule(
        "-302 -403 -403 -403 -403 -403 -403 0200", "-302 -403 -403 -403 -403 -403 -403 0200"
    ),
    # A provincial office's contest panel; the national contest has none (its committee is the Department's).
    "panel:manage": Rule("-302 -403 -403 -403 -403 -403 -403 -403", "-302 -403 -403 -403 -403 -403 -403 -403"),
    "login": Rule("0200 0302 0302 0302 0302 0302 0302 0302", "0200 0302 0302 0302 0302 0302 0302 0302"),
    "logout": Rule(None, "-302 -302 -302 -302 -302 -302 -302 -302"),
    "password_change": Rule("-302 0200 0200 0200 0200 0200 0200 0200", "-302 0200 0200 0200 0200 0200 0200 0200"),
    "password_change_done": Rule("-302 0200 0200 0200 0200 0200 0200 0200"),
    "scoring:index": Rule("-302 0302 0302 0302 0302 0302 0302 0302"),
    "schedule:dashboard": Rule("-302 -403 -403 -403 -403 -403 -403 0200"),
    "schedule:live": Rule("-302 -403 -403 -403 -403 -403 -403 0200"),
    "rubrics:settings": Rule(None, "-302 -403 -403 -403 -403 -403 -403 0302"),
    "rubrics:calendar": Rule("-302 -403 -403 -403 -403 -403 -403 0200"),
    "schedule:missing": Rule(
        "-302 -403 -403 -403 -403 -403 -403 +200"
    ),  # who has not sent, by name: whoever runs the contest
    "scoring:facts": Rule(None, "-302 -403 -403 -403 -403 -403 -403 0302"),
    "scoring:facts_template": Rule(
        "-302 -403 -403 -403 -403 -403 -403 +200"
    ),  # the contest's fact template: whoever runs it
    # Selections in stages (seed 002): the list shows each user only the stages they take part in; a
    # contest that is not staged (the national one) has no stage page: 404 for all.
    "stages:stages": Rule("-302 0200 0200 0200 0200 0200 0200 0200"),
    "scoring:past": Rule(
        "-302 0200 0200 -403 0200 -403 -403 -403"
    ),  # every year's results of the office's own contests: office staff
    "stages:stage_register": Rule(
        None, "-302 -403 -403 -403 -403 -403 -403 0302"
    ),  # central staff import the register of past models
    "stages:stage": Rule("-302 -404 -404 -404 -404 -404 -404 -404"),
    "stages:stage_export": Rule(
        "-302 -404 -404 -404 -404 -404 -404 -404"
    ),  # the stage page's picks as a file: the page's own scope
    "stages:stage_file": Rule(None, "-302 -404 -404 -404 -404 -404 -404 -404"),
    # A file sent for a pick: the stage page's own scope, under a staged contest only (the roles of a staged
    # one: tests/stages/test_stage_file_download.py); <pk> is any id here.
    "stages:stage_file_download": Rule("-302 -404 -404 -404 -404 -404 -404 -404", None, "contests.unit"),
    "stages:stage_pick": Rule(None, "-302 -404 -404 -404 -404 -404 -404 -404"),
    "stages:stage_withdraw": Rule(None, "-302 -404 -404 -404 -404 -404 -404 -404"),
    "rubrics:contest_upload": Rule(
        "-302 -403 0200 -403 -403 -403 -403 0200", "-302 -403 0400 -403 -403 -403 -403 0400"
    ),
    # The builder, opened on the contest as a template: whoever runs contests, the contest's runner only.
    "builder:contest_builder": Rule(
        "-302 -403 -404 -403 -403 -403 -403 0200",
        "-302 -403 0200 -403 -403 -403 -403 0200",
        query="?from=contest:{year}",
    ),
    # The builder's live preview answers only for the form it is posted; an empty one names no criterion.
    "builder:preview": Rule(None, "-302 -403 -404 -403 -403 -403 -403 -404"),
    "builder:contest_open": Rule(
        None, "-302 -404 -404 -404 -404 -404 -404 0302"
    ),  # the national contest is open already: said so
    "rubrics:rubric_changes": Rule(
        "-302 -403 -403 -403 -403 -403 -403 +200"
    ),  # the revision history: whoever runs the contest
    # A criterion's page where its deadline moves: whoever runs the contest (here no criterion is named <code>:
    # 404); an entrant's staff are sent on to their own page of it (nothing of TH-50's); nobody else.
    "schedule:criterion": Rule("-302 0302 -404 -404 0302 -404 -404 -404", "-302 -404 -404 -404 -404 -404 -404 -404"),
    "schedule:deadline_letter": Rule(
        "-302 -404 -404 -404 -404 -404 -404 -404", None, "rubrics.rubricchange"
    ),  # a change with no letter kept
    "scoring:freeze": Rule(None, "-302 -403 -403 -403 -403 -403 -403 0302"),
    "scoring:unfreeze": Rule(None, "-302 -403 -403 -403 -403 -403 -403 0302"),
    "scoring:publish": Rule(
        "-302 -403 -403 -403 -403 -403 -403 0302", "-302 -403 -403 -403 -403 -403 -403 0302"
    ),  # GET previews, a confirmed POST publishes
    "scoring:ties": Rule(
        "-302 -403 -403 -403 -403 -403 +200 0200", "-302 -403 -403 -403 -403 -403 +302 0302"
    ),  # whoever runs the contest, or the chair of its committee, settles its ties
    "schedule:remind_late": Rule(
        None, "-302 -403 -403 -403 -403 -403 -403 0302"
    ),  # whoever runs the contest reminds the late
    "scoring:withdraw": Rule(None, "-302 -403 -403 -403 -403 -403 -403 0302"),
    "scoring:correct": Rule(None, "-302 -403 -403 -403 -403 -403 -403 0302"),  # whoever runs the contest
    # Its own office's page (nothing of TH-50's), even before results open; a judge is sent on to the matrix.
    "scoring:mine": Rule("-302 0200 -403 0302 0200 0302 0302 0302"),
    "scoring:results": Rule("-404 -404 -404 -404 -404 -404 -404 -404"),
    "submissions:home": Rule(
        "0200 0302 0200 0200 0302 0200 0200 0302", "0200 0302 0200 0200 0302 0200 0200 0302"
    ),  # a visitor: the landing page; central: the dashboard
    "submissions:provinces": Rule(
        "-302 0302 0200 0200 0302 0200 0200 0200", "-302 0302 0200 0200 0302 0200 0200 0200"
    ),  # everyone's home but central's, in their menu
    "notices:announce": Rule(
        "-302 -403 0200 -403 -403 -403 -403 0200", "-302 -403 0400 -403 -403 -403 -403 0400"
    ),  # central staff write to every office; an organiser to its own contest's entrants
    # An announcement and its letter, to its readers only (tests/notices/test_announcements.py): here none exists.
    "notices:announcement": Rule("-404 -404 -404 -404 -404 -404 -404 -404", None, "notices.announcement"),
    "notices:announcement_letter": Rule("-404 -404 -404 -404 -404 -404 -404 -404", None, "notices.announcement"),
    # A bulk act's account, to whoever did it (tests/notices/test_outreach.py): here none exists.
    "notices:outreach": Rule("-404 -404 -404 -404 -404 -404 -404 -404", None, "notices.outreach"),
    "submissions:unit": Rule("-302 -404 -404 -404 *200 +200 +200 +200", "-302 -404 -404 -404 *200 +200 +200 +200"),
    "submissions:innovation": Rule(
        "-302 -404 -404 -404 *200 +200 +200 +200", "-302 -404 -404 -404 *200 -403 -403 -403"
    ),
    "submissions:nominee": Rule(
        None, "-302 -404 -404 -404 -404 -404 -404 -404"
    ),  # the national contest takes no nominees: 404
    "submissions:nominee-withdraw": Rule(None, "-302 -404 -404 -404 -404 -404 -404 -404"),
    "submissions:criterion": Rule("-302 -404 -404 -404 *200 +200 +200 +200", "-302 -404 -404 -404 *200 +200 +200 +200"),
    # Sent as the page's script sends them (asking for JSON): the entrant's own staff only.
    "submissions:upload": Rule(
        None,
        "-401 -404 -404 -404 0302 -403 -403 -403",
        asks=(Ask("POST", "-401 -404 -404 -404 0201 -403 -403 -403", "a PDF", a_pdf, json=True),),
    ),
    "submissions:link": Rule(
        None,
        "-302 -404 -404 -404 0302 -403 -403 -403",
        asks=(
            Ask(
                "POST",
                "-302 -404 -404 -404 0201 -403 -403 -403",
                "a link",
                lambda: {"url": "https://youtu.be/x"},
                json=True,
            ),
        ),
    ),
    "submissions:answers": Rule(
        None, "-302 -404 -404 -404 0302 -403 -403 -403"
    ),  # an entrant's answers: as its evidence
    "submissions:withdraw": Rule(
        "-302 -404 -404 -404 *200 -403 -403 -403", "-302 -404 -404 -404 0302 -403 -403 -403", "submissions.evidence"
    ),
    "submissions:download": Rule(
        "-302 -404 -404 -404 *200 +200 +200 +200", "-302 -404 -404 -404 *200 +200 +200 +200", "submissions.evidence"
    ),
    # Whoever runs the contest exports each of its sheets: the plain GET asks for the judgments as CSV.
    "api-export": Rule(
        "-401 -403 -403 -403 -403 -403 -403 +200",
        asks=tuple(
            Ask("GET", "-401 -403 -403 -403 -403 -403 -403 +200", f"{sheet}.{fmt}", params={"sheet": sheet, "fmt": fmt})
            for sheet, fmt in (("standings", "xlsx"), ("facts", "csv"), ("fact-changes", "csv"))
        ),
    ),
    "api-documents": Rule(
        None,
        "-401 -403 -403 -403 -403 -403 -403 0400",
        asks=(Ask("POST", "-401 -403 -403 -403 -403 -403 -403 0202", "the awardee's certificate", certificate),),
    ),
    "api-document": Rule("-401 -404 -404 -404 -404 -404 -404 0200", None, "awards.generateddocument"),
    "api-document-file": Rule(
        "-401 -404 -404 -404 -404 -404 -404 +200",
        None,
        "awards.generateddocument",
        asks=(
            Ask(
                "GET",
                "-401 -404 -404 -404 +200 -404 -404 +200",
                "the awardee's certificate",  # its own staff open it (awards.download_own_certificate)
                obj="awards.generateddocument certificate",
            ),
        ),
    ),
    "awards:index": Rule("-302 -403 -403 0302 -403 0302 0302 0302"),
    "awards:results": Rule("-302 -403 -403 0200 -403 0200 0200 0200"),
    "awards:document_create": Rule(
        None,
        "-302 -403 -403 -403 -403 -403 -403 0302",
        asks=(Ask("POST", "-302 -403 -403 -403 -403 -403 -403 0302", "the awardee's certificate", certificate),),
    ),
    "awards:signature": Rule(None, "-302 -403 -403 -403 -403 -403 -403 0302"),
    "awards:signing_certificate": Rule(None, "-302 -403 -403 -403 -403 -403 -403 0302"),
    "awards:status": Rule(
        "-302 -404 -404 -404 -404 -404 -404 0200",
        None,
        "awards.generateddocument",
        asks=(
            Ask(
                "GET",
                "-302 -404 -404 -404 +200 -404 -404 0200",
                "the awardee's certificate",  # its own staff open it (awards.download_own_certificate)
                obj="awards.generateddocument certificate",
            ),
        ),
    ),
    "awards:download": Rule(
        "-302 -404 -404 -404 -404 -404 -404 +200",
        None,
        "awards.generateddocument",
        asks=(
            Ask(
                "GET",
                "-302 -404 -404 -404 +200 -404 -404 +200",
                "the awardee's certificate",  # its own staff download it (awards.download_own_certificate)
                obj="awards.generateddocument certificate",
            ),
        ),
    ),
}

# Operations (ops/): probes and metrics answer everyone on loopback (the test client's address) and show
# no province's data; the rest is central staff's, or TH-50's own.
RULES.update(
    {
        "ops:healthz": Rule("0200 0200 0200 0200 0200 0200 0200 0200"),
        "ops:metrics": Rule("0200 0200 0200 0200 0200 0200 0200 0200"),
        "ops:status": Rule("-302 -403 -403 -403 -403 -403 -403 0200"),
        # Help and the help desk's contacts: everyone, signed in or not (a locked-out user needs them most).
        "ops:help": Rule("0200 0200 0200 0200 0200 0200 0200 0200"),
        "ops:help_role": Rule("0200 0200 0200 0200 0200 0200 0200 0200"),
        "ops:contacts": Rule(
            "-302 -403 0200 -403 -403 -403 -403 0200", "-302 -403 -404 -403 -403 -403 -403 0200"
        ),  # central staff set the help desk's contacts
        "admin:ops_sitecontact_changelist": Rule(
            "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "ops.sitecontact"
        ),
        "admin:ops_sitecontact_add": Rule(
            "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "ops.sitecontact"
        ),  # its one row exists
        "admin:ops_sitecontact_history": Rule(
            "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0200", "ops.sitecontact"
        ),
        "admin:ops_sitecontact_delete": Rule(
            "-302 -302 -403 -403 -302 -403 -403 -403", "-302 -302 -403 -403 -302 -403 -403 -403", "ops.sitecontact"
        ),
        "admin:ops_sitecontact_change": Rule(
            "-302 -302 -403 -403 -302 -403 -403 0200", "-302 -302 -403 -403 -302 -403 -403 0302", "ops.sitecontact"
        ),
        "admin/ops/sitecontact/<path:object_id>/": Rule(
            "-302 -302 0302 +302 -302 +302 +302 +302", "-302 -302 0302 +302 -302 +302 +302 +302", "ops.sitecontact"
        ),  # to /change/
        "ops:next_year": Rule("-302 -403 -403 -403 -403 -403 -403 0200", "-302 -403 -403 -403 -403 -403 -403 0200"),
        "ops:year_on_year": Rule("-302 -403 -403 -403 -403 -403 -403 +200"),
        "ops:year_on_year_province": Rule("-302 -403 -403 -403 0200 -403 -403 +200"),
        "ops:province_export": Rule("-302 -404 -404 -404 *200 -404 -404 +200"),
    }
)

# The public verification pages: the form answers everyone and shows no contest's data; <code> here is
# TH-50, no verification code, so its page is not found for anyone (an issued code's page is the same
# for every role: tests/awards/test_verify.py).
RULES.update(
    {
        "verify:index": Rule("0200 0200 0200 0200 0200 0200 0200 0200"),
        "verify:page": Rule("-404 -404 -404 -404 -404 -404 -404 -404"),
    }
)

# Leaks found by this matrix and not yet fixed (the fix belongs to submissions/): the rows above say
# what must hold; these cells fail today and are expected to fail, strictly, until the fix lands.
# Routes known to leak, each with its reason; strict: a fixed leak fails until its entry is removed.
KNOWN_LEAKS: dict[str, str] = {}


def test_isolation_rules_cover_every_route():
    missing = sorted(key for key, _ in url_patterns() if key not in RULES and key not in SKIP)
    assert missing == [], "ยังไม่มีกฎสิทธิ์สำหรับเส้นทางใหม่"


def test_isolation_rules_cover_every_api_operation():
    missing = sorted(f"{name} {m}" for name, m in schema_operations() if m not in RULES.get(name, Rule()).methods)
    assert missing == [], "ยังไม่มีกฎสิทธิ์สำหรับ API"


def test_isolation_rules_name_only_existing_routes():
    keys = {key for key, _ in url_patterns()}
    assert sorted(set(RULES) - keys) == []
    assert sorted(set(SKIP) - keys) == []
