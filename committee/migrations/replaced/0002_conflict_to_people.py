# Conflict moved to people (people 0001); its table (committee_conflict) and rows stay. State only.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('committee', '0001_initial'),
        ('people', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='Conflict')],
            database_operations=[],
        ),
    ]
