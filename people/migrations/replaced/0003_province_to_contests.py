# Province and Contest moved from scoring to contests (contests 0001), keeping their tables: these foreign keys
# point at the same tables as before, so state only. scoring 0017 deletes the old models from scoring's state.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('contests', '0001_initial'),
        ('people', '0002_organiser_role'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='conflict',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='committee_conflicts', to='contests.province', verbose_name='จังหวัด / province'),
                ),
                migrations.AlterField(
                    model_name='membership',
                    name='province',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='staff', to='contests.province'),
                ),
            ],
            database_operations=[],
        ),
    ]
