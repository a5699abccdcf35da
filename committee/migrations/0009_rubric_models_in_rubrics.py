"""Foreign keys to the rubric's models, now the rubrics app's: the state only, the tables are the same."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("committee", "0001_squashed_0008_unit_labels"),
        ("rubrics", "0001_rubric_models_from_scoring"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="chairfinal",
                    name="criterion",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="rubrics.criterion",
                        verbose_name="criterion",
                    ),
                ),
                migrations.AlterField(
                    model_name="chairfinal",
                    name="rubric",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="rubrics.rubric",
                        verbose_name="year",
                    ),
                ),
                migrations.AlterField(
                    model_name="clarification",
                    name="criterion",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="rubrics.criterion",
                        verbose_name="criterion",
                    ),
                ),
                migrations.AlterField(
                    model_name="clarification",
                    name="rubric",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="rubrics.rubric",
                        verbose_name="year",
                    ),
                ),
                migrations.AlterField(
                    model_name="judgment",
                    name="criterion",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="rubrics.criterion",
                        verbose_name="criterion",
                    ),
                ),
                migrations.AlterField(
                    model_name="judgment",
                    name="rubric",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="rubrics.rubric",
                        verbose_name="year",
                    ),
                ),
                migrations.AlterField(
                    model_name="override",
                    name="criterion",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="rubrics.criterion",
                        verbose_name="criterion",
                    ),
                ),
                migrations.AlterField(
                    model_name="override",
                    name="rubric",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="rubrics.rubric",
                        verbose_name="year",
                    ),
                ),
                migrations.AlterField(
                    model_name="scorechange",
                    name="criterion",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="rubrics.criterion",
                        verbose_name="criterion",
                    ),
                ),
                migrations.AlterField(
                    model_name="scorechange",
                    name="rubric",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="rubrics.rubric",
                        verbose_name="year",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
