"""`bootstrap --demo` leaves a realistic November in each role's inbox, made by the real services: a moved
deadline for the offices, a question waiting for Chiang Mai, an answer waiting for the member who asked."""

import re

import pytest

from notices.models import Kind, Receipt
from tests.demo_world import demo_world  # noqa: F401  (the demo, loaded once per worker)

pytestmark = pytest.mark.usefixtures("demo_world")


def kinds(username: str) -> set[str]:
    return set(Receipt.objects.filter(user__username=username).values_list("notice__kind", flat=True))


@pytest.mark.django_db
def test_each_demo_role_finds_notices_waiting():
    assert {Kind.DEADLINE_MOVED, Kind.QUESTION_ASKED} <= kinds("chiangmai")
    assert {Kind.DEADLINE_MOVED, Kind.EVIDENCE_RECEIVED} <= kinds("phuket")  # the Department's receipt of 2.1.2
    assert Kind.QUESTION_ANSWERED in kinds("committee1") and Kind.QUESTION_ANSWERED not in kinds("phuket")
    assert Kind.EVIDENCE_RECEIVED in kinds("chair")
    told = Receipt.objects.filter(user__username="chiangmai", notice__kind=Kind.DEADLINE_MOVED)
    (moved,) = (receipt.notice for receipt in told)  # 4.1.2 times its files: one move, one notice naming both
    assert moved.params["code"] == "4.1.1, 4.1.2"
    assert moved.params["reason"] and moved.params["letter"] == "มท ๐๔๑๐.๔/ว ๕๘๒๑" and moved.params["old"]
    assert moved.params["letter_date"] and moved.link.endswith("/criteria/4.1.1/#deadline-moved")


@pytest.mark.django_db
def test_the_demos_reasons_read_as_the_departments_letters_do():
    """The demo's reasons, notes and decisions read as real ones (a Department letter cited), never as
    "ข้อมูลตัวอย่าง: กำหนดส่งตามหนังสือกรม"."""
    from committee.models import ChairFinal, Judgment
    from rubrics.models import RubricChange

    reasons = set(RubricChange.objects.values_list("reason", flat=True))
    said = (
        reasons
        | set(Judgment.objects.values_list("note", flat=True))
        | set(ChairFinal.objects.values_list("reason", flat=True))
    )
    assert [r for r in said if "ตัวอย่าง" in r or "สมมติ" in r or "demo" in r] == []
    letter = re.compile(r"^ตามหนังสือกรมการพัฒนาชุมชน ที่ มท ๐๔๑๐\.๔/ว ๖๐๐๑ ลงวันที่ [๐-๙]{1,2} \S+ [๐-๙]{4}$")
    assert any(letter.match(r) for r in reasons)


@pytest.mark.django_db
def test_the_demo_sets_real_looking_contacts_for_central_staff():
    """The demo gives central's contacts, which /help/ shows (an office contest's desk: test_help.py)."""
    from ops.models import SiteContact

    central = SiteContact.objects.get()
    assert (central.phone, central.email, central.line_id) == ("0 2141 6135", "cdd4@cdd.go.th", "@cdd4portal")
