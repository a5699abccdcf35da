# One migration for the app's whole chain, made from the models by tools/squash_migrations.py (run it again,
# never edit this file). A database that applied the old chain records this one as applied too; the old files
# stay until every deployed database has applied this one (docs/operations.md, "Squashed migrations").

import django.db.models.deletion
from django.db import migrations, models


def one_row(apps, schema_editor):
    # The one row central staff edit in the admin (empty until they do): pages read it, never add it.
    apps.get_model("ops", "SiteContact").objects.get_or_create(pk=1)


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ('ops', '0001_backups_heartbeats_alerts_tombstones'),
        ('ops', '0002_tombstone_stage_files'),
        ('ops', '0003_field_names'),
        ('ops', '0004_site_contact'),
        ('ops', '0005_stage_upload_moved'),
    ]

    dependencies = [
        ('stages', '0001_squashed_0001_initial'),
        ('submissions', '0001_squashed_0006_stage_upload_moved'),
    ]

    operations = [
        migrations.CreateModel(
            name='BackupRecord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('started_at', models.DateTimeField(verbose_name='เริ่มเมื่อ / started at')),
                ('finished_at', models.DateTimeField(blank=True, null=True, verbose_name='เสร็จเมื่อ / finished at')),
                ('status', models.CharField(choices=[('done', 'สำเร็จ / done'), ('failed', 'ไม่สำเร็จ / failed')], max_length=10, verbose_name='สถานะ / status')),
                ('path', models.CharField(max_length=500, verbose_name='ที่เก็บ / where')),
                ('files', models.PositiveIntegerField(default=0, verbose_name='จำนวนไฟล์ / files')),
                ('size', models.PositiveBigIntegerField(default=0, verbose_name='ขนาดรวม (ไบต์) / bytes')),
                ('error', models.TextField(blank=True, verbose_name='ข้อผิดพลาด / error')),
            ],
            options={
                'verbose_name': 'การสำรองข้อมูล / backup',
                'verbose_name_plural': 'การสำรองข้อมูล / backups',
                'ordering': ['-started_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='CheckAlert',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('check_name', models.CharField(max_length=30, unique=True, verbose_name='การตรวจ / check')),
                ('red_since', models.DateTimeField(blank=True, null=True, verbose_name='ผิดปกติตั้งแต่ / failing since')),
                ('detail', models.TextField(blank=True, verbose_name='รายละเอียด / detail')),
                ('notified_at', models.DateTimeField(blank=True, null=True, verbose_name='แจ้งเมื่อ / notified at')),
            ],
        ),
        migrations.CreateModel(
            name='Heartbeat',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=50, unique=True, verbose_name='ชื่อ / name')),
                ('at', models.DateTimeField(verbose_name='เมื่อ / at')),
            ],
        ),
        migrations.CreateModel(
            name='TaskFailure',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('task', models.CharField(max_length=100, verbose_name='งาน / task')),
                ('at', models.DateTimeField(db_index=True, verbose_name='เมื่อ / at')),
                ('error', models.TextField(blank=True, verbose_name='ข้อผิดพลาด / error')),
            ],
            options={
                'ordering': ['-at'],
            },
        ),
        migrations.CreateModel(
            name='SiteContact',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('phone', models.CharField(blank=True, max_length=40, verbose_name='โทรศัพท์ / phone')),
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='อีเมล / e-mail')),
                ('line_id', models.CharField(blank=True, max_length=40, verbose_name='LINE Official Account (ไอดี เช่น @cdd4) / LINE Official Account id, e.g. @cdd4')),
                ('line_url', models.URLField(blank=True, verbose_name='ลิงก์เพิ่มเพื่อน LINE / LINE add-friend link')),
                ('hours', models.CharField(blank=True, max_length=200, verbose_name='เวลาทำการ / office hours')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='แก้ไขเมื่อ / updated at')),
            ],
            options={
                'verbose_name': "ช่องทางติดต่อส่วนกลาง / central staff's contacts",
                'verbose_name_plural': "ช่องทางติดต่อส่วนกลาง / central staff's contacts",
                'constraints': [models.CheckConstraint(condition=models.Q(('pk', 1)), name='site_contact_one_row')],
            },
        ),
        migrations.CreateModel(
            name='RetentionTombstone',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('removed_at', models.DateTimeField(verbose_name='ลบไฟล์เมื่อ / file removed at')),
                ('sha256', models.CharField(max_length=64, verbose_name='SHA-256 / SHA-256')),
                ('size', models.PositiveBigIntegerField(default=0, verbose_name='ขนาด (ไบต์) / size (bytes)')),
                ('reason', models.CharField(max_length=200, verbose_name='เหตุผล / reason')),
                ('evidence', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='tombstone', to='submissions.evidence', verbose_name='หลักฐาน / evidence')),
                ('stage_upload', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='tombstone', to='stages.stageupload', verbose_name='ไฟล์ของขั้นการคัดเลือก / stage upload')),
            ],
            options={
                'verbose_name': 'ไฟล์ที่ลบตามระยะเวลาเก็บรักษา / removed after retention',
                'verbose_name_plural': 'ไฟล์ที่ลบตามระยะเวลาเก็บรักษา / removed after retention',
                'ordering': ['-removed_at'],
                'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('evidence__isnull', False), ('stage_upload__isnull', True)), models.Q(('evidence__isnull', True), ('stage_upload__isnull', False)), _connector='OR'), name='tombstone_of_one_file')],
            },
        ),
        migrations.RunPython(one_row, migrations.RunPython.noop),
    ]
