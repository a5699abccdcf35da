"""The contest builder's entrants: a chosen list with remove, a search by Thai name or DOPA code,
and "every unit of the level under the office" in one step, all plain form posts.

The chosen codes travel as the form's `entrants` values (builder/form.py reads them); the buttons are
`action` values the builder view hands to `step` before it reads the form. What is offered is the office's
own units at the entrant level (central staff: every CDD office at that level); an organiser cannot add
another office's unit here, and `services.contest_save` refuses one typed into the posted data anyway."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.datastructures import MultiValueDict

from contests.models import Level, Unit
from contests.tree import units_under

FOUND = 20  # search results shown at once: a name typed more fully narrows them
ADD, REMOVE, EVERY, SEARCH = "entrant_add", "entrant_remove", "entrants_every", "entrant_search"


def offered(office: Unit | None, level: str) -> QuerySet[Unit]:
    """The units an actor may pick as entrants at `level`: its office's own, or (central staff) every one."""
    if office is not None:
        return units_under(office, level)
    return Unit.objects.filter(level=level, is_cdd_office=True).order_by("dopa_code")


def search(office: Unit | None, level: str, text: str) -> list[Unit]:
    """Units offered whose Thai (or English) name holds `text`, or whose DOPA code starts with it."""
    text = " ".join(text.split())
    if not text:
        return []
    found = (
        offered(office, level)
        .select_related("parent")
        .filter(Q(name_th__icontains=text) | Q(name_en__icontains=text) | Q(dopa_code__startswith=text))
    )
    return list(found[:FOUND])


def step(post: MultiValueDict, action: str, office: Unit | None) -> MultiValueDict:
    """The form after an entrant button: a unit added or removed, or every unit offered added. Other
    actions leave it as posted. A code not offered to the actor is not added."""
    what, _, code = action.partition(":")
    if what not in (ADD, REMOVE, EVERY):
        return post
    post = post.copy()
    level = post.get("entrant_level") or Level.DISTRICT
    chosen = [c for c in post.getlist("entrants") if c]
    if what == REMOVE:
        chosen = [c for c in chosen if c != code]
    else:
        units = offered(office, level)
        if what == ADD:
            units = units.filter(dopa_code=code)
        chosen += [c for c in units.values_list("dopa_code", flat=True) if c not in chosen]
        post.pop("entrants_all", None)  # a list chosen is no longer "every unit, whoever joins later"
    post.setlist("entrants", chosen)
    return post


@dataclass
class Entrants:
    """What the entrants' part of the page shows: the chosen units in order, and what the search found."""

    chosen: list[Unit]
    unknown: list[str]  # codes listed that name no unit (a typo in a file): shown so they can be removed
    found: list[Unit]
    searched: str
    every_count: int

    @property
    def count(self) -> int:
        return len(self.chosen) + len(self.unknown)


def entrants(post: MultiValueDict, office: Unit | None) -> Entrants:
    level = post.get("entrant_level") or Level.DISTRICT
    codes = list(dict.fromkeys(c for c in post.getlist("entrants") if c))
    units = {u.dopa_code: u for u in Unit.objects.filter(dopa_code__in=codes)}
    text = post.get("entrant_q") or ""
    chosen_set = set(codes)
    return Entrants(
        chosen=[units[c] for c in codes if c in units],
        unknown=[c for c in codes if c not in units],
        found=[u for u in search(office, level, text) if u.dopa_code not in chosen_set],
        searched=text,
        every_count=offered(office, level).count(),
    )
