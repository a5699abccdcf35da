# StageUpload moved to the stages app (stages 0001), its table unchanged: the foreign key is retargeted in
# state only.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('stages', '0001_initial'),
        ('submissions', '0005_field_names'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='resumableupload',
                    name='stage_upload',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='stages.stageupload', verbose_name='ไฟล์ของขั้นการคัดเลือก / stage upload'),
                ),
            ],
            database_operations=[],
        ),
    ]
