"""Withdrawn evidence is not submitted evidence (SubmissionStatus: "not submitted" is the absence of visible
evidence): the criterion page's status and the home list's count read only the visible versions, as the
province page does, even for the office and central staff who still see the withdrawn ones listed."""

import re

from django.urls import reverse

from submissions.models import Evidence

from . import files

CRITERION = reverse("submissions:criterion", args=[2566, "TH-50", "1.1"])


def _upload(client, name: str) -> Evidence:
    response = client.post(
        reverse("submissions:upload", args=[2566, "TH-50", "1.1"]),
        {"file": files.upload(name, files.pdf_new())},
        headers={"accept": "application/json"},
    )
    assert response.status_code == 201
    return Evidence.objects.get(original_name=name)


def _withdraw(client, evidence: Evidence) -> None:
    response = client.post(reverse("submissions:withdraw", args=[evidence.pk]), {"confirm": "1"})
    assert response.status_code == 302


def _status(client) -> str:
    html = client.get(CRITERION).content.decode()
    return re.search(r'<span id="criterion-status">([^<]*)</span>', html).group(1)


def _chiang_mai_count(client) -> str:
    html = client.get(reverse("submissions:provinces")).content.decode()
    row = re.search(r'<a href="/years/2566/provinces/TH-50/">[^<]+</a>.*?</td>\s*<td>([^<]*)</td>', html, re.S)
    return row.group(1)


def test_a_withdrawn_only_version_is_not_submitted_on_the_criterion_page_or_home(
    owner_client, client, central_user, committee_user
):
    _withdraw(owner_client, _upload(owner_client, "a.pdf"))

    assert _status(owner_client) == "ยังไม่ส่ง"
    assert owner_client.get(CRITERION).content.decode().count('class="evidence withdrawn"') == 1  # still listed
    for user in (central_user, committee_user):
        client.force_login(user)
        assert (_status(client), _chiang_mai_count(client)) == ("ยังไม่ส่ง", "๐")


def test_one_visible_version_left_is_submitted_on_the_criterion_page_and_home(
    owner_client, client, central_user, committee_user
):
    _upload(owner_client, "a.pdf")
    _withdraw(owner_client, _upload(owner_client, "b.pdf"))

    assert _status(owner_client) == "ส่งแล้ว"
    for user in (central_user, committee_user):
        client.force_login(user)
        assert (_status(client), _chiang_mai_count(client)) == ("ส่งแล้ว", "๑")
