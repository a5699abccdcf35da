# The fields that held any unit are named `unit` (NAMES in tools/rename_fields.py). State only: each keeps
# its column (db_column), and the constraints and indexes naming it keep their names; no table is touched.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("contests", "0012_labels_and_village_level"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="chosenentrant",
                    name="province",
                    field=models.ForeignKey(
                        db_column="province_id",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="contests.unit",
                    ),
                ),
                migrations.RenameField(
                    model_name="chosenentrant",
                    old_name="province",
                    new_name="unit",
                ),
                migrations.AlterUniqueTogether(
                    name="chosenentrant",
                    unique_together={("contest", "unit")},
                ),
            ],
        ),
    ]
