"""A contest's award tiers as filled: who holds each, how many places stay vacant or wait on a tie (decision 10),
in both languages, for the results page, the dashboard, the API and `standings`."""

from __future__ import annotations

from rubrics.models import ContestPeriod
from rulebook.engine import tie_held_places, vacant_places
from scoring.selectors import standings

NO_AWARD = ("ไม่มีผู้ได้รับรางวัล", "no award")
TIE_HELD = ("รอคณะกรรมการตัดสินคะแนนเสมอ", "awaiting the panel's decision on a tie")
SHARED = ("รวมรางวัลร่วมจากคะแนนเสมอ", "shared by decision on a tie")


def award_tiers_filled(tiers, results) -> list[dict]:
    """Each award tier with its holders and how many places stay vacant (decision 10).

    Takes what the caller already loaded (tiers, results with their units), so it costs no query.
    """
    out = []
    awarded = sum(bool(r.award) for r in results)
    vacancies = vacant_places([(t.code, t.count) for t in tiers], awarded)
    for tier in tiers:
        holders = [r for r in results if r.award == tier.code]
        vacant = vacancies[tier.code]
        held = tie_held_places(tier.count, vacant, len(holders))
        notes = [f"{NO_AWARD[0]} {vacant} รางวัล"] if vacant else []
        notes += [f"{TIE_HELD[0]} {held} รางวัล"] if held else []
        notes_en = [f"{NO_AWARD[1]}: {vacant} place{'' if vacant == 1 else 's'} vacant"] if vacant else []
        notes_en += [f"{TIE_HELD[1]}: {held} place{'' if held == 1 else 's'}"] if held else []
        # More holders than places: a tie at the tier's line, shared by decision or awaiting one.
        over = len(holders) - tier.count
        # Unsettled, only the tied entrants compete for what the untied ones leave: 3 tied for the last 2 of
        # ten places reads "3 ราย ชิง 2 รางวัล", never the 11 listed under the tier.
        tied = sum(bool(r.award_tie) for r in holders)
        if over > 0 and not tied:
            notes += [f"{SHARED[0]} {over} รางวัล"]
            notes_en += [f"{SHARED[1]}: {over} more"]
        elif over > 0:
            contested = tier.count - (len(holders) - tied)
            notes += [f"{TIE_HELD[0]}: {tied} ราย ชิง {contested} รางวัล"]
            notes_en += [f"{TIE_HELD[1]}: {tied} entrants for {contested} place{'' if contested == 1 else 's'}"]
        out.append(
            {
                "code": tier.code,
                "name_th": tier.name_th,
                "name_en": tier.name_en,
                "count": tier.count,
                "provinces": [r.unit.code for r in holders],
                "placed": len(holders) - tied if over > 0 else len(holders),
                "vacant": vacant,
                "tie_held": held,
                "note_th": " · ".join(notes),
                "note_en": " · ".join(notes_en),
            }
        )
    return out


def award_summary(rubric: ContestPeriod) -> list[dict]:
    return award_tiers_filled(list(rubric.award_tiers.all()), standings(rubric))
