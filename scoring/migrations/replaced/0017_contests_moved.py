# Province, Contest, Nominee and NomineeVersion moved to contests (contests 0001), keeping their tables and
# rows. State only: scoring's own foreign keys point at the same tables, now under contests' names, and the
# old models leave scoring's state once every other app points at contests too.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('scoring', '0016_merge_0015_contest_codes_0015_publication_withdraw'),
        ('contests', '0001_initial'),
        ('people', '0003_province_to_contests'),
        ('submissions', '0002_province_to_contests'),
        ('committee', '0004_province_to_contests'),
        ('awards', '0005_province_to_contests'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='rubric',
                    name='contest',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rubrics', to='contests.contest', verbose_name='การประกวด / contest'),
                ),
                migrations.AlterField(
                    model_name='provinceresult',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='results', to='contests.province', verbose_name='จังหวัด / province'),
                ),
                migrations.AlterField(
                    model_name='remindersent',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contests.province'),
                ),
                migrations.AlterField(
                    model_name='fact',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='facts', to='contests.province', verbose_name='จังหวัด / province'),
                ),
                migrations.DeleteModel(name='NomineeVersion'),
                migrations.DeleteModel(name='Nominee'),
                migrations.DeleteModel(name='Contest'),
                migrations.DeleteModel(name='Province'),
            ],
            database_operations=[],
        ),
    ]
