# One migration for the app's whole chain, made from the models by tools/squash_migrations.py (run it again,
# never edit this file). A database that applied the old chain records this one as applied too; the old files
# stay until every deployed database has applied this one (docs/operations.md, "Squashed migrations").

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ('nominees', '0001_initial'),
    ]

    dependencies = [
        ('contests', '0001_squashed_0011_contest_judging_deadline'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Nominee',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name_th', models.CharField(max_length=150, verbose_name='ชื่อ-นามสกุล / full name (th)')),
                ('position_th', models.CharField(max_length=200, verbose_name='ตำแหน่ง / position (th)')),
                ('name_en', models.CharField(blank=True, max_length=150, verbose_name='ชื่อภาษาอังกฤษ / name (en)')),
                ('employment', models.CharField(blank=True, choices=[('civil_servant', 'ข้าราชการ / civil servant'), ('government_employee', 'พนักงานราชการ / government employee'), ('permanent_employee', 'ลูกจ้างประจำ / permanent employee'), ('temporary_employee', 'ลูกจ้างชั่วคราว / temporary employee'), ('contractor', 'พนักงานจ้างเหมาบริการ / service contractor')], max_length=20, verbose_name='ประเภทบุคลากร / employment type')),
                ('state', models.CharField(choices=[('active', 'เสนอชื่ออยู่ / nominated'), ('withdrawn', 'ถอนรายชื่อแล้ว / withdrawn')], default='active', max_length=12, verbose_name='สถานะ / state')),
                ('submitted_at', models.DateTimeField(verbose_name='เสนอเมื่อ / submitted at')),
                ('version', models.PositiveIntegerField(default=1, verbose_name='ฉบับที่ / version')),
                ('contest', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='nominees', to='contests.contest', verbose_name='การประกวด / contest')),
                ('office', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contests.unit', verbose_name='สำนักงานที่ปฏิบัติงาน / office worked in')),
                ('submitted_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='เสนอโดย / submitted by')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='nominees', to='contests.unit', verbose_name='หน่วยงานผู้เสนอ / nominating office')),
            ],
            options={
                'verbose_name': 'ผู้ได้รับการเสนอชื่อ / nominee',
                'verbose_name_plural': 'ผู้ได้รับการเสนอชื่อ / nominees',
                'db_table': 'scoring_nominee',
                'ordering': ['contest', 'unit__dopa_code'],
            },
        ),
        migrations.CreateModel(
            name='NomineeVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name_th', models.CharField(max_length=150, verbose_name='ชื่อ-นามสกุล / full name (th)')),
                ('position_th', models.CharField(max_length=200, verbose_name='ตำแหน่ง / position (th)')),
                ('name_en', models.CharField(blank=True, max_length=150, verbose_name='ชื่อภาษาอังกฤษ / name (en)')),
                ('employment', models.CharField(blank=True, choices=[('civil_servant', 'ข้าราชการ / civil servant'), ('government_employee', 'พนักงานราชการ / government employee'), ('permanent_employee', 'ลูกจ้างประจำ / permanent employee'), ('temporary_employee', 'ลูกจ้างชั่วคราว / temporary employee'), ('contractor', 'พนักงานจ้างเหมาบริการ / service contractor')], max_length=20, verbose_name='ประเภทบุคลากร / employment type')),
                ('state', models.CharField(choices=[('active', 'เสนอชื่ออยู่ / nominated'), ('withdrawn', 'ถอนรายชื่อแล้ว / withdrawn')], default='active', max_length=12, verbose_name='สถานะ / state')),
                ('submitted_at', models.DateTimeField(verbose_name='เสนอเมื่อ / submitted at')),
                ('version', models.PositiveIntegerField(verbose_name='ฉบับที่ / version')),
                ('nominee', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='versions', to='nominees.nominee')),
                ('office', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contests.unit', verbose_name='สำนักงานที่ปฏิบัติงาน / office worked in')),
                ('submitted_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='เสนอโดย / submitted by')),
            ],
            options={
                'verbose_name': 'ประวัติการเสนอชื่อ / nominee history',
                'verbose_name_plural': 'ประวัติการเสนอชื่อ / nominee history',
                'db_table': 'scoring_nomineeversion',
                'ordering': ['nominee', '-version'],
            },
        ),
        migrations.AddConstraint(
            model_name='nominee',
            constraint=models.UniqueConstraint(fields=('contest', 'unit'), name='nominee_one_per_entrant'),
        ),
        migrations.AddConstraint(
            model_name='nomineeversion',
            constraint=models.UniqueConstraint(fields=('nominee', 'version'), name='nominee_version_unique'),
        ),
    ]
