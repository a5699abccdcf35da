"""The gate for pages about one contest (core.gate, asked with the rubric the URL names)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from rest_framework.permissions import BasePermission

from core import gate

from .models import Rubric


def rubric_gate(request, perm: str, key: str) -> Rubric:
    """The rubric `key` names if the user has `perm` on it. Another office's contest answers 404, never
    403, so nobody learns what another province runs; the national contest answers 403 as it always has."""
    return rubric_allowed(request, perm, get_object_or_404(Rubric.objects.by_key(key)))


def rubric_allowed(request, perm: str, rubric: Rubric) -> Rubric:
    """rubric_gate for a rubric already in hand."""
    if rubric.contest.is_national:
        gate.require(request, perm, rubric)
        return rubric
    return gate.visible(request, perm, rubric)


def rubric_permission(perm: str) -> type[BasePermission]:
    """The API's form of rubric_gate, for views under years/<rubric:year>/: 401 anonymous, 404 another
    office's contest, 403 the national one; the view finds the rubric on `self.rubric`."""

    class HasRubricRule(BasePermission):
        def has_permission(self, request, view) -> bool:
            if not request.user.is_authenticated:
                return False
            view.rubric = rubric_gate(request, perm, view.kwargs.get("year") or view.kwargs["slug"])
            return True

    HasRubricRule.__name__ = f"HasRubricRule[{perm}]"
    return HasRubricRule
