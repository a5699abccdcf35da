# The fields that held any unit are named `unit` (NAMES in tools/rename_fields.py). State only: each keeps
# its column (db_column), and the constraints and indexes naming it keep their names; no table is touched.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("committee", "0006_labels_from_catalogue"),
        ("contests", "0013_fields_named_for_any_unit"),
        ("scoring", "0032_fields_named_for_any_unit"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterModelOptions(
                    name="chairfinal",
                    options={
                        "ordering": ["unit__code", "criterion__order"],
                        "verbose_name": "chair's final score",
                        "verbose_name_plural": "chair's final scores",
                    },
                ),
                migrations.AlterModelOptions(
                    name="judgment",
                    options={
                        "ordering": ["unit__code", "criterion__order", "member_id"],
                        "verbose_name": "judgment",
                        "verbose_name_plural": "judgments",
                    },
                ),
                migrations.AlterModelOptions(
                    name="override",
                    options={
                        "ordering": ["unit__code", "criterion__order"],
                        "verbose_name": "override",
                        "verbose_name_plural": "overrides",
                    },
                ),
                migrations.RemoveConstraint(
                    model_name="chairfinal",
                    name="chair_final_unique",
                ),
                migrations.RemoveConstraint(
                    model_name="clarification",
                    name="clarification_one_running",
                ),
                migrations.RemoveConstraint(
                    model_name="judgment",
                    name="judgment_unique_per_member",
                ),
                migrations.RemoveConstraint(
                    model_name="override",
                    name="override_unique",
                ),
                migrations.RemoveIndex(
                    model_name="judgment",
                    name="judgment_cell_idx",
                ),
                migrations.RemoveIndex(
                    model_name="scorechange",
                    name="score_change_cell_idx",
                ),
                migrations.AlterField(
                    model_name="chairfinal",
                    name="province",
                    field=models.ForeignKey(
                        db_column="province_id",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="contests.unit",
                        verbose_name="province",
                    ),
                ),
                migrations.RenameField(
                    model_name="chairfinal",
                    old_name="province",
                    new_name="unit",
                ),
                migrations.AlterField(
                    model_name="clarification",
                    name="province",
                    field=models.ForeignKey(
                        db_column="province_id",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="contests.unit",
                        verbose_name="province",
                    ),
                ),
                migrations.RenameField(
                    model_name="clarification",
                    old_name="province",
                    new_name="unit",
                ),
                migrations.AlterField(
                    model_name="judgment",
                    name="province",
                    field=models.ForeignKey(
                        db_column="province_id",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="contests.unit",
                        verbose_name="province",
                    ),
                ),
                migrations.RenameField(
                    model_name="judgment",
                    old_name="province",
                    new_name="unit",
                ),
                migrations.AlterField(
                    model_name="override",
                    name="province",
                    field=models.ForeignKey(
                        db_column="province_id",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="contests.unit",
                        verbose_name="province",
                    ),
                ),
                migrations.RenameField(
                    model_name="override",
                    old_name="province",
                    new_name="unit",
                ),
                migrations.AlterField(
                    model_name="scorechange",
                    name="province",
                    field=models.ForeignKey(
                        db_column="province_id",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="contests.unit",
                        verbose_name="province",
                    ),
                ),
                migrations.RenameField(
                    model_name="scorechange",
                    old_name="province",
                    new_name="unit",
                ),
                migrations.AddIndex(
                    model_name="judgment",
                    index=models.Index(fields=["rubric", "unit", "criterion"], name="judgment_cell_idx"),
                ),
                migrations.AddIndex(
                    model_name="scorechange",
                    index=models.Index(fields=["rubric", "unit", "criterion"], name="score_change_cell_idx"),
                ),
                migrations.AddConstraint(
                    model_name="chairfinal",
                    constraint=models.UniqueConstraint(fields=("unit", "criterion"), name="chair_final_unique"),
                ),
                migrations.AddConstraint(
                    model_name="clarification",
                    constraint=models.UniqueConstraint(
                        condition=models.Q(("status", "closed"), _negated=True),
                        fields=("unit", "criterion"),
                        name="clarification_one_running",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="judgment",
                    constraint=models.UniqueConstraint(
                        fields=("member", "unit", "criterion"), name="judgment_unique_per_member"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="override",
                    constraint=models.UniqueConstraint(fields=("unit", "criterion"), name="override_unique"),
                ),
            ],
        ),
    ]
