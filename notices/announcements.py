"""An announcement: what central staff write to an audience (every provincial office, every organiser, a
contest's entrants or its committee), with a letter if they attach one. One notice per office (per entrant office
of a contest; one for a contest's committee), each told to those the lock says are of that audience
(notices.recipients), through the outbox and its sending limits like any notice (notices.services.notices_many).
Who may write one is the act `notices.announce` (notices.permissions); to a contest's entrants, the act
`notices.announce_to_entrants`, whoever runs the contest (an organiser to its own office's contest's entrants)."""

from __future__ import annotations

import uuid

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from contests.actor import Power, actor_of
from contests.entrants import contest_entrants
from contests.models import Unit
from contests.units import office_name
from core import acts
from core.errors import PortalError
from core.names import has_control
from core.validators.letter import pdf_check

from . import recipients
from .models import CONTEST_AUDIENCES, Announcement, Audience, BulkAct, Kind
from .outreach import Target, outreach_record
from .permissions import announce_act
from .services import Note, notices_many

SUBJECT_MOST = 200
BODY_MOST = 5000


def _checked(audience: str, contest, subject: str, body: str) -> None:
    """What an announcement must be, refused Thai first: a known audience, a contest where it names one (and none
    where it does not), a subject on one line and a message within their lengths."""
    if audience not in Audience.values:
        raise PortalError("ไม่รู้จักผู้รับประกาศนี้", "no such audience", field="audience")
    if (audience in CONTEST_AUDIENCES) != (contest is not None):
        raise PortalError(
            "ประกาศถึงผู้เข้าประกวดหรือคณะกรรมการต้องเลือกการประกวด และประกาศถึงทุกหน่วยงานต้องไม่เลือก",
            "an announcement to a contest's entrants or committee names the contest; one to every office none",
            field="contest",
        )
    if not subject.strip() or len(subject) > SUBJECT_MOST or has_control(subject):
        raise PortalError(
            "หัวเรื่องต้องมี ยาวไม่เกิน ๒๐๐ ตัวอักษร และอยู่ในบรรทัดเดียว",
            "the subject is needed, at most 200 characters, on one line",
            field="subject",
        )
    if not body.strip() or len(body) > BODY_MOST:
        raise PortalError(
            "ข้อความต้องมี และยาวไม่เกิน ๕,๐๐๐ ตัวอักษร", "the message is needed, at most 5,000 characters", field="body"
        )


def _readers(announcement: Announcement, author) -> list[tuple[int | None, list]]:
    """(office, its readers) of each office the audience names, an office with nobody to read it among them (every
    provincial office, every entrant; every organiser's office has one); no office: a contest's committee."""
    contest, audience = announcement.contest, announcement.audience
    if contest is None and audience == Audience.ORGANISERS:
        return [*recipients.announced_offices(organisers=True).items()]
    if contest is None:
        found = recipients.announced_offices()
        provinces = Unit.objects.provinces().order_by("code").values_list("pk", flat=True)
        return [(pk, found.get(pk, [])) for pk in provinces]
    if audience == Audience.COMMITTEE:
        return [(None, recipients.judging_deadline(contest, author))]
    entrants = list(contest_entrants(contest).order_by("code").values_list("pk", flat=True))
    found = recipients.evidence_owed(contest, entrants)
    return [(pk, found.get(pk, [])) for pk in entrants]


def _targets(announcement: Announcement, readers: list[tuple[int | None, list]]) -> list[Target]:
    """Each office's name (or the committee's) with its readers, for the act's account."""
    names = dict(Unit.objects.filter(pk__in=[pk for pk, _ in readers if pk]).values_list("pk", "name_th"))
    with translation.override("th"):
        committee = str(Audience.COMMITTEE.label)
    return [Target(names[office] if office else committee, people) for office, people in readers]


def _notes(announcement: Announcement, author, readers: list[tuple[int | None, list]]) -> list[Note]:
    """Its notices: one per office the audience reaches (or one for a contest's committee), each to its readers."""
    contest = announcement.contest
    params = {
        "subject": announcement.subject,
        "body": announcement.body,
        "letter": announcement.letter_name,
        "contest": contest.name_th if contest is not None else "",
        **author_said(author),
    }
    link = reverse("notices:announcement", args=[announcement.pk])
    return [
        Note(
            key=f"announcement:{announcement.pk}:{office or 0}",
            kind=Kind.ANNOUNCEMENT,
            people=people,
            contest_id=contest.pk if contest is not None else None,
            link=link,
            unit_id=office,
            about=str(announcement.pk),
            params=params,
        )
        for office, people in readers
    ]


def author_said(author) -> dict:
    """Who the readers are told wrote it: central staff by name; anyone else by name and office (a contest's
    organiser)."""
    if author is None:  # the account since removed
        return {}
    name = author.get_full_name() or author.get_username()
    actor = actor_of(author)
    office = actor.own_office
    if Power.ADMINISTER in actor.powers or office is None:
        return {"by": name}
    return {"organiser": f"{name} ({office_name(office)})"}


@transaction.atomic
def announcement_send(
    *, user, audience: str, subject: str, body: str, contest=None, letter: UploadedFile | None = None
) -> Announcement:
    """Writes the announcement and tells its audience (`told`: how many people), its letter's PDF checked by
    content and stored under a new name. Central staff (`notices.announce`), or to a contest's entrants whoever
    runs it (`notices.announce_to_entrants`), with a confirmed second factor."""
    acts.require(user, *announce_act(audience, contest))
    _checked(audience, contest, subject, body)
    announcement = Announcement(author=user, audience=audience, contest=contest, subject=subject.strip(), body=body)
    if letter is not None:
        announcement.letter_sha256 = pdf_check(letter)
        announcement.letter_name = (letter.name or "")[-200:]
        letter.seek(0)
        announcement.letter.save(f"{uuid.uuid4().hex}.pdf", letter, save=False)
    announcement.save()
    readers = _readers(announcement, user)
    told = notices_many(_notes(announcement, user, readers))
    announcement.told = len(told)
    announcement.save(update_fields=["told"])
    outreach_record(
        act=BulkAct.ANNOUNCEMENT,
        author=user,
        contest=contest,
        targets=_targets(announcement, readers),
        told={place for place, _, _ in told},
    )
    return announcement
