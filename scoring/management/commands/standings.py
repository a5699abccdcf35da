import json
from typing import cast

from django.core.management.base import CommandError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from contests.models import Contest
from core.management.base import TranslatedCommand
from scoring import award_tiers, selectors
from scoring.contest_results import contest_rows
from scoring.recompute import standings_recompute


class Command(TranslatedCommand):
    help = cast(str, _("print the standings (json or table) of the national contest of --year or of --contest SLUG"))

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--year", type=int, help="the Department's contest of that fiscal year (B.E.)")
        which.add_argument("--contest", help="a contest's code, e.g. chonburi-web-2564")
        parser.add_argument("--format", choices=["json", "table"], default="table")
        parser.add_argument("--recompute", action="store_true", help="rescore every entrant first")

    def handle(self, year, contest, format, recompute, **options):
        found = Contest.objects.national().filter(year=year) if year else Contest.objects.filter(slug=contest)
        chosen = found.first()
        if chosen is None:
            raise CommandError(format_lazy(_("no contest {value}"), value=year or contest))
        for rubric in chosen.rubrics.all():
            standings_recompute(rubric_id=rubric.pk, full=recompute)
        rows = contest_rows(chosen)
        if chosen.nominates:  # the person each entrant office nominated, next to the office
            nominees = {n.unit.code: n for n in selectors.named_people(chosen).values()}
            for r in rows:
                n = nominees.get(r["entrant"])
                r["nominee"] = None if n is None else {"name": n.name_th, "position": n.position_th}
        if format == "json":
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        rubric = chosen.rubrics.order_by("period_order").last()
        dims = [d.code for d in rubric.dimensions.all()]
        self.stdout.write(f"{chosen.name_th} / {chosen.name_en}")
        self.stdout.write(f"{'#':>3} {'ผู้เข้าประกวด':<24} " + " ".join(f"{d:>6}" for d in dims) + f" {'รวม':>7}  รางวัล")
        for r in rows:
            flag = " (เสมอ/tie)" if r["award_tie"] else ""
            self.stdout.write(
                f"{r['rank']:>3} {r['name']:<24} "
                + " ".join(f"{r['dimensions'].get(d, '0'):>6}" for d in dims)
                + f" {r['total']:>7}  {r['award_name_th'] or ''}{flag}"
            )
        if not rubric.period:
            for tier in award_tiers.award_summary(rubric):
                if tier["note_th"]:  # vacant places, or places a tie above holds for the panel
                    self.stdout.write(
                        f"รางวัล{tier['name_th']}: {tier['note_th']} / {tier['name_en']}: {tier['note_en']}"
                    )
