"""The gate for pages about one contest (core.gate, asked with the rubric the URL names and the actor)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from rest_framework.permissions import BasePermission

from contests.actor import Actor, Need, actor_of
from core import gate
from scoring.models import Rubric


def rubrics(actor: Actor, need: Need | str = Need.SEE) -> QuerySet[Rubric]:
    """The rubrics (every period) of the contests the actor may `need`."""
    return Rubric.objects.filter(contest__in=actor.contests(need)).select_related("contest")


def contest_or_404(actor: Actor, key: str | int, need: Need | str = Need.SEE) -> Rubric:
    """The rubric a URL names, if the actor may `need` its contest. Another office's contest, or one the
    user may not see, does not exist for them (404, never 403: nobody learns what others run)."""
    rubric = Rubric.objects.by_key(key).select_related("contest", "contest__organiser").first()
    if rubric is None or not actor.sees(rubric.contest) or not actor.can(rubric.contest, need):
        raise Http404("ไม่พบการประกวด / no such contest")
    return rubric


def rubric_gate(request, perm: str, key: str) -> Rubric:
    """The rubric `key` names if the user has `perm` on it. Any other contest the user may not act on
    answers 404, never 403, so nobody learns what another office runs; the national contest, which every
    role sees, answers 403 as it always has."""
    gate.signed_in(request)
    rubric = Rubric.objects.by_key(key).select_related("contest", "contest__organiser").first()
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
