"""Writes for the dashboard: freezing and publishing the results."""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from contests.models import Unit
from core import acts
from core.i18n import either
from notices import events
from rubrics.models import ContestPeriod
from scoring import lifecycle
from scoring.lifecycle import Action
from scoring.models import FreezeAction, FreezeEvent, Standing, StandingsSnapshot
from scoring.standings import standings_rows


@transaction.atomic
def standings_freeze(*, user, rubric: ContestPeriod) -> StandingsSnapshot:
    """Stores the current standings as the year's result. Refused while any entrant is still stale
    (the snapshot must be a consistent ranking) and where the lifecycle forbids it: a draft, announced
    results, a withdrawn publication (unfrozen first, or published again as it is)."""
    acts.require(user, "scoring.freeze", rubric)
    rubric = ContestPeriod.objects.select_for_update(no_key=True).get(pk=rubric.pk)  # no recompute runs meanwhile
    lifecycle.ensure(rubric, Action.FREEZE)
    if Standing.objects.filter(rubric=rubric, change_seq__gt=F("computed_seq")).exists():
        raise ValidationError(gettext_lazy("standings are being recomputed; try again"))
    snapshot, _ = StandingsSnapshot.objects.update_or_create(
        rubric=rubric,
        defaults={
            "rows": standings_rows(rubric),
            "computed_at": rubric.standings_computed_at,
            "frozen_at": timezone.now(),
            "frozen_by": user,
        },
    )
    event = FreezeEvent.objects.create(rubric=rubric, action=FreezeAction.FREEZE, by=user)
    events.results_changed(rubric=rubric, event=event, author=user)
    return snapshot


def _locked(rubric: ContestPeriod, action: Action) -> StandingsSnapshot:
    """The period's frozen results, row-locked, once the lifecycle allows `action` (asked after the lock: a
    publication a moment ago holds). The lifecycle allows these actions only with frozen results."""
    snapshot = StandingsSnapshot.objects.select_for_update().filter(rubric=rubric).first()
    lifecycle.ensure(rubric, action)
    if snapshot is None:  # not reached: the lifecycle reads the same row
        raise StandingsSnapshot.DoesNotExist(f"no frozen results for rubric {rubric.pk}")
    return snapshot


@transaction.atomic
def standings_unfreeze(*, user, rubric: ContestPeriod, reason: str) -> None:
    """Opens a frozen year to changes again; the reason is kept in the audit trail."""
    acts.require(user, "scoring.unfreeze", rubric)
    reason = reason.strip()
    if not reason:
        raise ValidationError(gettext_lazy("a reason is required to unfreeze"))
    snapshot = _locked(rubric, Action.UNFREEZE)
    snapshot.delete()
    FreezeEvent.objects.create(rubric=rubric, action=FreezeAction.UNFREEZE, reason=reason, by=user)


@transaction.atomic
def publication_publish(*, user, rubric: ContestPeriod, confirmed: bool, previewed_frozen_at: str) -> StandingsSnapshot:
    """Announces the frozen results. Only with an explicit confirmation of the very snapshot the preview
    showed (`previewed_frozen_at`: its frozen_at.isoformat()): one frozen again since then must be previewed
    again before it is published."""
    acts.require(user, "scoring.publish", rubric)
    snapshot = _locked(rubric, Action.PUBLISH)  # never a draft's, never results not frozen
    if not confirmed:
        raise ValidationError(gettext_lazy("tick the confirmation that you checked the results"))
    tied = [r["province_name_th"] for r in snapshot.rows if r.get("award_tie")]
    if tied:  # the portal never settles a tie at an award line: whoever runs the contest does (scoring.ties.settle)
        raise ValidationError(
            format_lazy(
                gettext_lazy(
                    "a tie at an award line is not settled yet ({tied} entrants): record how it is settled first"
                ),
                tied=either(", ".join(tied), str(len(tied))),
            )
        )
    if previewed_frozen_at != snapshot.frozen_at.isoformat():
        raise ValidationError(gettext_lazy("the frozen results changed after the preview; check them again"))
    if snapshot.published_at is None:
        snapshot.published_at, snapshot.published_by = timezone.now(), user
        snapshot.save(update_fields=["published_at", "published_by"])
        event = FreezeEvent.objects.create(rubric=rubric, action=FreezeAction.PUBLISH, by=user)
        events.results_changed(rubric=rubric, event=event, author=user)
    return snapshot


@transaction.atomic
def publication_withdraw(*, user, rubric: ContestPeriod, reason: str) -> StandingsSnapshot:
    """Takes the announcement down; the results stay frozen, so they can be published again or unfrozen
    and corrected. The reason is kept in the audit trail with who and when."""
    acts.require(user, "scoring.withdraw", rubric)
    reason = reason.strip()
    if not reason:
        raise ValidationError(gettext_lazy("a reason is required to withdraw the publication"))
    snapshot = _locked(rubric, Action.WITHDRAW)
    snapshot.published_at, snapshot.published_by = None, None
    snapshot.save(update_fields=["published_at", "published_by"])
    event = FreezeEvent.objects.create(rubric=rubric, action=FreezeAction.WITHDRAW, reason=reason, by=user)
    events.results_changed(rubric=rubric, event=event, author=user)
    return snapshot


@transaction.atomic
def awards_correct(*, user, rubric: ContestPeriod, awards: Mapping[int, str], reason: str) -> FreezeEvent:
    """Corrects published awards without unfreezing the year: each entrant of `awards` (unit id → tier code, ""
    for none) holds that award from now on, in the standings, the published results and every ranking after
    (scoring.ranking keeps it). Evidence stays closed and the facts and points unchanged. The reason and what
    changed are kept in the audit trail; each awardee whose award changed is told. The documents made after it
    are the corrected edition (awards.selectors.standings_version): each unchanged awardee keeps its certificate."""
    acts.require(user, "scoring.correct", rubric)
    reason = reason.strip()
    if not reason:
        raise ValidationError(gettext_lazy("a reason is required to correct the published awards"))
    rubric = ContestPeriod.objects.select_for_update(no_key=True).get(pk=rubric.pk)  # no recompute runs meanwhile
    snapshot = _locked(rubric, Action.CORRECT)
    tiers = {t.code: t.name_th for t in rubric.award_tiers.all()}
    if any(award and award not in tiers for award in awards.values()):
        raise ValidationError(gettext_lazy("choose one of the contest's awards, or none"))
    held = dict(Standing.objects.filter(rubric=rubric, unit_id__in=list(awards)).values_list("unit_id", "award"))
    if set(held) != set(awards):
        raise ValidationError(gettext_lazy("only the contest's entrants with results can be corrected"))
    changed = {unit: award for unit, award in awards.items() if held[unit] != award}
    if not changed:
        raise ValidationError(gettext_lazy("the awards chosen are the ones published: nothing to correct"))
    units = Unit.objects.in_bulk(list(changed))
    order = sorted(changed, key=lambda u: units[u].code)
    changes = [{"unit": u, "name_th": units[u].name_th, "before": held[u], "after": changed[u]} for u in order]
    for unit, award in changed.items():
        Standing.objects.filter(rubric=rubric, unit_id=unit).update(award=award, award_tie=False)
    snapshot.rows = standings_rows(rubric)
    snapshot.save(update_fields=["rows"])
    event = FreezeEvent.objects.create(
        rubric=rubric, action=FreezeAction.CORRECT, reason=reason, by=user, changes=changes
    )
    none = "ไม่ได้รับรางวัล"  # as the tiers' Thai names it stands beside in the notice
    for u in order:
        events.award_corrected(
            rubric=rubric,
            event=event,
            unit=units[u],
            before=tiers.get(held[u], none),
            after=tiers.get(changed[u], none),
            author=user,
        )
    return event
