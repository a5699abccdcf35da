"""From the chat to the committee: an image set sent to the Official Account, one tap, and the committee's queue
leads to the criterion whose screen shows the three pictures; the office's evidence page marks them as sent from
LINE beside a file uploaded on the page."""

import pytest
from django.urls import reverse

from people.models import Role
from submissions.models import Evidence
from tests.factories import UserFactory
from tests.line_standin import postback_event

from .. import files
from .support import LINE_USER, image_set, tap

pytestmark = pytest.mark.django_db
NEXT = reverse("admin:committee_next")


def test_an_image_set_sent_in_the_chat_reaches_the_committees_queue(chat, line_api, client):
    chat(*image_set(line_api, LINE_USER, 3))
    chat(postback_event(LINE_USER, tap(line_api.replies()[-1], "๔.๑.๑")))
    member = UserFactory(role=Role.COMMITTEE)
    client.force_login(member)

    screen = client.get(NEXT, follow=True)

    assert screen.request["PATH_INFO"] == reverse("admin:committee_score", args=[2566, "TH-50", "4.1.1"])
    page = screen.content.decode()
    for evidence in Evidence.objects.all():
        assert f'<img src="{reverse("admin:committee_evidence", args=[evidence.pk])}"' in page
    assert Evidence.objects.count() == 3


def test_the_evidence_page_marks_the_versions_sent_from_line(chat, line_api, client, provincial_user):
    chat(*image_set(line_api, LINE_USER, 1))
    chat(postback_event(LINE_USER, tap(line_api.replies()[-1], "๔.๑.๑")))
    client.force_login(provincial_user)
    upload = reverse("submissions:upload", args=[2566, "TH-50", "4.1.1"])
    client.post(upload, {"file": files.upload("report.pdf", files.pdf_new())})

    page = client.get(reverse("submissions:criterion", args=[2566, "TH-50", "4.1.1"])).content.decode()

    rows = page.split('id="evidence-list"', 1)[1].split("</ul>", 1)[0].split('<li class="evidence')[1:]
    marked = ['data-through="line"' in row and "ส่งทาง LINE" in row for row in rows]
    assert marked == [False, True]  # the upload (item 2) unmarked, the picture from LINE (item 1) marked
