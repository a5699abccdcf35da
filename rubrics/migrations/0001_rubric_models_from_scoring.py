"""The rubric's models and each year's settings, moved from scoring with their tables: the state only, no table
changes; their content types follow them, so their admin history and permissions do."""

import contests.codes
import django.core.validators
import django.db.models.deletion
import uuid
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models

from core.migration_ops import move_content_type


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("scoring", "0044_overdue_reminded_again"),
        ("contests", "0001_squashed_0014_one_act_sees_a_unit"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="HolidayOverride",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("date", models.DateField(unique=True, verbose_name="date")),
                        ("is_holiday", models.BooleanField(default=True, verbose_name="office closed")),
                        ("name_th", models.CharField(max_length=200, verbose_name="name (th)")),
                        ("name_en", models.CharField(blank=True, max_length=200, verbose_name="name (en)")),
                        ("note", models.TextField(blank=True, verbose_name="note")),
                    ],
                    options={
                        "verbose_name": "holiday override",
                        "verbose_name_plural": "holiday overrides",
                        "db_table": "scoring_holidayoverride",
                        "ordering": ["date"],
                    },
                ),
                migrations.CreateModel(
                    name="HolidayOverrideChange",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("date", models.DateField(db_index=True, verbose_name="date")),
                        (
                            "action",
                            models.CharField(
                                choices=[("added", "added"), ("changed", "changed"), ("removed", "removed")],
                                max_length=10,
                                verbose_name="action",
                            ),
                        ),
                        ("before", models.JSONField(blank=True, null=True, verbose_name="before")),
                        ("after", models.JSONField(blank=True, null=True, verbose_name="after")),
                        ("changed_at", models.DateTimeField(auto_now_add=True, verbose_name="at")),
                        (
                            "changed_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "holiday change",
                        "verbose_name_plural": "holiday changes",
                        "db_table": "scoring_holidayoverridechange",
                        "ordering": ["-changed_at", "-id"],
                    },
                ),
                migrations.CreateModel(
                    name="Rubric",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "period",
                            models.CharField(
                                blank=True,
                                default="",
                                max_length=20,
                                validators=[contests.codes.validate_period_code],
                                verbose_name="period",
                            ),
                        ),
                        (
                            "period_name_th",
                            models.CharField(blank=True, default="", max_length=100, verbose_name="period name (th)"),
                        ),
                        (
                            "period_name_en",
                            models.CharField(blank=True, default="", max_length=100, verbose_name="period name (en)"),
                        ),
                        ("period_order", models.PositiveSmallIntegerField(default=0, verbose_name="period order")),
                        ("year", models.PositiveSmallIntegerField(verbose_name="fiscal year (B.E.)")),
                        ("name_th", models.CharField(max_length=300, verbose_name="name (th)")),
                        ("name_en", models.CharField(max_length=300, verbose_name="name (en)")),
                        ("starts_on", models.DateField(verbose_name="starts")),
                        ("ends_on", models.DateField(verbose_name="ends")),
                        (
                            "total_points",
                            models.DecimalField(decimal_places=2, max_digits=7, verbose_name="total points"),
                        ),
                        ("tie_break", models.JSONField(default=list, verbose_name="tie-break order")),
                        ("level_bands", models.JSONField(blank=True, null=True, verbose_name="level bands")),
                        ("rounding", models.JSONField(blank=True, null=True, verbose_name="rounding")),
                        (
                            "closed_day",
                            models.CharField(
                                choices=[
                                    ("next_working_day", "moves to the next working day (decision 9)"),
                                    ("as_written", "as written, not moved"),
                                ],
                                default="next_working_day",
                                max_length=20,
                                verbose_name="a deadline on a closed day",
                            ),
                        ),
                        (
                            "show_provisional",
                            models.BooleanField(default=False, verbose_name="show provisional points"),
                        ),
                        (
                            "standings_computed_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="standings computed at"),
                        ),
                        ("revision", models.UUIDField(default=uuid.uuid4, editable=False, verbose_name="revision")),
                        (
                            "contest",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="rubrics",
                                to="contests.contest",
                                verbose_name="contest",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "rubric",
                        "verbose_name_plural": "rubrics",
                        "db_table": "scoring_rubric",
                        "ordering": ["-year", "contest_id", "period_order"],
                    },
                ),
                migrations.CreateModel(
                    name="Dimension",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("code", models.CharField(max_length=10, verbose_name="code")),
                        ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                        ("name_th", models.CharField(max_length=300, verbose_name="name (th)")),
                        ("name_en", models.CharField(max_length=300, verbose_name="name (en)")),
                        ("max_points", models.DecimalField(decimal_places=2, max_digits=7, verbose_name="maximum")),
                        ("level_bands", models.JSONField(blank=True, null=True, verbose_name="dimension level bands")),
                        (
                            "archived_at",
                            models.DateTimeField(blank=True, editable=False, null=True, verbose_name="archived at"),
                        ),
                        (
                            "rubric",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="dimensions",
                                to="rubrics.rubric",
                                verbose_name="rubric",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "dimension",
                        "verbose_name_plural": "dimensions",
                        "db_table": "scoring_dimension",
                        "ordering": ["rubric", "order"],
                    },
                ),
                migrations.CreateModel(
                    name="Criterion",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("code", models.CharField(max_length=10, verbose_name="code")),
                        ("number", models.CharField(blank=True, max_length=20, verbose_name="the document's number")),
                        ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                        ("name_th", models.TextField(verbose_name="name (th)")),
                        ("name_en", models.TextField(verbose_name="name (en)")),
                        ("max_points", models.DecimalField(decimal_places=2, max_digits=7, verbose_name="maximum")),
                        ("rule", models.JSONField(verbose_name="scoring rule")),
                        ("deadline", models.DateField(blank=True, null=True, verbose_name="deadline")),
                        ("rounds", models.JSONField(blank=True, default=list, verbose_name="rounds")),
                        ("extra", models.BooleanField(default=False, verbose_name="extra points")),
                        ("nominee", models.BooleanField(default=False, verbose_name="the nominee is the evidence")),
                        ("evidence_th", models.TextField(blank=True, verbose_name="evidence (th)")),
                        ("evidence_en", models.TextField(blank=True, verbose_name="evidence (en)")),
                        ("channel_th", models.TextField(blank=True, verbose_name="channel (th)")),
                        ("channel_en", models.TextField(blank=True, verbose_name="channel (en)")),
                        (
                            "archived_at",
                            models.DateTimeField(blank=True, editable=False, null=True, verbose_name="archived at"),
                        ),
                        (
                            "dimension",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="criteria",
                                to="rubrics.dimension",
                                verbose_name="dimension",
                            ),
                        ),
                        (
                            "rubric",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="criteria",
                                to="rubrics.rubric",
                                verbose_name="rubric",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "criterion",
                        "verbose_name_plural": "criteria",
                        "db_table": "scoring_criterion",
                        "ordering": ["rubric", "order"],
                    },
                ),
                migrations.CreateModel(
                    name="AwardTier",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("code", models.CharField(max_length=30, verbose_name="code")),
                        ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                        ("name_th", models.CharField(max_length=200, verbose_name="name (th)")),
                        ("name_en", models.CharField(max_length=200, verbose_name="name (en)")),
                        ("count", models.PositiveSmallIntegerField(verbose_name="how many")),
                        (
                            "prize",
                            models.DecimalField(
                                decimal_places=2, default=0, max_digits=10, verbose_name="prize (baht)"
                            ),
                        ),
                        ("prize_th", models.CharField(blank=True, max_length=300, verbose_name="prize (th)")),
                        ("prize_en", models.CharField(blank=True, max_length=300, verbose_name="prize (en)")),
                        (
                            "rubric",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="award_tiers",
                                to="rubrics.rubric",
                                verbose_name="rubric",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "award tier",
                        "verbose_name_plural": "award tiers",
                        "db_table": "awards_awardtier",
                        "ordering": ["rubric", "order"],
                    },
                ),
                migrations.CreateModel(
                    name="RubricChange",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("at", models.DateTimeField(auto_now_add=True, verbose_name="at")),
                        (
                            "state",
                            models.CharField(
                                choices=[("draft", "draft"), ("open", "open")],
                                max_length=10,
                                verbose_name="state when changed",
                            ),
                        ),
                        ("reason", models.TextField(blank=True, verbose_name="reason")),
                        ("changes", models.JSONField(default=dict, verbose_name="what changed")),
                        ("archived", models.JSONField(blank=True, default=list, verbose_name="criteria archived")),
                        ("letter_number", models.CharField(blank=True, max_length=80, verbose_name="letter number")),
                        ("letter_date", models.DateField(blank=True, null=True, verbose_name="letter date")),
                        (
                            "letter_file",
                            models.FileField(blank=True, upload_to="letters/%Y/", verbose_name="letter (PDF)"),
                        ),
                        ("letter_sha256", models.CharField(blank=True, max_length=64, verbose_name="SHA-256")),
                        (
                            "rounds_kept",
                            models.JSONField(blank=True, default=list, verbose_name="rounds kept on their dates"),
                        ),
                        (
                            "contest",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="rubric_changes",
                                to="contests.contest",
                                verbose_name="contest",
                            ),
                        ),
                        (
                            "rubric",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="rubrics.rubric",
                                verbose_name="rubric",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "rubric change",
                        "verbose_name_plural": "rubric changes",
                        "db_table": "scoring_rubricchange",
                        "ordering": ["-at", "-pk"],
                    },
                ),
                migrations.AddConstraint(
                    model_name="rubric",
                    constraint=models.UniqueConstraint(fields=("contest", "period"), name="rubric_one_per_period"),
                ),
                migrations.AddConstraint(
                    model_name="rubric",
                    constraint=models.CheckConstraint(
                        condition=models.Q(("ends_on__gt", models.F("starts_on"))), name="rubric_ends_after_start"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="rubric",
                    constraint=models.CheckConstraint(
                        condition=models.Q(("total_points__gt", 0)), name="rubric_total_positive"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="dimension",
                    constraint=models.UniqueConstraint(fields=("rubric", "code"), name="dimension_code_unique"),
                ),
                migrations.AddConstraint(
                    model_name="dimension",
                    constraint=models.CheckConstraint(
                        condition=models.Q(("max_points__gte", 0)), name="dimension_max_not_negative"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="criterion",
                    constraint=models.UniqueConstraint(fields=("rubric", "code"), name="criterion_code_unique"),
                ),
                migrations.AddConstraint(
                    model_name="criterion",
                    constraint=models.CheckConstraint(
                        condition=models.Q(("max_points__gte", 0)), name="criterion_max_not_negative"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="awardtier",
                    constraint=models.UniqueConstraint(fields=("rubric", "code"), name="award_tier_code_unique"),
                ),
                migrations.AddConstraint(
                    model_name="awardtier",
                    constraint=models.CheckConstraint(
                        condition=models.Q(("count__gt", 0)), name="award_tier_count_positive"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="awardtier",
                    constraint=models.CheckConstraint(
                        condition=models.Q(("prize__gte", 0)), name="award_tier_prize_not_negative"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="rubricchange",
                    constraint=models.CheckConstraint(
                        condition=models.Q(("state__in", ["draft", "open"])), name="rubric_change_state_known"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="rubricchange",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("letter_date__isnull", True), ("letter_number", "")),
                            models.Q(models.Q(("letter_number", ""), _negated=True), ("letter_date__isnull", False)),
                            _connector="OR",
                        ),
                        name="rubric_change_letter_number_and_date",
                    ),
                ),
                migrations.CreateModel(
                    name="YearSettings",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "standings_visible_to_entrants",
                            models.BooleanField(
                                db_column="standings_visible_to_provinces",
                                default=False,
                                verbose_name="provinces see their standing",
                            ),
                        ),
                        (
                            "reminder_working_days",
                            models.PositiveSmallIntegerField(default=3, verbose_name="remind N working days before"),
                        ),
                        (
                            "overdue_every_working_days",
                            models.PositiveSmallIntegerField(
                                default=5, verbose_name="remind of an overdue round again every N working days"
                            ),
                        ),
                        (
                            "award_min_total",
                            models.DecimalField(
                                decimal_places=2,
                                default=Decimal("0.01"),
                                max_digits=7,
                                validators=[django.core.validators.MinValueValidator(Decimal("0.01"))],
                                verbose_name="minimum total for an award",
                            ),
                        ),
                        (
                            "rubric",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="year_settings",
                                to="rubrics.rubric",
                                verbose_name="rubric",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "year settings",
                        "verbose_name_plural": "year settings",
                        "db_table": "scoring_yearsettings",
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(("award_min_total__gt", 0)),
                                name="year_settings_award_min_above_zero",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        move_content_type("rubric", "scoring", "rubrics"),
        move_content_type("dimension", "scoring", "rubrics"),
        move_content_type("criterion", "scoring", "rubrics"),
        move_content_type("awardtier", "scoring", "rubrics"),
        move_content_type("rubricchange", "scoring", "rubrics"),
        move_content_type("holidayoverride", "scoring", "rubrics"),
        move_content_type("holidayoverridechange", "scoring", "rubrics"),
        move_content_type("yearsettings", "scoring", "rubrics"),
    ]
