# Contest.entrants gets a through model of its own over the very table and columns Django made for it
# (scoring_contest_entrants: id, contest_id, province_id), so renaming the unit's model renames no column.
# State only: the database already is what the model describes.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("contests", "0007_stage_budget"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ChosenEntrant",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
                        ),
                        (
                            "contest",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="contests.contest"
                            ),
                        ),
                        (
                            "province",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="contests.province"
                            ),
                        ),
                    ],
                    options={
                        "db_table": "scoring_contest_entrants",
                        "unique_together": {("contest", "province")},
                    },
                ),
                migrations.AlterField(
                    model_name="contest",
                    name="entrants",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="+",
                        through="contests.ChosenEntrant",
                        to="contests.province",
                        verbose_name="ผู้เข้าประกวด / entrants",
                    ),
                ),
            ],
        ),
    ]
