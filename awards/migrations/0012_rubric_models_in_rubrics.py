"""Foreign keys to the rubric's models, now the rubrics app's: the state only, the tables are the same."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0011_certificate_per_awardee"),
        ("rubrics", "0001_rubric_models_from_scoring"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="awardsignature",
                    name="rubric",
                    field=models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="award_signature",
                        to="rubrics.rubric",
                        verbose_name="rubric",
                    ),
                ),
                migrations.AlterField(
                    model_name="generateddocument",
                    name="rubric",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="documents",
                        to="rubrics.rubric",
                        verbose_name="rubric",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
