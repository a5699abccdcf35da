"""Rows an old database held before each move or rename of the old chain, made with that point's own models, and
what they must be at the chain's end (walked by tests/contests/test_migrations.py)."""

# rename-fields: leave (the rows are made with the old chains' models, by their old field names)

from datetime import date
from decimal import Decimal


def chonburi_district(units, code: str, name_th: str, name_en: str) -> tuple:
    """Chon Buri (the test database may hold the 76 provinces already: tests/conftest.py) and a district of it,
    made with the unit model of the state at hand (`units`: its manager, whatever the model was called then)."""
    province, _ = units.get_or_create(
        code="TH-20", defaults={"dopa_code": "20", "level": "province", "name_th": "ชลบุรี", "name_en": "Chon Buri"}
    )
    district = units.create(
        code=code, dopa_code=code, level="district", parent=province, name_th=name_th, name_en=name_en
    )
    return province, district


def rubric_2564(old, contest):
    """A rubric of fiscal year 2564 for `contest`, made with the state's own model (`old`: the state's apps)."""
    return old.get_model("scoring", "Rubric").objects.create(
        contest=contest, year=2564, name_th="เกณฑ์", name_en="Rubric", starts_on=date(2020, 10, 1),
        ends_on=date(2021, 9, 30), total_points=Decimal("100"),
    )  # fmt: skip
