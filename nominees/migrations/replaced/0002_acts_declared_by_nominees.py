# The nominees' act, declared by scoring before, is nominees' own (nominees/permissions.py).
# Data only: a permission row under an old name, given to groups and users, takes the new name in place
# (core.migration_ops.rename_permission); no table or model state changes.

from django.db import migrations

from core.migration_ops import rename_permission


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("nominees", "0002_labels_from_catalogue"),
    ]

    operations = [
        rename_permission("scoring.view_nominees", "nominees.view", models=("rubric", "nominee")),
    ]
