# LINE's models now belong to notices (notices 0008, which keeps their tables): gone from accounts' state only.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0009_event_kinds_of_both_changes'),
        ('notices', '0008_line_models_from_accounts'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='LineLink'),
                migrations.DeleteModel(name='LineLinkCode'),
                migrations.DeleteModel(name='LinePushMonth'),
            ],
            database_operations=[],
        ),
    ]
