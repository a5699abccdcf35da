"""A contest that honours people (seed 001's IT role model): the certificate names the nominee, with
position and office, and only the qualifying nominees get one."""

import unicodedata

import pytest

from awards import documents
from nominees.services import nominee_submit
from people.models import Role
from rubrics import services
from scoring.recompute import standings_recompute
from tests.awards.documents import squash
from tests.factories import DistrictFactory, UserFactory
from tests.nominees.test_contests_nominees import itmodel_data, judge
from tests.processes.awards.readers import pdftext


@pytest.fixture
def honoured(db, chiang_mai):
    units = [DistrictFactory(parent=chiang_mai, name_th=n) for n in ("แม่ริม", "สันทราย", "หางดง")]
    rubric = services.rubric_load(data=itmodel_data(*(u.code for u in units)))
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    names = ["นายสมชาย รักษ์ชุมชน", "นางสาวจิราพร สายใจ", "นายธีรวัฒน์ มั่นคง"]
    for unit, name in zip(units, names, strict=True):
        nominee_submit(
            user=organiser, contest=rubric.contest, unit=unit, name_th=name, position_th="นักวิชาการพัฒนาชุมชนชำนาญการ",
            employment="civil_servant", office=unit.code,
        )  # fmt: skip
    judge(rubric, units[0], works="website")
    judge(rubric, units[1], works="media,social")
    judge(rubric, units[2], skills="no")
    standings_recompute(rubric_id=rubric.pk, full=True)
    rubric.refresh_from_db()
    return rubric


def test_certificates_name_each_qualifying_nominee(honoured, tmp_path):
    doc = documents.render("certificates", honoured)
    assert len(doc.pages) == 2  # two of three qualify: one certificate each
    path = tmp_path / "certificates.pdf"
    path.write_bytes(documents.write(doc))
    text = squash(pdftext(path, "-raw"))

    def has(phrase: str) -> bool:  # pdftotext spells sara am as nikhahit + sara aa (NFKC)
        return squash(unicodedata.normalize("NFKC", phrase)) in text

    assert has("นายสมชาย รักษ์ชุมชน นักวิชาการพัฒนาชุมชนชำนาญการ สำนักงานพัฒนาชุมชนอำเภอแม่ริม")
    assert has("นางสาวจิราพร สายใจ นักวิชาการพัฒนาชุมชนชำนาญการ สำนักงานพัฒนาชุมชนอำเภอสันทราย")
    assert has("ได้รับการเชิดชูเกียรติเป็น “คนต้นแบบ ไอที พช.ชลบุรี”")
    assert has("ประกาศเกียรติบัตรฉบับนี้ให้ไว้เพื่อแสดงว่า")
    assert not has("นายธีรวัฒน์") and not has("หางดง")


def test_the_announcement_lists_the_honoured_nominees(honoured, tmp_path):
    path = tmp_path / "announcement.pdf"
    path.write_bytes(documents.write(documents.render("announcement", honoured)))
    text = squash(pdftext(path, "-raw"))
    expected = "นายสมชาย รักษ์ชุมชน นักวิชาการพัฒนาชุมชนชำนาญการ สำนักงานพัฒนาชุมชนอำเภอแม่ริม"
    assert squash(unicodedata.normalize("NFKC", expected)) in text
    assert squash("นายธีรวัฒน์") not in text
    # Everyone who qualifies is honoured: the 9 places nobody took are no "remaining awards".
    assert squash(unicodedata.normalize("NFKC", "ไม่มีผู้ได้รับรางวัล")) not in text
    # A recognition counts the people honoured, not the places of a ranking.
    honours = "ผู้ได้รับการเชิดชูเกียรติเป็น “คนต้นแบบ ไอที พช.ชลบุรี” จำนวน ๒ คน ได้รับประกาศเกียรติบัตร ได้แก่"
    assert squash(unicodedata.normalize("NFKC", honours)) in text
    assert squash(unicodedata.normalize("NFKC", "เสนอชื่อข้าราชการในสังกัดแห่งละ ๑ คน")) in text
    assert squash(unicodedata.normalize("NFKC", "จำนวน ๑๑ รางวัล")) not in text
