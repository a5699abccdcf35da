"""The late list's act, declared by scoring before, is the schedule's (schedule/permissions.py). Data only: a
permission row under the old name, given to groups and users, takes the new name in place
(core.migration_ops.rename_permission), kept under the schedule's rounds kept going forward and scoring's
standings taken back; no table or model state changes."""

from django.db import migrations

from core.migration_ops import rename_permission


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("schedule", "0001_rounds_models_from_scoring"),
    ]

    operations = [
        rename_permission("scoring.remind_late", "schedule.remind_late", models=("standing", "roundskept")),
    ]
