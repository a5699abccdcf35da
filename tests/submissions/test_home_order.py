"""Central staff's and the committee's list of provinces comes ก–ฮ."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_home_lists_provinces_in_thai_dictionary_order(client, central_user, rubric):
    client.force_login(central_user)
    html = client.get(reverse("submissions:provinces")).content.decode()
    names = re.findall(r'<tr><td><a href="/[^"]*/provinces/TH-\d\d/">([^<]+)</a>', html)
    assert len(names) == 76
    assert names[:3] == ["กระบี่", "กาญจนบุรี", "กาฬสินธุ์"]
    assert names[-6:] == ["อ่างทอง", "อำนาจเจริญ", "อุดรธานี", "อุตรดิตถ์", "อุทัยธานี", "อุบลราชธานี"]
