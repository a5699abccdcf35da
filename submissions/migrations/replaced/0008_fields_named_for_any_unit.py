# The fields that held any unit are named `unit` (NAMES in tools/rename_fields.py). State only: each keeps
# its column (db_column), and the constraints and indexes naming it keep their names; no table is touched.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("contests", "0013_fields_named_for_any_unit"),
        ("scoring", "0032_fields_named_for_any_unit"),
        ("submissions", "0007_labels_from_catalogue"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterModelOptions(
                    name="innovationreport",
                    options={
                        "ordering": ["rubric", "unit", "-version"],
                        "verbose_name": "innovation report",
                        "verbose_name_plural": "innovation reports",
                    },
                ),
                migrations.AlterModelOptions(
                    name="submission",
                    options={
                        "ordering": ["rubric", "unit", "criterion__order"],
                        "verbose_name": "submission",
                        "verbose_name_plural": "submissions",
                    },
                ),
                migrations.RemoveConstraint(
                    model_name="innovationreport",
                    name="innovation_report_version_unique",
                ),
                migrations.RemoveConstraint(
                    model_name="submission",
                    name="submission_unique",
                ),
                migrations.AlterField(
                    model_name="innovationreport",
                    name="province",
                    field=models.ForeignKey(
                        db_column="province_id",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="innovation_reports",
                        to="contests.unit",
                        verbose_name="province",
                    ),
                ),
                migrations.RenameField(
                    model_name="innovationreport",
                    old_name="province",
                    new_name="unit",
                ),
                migrations.AlterField(
                    model_name="submission",
                    name="province",
                    field=models.ForeignKey(
                        db_column="province_id",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="submissions",
                        to="contests.unit",
                        verbose_name="province",
                    ),
                ),
                migrations.RenameField(
                    model_name="submission",
                    old_name="province",
                    new_name="unit",
                ),
                migrations.AddConstraint(
                    model_name="innovationreport",
                    constraint=models.UniqueConstraint(
                        fields=("rubric", "unit", "version"), name="innovation_report_version_unique"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="submission",
                    constraint=models.UniqueConstraint(
                        fields=("rubric", "unit", "criterion"), name="submission_unique"
                    ),
                ),
            ],
        ),
    ]
