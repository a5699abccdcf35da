"""`stages_load` and `import_register`: the commands central staff run for seed 002's stages."""

import pytest
from django.core.management import CommandError, call_command

from stages.models import PastModel, Stage, StageFile
from tests.factories import DistrictFactory, SubdistrictFactory

pytestmark = pytest.mark.django_db


def test_stages_load_loads_its_contests_with_their_stages_and_twice_the_same(capsys, chiang_mai):
    call_command("stages_load")  # the contests it names come with it (no bootstrap first)
    call_command("stages_load")
    assert sorted(Stage.objects.values_list("contest__slug", "chooser_level", "quota")) == [
        ("model-subdistrict-2565", "district", 1),
        ("model-subdistrict-region-2565", "province", 2),
    ]
    assert list(StageFile.objects.filter(kind="video").values_list("min_seconds", "max_seconds")) == [(300, 420)]
    assert "ขั้น" in capsys.readouterr().out


def test_import_register_keeps_its_source_and_refuses_a_bad_file(tmp_path, chiang_mai):
    unit = SubdistrictFactory(parent=DistrictFactory(parent=chiang_mai))
    good = tmp_path / "register.csv"
    good.write_text(f"code,year,level\n{unit.code},2562,จังหวัด\n", encoding="utf-8")
    call_command("import_register", str(good), "--source", "ทะเบียนจากระบบรายงานข้อมูล online ณ 1 พ.ย. 2564")
    [past] = PastModel.objects.all()
    assert (past.unit, past.year, past.level, past.source.name_th) == (
        unit,
        2562,
        "province",
        "ทะเบียนจากระบบรายงานข้อมูล online ณ 1 พ.ย. 2564",
    )
    bad = tmp_path / "bad.csv"
    bad.write_text("code,year\n1,2\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"^แถวแรกต้องเป็นหัวตาราง code, year, level"):
        call_command("import_register", str(bad), "--source", "x")
