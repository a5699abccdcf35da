# The fields that held any unit are named `unit` (NAMES in tools/rename_fields.py). State only: each keeps
# its column (db_column), and the constraints and indexes naming it keep their names; no table is touched.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("contests", "0013_fields_named_for_any_unit"),
        ("scoring", "0031_staged_points"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterModelOptions(
                    name="fact",
                    options={
                        "ordering": ["unit", "criterion__order", "name"],
                        "verbose_name": "fact",
                        "verbose_name_plural": "facts",
                    },
                ),
                migrations.AlterModelOptions(
                    name="standing",
                    options={
                        "ordering": ["rubric", "rank", "unit__code"],
                        "verbose_name": "province result",
                        "verbose_name_plural": "province results",
                    },
                ),
                migrations.RemoveConstraint(
                    model_name="fact",
                    name="fact_unique",
                ),
                migrations.RemoveConstraint(
                    model_name="remindersent",
                    name="reminder_once_per_deadline",
                ),
                migrations.RemoveConstraint(
                    model_name="standing",
                    name="result_unique",
                ),
                migrations.AlterField(
                    model_name="fact",
                    name="province",
                    field=models.ForeignKey(
                        db_column="province_id",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="facts",
                        to="contests.unit",
                        verbose_name="province",
                    ),
                ),
                migrations.RenameField(
                    model_name="fact",
                    old_name="province",
                    new_name="unit",
                ),
                migrations.AlterField(
                    model_name="remindersent",
                    name="province",
                    field=models.ForeignKey(
                        db_column="province_id",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="contests.unit",
                        verbose_name="province",
                    ),
                ),
                migrations.RenameField(
                    model_name="remindersent",
                    old_name="province",
                    new_name="unit",
                ),
                migrations.AlterField(
                    model_name="standing",
                    name="province",
                    field=models.ForeignKey(
                        db_column="province_id",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="results",
                        to="contests.unit",
                        verbose_name="province",
                    ),
                ),
                migrations.RenameField(
                    model_name="standing",
                    old_name="province",
                    new_name="unit",
                ),
                migrations.AlterField(
                    model_name="yearsettings",
                    name="standings_visible_to_provinces",
                    field=models.BooleanField(
                        db_column="standings_visible_to_provinces",
                        default=False,
                        verbose_name="provinces see their standing",
                    ),
                ),
                migrations.RenameField(
                    model_name="yearsettings",
                    old_name="standings_visible_to_provinces",
                    new_name="standings_visible_to_entrants",
                ),
                migrations.AddConstraint(
                    model_name="fact",
                    constraint=models.UniqueConstraint(fields=("criterion", "unit", "name"), name="fact_unique"),
                ),
                migrations.AddConstraint(
                    model_name="remindersent",
                    constraint=models.UniqueConstraint(
                        fields=("unit", "criterion", "deadline"), name="reminder_once_per_deadline"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="standing",
                    constraint=models.UniqueConstraint(fields=("rubric", "unit"), name="result_unique"),
                ),
            ],
        ),
    ]
