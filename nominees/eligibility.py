"""Who an entrant office may nominate in a contest that honours people: the rubric file's
`contest.nominee` block (docs/rubric-format.md), stored as `Contest.nominee_rules`.

Seed 001: "พิจารณาคัดเลือกข้าราชการในสังกัดสำนักงานพัฒนาชุมชนอำเภอ … อำเภอละ ๑ คน" is
`{"employment": ["civil_servant"], "same_office": true, "per_office": 1}`. A contest without the block takes
anyone its offices name, as before. Plain data and checks of a contest's own: no rubric, facts or actor."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from contests.models import Unit
from contests.units import office_name
from core.errors import PortalError
from core.i18n import Text
from core.labels import both
from nominees.models import Employment

KEYS = frozenset({"employment", "same_office", "per_office"})


@dataclass(frozen=True)
class Eligibility:
    employment: tuple[str, ...] = ()  # the employment types that qualify; () = any, and none need be given
    same_office: bool = False  # the person works in the nominating office itself
    per_office: int = 1  # Nominee is one row per contest and office (nominee_one_per_entrant): always 1

    @classmethod
    def of(cls, rules: Mapping[str, Any] | None) -> Eligibility:
        """From a stored (already checked) `Contest.nominee_rules`."""
        rules = rules or {}
        return cls(tuple(rules.get("employment") or ()), bool(rules.get("same_office", False)))

    @property
    def asks_employment(self) -> bool:
        return bool(self.employment)

    @property
    def employment_labels(self) -> list[Text]:
        """ "ข้าราชการ / civil servant" for each type that qualifies."""
        return [Employment(e).label for e in self.employment]

    def refusals(self, *, employment: str, office: Unit | None, unit: Unit) -> list[PortalError]:
        """Why this person may not be nominated by `unit`, Thai first, each beside its field; [] if they may."""
        found = []
        if self.employment and employment not in self.employment:
            wanted = " หรือ ".join(both(Employment(e).label)[0] for e in self.employment)
            wanted_en = " or ".join(both(Employment(e).label)[1] for e in self.employment)
            given = both(Employment(employment).label) if employment else ("ไม่ระบุ", "not given")
            found.append(
                PortalError(
                    f"ผู้ได้รับการเสนอชื่อต้องเป็น{wanted} (ระบุไว้: {given[0]})",
                    f"the nominee must be a {wanted_en} (given: {given[1]})",
                    field="employment",
                    code="not_eligible",
                )
            )
        if self.same_office and (office is None or office.pk != unit.pk):
            found.append(
                PortalError(
                    f"ผู้ได้รับการเสนอชื่อต้องปฏิบัติงานใน{office_name(unit)}"
                    + (f" (ระบุไว้: {office_name(office)})" if office else " (ยังไม่ระบุสำนักงาน)"),
                    f"the nominee must work in the nominating office, {unit.name_en or unit.code}"
                    + (f" (given: {office.name_en or office.code})" if office else " (no office given)"),
                    field="office",
                    code="not_eligible",
                )
            )
        return found


def rules_problems(block: Any, *, nominates: bool) -> list[tuple[str, str]]:
    """What is wrong with a rubric file's `contest.nominee`, Thai first; [] for a good block or none."""
    if block is None:
        return []
    if not isinstance(block, Mapping):
        return [("contest.nominee ต้องเป็นออบเจกต์", "contest.nominee must be an object")]
    found = []
    if not nominates:
        found.append(
            (
                "contest.nominee ใช้ได้เฉพาะการประกวดที่มีการเสนอชื่อบุคคล (contest.nominates เป็น true)",
                "contest.nominee needs a contest that takes nominees (contest.nominates true)",
            )
        )
    unknown = sorted(map(str, set(block) - KEYS))
    if unknown:
        found.append(
            (f"contest.nominee: ไม่รู้จัก {', '.join(unknown)}", f"contest.nominee: unknown key(s) {', '.join(unknown)}")
        )
    employment = block.get("employment", [])
    if not isinstance(employment, list) or not all(e in Employment.values for e in employment):
        names = ", ".join(Employment.values)
        found.append(
            (
                f"contest.nominee.employment ต้องเป็นรายการจาก {names} แต่ได้รับ {employment!r}",
                f"contest.nominee.employment must be a list of {names}, got {employment!r}",
            )
        )
    if not isinstance(block.get("same_office", False), bool):
        found.append(
            ("contest.nominee.same_office ต้องเป็น true หรือ false", "contest.nominee.same_office must be true or false")
        )
    per_office = block.get("per_office", 1)
    if per_office != 1 or isinstance(per_office, bool):
        found.append(
            (
                f"contest.nominee.per_office ต้องเป็น 1 (สำนักงานละ ๑ คน) แต่ได้รับ {per_office!r}",
                f"contest.nominee.per_office must be 1 (one nominee per office), got {per_office!r}",
            )
        )
    return found


def block_problems(block: Mapping[str, Any]) -> list[tuple[str, str]]:
    """rubrics.hooks.contest_block_problems: what is wrong with a rubric file's `contest.nominee`, read beside
    its `contest.nominates`."""
    return rules_problems(block.get("nominee"), nominates=block.get("nominates") is True)
