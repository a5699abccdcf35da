"""The schedule's two tables, moved to the schedule app with their names (schedule 0001): gone from scoring's
state, no table dropped."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("schedule", "0001_rounds_models_from_scoring"),
        ("scoring", "0046_published_awards_corrected"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name="EntrantRounds",
                ),
                migrations.DeleteModel(
                    name="RoundsKept",
                ),
            ],
            database_operations=[],
        ),
    ]
