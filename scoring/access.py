"""The one loader of the contest a URL names (<rubric:year>, core.converters.ContestKey): resolved once a
request (kept on the request, as pretalx keeps request.event) and asked one named permission (core.acts)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission

from contests.actor import Actor, Need, actor_of
from core import gate
from core.converters import ContestKey
from scoring.models import Rubric


def rubrics(actor: Actor, need: Need | str = Need.SEE) -> QuerySet[Rubric]:
    """The rubrics (every period) of the contests the actor may `need`."""
    return Rubric.objects.filter(contest__in=actor.contests(need)).select_related("contest")


def by_key(key: ContestKey | str | int, request=None) -> Rubric | None:
    """The rubric a URL names, with its contest and organiser: one query, kept on the request when one is
    given, so a page's gate, its context and its service share one object."""
    kept = getattr(request, "_rubrics", None) if request is not None else None
    if kept is not None and str(key) in kept:
        return kept[str(key)]
    rubric = Rubric.objects.by_key(key).select_related("contest", "contest__organiser").first()
    if request is not None:
        request.__dict__.setdefault("_rubrics", {})[str(key)] = rubric
    return rubric


def rubric_or_404(request, key: ContestKey | str | int) -> Rubric:
    """The rubric a URL names, or 404 (the pages that ask their own question of it next)."""
    rubric = by_key(key, request)
    if rubric is None:
        raise Http404(_("no such contest"))
    return rubric


def contest_or_404(actor: Actor, key: ContestKey | str | int, need: Need | str = Need.SEE, request=None) -> Rubric:
    """The rubric a URL names, if the actor may `need` its contest. Another office's contest, or one the
    user may not see, does not exist for them (404, never 403: nobody learns what others run)."""
    rubric = by_key(key, request)
    if rubric is None or not actor.sees(rubric.contest) or not actor.can(rubric.contest, need):
        raise Http404(_("no such contest"))
    return rubric


def rubric_gate(request, perm: str, key: ContestKey | str) -> Rubric:
    """The rubric `key` names if the user has `perm` on it. Any other contest the user may not act on
    answers 404, never 403, so nobody learns what another office runs; the national contest, which every
    role sees, answers 403 as it always has."""
    gate.signed_in(request)
    rubric = by_key(key, request)
    if rubric is None:
        raise Http404
    return rubric_allowed(request, perm, rubric)


def rubric_allowed(request, perm: str, rubric: Rubric) -> Rubric:
    """rubric_gate for a rubric already in hand."""
    gate.signed_in(request)
    if not actor_of(request.user).sees(rubric.contest):
        raise Http404
    if rubric.contest.is_national:
        gate.require(request, perm, rubric)
        return rubric
    return gate.visible(request, perm, rubric)


def rubric_permission(perm: str) -> type[BasePermission]:
    """The API's form of rubric_gate, for views under years/<rubric:year>/: 401 anonymous, 404 a contest
    the user may not act on, 403 the national one; the view finds the rubric on `self.rubric`."""

    class HasRubricRule(BasePermission):
        def has_permission(self, request, view) -> bool:
            if not request.user.is_authenticated:
                return False
            view.rubric = rubric_gate(request, perm, view.kwargs.get("year") or view.kwargs["slug"])
            return True

    HasRubricRule.__name__ = f"HasRubricRule[{perm}]"
    return HasRubricRule
