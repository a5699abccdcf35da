"""A frozen year's deadline edit in the admin is refused on the form, as `rubric_deadline` refuses it, not
answered with a 500 (the service's RubricError raised from save_model)."""

from datetime import date

import pytest
from django.urls import reverse

from core.thai import thai_digits
from rubrics.models import Criterion, RubricChange
from scoring import snapshots
from scoring.recompute import standings_recompute

FROZEN = "ผลปี 2566 ตรึงไว้แล้ว แก้ไขไม่ได้จนกว่าส่วนกลางจะยกเลิกการตรึงผล"


@pytest.fixture
def frozen(rubric, central_user):
    standings_recompute(rubric_id=rubric.pk, full=True)
    snapshots.standings_freeze(user=central_user, rubric=rubric)
    return rubric


@pytest.fixture
def central_client(client, central_user):
    client.force_login(central_user)
    return client


def test_frozen_deadline_change_page_refused_on_the_form_and_unchanged(central_client, frozen):
    criterion = Criterion.objects.get(rubric=frozen, code="1.1")
    before = criterion.deadline
    url = reverse("admin:rubrics_criterion_change", args=[criterion.pk])
    response = central_client.post(url, {"deadline": "2023-08-15", "reason": "หนังสือกรม"})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"deadline": [FROZEN]}
    assert thai_digits(FROZEN) in response.content.decode()  # the admin's digits are Thai
    criterion.refresh_from_db()
    assert (criterion.deadline, before != date(2023, 8, 15), RubricChange.objects.count()) == (before, True, 0)


def test_frozen_deadline_changelist_edit_refused_on_its_row_and_unchanged(central_client, frozen):
    criterion = Criterion.objects.get(rubric=frozen, code="1.1")
    before = criterion.deadline
    management = {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-MIN_NUM_FORMS": "0"}
    post = {**management, "form-0-id": str(criterion.pk), "form-0-deadline": "2023-08-15", "_save": "Save"}
    url = reverse("admin:rubrics_criterion_changelist") + "?year=2566"
    response = central_client.post(url, {**post, "reason": "หนังสือกรม"})
    assert response.status_code == 200
    assert response.context["cl"].formset.errors == [{"deadline": [FROZEN]}]
    criterion.refresh_from_db()
    assert criterion.deadline == before
