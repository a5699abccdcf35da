"""A contest's page lists, per criterion, the facts it is scored from and who records each: what only its fact
template said before (2.1.2's date received is the Department's to record)."""

import re

import pytest
from django.urls import reverse

from rubrics.selectors import rubric_spec
from scoring.needs import ORGANISER, PANEL, contest_needs

pytestmark = pytest.mark.django_db


def test_each_criterion_names_its_facts_and_who_records_them(rubric):
    needs = {
        c.label: [(n.fact.th if n.fact else None, n.who) for n in c.needs] for c in contest_needs(rubric_spec(rubric))
    }
    assert needs["2.1.2"] == [("วันที่กรมฯ ลงรับเอกสาร", ORGANISER)]
    assert needs["3.3"] == [("เครื่องที่ติดตั้งแอนติไวรัส", ORGANISER), ("จำนวนเครื่องทั้งหมด", ORGANISER)]
    assert needs["1.1"] == [(None, PANEL)]
    assert len(needs) == rubric.criteria.count()


def test_the_contest_page_shows_them(client, central_user, rubric):
    client.force_login(central_user)
    html = client.get(reverse("scoring:facts", args=[2566])).content.decode()
    section = html[html.index('id="needs"') : html.index("</details>", html.index('id="needs"'))]
    assert "ข้อมูลที่แต่ละตัวชี้วัดต้องใช้ และผู้บันทึก" in section
    row = re.search(r"๒\.๑\.๒ <span.*?</tr>", section, re.S).group(0)
    assert "วันที่กรมฯ ลงรับเอกสาร" in row and "ผู้จัดการประกวด บันทึกในแบบฟอร์มข้อมูล" in row
