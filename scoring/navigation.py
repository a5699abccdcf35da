"""The navigation bar: each role's work, one click from every page (portal and admin alike)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias, TypedDict

from django.db.models import Q, Subquery
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from contests.actor import actor_of
from contests.models import national_q
from core.i18n import Text
from scoring.contests import contests_for_user, enters
from scoring.hooks import nav_extra
from scoring.models import Rubric

# A link of the bar: its words (lazy: the page's language), where it goes, a stable key for tests and styles.
Link: TypeAlias = tuple[Text, str, str]


@dataclass(frozen=True)
class NavItem:
    text: Text
    url: str
    key: str  # a stable hook for tests and styles
    current: bool = False


class LatestNational(TypedDict):
    latest_national: int | None  # the national contest's newest year


if TYPE_CHECKING:  # the stubs' annotated model, a type only
    from django_stubs_ext import WithAnnotations

    ShownRubric: TypeAlias = WithAnnotations[Rubric, LatestNational]


NATIONAL = national_q("contest__")  # as Rubric.objects.national()


def shown_results(user) -> list[ShownRubric]:
    """Every rubric whose standing this office's staff may see, newest first: entered by their office, and
    published or opened to entrants early. Each carries `latest_national`, the national contest's newest year,
    so the menu tells the running year from earlier ones in the same query. 1 query (+ the entrants) while
    none is open, once per user object (a request's): the menu and the page of earlier results share it."""
    cached = getattr(user, "_shown_results", None)
    if cached is None:
        cached = user._shown_results = _shown_results(user)
    return cached


def _shown_results(user) -> list[ShownRubric]:
    latest = Rubric.objects.filter(NATIONAL).order_by("-year").values("year")[:1]
    shown = Q(snapshot__published_at__isnull=False) | Q(year_settings__standings_visible_to_entrants=True)
    open_ = (
        Rubric.objects.filter(shown)
        .annotate(latest_national=Subquery(latest))
        .select_related("contest")
        .prefetch_related("contest__entrants")
        .order_by("-year", "contest__slug", "period_order")
    )
    rubrics = list(open_)
    if not rubrics:
        return []
    unit = actor_of(user).own_office
    if unit is None:  # an office's results: someone of no office enters nothing
        return []
    return [r for r in rubrics if enters(r.contest, unit)]


def results_waiting(user, shown: Sequence[Rubric]) -> list[Rubric]:
    """The contests this office enters whose results are not open to it yet (`shown` are): the national
    contest's newest year and its own office contests. The page of results lists them, saying who opens them,
    so the menu's results link answers even before anything is published. 2 queries."""
    actor = actor_of(user)
    national = Rubric.objects.national().select_related("contest").order_by("-year").first()
    entered = [national] if national is not None and actor.enters(national.contest) else []
    entered += [rubric for rubric, _unit in contests_for_user(user)]
    seen = {rubric.pk for rubric in shown}
    return [rubric for rubric in entered if rubric.pk not in seen]


def earlier(rubric: ShownRubric) -> bool:
    """An earlier national year than the running one: the menu lists it under "ผลปีก่อน", not one by one."""
    return rubric.contest.is_national and rubric.year != rubric.latest_national


def _items(user) -> list[Link]:
    actor = actor_of(user)
    if actor.files_for_office():
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
    if actor.organises():  # the contests its office runs, each with its dashboard and documents
        return [
            (_("Office contests"), reverse("submissions:home"), "contests"),
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
    if actor.on_committee():
        return scoring
    if actor.administers():
        year = Rubric.objects.national().order_by("-year").values_list("year", flat=True).first()
        holidays = reverse("admin:scoring_holidayoverride_changelist")
        calendar = reverse("scoring:calendar", args=[year]) if year else holidays
        return [
            (_("Dashboard"), reverse("scoring:index"), "dashboard"),
            (_("Provinces"), reverse("submissions:home"), "provinces"),
            scoring[0],
            (_("Imports"), reverse("admin:scoring_fact_import"), "imports"),
            (_("Calendar"), calendar, "calendar"),
            (_("Award documents & exports"), reverse("awards:index"), "awards"),
            (_("System status"), reverse("ops:status"), "status"),
            *stages,
            (_("Accounts"), reverse("accounts:provision"), "accounts"),
            (_("Admin"), reverse("admin:index"), "admin"),
        ]
    return []


def nav_items(user, path: str) -> list[NavItem]:
    """The user's items with the current one marked: the longest link that the path starts with."""
    items = _items(user) + [item for extra in nav_extra(user) for item in extra]
    # "/" would match everything: the home page is current only on itself and the province pages.
    matches = [url for _text, url, _key in items if path == url or (url != "/" and path.startswith(url.split("?")[0]))]
    if not matches and path.startswith("/years/"):
        matches = ["/"]
    current = max(matches, key=len, default=None)
    return [NavItem(text, url, key, url == current) for text, url, key in items]
