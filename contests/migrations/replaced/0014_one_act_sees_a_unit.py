# The two acts that meant "see a unit" (scoring's and submissions' view_province, one rule) are contests' one.
# Data only: a permission row under an old name, given to groups and users, takes the new name in place
# (core.migration_ops.rename_permission); no table or model state changes.

from django.db import migrations

from core.migration_ops import rename_permission


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("contests", "0013_fields_named_for_any_unit"),
    ]

    operations = [
        rename_permission("scoring.view_province", "contests.see_unit", models=("rubric", "unit")),
        rename_permission("submissions.view_province", "contests.see_unit", models=("submission", "unit")),
    ]
