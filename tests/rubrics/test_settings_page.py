"""A contest year's settings page: the award minimum's box never holding a value its label forbids, the reminders'
rhythm set there, and a refused value shown again as typed, with why."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from rubrics.models import YearSettings

pytestmark = pytest.mark.django_db


def test_the_settings_page_holds_a_minimum_its_label_allows(client, rubric, central_user):
    """The newcomer's box "คะแนนรวมขั้นต่ำที่จะได้รับรางวัล (ต้องมากกว่า ๐ เสมอ)" held 0: the model's default."""
    client.force_login(central_user)
    html = client.get(reverse("rubrics:settings", args=[2566])).content.decode()
    assert "คะแนนรวมขั้นต่ำที่จะได้รับรางวัล (ต้องมากกว่า ๐ เสมอ)" in html
    assert 'name="award_min_total" id="award-min-total" min="0.01"' in html
    assert 'value="0.01">' in html and 'value="0">' not in html
    assert "๐.๐๑ หมายถึงได้คะแนนรวมเท่าใดก็ได้ที่มากกว่า ๐" in html
    assert YearSettings(rubric=rubric).award_min_total == Decimal("0.01")


def test_the_reminders_label_says_every_channel_and_the_overdue_rhythm_is_set_there(client, rubric, central_user):
    """The label said "เตือนทางอีเมล" while reminders reach the inbox and LINE too; the overdue one had no rhythm."""
    client.force_login(central_user)
    url = reverse("rubrics:settings", args=[2566])
    html = client.get(url).content.decode()
    assert "อีเมลล่วงหน้า" not in html and "ทุกช่องทางที่ผู้รับเลือกไว้ใน “บัญชีของฉัน” (อีเมล LINE)" in html
    assert 'name="overdue_every_working_days" id="overdue-every" min="0" max="30" required value="5"' in html
    client.post(url, {"reminder_working_days": "3", "overdue_every_working_days": "10"})
    assert YearSettings.objects.values_list("overdue_every_working_days", flat=True).get() == 10
    refused = client.post(url, {"reminder_working_days": "3", "overdue_every_working_days": "31"})
    assert refused.status_code == 400 and 'value="31"' in refused.content.decode()
    assert YearSettings.objects.values_list("overdue_every_working_days", flat=True).get() == 10


def test_a_minimum_of_0_is_refused_in_thai_and_the_form_keeps_what_was_typed(client, rubric, central_user):
    client.force_login(central_user)
    posted = {"visible": "1", "reminder_working_days": "7", "award_min_total": "0", "reason": "มติคณะกรรมการ"}
    response = client.post(reverse("rubrics:settings", args=[2566]), posted)
    html = response.content.decode()
    assert response.status_code == 400
    assert "คะแนนรวมขั้นต่ำที่จะได้รับรางวัลต้องมากกว่า ๐ และไม่เกิน ๑๐๐" in html
    assert 'value="7"' in html and 'value="มติคณะกรรมการ"' in html and "checked" in html
    assert not YearSettings.objects.filter(rubric=rubric).exists()


def test_the_database_refuses_a_minimum_of_0(rubric):
    with pytest.raises(IntegrityError), transaction.atomic():
        YearSettings.objects.create(rubric=rubric, award_min_total=Decimal(0))
