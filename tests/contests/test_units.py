"""Administrative units: the loader, the model's constraints, the contest scope and `units_under`."""

import pytest
from django.db import IntegrityError, transaction

from contests.models import Level, Unit
from contests.tree import units_under
from contests.units import units_load
from tests.factories import DistrictFactory, SubdistrictFactory

pytestmark = pytest.mark.django_db

ROWS = [
    ("10", "กรุงเทพมหานคร", "Bangkok"),
    ("1001", "เขตพระนคร", "Khet Phra Nakhon"),
    ("100101", "พระบรมมหาราชวัง", "Phra Borom Maha Ratchawang"),
    ("50", "เชียงใหม่ชื่ออื่น", "Other Chiang Mai"),
    ("5001", "เมืองเชียงใหม่", "Mueang Chiang Mai"),
    ("500101", "ศรีภูมิ", "Si Phum"),
    ("500102", "พระสิงห์", "Phra Sing"),
]


def test_load_creates_by_level_with_parents_and_bangkok_is_no_office(chiang_mai):
    report = units_load(rows=ROWS)
    assert (report.created, report.updated) == (6, 0)  # Chiang Mai exists already
    bangkok = Unit.objects.get(dopa_code="10")
    assert (bangkok.code, bangkok.level, bangkok.parent, bangkok.is_cdd_office) == ("TH-10", "province", None, False)
    khet = Unit.objects.get(code="1001")
    assert (khet.level, khet.parent, khet.is_cdd_office) == (Level.DISTRICT, bangkok, False)
    si_phum = Unit.objects.get(code="500101")
    assert (si_phum.level, si_phum.parent.code, si_phum.parent.parent, si_phum.is_cdd_office) == (
        Level.SUBDISTRICT,
        "5001",
        chiang_mai,
        True,
    )
    chiang_mai.refresh_from_db()
    # provinces.json owns a province's names, size group and region; the units file does not touch them.
    assert (chiang_mai.name_th, chiang_mai.name_en, chiang_mai.size_group) == ("เชียงใหม่", "Chiang Mai", "large")


def test_load_is_idempotent_and_updates_a_changed_name(chiang_mai):
    units_load(rows=ROWS)
    again = units_load(rows=ROWS)
    assert (again.created, again.updated) == (0, 0)
    renamed = [row if row[0] != "500102" else ("500102", "พระสิงห์ใหม่", "Phra Sing New") for row in ROWS]
    report = units_load(rows=renamed)
    assert (report.created, report.updated) == (0, 1)
    assert Unit.objects.get(code="500102").name_en == "Phra Sing New"
    assert Unit.objects.count() == 76 + 6


def test_provinces_are_the_76_offices_whatever_else_is_loaded(chiang_mai):
    units_load(rows=ROWS)
    assert Unit.objects.count() == 82
    assert Unit.objects.provinces().count() == 76
    assert not Unit.objects.provinces().filter(code="TH-10").exists()


def test_factories_make_districts_and_subdistricts(chiang_mai):
    district = DistrictFactory(parent=chiang_mai)
    sub = SubdistrictFactory(parent=district)
    assert district.dopa_code.startswith("50") and len(district.dopa_code) == 4 and district.code == district.dopa_code
    assert sub.dopa_code.startswith(district.dopa_code) and len(sub.dopa_code) == 6
    assert (district.level, sub.level, sub.is_cdd_office) == (Level.DISTRICT, Level.SUBDISTRICT, True)


def _refused(**fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        Unit.objects.create(**fields)


@pytest.mark.pg  # a constraint of the database's own
def test_constraints_refuse_badly_shaped_units(chiang_mai, phuket):
    district = DistrictFactory(parent=chiang_mai, name_th="ซ้ำ")
    _refused(code="5098", dopa_code="5098", level=Level.DISTRICT, name_th="ไม่มีหน่วยเหนือ", name_en="x")
    _refused(code="TH-51", dopa_code="52", level=Level.PROVINCE, name_th="รหัสไม่ตรง", name_en="x")
    _refused(code="5097", dopa_code="5097", level=Level.PROVINCE, name_th="ไม่ใช่ ISO", name_en="x")
    _refused(code="5096", dopa_code="5095", level=Level.DISTRICT, parent=chiang_mai, name_th="ต่างกัน", name_en="x")
    _refused(code="509", dopa_code="509", level=Level.DISTRICT, parent=chiang_mai, name_th="สามหลัก", name_en="x")
    _refused(code="5094", dopa_code="5094", level=Level.DISTRICT, parent=chiang_mai, name_th="ซ้ำ", name_en="x")
    _refused(code="TH-98", dopa_code="98", level=Level.PROVINCE, name_th="เชียงใหม่", name_en="Elsewhere")
    # The same name under another parent is fine: district names repeat across provinces.
    assert DistrictFactory(parent=phuket, name_th="ซ้ำ").parent == phuket
    assert district.name_th == "ซ้ำ"


def test_units_under_a_province_and_a_district(chiang_mai, phuket):
    d1, d2 = DistrictFactory(parent=chiang_mai), DistrictFactory(parent=chiang_mai)
    subs = [SubdistrictFactory(parent=d1), SubdistrictFactory(parent=d1), SubdistrictFactory(parent=d2)]
    DistrictFactory(parent=phuket)
    SubdistrictFactory(parent=DistrictFactory(parent=phuket))
    assert list(units_under(chiang_mai, Level.DISTRICT)) == sorted([d1, d2], key=lambda u: u.dopa_code)
    assert list(units_under(chiang_mai, Level.SUBDISTRICT)) == sorted(subs, key=lambda u: u.dopa_code)
    assert list(units_under(d1, Level.SUBDISTRICT)) == sorted(subs[:2], key=lambda u: u.dopa_code)
    assert units_under(chiang_mai, Level.PROVINCE).count() == 0


def test_units_under_bangkok_holds_no_cdd_office(chiang_mai):
    units_load(rows=ROWS)
    bangkok = Unit.objects.get(code="TH-10")
    assert units_under(bangkok, Level.DISTRICT).count() == 0
    assert units_under(bangkok, Level.SUBDISTRICT).count() == 0
    assert [u.code for u in units_under(chiang_mai, Level.SUBDISTRICT)] == ["500101", "500102"]


def test_units_are_numbered_in_thai_dictionary_order_and_the_admin_lists_them_so(client, django_user_model):
    from django.urls import reverse

    from people.models import Role
    from tests.factories import UserFactory

    units_load(rows=[("37", "อำนาจเจริญ", "Amnat Charoen"), ("15", "อ่างทอง", "Ang Thong"), *ROWS])
    mine = {"อำนาจเจริญ", "อ่างทอง", *(name for _, name, _ in ROWS), "เชียงใหม่"}
    names = [n for n in Unit.objects.order_by("name_order").values_list("name_th", flat=True) if n in mine]
    # Code-point order would put เชียงใหม่… after ศรีภูมิ and อำนาจเจริญ before อ่างทอง.
    assert names == [
        "กรุงเทพมหานคร",
        "เขตพระนคร",
        "เชียงใหม่",
        "พระบรมมหาราชวัง",
        "พระสิงห์",
        "เมืองเชียงใหม่",
        "ศรีภูมิ",
        "อ่างทอง",
        "อำนาจเจริญ",
    ]
    client.force_login(UserFactory(role=Role.CENTRAL))
    html = client.get(reverse("admin:contests_unit_changelist")).content.decode()
    listed = ["กรุงเทพมหานคร", ">เชียงใหม่<", "ศรีภูมิ", "อ่างทอง", "อำนาจเจริญ"]
    assert sorted(listed, key=html.index) == listed
