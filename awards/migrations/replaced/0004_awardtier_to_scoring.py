# AwardTier moved to scoring (scoring 0008); its table and rows stay as they are. State only.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('awards', '0003_signing_certificate'),
        ('scoring', '0008_awardtier_from_awards'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='AwardTier')],
            database_operations=[],
        ),
    ]
