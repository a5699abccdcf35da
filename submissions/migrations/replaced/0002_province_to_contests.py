# Province and Contest moved from scoring to contests (contests 0001), keeping their tables: these foreign keys
# point at the same tables as before, so state only. scoring 0017 deletes the old models from scoring's state.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('contests', '0001_initial'),
        ('submissions', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='innovationreport',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='innovation_reports', to='contests.province'),
                ),
                migrations.AlterField(
                    model_name='submission',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='submissions', to='contests.province'),
                ),
            ],
            database_operations=[],
        ),
    ]
