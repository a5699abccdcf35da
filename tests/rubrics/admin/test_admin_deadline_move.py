"""The admin's criterion page moves a deadline through the same act as the criterion's page: the letter's
boxes, what moves with it ticked until unticked, and the change history keeping who and which letter."""

from datetime import date

from django.urls import reverse

from notices.models import Receipt
from rubrics.models import Criterion, RubricChange


def test_central_moves_a_national_deadline_by_letter_in_the_admin_and_the_linked_one_stays_if_unticked(
    client, central_user, rubric, chiang_mai
):
    from people.models import Role
    from tests.factories import UserFactory

    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    criterion = Criterion.objects.get(rubric=rubric, code="4.1.1")
    linked_before = Criterion.objects.get(rubric=rubric, code="4.1.2").deadline
    client.force_login(central_user)
    url = reverse("admin:rubrics_criterion_change", args=[criterion.pk])
    page = client.get(url).content.decode()
    assert 'name="letter_number"' in page and 'value="criterion:4.1.2"' in page and "checked" in page

    response = client.post(
        url,
        {"deadline": "14/06/2566", "reason": "อุทกภัย", "letter_number": "มท 0410.4/ว 6001",
         "letter_date": "25/05/2566"},  # the box of 4.1.2 left unticked
    )  # fmt: skip

    assert response.status_code == 302
    assert Criterion.objects.get(rubric=rubric, code="4.1.1").deadline == date(2023, 6, 14)
    assert Criterion.objects.get(rubric=rubric, code="4.1.2").deadline == linked_before
    change = RubricChange.objects.get()
    assert (change.user, change.letter_number, change.letter_date) == (
        central_user,
        "มท 0410.4/ว 6001",
        date(2023, 5, 25),
    )
    notice = Receipt.objects.get(user=staff).notice
    assert (notice.about, notice.params["letter"]) == ("4.1.1", "มท 0410.4/ว 6001")
