"""Foreign keys to the rubric's models, now the rubrics app's: the state only, the tables are the same."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("rubrics", "0001_rubric_models_from_scoring"),
        ("submissions", "0010_evidence_answers_round"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="innovationreport",
                    name="rubric",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="innovation_reports",
                        to="rubrics.rubric",
                        verbose_name="rubric",
                    ),
                ),
                migrations.AlterField(
                    model_name="resumableupload",
                    name="rubric",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="rubrics.rubric",
                        verbose_name="rubric",
                    ),
                ),
                migrations.AlterField(
                    model_name="submission",
                    name="criterion",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="submissions",
                        to="rubrics.criterion",
                        verbose_name="criterion",
                    ),
                ),
                migrations.AlterField(
                    model_name="submission",
                    name="rubric",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="submissions",
                        to="rubrics.rubric",
                        verbose_name="rubric",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
