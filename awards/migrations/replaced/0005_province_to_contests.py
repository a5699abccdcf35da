# Province and Contest moved from scoring to contests (contests 0001), keeping their tables: these foreign keys
# point at the same tables as before, so state only. scoring 0017 deletes the old models from scoring's state.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('awards', '0004_awardtier_to_scoring'),
        ('contests', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='generateddocument',
                    name='province',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contests.province'),
                ),
            ],
            database_operations=[],
        ),
    ]
