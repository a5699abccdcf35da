"""The navigation bar: each role's work, one click from every page (portal and admin alike)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from contests.actor import Power, actor_of
from core.i18n import Text
from rubrics.models import ContestPeriod
from scoring.contest_results import shown_results
from scoring.hooks import nav_extra

if TYPE_CHECKING:
    from scoring.contest_results import ShownRubric

# A link of the bar: its words (lazy: the page's language), where it goes, a stable key for tests and styles.
Link: TypeAlias = tuple[Text, str, str]


@dataclass(frozen=True)
class NavItem:
    text: Text
    url: str
    key: str  # a stable hook for tests and styles
    current: bool = False


def earlier(rubric: ShownRubric) -> bool:
    """An earlier national year than the running one: the menu lists it under "ผลปีก่อน", not one by one."""
    return rubric.contest.is_national and rubric.year != rubric.latest_national


def _items(user) -> list[Link]:
    actor = actor_of(user)
    if Power.FILE in actor.powers:
        items: list[Link] = [(_("My evidence"), reverse("submissions:home"), "evidence")]
        results = shown_results(user)
        # Of the national contest only its running year by name: earlier years wait on one page (a district
        # office enters its province's contests, not the national one: "ผลของจังหวัด" is never its link).
        standings = [r for r in results if not earlier(r)]
        for rubric in standings:
            text: Text = _("My standing") if rubric.contest.is_national else _("Our results")
            if len(standings) > 1:  # several contests: each link says whose results it is
                text = format_lazy("{text} ({key})", text=text, key=rubric.key)
            items.append((text, reverse("scoring:mine", args=[rubric.key]), "standing"))
        if len(standings) < len(results):  # certificates of years gone by stay one click away
            items.append((_("Earlier results"), reverse("scoring:past"), "past"))
        elif not standings:  # nothing published yet: the page of results says what waits and who opens it
            items.append((_("Contest results"), reverse("scoring:past"), "results"))
        return items
    stages: list[Link] = [(_("Selection stages"), reverse("stages:stages"), "stages")]
    if Power.ORGANISE in actor.powers:  # the contests its office runs, each with its dashboard and documents
        return [
            (_("Office contests"), reverse("submissions:home"), "contests"),
            # The results its office may see: its own contests', every year, and the Department's once published.
            (_("Contest results"), reverse("scoring:past"), "results"),
            # The builder first (boxes, a preview, a check); its start page links the JSON upload.
            (_("Create or update a contest"), reverse("builder:contest_builder"), "contest-new"),
            *stages,  # every office picks at its level once the stages are loaded (docs/contests.md)
            (_("Accounts"), reverse("accounts:provision"), "accounts"),  # its offices' staff
        ]
    scoring: list[Link] = [
        (_("Scoring matrix"), reverse("admin:committee_matrix"), "matrix"),
        (_("Next with evidence"), reverse("admin:committee_next"), "next"),
        (_("Clarifications"), reverse("admin:committee_clarification_changelist"), "clarifications"),
    ]
    if Power.JUDGE in actor.powers:
        return scoring
    if Power.ADMINISTER in actor.powers:
        year = ContestPeriod.objects.national().order_by("-year").values_list("year", flat=True).first()
        holidays = reverse("admin:rubrics_holidayoverride_changelist")
        calendar = reverse("rubrics:calendar", args=[year]) if year else holidays
        return [
            (_("Dashboard"), reverse("scoring:index"), "dashboard"),
            (_("Provinces"), reverse("submissions:provinces"), "provinces"),  # "/" is the dashboard
            scoring[0],
            (_("Imports"), reverse("admin:scoring_fact_import"), "imports"),
            (_("Calendar"), calendar, "calendar"),
            (_("Award documents & exports"), reverse("awards:index"), "awards"),
            (_("Announcements"), reverse("notices:announce"), "announce"),
            (_("System status"), reverse("ops:status"), "status"),
            *stages,
            (_("Accounts"), reverse("accounts:provision"), "accounts"),
            (_("Admin"), reverse("admin:index"), "admin"),
        ]
    return []


RESULTS = ("standing", "past", "results")  # the items that lead to results: what help promises is these
OFFICE_LISTS = ("evidence", "contests", "provinces")  # the items that list the offices a contest's pages are of


def results_items(user) -> list[NavItem]:
    """The user's menu items that lead to results, as their menu names them (none for a role without)."""
    return [NavItem(text, url, key) for text, url, key in _items(user) if key in RESULTS]


def nav_items(user, path: str) -> list[NavItem]:
    """The user's items with the current one marked: the longest link that the path starts with."""
    items = _items(user) + [item for extra in nav_extra(user) for item in extra]
    # "/" would match everything: the home page is current only on itself and the entrants' pages.
    matches = [url for _text, url, _key in items if path == url or (url != "/" and path.startswith(url.split("?")[0]))]
    if not matches and path.startswith("/years/"):  # an office's pages in a contest: under the list of offices
        matches = [url for _text, url, key in items if key in OFFICE_LISTS]
    current = max(matches, key=len, default=None)
    return [NavItem(text, url, key, url == current) for text, url, key in items]
