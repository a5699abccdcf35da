# Province and Contest moved from scoring to contests (contests 0001), keeping their tables: these foreign keys
# point at the same tables as before, so state only. scoring 0017 deletes the old models from scoring's state.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('committee', '0003_panel'),
        ('contests', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='chairfinal',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contests.province', verbose_name='จังหวัด / province'),
                ),
                migrations.AlterField(
                    model_name='clarification',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contests.province', verbose_name='จังหวัด / province'),
                ),
                migrations.AlterField(
                    model_name='judgment',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contests.province', verbose_name='จังหวัด / province'),
                ),
                migrations.AlterField(
                    model_name='override',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contests.province', verbose_name='จังหวัด / province'),
                ),
                migrations.AlterField(
                    model_name='panelchange',
                    name='contest',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contests.contest'),
                ),
                migrations.AlterField(
                    model_name='panelist',
                    name='contest',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='panelists', to='contests.contest', verbose_name='การประกวด / contest'),
                ),
                migrations.AlterField(
                    model_name='scorechange',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contests.province', verbose_name='จังหวัด / province'),
                ),
            ],
            database_operations=[],
        ),
    ]
