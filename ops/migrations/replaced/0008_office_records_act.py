# ops' view_province guards an office's own records (year on year, the evidence ZIP): named so.
# Data only: a permission row under an old name, given to groups and users, takes the new name in place
# (core.migration_ops.rename_permission); no table or model state changes.

from django.db import migrations

from core.migration_ops import rename_permission


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("ops", "0007_contest_contacts"),
    ]

    operations = [
        rename_permission("ops.view_province", "ops.view_office_records"),
    ]
