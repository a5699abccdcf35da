# The app's tables from the start, made from the models as one migration; the migrations after it change
# them on from there. A database that recorded the older chain this one replaced, and not this one, is
# refused by the check core.E001 (core/checks.py; docs/operations.md, "Migrations").

import django.db.models.deletion
from django.db import migrations, models


def one_row(apps, schema_editor):
    # The one row central staff edit in the admin (empty until they do): pages read it, never add it.
    apps.get_model("ops", "SiteContact").objects.get_or_create(pk=1)


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contests', '0001_squashed_0014_one_act_sees_a_unit'),
        ('stages', '0001_squashed_0002_acts_declared_by_stages'),
        ('submissions', '0001_squashed_0009_unit_labels'),
    ]

    operations = [
        migrations.CreateModel(
            name='BackupRecord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('started_at', models.DateTimeField(verbose_name='started at')),
                ('finished_at', models.DateTimeField(blank=True, null=True, verbose_name='finished at')),
                ('status', models.CharField(choices=[('done', 'done'), ('failed', 'failed')], max_length=10, verbose_name='status')),
                ('path', models.CharField(max_length=500, verbose_name='where')),
                ('files', models.PositiveIntegerField(default=0, verbose_name='files')),
                ('size', models.PositiveBigIntegerField(default=0, verbose_name='bytes')),
                ('error', models.TextField(blank=True, verbose_name='error')),
            ],
            options={
                'verbose_name': 'backup',
                'verbose_name_plural': 'backups',
                'ordering': ['-started_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='CheckAlert',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('check_name', models.CharField(max_length=30, unique=True, verbose_name='check')),
                ('red_since', models.DateTimeField(blank=True, null=True, verbose_name='failing since')),
                ('detail', models.TextField(blank=True, verbose_name='detail')),
                ('notified_at', models.DateTimeField(blank=True, null=True, verbose_name='notified at')),
            ],
        ),
        migrations.CreateModel(
            name='ContestContact',
            fields=[
                ('phone', models.CharField(blank=True, max_length=40, verbose_name='phone')),
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail')),
                ('line_id', models.CharField(blank=True, max_length=40, verbose_name='LINE Official Account id, e.g. @cdd4')),
                ('line_url', models.URLField(blank=True, verbose_name='LINE add-friend link')),
                ('hours', models.CharField(blank=True, max_length=200, verbose_name='office hours')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('contest', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='contact', serialize=False, to='contests.contest', verbose_name='contest')),
            ],
            options={
                'verbose_name': "contest's contacts",
                'verbose_name_plural': "contests' contacts",
            },
        ),
        migrations.CreateModel(
            name='Heartbeat',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=50, unique=True, verbose_name='name')),
                ('at', models.DateTimeField(verbose_name='at')),
            ],
        ),
        migrations.CreateModel(
            name='TaskFailure',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('task', models.CharField(max_length=100, verbose_name='task')),
                ('at', models.DateTimeField(db_index=True, verbose_name='at')),
                ('error', models.TextField(blank=True, verbose_name='error')),
            ],
            options={
                'ordering': ['-at'],
            },
        ),
        migrations.CreateModel(
            name='SiteContact',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('phone', models.CharField(blank=True, max_length=40, verbose_name='phone')),
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail')),
                ('line_id', models.CharField(blank=True, max_length=40, verbose_name='LINE Official Account id, e.g. @cdd4')),
                ('line_url', models.URLField(blank=True, verbose_name='LINE add-friend link')),
                ('hours', models.CharField(blank=True, max_length=200, verbose_name='office hours')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
            ],
            options={
                'verbose_name': "central staff's contacts",
                'verbose_name_plural': "central staff's contacts",
                'constraints': [models.CheckConstraint(condition=models.Q(('pk', 1)), name='site_contact_one_row')],
            },
        ),
        migrations.CreateModel(
            name='RetentionTombstone',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('removed_at', models.DateTimeField(verbose_name='file removed at')),
                ('sha256', models.CharField(max_length=64, verbose_name='SHA-256')),
                ('size', models.PositiveBigIntegerField(default=0, verbose_name='size (bytes)')),
                ('reason', models.CharField(max_length=200, verbose_name='reason')),
                ('evidence', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='tombstone', to='submissions.evidence', verbose_name='evidence')),
                ('stage_upload', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='tombstone', to='stages.stageupload', verbose_name='stage upload')),
            ],
            options={
                'verbose_name': 'removed after retention',
                'verbose_name_plural': 'removed after retention',
                'ordering': ['-removed_at'],
                'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('evidence__isnull', False), ('stage_upload__isnull', True)), models.Q(('evidence__isnull', True), ('stage_upload__isnull', False)), _connector='OR'), name='tombstone_of_one_file')],
            },
        ),
        migrations.RunPython(one_row, migrations.RunPython.noop),
    ]
