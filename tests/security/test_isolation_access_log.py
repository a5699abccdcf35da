"""Each download of an evidence file is logged: who, which evidence, when, and the outcome."""

import logging
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

LOGGER = "cdd4.evidence_access"


def download(client, user, evidence):
    client.force_login(user)
    return client.get(reverse("submissions:download", args=[evidence.pk]))


def records(caplog):
    return [(r.user_id, r.evidence_id, r.outcome) for r in caplog.records if r.name == LOGGER]


def test_access_log_served_download_records_who_what_when(client, world, caplog):
    evidence, member = world.objects["submissions.evidence"], world.users["committee"]
    caplog.set_level(logging.INFO, logger=LOGGER)
    before = timezone.now()
    response = download(client, member, evidence)
    assert response.status_code == 200
    assert records(caplog) == [(member.pk, evidence.pk, "served")]
    message = caplog.records[-1].getMessage()
    assert f"user={member.username} user_id={member.pk} evidence={evidence.pk} outcome=served at=" in message
    at = timezone.datetime.fromisoformat(message.rsplit("at=", 1)[1])
    assert before <= at <= before + timedelta(seconds=5)


def test_access_log_refused_download_by_other_province_is_recorded(client, world, caplog):
    evidence, stranger = world.objects["submissions.evidence"], world.users["other_province"]
    caplog.set_level(logging.INFO, logger=LOGGER)
    assert download(client, stranger, evidence).status_code == 404
    assert records(caplog) == [(stranger.pk, evidence.pk, "refused")]


def test_access_log_unknown_evidence_is_recorded_as_refused(client, world, caplog):
    central = world.users["central"]
    caplog.set_level(logging.INFO, logger=LOGGER)
    client.force_login(central)
    assert client.get(reverse("submissions:download", args=[999999])).status_code == 404
    assert records(caplog) == [(central.pk, 999999, "refused")]


def test_access_log_anonymous_is_sent_to_login_without_touching_evidence(client, world, caplog):
    caplog.set_level(logging.INFO, logger=LOGGER)
    response = client.get(reverse("submissions:download", args=[world.objects["submissions.evidence"].pk]))
    assert response.status_code == 302
    assert records(caplog) == []
