"""The schedule's two tables, moved from scoring with their names: the state only, no table, index or constraint
changes; their content types follow them, so their admin history and permissions do."""

import django.db.models.deletion
from django.db import migrations, models

from core.migration_ops import move_content_type


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("contests", "0001_squashed_0014_one_act_sees_a_unit"),
        ("rubrics", "0001_rubric_models_from_scoring"),
        ("scoring", "0046_published_awards_corrected"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="RoundsKept",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("windows", models.TextField(blank=True, verbose_name="windows")),
                        ("counted_at", models.DateTimeField(blank=True, null=True, verbose_name="counted at")),
                        ("sums", models.JSONField(blank=True, default=list, verbose_name="entrants by rounds met")),
                        (
                            "rubric",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="rubrics.rubric",
                                verbose_name="year",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "rounds kept",
                        "verbose_name_plural": "rounds kept",
                        "db_table": "scoring_roundskept",
                    },
                ),
                migrations.CreateModel(
                    name="EntrantRounds",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("code", models.CharField(max_length=8, verbose_name="code")),
                        ("met", models.BigIntegerField(verbose_name="rounds met")),
                        (
                            "criterion",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="rubrics.criterion",
                                verbose_name="criterion",
                            ),
                        ),
                        (
                            "rubric",
                            models.ForeignKey(
                                db_index=False,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="rubrics.rubric",
                                verbose_name="year",
                            ),
                        ),
                        (
                            "standing",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="scoring.standing",
                                verbose_name="entrant",
                            ),
                        ),
                        (
                            "unit",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="contests.unit",
                                verbose_name="unit",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "entrant's rounds met",
                        "verbose_name_plural": "entrants' rounds met",
                        "db_table": "scoring_entrantrounds",
                        "indexes": [models.Index(fields=["rubric", "criterion", "code"], name="entrant_rounds_by_code")],
                        "constraints": [
                            models.UniqueConstraint(fields=("standing", "criterion"), name="entrant_rounds_unique")
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        move_content_type("roundskept", "scoring", "schedule"),
        move_content_type("entrantrounds", "scoring", "schedule"),
    ]
