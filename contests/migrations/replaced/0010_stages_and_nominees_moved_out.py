# Selection in stages and nominees live in their own apps now (stages 0001, nominees 0001), over the same
# tables: they leave contests' state only, after every foreign key of another app points at the new apps.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('contests', '0009_unit_named_for_any_unit'),
        ('stages', '0001_initial'),
        ('nominees', '0001_initial'),
        ('submissions', '0006_stage_upload_moved'),
        ('ops', '0005_stage_upload_moved'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='nomineeversion',
                    name='nominee',
                ),
                migrations.RemoveField(
                    model_name='nomineeversion',
                    name='office',
                ),
                migrations.RemoveField(
                    model_name='nomineeversion',
                    name='submitted_by',
                ),
                migrations.RemoveField(
                    model_name='pastmodel',
                    name='source',
                ),
                migrations.RemoveField(
                    model_name='pastmodel',
                    name='unit',
                ),
                migrations.RemoveField(
                    model_name='registersource',
                    name='imported_by',
                ),
                migrations.RemoveField(
                    model_name='stage',
                    name='contest',
                ),
                migrations.RemoveField(
                    model_name='stage',
                    name='previous',
                ),
                migrations.RemoveField(
                    model_name='stagefile',
                    name='stage',
                ),
                migrations.RemoveField(
                    model_name='stageentry',
                    name='stage',
                ),
                migrations.RemoveField(
                    model_name='stageentry',
                    name='chooser',
                ),
                migrations.RemoveField(
                    model_name='stageentry',
                    name='chosen_by',
                ),
                migrations.RemoveField(
                    model_name='stageentry',
                    name='unit',
                ),
                migrations.RemoveField(
                    model_name='stageupload',
                    name='entry',
                ),
                migrations.RemoveField(
                    model_name='stageupload',
                    name='requirement',
                ),
                migrations.RemoveField(
                    model_name='stageupload',
                    name='uploaded_by',
                ),
                migrations.DeleteModel(
                    name='Nominee',
                ),
                migrations.DeleteModel(
                    name='NomineeVersion',
                ),
                migrations.DeleteModel(
                    name='PastModel',
                ),
                migrations.DeleteModel(
                    name='RegisterSource',
                ),
                migrations.DeleteModel(
                    name='Stage',
                ),
                migrations.DeleteModel(
                    name='StageEntry',
                ),
                migrations.DeleteModel(
                    name='StageFile',
                ),
                migrations.DeleteModel(
                    name='StageUpload',
                ),
            ],
            database_operations=[],
        ),
    ]
