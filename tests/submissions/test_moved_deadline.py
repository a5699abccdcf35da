"""A moved deadline reaches the office on its criterion page and its home: the old date, the new one, the
reason and when, without opening the contest's whole change history to it."""

from datetime import date

from django.urls import reverse

from rubrics import timetable


def test_criterion_page_says_the_old_date_the_new_one_the_reason_and_when(owner_client, rubric, central_user):
    timetable.criterion_deadline_set(
        user=central_user, rubric=rubric, code="1.2", deadline=date(2023, 6, 15), reason="ตามหนังสือกรม ว ๑๒๓"
    )

    html = owner_client.get(reverse("submissions:criterion", args=[2566, "TH-50", "1.2"])).content.decode()

    moved = html.split('id="deadline-moves">')[1].split("</ul>")[0]
    assert "เลื่อนกำหนดส่งจาก ๓๐ มิถุนายน ๒๕๖๖ เป็น ๑๕ มิถุนายน ๒๕๖๖ (แก้ไขเมื่อ " in moved
    assert ": ตามหนังสือกรม ว ๑๒๓" in moved and 'class="late"' in moved  # earlier: the office must hurry
    assert central_user.username not in moved  # the dates and the reason, not who changed them
    other = owner_client.get(reverse("submissions:criterion", args=[2566, "TH-50", "1.1"])).content.decode()
    assert 'id="deadline-moves"' not in other
    # The whole history stays closed to the office.
    assert owner_client.get(reverse("rubrics:rubric_changes", args=[2566])).status_code == 403


def test_office_home_lists_a_moved_deadline_of_what_is_still_to_send(owner_client, rubric, central_user):
    timetable.criterion_deadline_set(
        user=central_user, rubric=rubric, code="1.2", deadline=date(2023, 7, 14), reason="ขยายเวลา"
    )

    html = owner_client.get(reverse("submissions:unit", args=[2566, "TH-50"])).content.decode()

    line = html.split('data-todo="moved"')[1].split("</li>")[0]
    assert "เลื่อนกำหนดส่ง ๑.๒ " in line and "จาก ๓๐ มิถุนายน ๒๕๖๖" in line and "เหตุผล: ขยายเวลา" in line
    assert "๑๔ กรกฎาคม ๒๕๖๖" in line  # the date in force


def test_a_deadline_set_where_there_was_none_is_said_as_set_not_moved(owner_client, rubric, central_user):
    timetable.criterion_deadline_set(user=central_user, rubric=rubric, code="1.2", deadline=None, reason="รอหนังสือ")
    timetable.criterion_deadline_set(
        user=central_user, rubric=rubric, code="1.2", deadline=date(2023, 7, 14), reason="ตามหนังสือ"
    )

    html = owner_client.get(reverse("submissions:criterion", args=[2566, "TH-50", "1.2"])).content.decode()

    moved = html.split('id="deadline-moves">')[1].split("</ul>")[0]
    assert "กำหนดวันส่งเป็น ๑๔ กรกฎาคม ๒๕๖๖ (แก้ไขเมื่อ " in moved and ": ตามหนังสือ" in moved
    home = owner_client.get(reverse("submissions:unit", args=[2566, "TH-50"])).content.decode()
    assert "กำหนดวันส่ง ๑.๒ " in home.split('data-todo="moved"')[1].split("</li>")[0]


def test_a_date_moved_onto_a_closed_day_is_said_on_the_home_with_the_working_day_it_falls_due_on(
    owner_client, rubric, central_user
):
    """Sunday 30 July 2566 falls due on Thursday 3 August (31 July and the Buddhist days closed), as the criterion's
    page says it."""
    timetable.criterion_deadline_set(
        user=central_user, rubric=rubric, code="1.2", deadline=date(2023, 7, 30), reason="ขยายเวลา"
    )

    html = owner_client.get(reverse("submissions:unit", args=[2566, "TH-50"])).content.decode()

    line = html.split('data-todo="moved"')[1].split("</li>")[0]
    assert "กำหนด ๓๐ กรกฎาคม ๒๕๖๖</span> (วันหยุดราชการ) → เลื่อนเป็น ๓ สิงหาคม ๒๕๖๖" in line
