"""Here in ops, the top app, because the demo spans every app below it (scoring, committee)."""

import json
import time
from pathlib import Path
from typing import cast

from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

import contests
import rubrics
from committee.demo import demo_evidence, demo_judging_deadline, demo_judgments
from committee.demo_files import demo_stage_files
from contests.models import Contest
from contests.units import units_load, units_read
from core.management.base import TranslatedCommand
from core.thai import thai_date
from nominees.demo import demo_nominees
from rubrics import services
from rubrics.models import ContestPeriod
from rulebook.spec import RubricError
from scoring import demo, selectors
from stages.data import stages_load
from stages.demo import demo_picks, demo_present_contests

from ...demo import demo_users
from ...models import SiteContact
from ...services import contacts_demo

DATA = Path(contests.__file__).resolve().parent / "data"  # provinces.json and units.csv ship with contests
RUBRICS = Path(rubrics.__file__).resolve().parent / "rubric_files"  # and every rubric file with rubrics
# What the history of an open contest says when a shipped file changed it (rubrics.revisions).
SHIPPED_REASON = _("the shipped rubric loaded again (bootstrap)")


class Command(TranslatedCommand):
    help = cast(str, _("load provinces and rubrics (idempotent); --demo adds demo users and data"))

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true", help="demo users and demo facts for every province")
        parser.add_argument("--no-units", action="store_true", help=_("skip districts and subdistricts (tests)"))

    def handle(self, *args, **options):
        entries = json.loads((DATA / "provinces.json").read_text(encoding="utf-8"))
        services.provinces_load(entries=entries)
        self.stdout.write(gettext("provinces: %(count)s") % {"count": len(entries)})
        SiteContact.objects.get_or_create(pk=1)  # the help desk's one row, empty until central staff fill it
        if not options["no_units"]:
            started = time.monotonic()
            report = units_load(rows=units_read())
            took = time.monotonic() - started
            units = gettext("units: %(created)s created, %(updated)s updated (%(seconds).1f s)")
            self.stdout.write(units % {"created": report.created, "updated": report.updated, "seconds": took})
        if not options["no_units"]:  # seed 002's stages pick subdistricts: with the units only
            # Before the rubric files: a staged contest's rubric is loaded with its stage (stages_load).
            stages = stages_load()
            self.stdout.write(gettext("stages: %(slugs)s") % {"slugs": ", ".join(s.contest.slug for s in stages)})
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
                kept = gettext("rubric %(file)s: the %(year)s results are frozen, the rubric kept")
                self.stdout.write(kept % {"file": path.name, "year": year})
                continue
            if options["no_units"] and (data.get("contest") or {}).get("entrant_level", "province") != "province":
                # Its entrants are districts or subdistricts, which were not loaded.
                self.stdout.write(gettext("skipped (no units loaded): %(file)s") % {"file": path.name})
                continue
            try:
                rubric = services.rubric_load(data=data, reason=f"{SHIPPED_REASON} ({path.name})")
            except RubricError as exc:
                raise CommandError(f"{path.name}: {exc}") from exc
            shipped.append(data)
            loaded = gettext("rubric %(key)s: %(count)s criteria")
            self.stdout.write(loaded % {"key": rubric.key, "count": rubric.criteria.count()})
        if options["demo"]:
            started = time.monotonic()
            today = timezone.localdate()
            present = demo.demo_present_year(today=today)
            if present is not None:
                now_on = gettext("the present fiscal year's contest: %(key)s (%(count)s criteria)")
                self.stdout.write(now_on % {"key": present.key, "count": present.criteria.count()})
            copies = demo_present_contests(shipped=shipped, today=today)
            if copies:
                offices = gettext("office contests this fiscal year: %(keys)s")
                self.stdout.write(offices % {"keys": ", ".join(r.key for r in copies)})
            users = demo_users(units=not options["no_units"])
            if not options["no_units"]:
                # Before the demo's facts and judgments: a staged contest's entrants are its picks.
                self.stdout.write(gettext("demo picks: %(count)s made") % {"count": demo_picks(now=timezone.now())})
            for rubric in frozen:
                kept = gettext("demo data %(key)s: the %(year)s results are frozen, the data kept")
                self.stdout.write(kept % {"key": rubric.key, "year": rubric.year})
            open_rubrics = [
                rubric
                for rubric in ContestPeriod.objects.exclude(pk__in=[r.pk for r in frozen]).select_related("contest")
                if demo.demo_fills(rubric, today)
            ]
            for rubric in open_rubrics:
                began = time.monotonic()
                demo_nominees(rubric=rubric)  # a contest that honours people: its offices' nominees
                count = demo.demo_facts(rubric=rubric)
                took = time.monotonic() - began
                facts = gettext("demo facts %(key)s: %(count)s changed (%(seconds).1f s)")
                self.stdout.write(facts % {"key": rubric.key, "count": count, "seconds": took})
            current = ContestPeriod.objects.national().order_by("-year").first()
            if current is not None and current not in frozen:
                began = time.monotonic()
                filled = demo_evidence(rubric=current)
                took = time.monotonic() - began
                sent = gettext("demo evidence %(year)s: %(count)s provinces (%(seconds).1f s)")
                self.stdout.write(sent % {"year": current.year, "count": filled, "seconds": took})
            if current is not None and current not in frozen and demo.demo_deadline_moved(rubric=current):
                moved = gettext("a demo deadline moved: %(key)s %(code)s")
                self.stdout.write(moved % {"key": current.key, "code": demo.MOVED[0]})
            if current is not None and current not in frozen and demo_judging_deadline(rubric=current):
                current.contest.refresh_from_db(fields=["judging_deadline"])  # set through another instance
                judging = gettext("demo judging deadline: %(day)s")
                self.stdout.write(judging % {"day": thai_date(current.contest.judging_deadline)})
            contests = Contest.objects.select_related("organiser")
            desks = gettext("demo contacts: %(count)s help desks set")
            self.stdout.write(desks % {"count": contacts_demo(contests=contests)})
            if not options["no_units"]:
                stage_files = gettext("demo stage files: %(count)s sent")
                self.stdout.write(stage_files % {"count": demo_stage_files(now=timezone.now())})
            for rubric in (r for r in open_rubrics if not r.contest.is_national):
                began = time.monotonic()
                made = demo_judgments(rubric=rubric)
                took = time.monotonic() - began
                judged = gettext("demo judgments %(key)s: %(count)s (%(seconds).1f s)")
                self.stdout.write(judged % {"key": rubric.key, "count": made, "seconds": took})
            done = gettext("demo data done in %(seconds).1f s")
            self.stdout.write(done % {"seconds": time.monotonic() - started})
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
