# The fields that held any unit are named `unit` (NAMES in tools/rename_fields.py). State only: each keeps
# its column (db_column), and the constraints and indexes naming it keep their names; no table is touched.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0008_labels_from_catalogue"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="generateddocument",
                    name="province",
                    field=models.ForeignKey(
                        blank=True,
                        db_column="province_id",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="contests.unit",
                        verbose_name="province",
                    ),
                ),
                migrations.RenameField(
                    model_name="generateddocument",
                    old_name="province",
                    new_name="unit",
                ),
            ],
        ),
    ]
