# StageUpload moved to the stages app (stages 0001), its table unchanged: the foreign key is retargeted in
# state only.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('ops', '0004_site_contact'),
        ('stages', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='retentiontombstone',
                    name='stage_upload',
                    field=models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='tombstone', to='stages.stageupload', verbose_name='ไฟล์ของขั้นการคัดเลือก / stage upload'),
                ),
            ],
            database_operations=[],
        ),
    ]
