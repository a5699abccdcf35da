"""Administrative units (province, district, subdistrict) from contests/data/units.csv (see UNITS-SOURCE.md)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from core.bulk import update_documents
from core.thai import thai_sorted

from .models import Level, Unit

UNITS_CSV = Path(__file__).resolve().parent / "data" / "units.csv"
BANGKOK = "10"  # a province with khet and khwaeng, but no CDD provincial office
LEVELS = ((2, Level.PROVINCE), (4, Level.DISTRICT), (6, Level.SUBDISTRICT), (8, Level.VILLAGE))
SYNCED = ["level", "parent_id", "is_cdd_office"]


@dataclass(frozen=True)
class UnitsLoadReport:
    created: int
    updated: int


def units_read(path: Path = UNITS_CSV) -> list[tuple[str, str, str]]:
    """(dopa_code, name_th, name_en) rows of the data file."""
    with path.open(encoding="utf-8", newline="") as fh:
        return [(row["dopa_code"], row["name_th"], row["name_en"]) for row in csv.DictReader(fh)]


def _wanted(code: str, level: str, parent_id: int | None, name_th: str, name_en: str) -> Unit:
    return Unit(
        code=f"TH-{code}" if level == Level.PROVINCE else code,
        dopa_code=code,
        level=level,
        parent_id=parent_id,
        is_cdd_office=not code.startswith(BANGKOK),
        name_th=name_th,
        name_en=name_en,
    )


@transaction.atomic
def units_load(*, rows: Sequence[tuple[str, str, str]]) -> UnitsLoadReport:
    """Creates or updates every unit by DOPA code (idempotent), one level at a time so parents exist first.

    Existing provinces keep their names, size group and region: provinces.json owns them.
    """
    existing = {u.dopa_code: u for u in Unit.objects.all()}
    created = updated = 0
    for width, level in LEVELS:
        fields = SYNCED if level == Level.PROVINCE else [*SYNCED, "name_th", "name_en"]
        new, changed = [], []
        for code, name_th, name_en in rows:
            if len(code) != width:
                continue
            parent_id = existing[code[:-2]].pk if level != Level.PROVINCE else None
            want = _wanted(code, level, parent_id, name_th, name_en)
            have = existing.get(code)
            if have is None:
                new.append(want)
            elif any(getattr(have, f) != getattr(want, f) for f in fields):
                for f in fields:
                    setattr(have, f, getattr(want, f))
                changed.append(have)
        Unit.objects.bulk_create(new, batch_size=1000)
        Unit.objects.bulk_update(changed, fields, batch_size=1000)
        if new:  # fresh primary keys for the next level's parent links
            existing.update({u.dopa_code: u for u in Unit.objects.filter(level=level)})
        created, updated = created + len(new), updated + len(changed)
    units_collate()
    return UnitsLoadReport(created=created, updated=updated)


def units_collate() -> int:
    """Numbers every unit in Thai dictionary order of its name (ties by code); returns how many changed."""
    units = list(Unit.objects.only("pk", "code", "name_th", "name_order"))
    changed = []
    for order, unit in enumerate(thai_sorted(sorted(units, key=lambda u: u.code), key=lambda u: u.name_th), 1):
        if unit.name_order != order:
            unit.name_order = order
            changed.append(unit)
    # UPDATE … FROM VALUES (core.bulk): Django's bulk_update built a CASE WHEN of 2,000 branches a batch, over a
    # second of `make run`'s first start for its 8,455 units.
    update_documents(Unit, ["name_order"], [(unit.pk, unit.name_order) for unit in changed])
    return len(changed)


def office_name(unit: Unit) -> str:
    """ "สำนักงานพัฒนาชุมชนอำเภอแม่ริม", "สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่": the office, as the seed names it."""
    noun = {"province": "จังหวัด", "district": "อำเภอ", "subdistrict": "ตำบล", "village": "หมู่บ้าน"}.get(unit.level, "")
    return f"สำนักงานพัฒนาชุมชน{noun}{unit.name_th}"
