# The fields that held any unit are named `unit` (NAMES in tools/rename_fields.py). State only: each keeps
# its column (db_column), and the constraints and indexes naming it keep their names; no table is touched.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("contests", "0013_fields_named_for_any_unit"),
        ("people", "0007_labels_from_catalogue"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterModelOptions(
                    name="conflict",
                    options={
                        "ordering": ["member_id", "unit__code"],
                        "verbose_name": "conflict of interest",
                        "verbose_name_plural": "conflicts of interest",
                    },
                ),
                migrations.RemoveConstraint(
                    model_name="conflict",
                    name="conflict_unique",
                ),
                migrations.RemoveConstraint(
                    model_name="membership",
                    name="membership_office_iff_office_role",
                ),
                migrations.AlterField(
                    model_name="conflict",
                    name="province",
                    field=models.ForeignKey(
                        db_column="province_id",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="committee_conflicts",
                        to="contests.unit",
                        verbose_name="unit",
                    ),
                ),
                migrations.RenameField(
                    model_name="conflict",
                    old_name="province",
                    new_name="unit",
                ),
                migrations.AlterField(
                    model_name="membership",
                    name="province",
                    field=models.ForeignKey(
                        blank=True,
                        db_column="province_id",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="staff",
                        to="contests.unit",
                        verbose_name="province",
                    ),
                ),
                migrations.RenameField(
                    model_name="membership",
                    old_name="province",
                    new_name="unit",
                ),
                migrations.AddConstraint(
                    model_name="conflict",
                    constraint=models.UniqueConstraint(fields=("member", "unit"), name="conflict_unique"),
                ),
                migrations.AddConstraint(
                    model_name="membership",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("role__in", ["provincial", "organiser"]), ("unit__isnull", False)),
                            models.Q(
                                models.Q(("role__in", ["provincial", "organiser"]), _negated=True),
                                ("unit__isnull", True),
                            ),
                            _connector="OR",
                        ),
                        name="membership_office_iff_office_role",
                    ),
                ),
            ],
        ),
    ]
