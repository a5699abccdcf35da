# Membership moved to people (people 0001); its table (scoring_membership) and rows stay. State only.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('scoring', '0008_awardtier_from_awards'),
        ('people', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='Membership')],
            database_operations=[],
        ),
    ]
