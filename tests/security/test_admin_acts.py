"""Every door the admin opens onto a score, a fact or an issued document asks a declared act's second factor
(core.acts, SECURITY.md): the site's own list actions, add and change forms and import views are walked here, and
any other page such an admin adds must be named below with the act it asks, so a new door cannot write such data
for a session that has confirmed no factor (a member's score was rewritten 5.00 → 0.00 through the admin's
score import by whoever held central staff's password)."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse
from import_export.admin import ExportMixin, ImportMixin

from awards.models import AwardSignature, GeneratedDocument
from committee.models import ChairFinal, Judgment, Override, ScoreChange
from core import acts
from core.acts import SecondFactorRequired
from people.models import Role
from scoring.models import Fact, FactChange, Standing
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("second_factor_required")]
FACTOR_PAGE = "/accounts/second-factor/"
# The models whose rows are a score, a fact or an issued document (or who signs one).
GUARDED = (Judgment, ChairFinal, Override, ScoreChange, Fact, FactChange, Standing, GeneratedDocument, AwardSignature)
ADMINS = [(model, admin.site._registry[model]) for model in GUARDED if model in admin.site._registry]
# Pages such an admin adds beside Django's own: each the act its POST asks with its factor, or None for a page
# that writes none of that data (and why).
PAGES = {
    "committee_judgment_import": "committee.import_judgments",
    "committee_matrix": None,  # reads: the scoring matrix
    "committee_next": None,  # reads: the next cell to score
    "committee_evidence": None,  # reads: an entrant's evidence beside the screen
    "committee_evidence_file": None,  # reads: one file of it
    "committee_judgment_template": None,  # reads: the sheet to fill in
    # A judge's own score, final or override on the scoring screen: committee.score, .finalize, .override, for
    # the roles that judge (committee, chair, a panel), which step up to no factor; each change is in ScoreChange.
    "committee_score": None,
    "scoring_fact_template": None,  # reads: the facts sheet to fill in
    "committee_scorechange_export": None,  # reads: the score changes as a sheet
}
# The pages Django makes for every admin, and import-export for its own (as "<app>_<model>_<step>").
DJANGO_OWN = ("changelist", "add", "history", "delete", "change")
IMPORT_EXPORT_OWN = ("import", "process_import", "export")


def _central_request(path="/admin/", method="post"):
    request = getattr(RequestFactory(), method)(path)
    request.user = UserFactory(role=Role.CENTRAL)
    request.session = {}
    request._messages = []
    return request


def test_the_walk_finds_every_guarded_admin():
    assert {model for model, _ in ADMINS} == set(GUARDED)


def test_every_list_action_on_guarded_data_asks_the_factor_first():
    request, walked, let_through = _central_request(), [], []
    for model, model_admin in ADMINS:
        for name, (action, _name, _text) in model_admin.get_actions(request).items():
            walked.append(name)
            try:
                action(model_admin, request, model_admin.model.objects.none())
            except SecondFactorRequired:
                continue
            let_through.append(f"{model._meta.label}.{name}")
    assert walked and let_through == []


def test_every_add_or_change_form_on_guarded_data_asks_the_factor_before_reading_it(client):
    request, let_through = _central_request(), []
    client.force_login(request.user)
    for model, model_admin in ADMINS:
        if not (model_admin.has_add_permission(request) or model_admin.has_change_permission(request)):
            continue
        opts = model._meta
        response = client.post(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"), {})
        if not (response.status_code == 302 and response["Location"].startswith(FACTOR_PAGE)):
            let_through.append(opts.label)
    assert let_through == []


def test_every_import_view_on_guarded_data_asks_the_factor_before_reading_the_file(client):
    request, walked, let_through = _central_request(), [], []
    client.force_login(request.user)
    for model, model_admin in ADMINS:
        if not (isinstance(model_admin, ImportMixin) and model_admin.has_import_permission(request)):
            continue
        for step in ("import", "process_import"):
            opts = model._meta
            walked.append(step)
            response = client.post(reverse(f"admin:{opts.app_label}_{opts.model_name}_{step}"), {})
            if not (response.status_code == 302 and response["Location"].startswith(FACTOR_PAGE)):
                let_through.append(f"{opts.label} {step}")
    assert walked and let_through == []


def _own_pages() -> list[str]:
    names = []
    for model, model_admin in ADMINS:
        steps = DJANGO_OWN + (IMPORT_EXPORT_OWN if isinstance(model_admin, ImportMixin | ExportMixin) else ())
        own = {f"{model._meta.app_label}_{model._meta.model_name}_{step}" for step in steps}
        for pattern in model_admin.get_urls():
            if pattern.name and pattern.name not in own:
                names.append(pattern.name)
    return sorted(set(names))


def test_every_other_page_of_a_guarded_admin_is_named_with_the_act_it_asks():
    assert _own_pages() == sorted(PAGES)


@pytest.mark.parametrize("name", sorted(n for n, act in PAGES.items() if act))
def test_a_page_that_writes_asks_its_acts_factor_on_post(name, client):
    assert acts.ACTS[PAGES[name]].second_factor
    client.force_login(UserFactory(role=Role.CENTRAL))
    response = client.post(reverse(f"admin:{name}"), {})
    assert response.status_code == 302 and response["Location"].startswith(FACTOR_PAGE)
