"""A contest: who organises it, who enters, and how its periods combine (each period is a rubrics.ContestPeriod)."""

from django.db import models
from django.db.models import CharField, F, Q, Value
from django.db.models.functions import Cast, Concat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from contests.codes import NATIONAL_PREFIX, validate_contest_code
from core.labels import both

from .units import Level, Unit


def national_q(path: str = "") -> Q:
    """The one meaning of "national" as a filter (Contest.is_national row by row): the Department's contest
    among the provinces. `path` leads from the rows filtered to their contest ("contest__")."""
    return Q(**{f"{path}organiser__isnull": True, f"{path}entrant_level": Level.PROVINCE})


NATIONAL = national_q()


class Combine(models.TextChoices):
    """How a contest with periods turns its periods' totals into one standing."""

    SINGLE = "single", _("one round")
    SUM = "sum", _("sum of periods")
    MEAN = "mean", _("mean of periods")
    LATEST = "latest", _("latest period")


class ContestQuerySet(models.QuerySet["Contest"]):
    def national(self):
        """The Department's own contests among the provincial offices (organiser empty)."""
        return self.filter(NATIONAL)


class ContestState(models.TextChoices):
    """A contest is a draft until whoever runs it opens it: its entrants meet it only once it is open."""

    DRAFT = "draft", _("draft")
    OPEN = "open", pgettext_lazy("contests.models.contests", "open")


class Contest(models.Model):
    """One office's contest in one fiscal year: who organises it, who enters, and how its periods combine.

    Each period is a Rubric of its own (its structure, deadlines, facts, scores and standings), so every
    piece of the scoring, committee and awards machinery works on a period exactly as on a whole contest.
    """

    slug = models.SlugField(_("contest code"), max_length=60, unique=True, validators=[validate_contest_code])
    name_th = models.CharField(_("name (th)"), max_length=300)
    name_en = models.CharField(_("name (en)"), max_length=300)
    year = models.PositiveSmallIntegerField(_("fiscal year (B.E.)"))
    # Empty: the Department (กรมการพัฒนาชุมชน) runs it; otherwise the provincial office that does.
    organiser = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organised_contests",
        verbose_name=_("organiser"),
    )
    entrant_level = models.CharField(_("entrant level"), max_length=12, choices=Level.choices, default=Level.PROVINCE)
    # A chosen list; empty means every CDD office of the entrant level under the organiser.
    entrants: "models.ManyToManyField[Unit, ChosenEntrant]" = models.ManyToManyField(
        Unit, through="ChosenEntrant", blank=True, related_name="+", verbose_name=_("entrants")
    )
    combine = models.CharField(_("combining periods"), max_length=8, choices=Combine.choices, default=Combine.SINGLE)
    # Each entrant office names one of its staff, who is the one honoured (seed 001's IT role model);
    # the office stays the entrant: results, evidence and who sees what are unchanged (nominees).
    nominates = models.BooleanField(_("each entrant nominates a person"), default=False)
    # Who may be nominated, as the rubric file's contest.nominee declares it (nominees.eligibility); {} = anyone.
    nominee_rules = models.JSONField(_("who may be nominated"), default=dict, blank=True)
    # Contests made before the builder, and every rubric file loaded, are open as they always were.
    state = models.CharField(_("state"), max_length=10, choices=ContestState.choices, default=ContestState.OPEN)

    # By when the committee (or the contest's panel) finishes judging; set by whoever runs the contest.
    judging_deadline = models.DateField(_("judging deadline"), null=True, blank=True)

    objects = ContestQuerySet.as_manager()

    class Meta:
        # made by scoring before the model moved here (contests 0001); so is scoring_contest_entrants
        db_table = "scoring_contest"
        ordering = ["-year", "slug"]
        verbose_name = _("contest")
        verbose_name_plural = _("contests")
        constraints = [
            models.CheckConstraint(condition=Q(state__in=ContestState.values), name="contest_state_known"),
            # The national contest of a year is cdd4-<year> and no other contest's code starts with cdd4-:
            # with the slug unique, one national contest a year, and no office's contest can become it.
            models.CheckConstraint(
                condition=(NATIONAL & Q(slug=Concat(Value(NATIONAL_PREFIX), Cast(F("year"), CharField()))))
                | (~NATIONAL & ~Q(slug__startswith=NATIONAL_PREFIX)),
                name="contest_national_code",
                violation_error_message=_("the code cdd4-<year> belongs to that year's national contest only"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.slug} {self.name_th}"

    @property
    def is_national(self) -> bool:
        return self.organiser_id is None and self.entrant_level == Level.PROVINCE

    @property
    def entrant_noun(self) -> tuple[str, str]:
        """What the pages call an entrant: ("จังหวัด", "province"), ("อำเภอ", "district") or ("ตำบล", "subdistrict")."""
        return both(Level(self.entrant_level).label)


class ChosenEntrant(models.Model):
    """One unit on a contest's chosen list (`Contest.entrants`). A model of its own so that the list keeps its
    table and its `province_id` column whatever the unit's model is called (an automatic one names the column
    after the model)."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+", db_column="province_id")

    class Meta:
        db_table = "scoring_contest_entrants"  # the table Django made for the list when it had no model
        unique_together = [("contest", "unit")]

    def __str__(self) -> str:
        return f"{self.contest_id} {self.unit_id}"
