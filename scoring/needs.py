"""What a contest needs recorded, criterion by criterion, and who records it: read from each rule (its data
facts, the entrant's questions, the time uploads give, the panel's judgment), so a saved contest's page says
what its fact template otherwise alone holds (1.2's `received_on`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the stubs' type, a dev requirement only
    from django_stubs_ext import StrOrPromise

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from rulebook.rubric import RubricSpec
from rulebook.rules.errors import Label

ORGANISER = _("Whoever runs the contest, in its fact template")
ENTRANT = _("The entrant, on its criterion page")
UPLOADS = _("Recorded when the evidence is uploaded")
PANEL = _("The panel, on its scoring screen")


@dataclass(frozen=True)
class Need:
    fact: Label | None  # None: the panel's own score or check, no fact of the entrant's
    who: StrOrPromise  # who records it, translated when shown


@dataclass(frozen=True)
class CriterionNeeds:
    label: str
    name_th: str
    needs: tuple[Need, ...]


def contest_needs(spec: RubricSpec) -> list[CriterionNeeds]:
    """Every criterion in rubric order, each with the facts it is scored from and who records each."""
    out = []
    for c in spec.criteria():
        rule = c.rule
        asked = {q.code for q in rule.entrant_questions()}
        upload = rule.upload_time_fact()
        needs = [
            Need(rule.label(name), ENTRANT if name in asked else UPLOADS if name == upload else ORGANISER)
            for name in rule.fact_names()
            if not rule.member_gives(name)
        ]
        if rule.committee_judges:
            needs.append(Need(None, PANEL))
        out.append(CriterionNeeds(c.label, c.name_th, tuple(needs)))
    return out
