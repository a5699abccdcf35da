"""E-mail reminders: N working days before a deadline, to provinces that have submitted nothing for it.

Run daily by the beat job `scoring.send_reminders`. Each (province, criterion, deadline) is reminded
once (ReminderSent), so a re-run, a retried task or a second beat sends nothing twice.
"""

from __future__ import annotations

import logging
from datetime import date

from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy, pgettext_lazy

from contests.actor import SYSTEM
from contests.models import Level, Unit
from core.labels import bilingual, both
from core.thai import thai_date
from people import directory
from rulebook.workdays import moved_suffix
from scoring import lifecycle, selectors
from scoring.dashboard import due_soon, submitted_pairs, year_settings
from scoring.lifecycle import Action
from scoring.models import ReminderSent, Rubric

log = logging.getLogger(__name__)
SUBJECT = gettext_lazy("Reminder: evidence not yet submitted")


def _body(unit: Unit, due: list[tuple], calendar) -> str:
    level_th, level_en = both(Level(unit.level).label)
    greeting_th = f"เรียน สำนักงานพัฒนาชุมชน{level_th}{unit.name_th}"
    lines_th = [greeting_th, "", "ตัวชี้วัดที่ยังไม่ได้ส่งหลักฐาน:"]
    lines_en = ["", f"Dear {unit.name_en} {level_en} CDD office,", "", "Criteria with no evidence yet:"]
    for c, left in due:
        moved = calendar.next_working_day(c.deadline)
        then_th = moved_suffix(thai_date(moved)) if moved != c.deadline else ""
        then_en = moved_suffix(f"{moved:%d %B %Y}", "en") if moved != c.deadline else ""
        lines_th.append(f"- {c.label} {c.name_th} กำหนดส่ง {thai_date(c.deadline)}{then_th} (เหลือ {left} วันทำการ)")
        lines_en.append(f"- {c.label} {c.name_en}: due {c.deadline:%d %B %Y}{then_en} ({left} working days left)")
    return "\n".join([*lines_th, *lines_en, "", bilingual(pgettext_lazy("scoring.reminders", "CDD 4.0 portal"))])


def reminders_due(rubric: Rubric, today: date, calendar) -> dict[Unit, list[tuple]]:
    """entrant → [(criterion, working days left)] still to be reminded today. Only the contest's own
    entrants: an office's criterion texts never reach anyone outside its contest, and only while
    the period is open: a draft's texts reach no one, and frozen results take no evidence."""
    n = year_settings(rubric).reminder_working_days
    if not n or not lifecycle.allows(rubric, Action.REMIND, today=today):
        return {}
    due = due_soon(list(rubric.criteria.all()), today, n, calendar)
    if not due:
        return {}
    pairs = submitted_pairs(rubric)
    done = set(
        ReminderSent.objects.filter(rubric=rubric, criterion__in=[c for c, _ in due]).values_list(
            "unit_id", "criterion_id", "deadline"
        )
    )
    out: dict[Unit, list[tuple]] = {}
    for unit in SYSTEM.entrants(rubric.contest).order_by("code"):  # the beat job acts as the system actor
        todo = [
            (c, left) for c, left in due if (unit.pk, c.pk) not in pairs and (unit.pk, c.pk, c.deadline) not in done
        ]
        if todo:
            out[unit] = todo
    return out


def reminders_send(today: date | None = None) -> int:
    """Sends today's reminders for every year; returns how many e-mails went out."""
    today = today or timezone.localdate()
    sent = 0
    connection = get_connection()
    for rubric in Rubric.objects.filter(ends_on__gte=today):
        # Each contest's own reading of a closed-day deadline (moved, or as written): the one scoring and the
        # dashboard hold it to, so the e-mail names the day that counts.
        calendar = selectors.rubric_calendar(rubric)
        due = reminders_due(rubric, today, calendar)
        if not due:
            continue
        recipients = directory.staff_emails(p.pk for p in due)
        for unit, items in due.items():
            to = sorted(recipients.get(unit.pk, []))
            try:
                # Recorded first: a crash after sending re-sends nothing; a crash before sending loses
                # one reminder, which is the lesser harm for a courtesy e-mail.
                with transaction.atomic():
                    ReminderSent.objects.bulk_create(
                        [
                            ReminderSent(rubric=rubric, unit=unit, criterion=c, deadline=c.deadline, recipients=len(to))
                            for c, _ in items
                        ]
                    )
            except IntegrityError:  # another run got there first
                continue
            if to:
                EmailMessage(bilingual(SUBJECT), _body(unit, items, calendar), to=to, connection=connection).send()
                sent += 1
            else:
                log.warning("no e-mail address for provincial staff of %s; reminder recorded only", unit.code)
    return sent
