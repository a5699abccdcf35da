"""Here in ops, the top app, because the demo spans every app below it (scoring, committee)."""

import json
import time
from pathlib import Path
from typing import cast

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import contests
import scoring
from committee.demo import demo_evidence, demo_judging_deadline, demo_judgments
from committee.demo_files import demo_stage_files
from contests.units import units_load, units_read
from rulebook.spec import RubricError
from scoring import demo, selectors, services
from scoring.models import Rubric
from stages.data import stages_load
from stages.demo import demo_picks

from ...models import SiteContact

DATA = Path(contests.__file__).resolve().parent / "data"  # provinces.json and units.csv ship with contests
RUBRICS = Path(scoring.__file__).resolve().parent / "rubrics"  # and every rubric file with scoring
# What the history of an open contest says when a shipped file changed it (scoring.revisions).
SHIPPED_REASON = _("the shipped rubric loaded again (bootstrap)")


class Command(BaseCommand):
    help = cast(str, _("load provinces and rubrics (idempotent); --demo adds demo users and data"))

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true", help="demo users and demo facts for every province")
        parser.add_argument("--no-units", action="store_true", help=_("skip districts and subdistricts (tests)"))

    def handle(self, *args, **options):
        entries = json.loads((DATA / "provinces.json").read_text(encoding="utf-8"))
        services.provinces_load(entries=entries)
        self.stdout.write(f"จังหวัด / provinces: {len(entries)}")
        SiteContact.objects.get_or_create(pk=1)  # the help desk's one row, empty until central staff fill it
        if not options["no_units"]:
            started = time.monotonic()
            report = units_load(rows=units_read())
            self.stdout.write(
                f"หน่วยการปกครอง / units: {report.created} created, {report.updated} updated"
                f" ({time.monotonic() - started:.1f} s)"
            )
        if not options["no_units"]:  # seed 002's stages pick subdistricts: with the units only
            # Before the rubric files: a staged contest's rubric is loaded with its stage (stages_load).
            stages = stages_load()
            self.stdout.write(f"ขั้นการคัดเลือก / stages: {', '.join(s.contest.slug for s in stages)}")
        # A frozen (or published) year refuses every change: its rubric and data stay as they are, so that
        # `make run` starts again whatever central staff have done with the year.
        frozen = list(selectors.frozen_rubrics())
        frozen_contests = {r.contest.slug: r.year for r in frozen}
        shipped = []  # the files loaded (or kept frozen): the demo runs each office contest again this year
        for path in sorted(RUBRICS.glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            year = frozen_contests.get(services.contest_slug(data))
            if year is not None:
                shipped.append(data)
                self.stdout.write(
                    f"เกณฑ์ {path.name}: ผลปี {year} ตรึงไว้แล้ว ใช้เกณฑ์เดิม / {year} results frozen: rubric kept"
                )
                continue
            if options["no_units"] and (data.get("contest") or {}).get("entrant_level", "province") != "province":
                # Its entrants are districts or subdistricts, which were not loaded.
                self.stdout.write(f"ข้าม / skipped (no units): {path.name}")
                continue
            try:
                rubric = services.rubric_load(data=data, reason=f"{SHIPPED_REASON} ({path.name})")
            except RubricError as exc:
                raise CommandError(f"{path.name}: {exc}") from exc
            shipped.append(data)
            self.stdout.write(f"เกณฑ์ / rubric {rubric.key}: {rubric.criteria.count()} criteria")
        if options["demo"]:
            started = time.monotonic()
            today = timezone.localdate()
            present = demo.demo_present_year(today=today)
            if present is not None:
                self.stdout.write(
                    f"การประกวดของปีงบประมาณปัจจุบัน / the present fiscal year's contest: {present.key}"
                    f" ({present.criteria.count()} criteria)"
                )
            copies = demo.demo_present_contests(shipped=shipped, today=today)
            if copies:
                self.stdout.write(_("office contests this fiscal year:") + ", ".join(r.key for r in copies))
            users = demo.demo_users(units=not options["no_units"])
            if not options["no_units"]:
                # Before the demo's facts and judgments: a staged contest's entrants are its picks.
                self.stdout.write(f"ผู้ได้รับคัดเลือกตัวอย่าง / demo picks: {demo_picks(now=timezone.now())} made")
            for rubric in frozen:
                self.stdout.write(
                    f"ข้อมูลตัวอย่าง {rubric.key}: ผลปี {rubric.year} ตรึงไว้แล้ว คงข้อมูลเดิม"
                    f" / {rubric.key} results frozen: data kept"
                )
            open_rubrics = [
                rubric
                for rubric in Rubric.objects.exclude(pk__in=[r.pk for r in frozen]).select_related("contest")
                if demo.demo_fills(rubric, today)
            ]
            for rubric in open_rubrics:
                began = time.monotonic()
                count = demo.demo_facts(rubric=rubric)
                took = time.monotonic() - began
                self.stdout.write(f"ข้อมูลตัวอย่าง / demo facts {rubric.key}: {count} changed ({took:.1f} s)")
            current = Rubric.objects.national().order_by("-year").first()
            if current is not None and current not in frozen:
                began = time.monotonic()
                filled = demo_evidence(rubric=current)
                took = time.monotonic() - began
                self.stdout.write(f"หลักฐานตัวอย่าง / demo evidence {current.year}: {filled} provinces ({took:.1f} s)")
            if current is not None and current not in frozen and demo.demo_deadline_moved(rubric=current):
                self.stdout.write(f"เลื่อนวันครบกำหนดตัวอย่าง / a demo deadline moved: {current.key} {demo.MOVED[0]}")
            if current is not None and current not in frozen and demo_judging_deadline(rubric=current):
                self.stdout.write(f"วันสิ้นสุดการให้คะแนนตัวอย่าง / demo judging deadline: {current.contest.judging_deadline}")
            if not options["no_units"]:
                self.stdout.write(f"ไฟล์ของขั้นตัวอย่าง / demo stage files: {demo_stage_files(now=timezone.now())} sent")
            for rubric in (r for r in open_rubrics if not r.contest.is_national):
                began = time.monotonic()
                made = demo_judgments(rubric=rubric)
                took = time.monotonic() - began
                self.stdout.write(f"คะแนนกรรมการตัวอย่าง / demo judgments {rubric.key}: {made} ({took:.1f} s)")
            self.stdout.write(f"ข้อมูลตัวอย่างเสร็จใน / demo data done in {time.monotonic() - started:.1f} s")
            print_logins(self.stdout, users)


def print_logins(out, users: list[tuple[str, str, str]]) -> None:
    if not users:
        out.write(_("no demo logins (load them with bootstrap --demo)"))
        return
    out.write("\n" + str(_("demo logins (username / password):")))
    for username, password, role in users:
        out.write(f"  {username:<15} {password}   {role}")
    out.write(
        _("central staff and organisers set up a second factor when they first freeze or publish (README: Accounts)")
    )
