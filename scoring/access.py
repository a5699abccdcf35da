"""The gate for pages about one contest (core.gate, asked with the rubric the URL names)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from core import gate

from .models import Rubric


def rubric_gate(request, perm: str, key: str) -> Rubric:
    """The rubric `key` names if the user has `perm` on it. Another office's contest answers 404, never
    403, so nobody learns what another province runs; the national contest answers 403 as it always has."""
    rubric = get_object_or_404(Rubric.objects.by_key(key))
    if rubric.contest.is_national:
        gate.require(request, perm, rubric)
        return rubric
    return gate.visible(request, perm, rubric)
