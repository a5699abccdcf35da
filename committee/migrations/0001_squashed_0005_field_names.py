# One migration for the app's whole chain, made from the models by tools/squash_migrations.py (run it again,
# never edit this file). A database that applied the old chain records this one as applied too; the old files
# stay until every deployed database has applied this one (docs/operations.md, "Squashed migrations").

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ('committee', '0001_initial'),
        ('committee', '0002_conflict_to_people'),
        ('committee', '0003_panel'),
        ('committee', '0004_province_to_contests'),
        ('committee', '0005_field_names'),
    ]

    dependencies = [
        ('contests', '0001_squashed_0011_contest_judging_deadline'),
        ('scoring', '0001_squashed_0028_criterion_rounds'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Clarification',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('status', models.CharField(choices=[('open', 'รอจังหวัดชี้แจง / waiting for the province'), ('answered', 'จังหวัดชี้แจงแล้ว / answered'), ('closed', 'ปิดแล้ว / closed')], default='open', max_length=10, verbose_name='สถานะ / status')),
                ('opened_at', models.DateTimeField(auto_now_add=True, verbose_name='เปิดเมื่อ / opened at')),
                ('closed_at', models.DateTimeField(blank=True, null=True, verbose_name='ปิดเมื่อ / closed at')),
                ('closed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='ปิดโดย / closed by')),
                ('criterion', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='scoring.criterion', verbose_name='ตัวชี้วัด / criterion')),
                ('opened_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='เปิดโดย / opened by')),
                ('province', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contests.unit', verbose_name='จังหวัด / province')),
                ('rubric', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='scoring.rubric', verbose_name='ปี / year')),
            ],
            options={
                'verbose_name': 'ขอคำชี้แจง / clarification',
                'verbose_name_plural': 'ขอคำชี้แจง / clarifications',
                'ordering': ['-opened_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='ClarificationMessage',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('question', "คำถามจากกรรมการ / committee's question"), ('reply', "คำชี้แจงจากจังหวัด / province's reply"), ('close', 'ปิดเรื่อง / closed')], max_length=10, verbose_name='ประเภท / kind')),
                ('body', models.TextField(verbose_name='ข้อความ / message')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='เมื่อ / when')),
                ('author', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='โดย / by')),
                ('clarification', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='messages', to='committee.clarification', verbose_name='การขอคำชี้แจง / clarification')),
            ],
            options={
                'verbose_name': 'ข้อความชี้แจง / clarification message',
                'verbose_name_plural': 'ข้อความชี้แจง / clarification messages',
                'ordering': ['created_at', 'id'],
            },
        ),
        migrations.CreateModel(
            name='Judgment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('points', models.DecimalField(decimal_places=2, max_digits=7, verbose_name='คะแนน / points')),
                ('items', models.JSONField(blank=True, default=list, verbose_name='รายการที่ผ่าน / items met')),
                ('note', models.TextField(blank=True, verbose_name='บันทึก / note')),
                ('version', models.PositiveIntegerField(default=1, verbose_name='ฉบับที่ / version')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='สร้างเมื่อ / created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='แก้ไขเมื่อ / updated at')),
                ('criterion', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='scoring.criterion', verbose_name='ตัวชี้วัด / criterion')),
                ('member', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='judgments', to=settings.AUTH_USER_MODEL, verbose_name='กรรมการ / member')),
                ('province', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contests.unit', verbose_name='จังหวัด / province')),
                ('rubric', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='scoring.rubric', verbose_name='ปี / year')),
            ],
            options={
                'verbose_name': 'คะแนนกรรมการ / judgment',
                'verbose_name_plural': 'คะแนนกรรมการ / judgments',
                'ordering': ['province__code', 'criterion__order', 'member_id'],
            },
        ),
        migrations.CreateModel(
            name='Override',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('points', models.DecimalField(blank=True, decimal_places=2, max_digits=7, null=True, verbose_name='คะแนน / points')),
                ('reason', models.TextField(verbose_name='เหตุผล / reason')),
                ('version', models.PositiveIntegerField(default=1, verbose_name='ฉบับที่ / version')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='แก้ไขเมื่อ / updated at')),
                ('by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='บันทึกโดย / recorded by')),
                ('criterion', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='scoring.criterion', verbose_name='ตัวชี้วัด / criterion')),
                ('province', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contests.unit', verbose_name='จังหวัด / province')),
                ('rubric', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='scoring.rubric', verbose_name='ปี / year')),
            ],
            options={
                'verbose_name': 'ปรับคะแนนที่คำนวณจากข้อมูล / override',
                'verbose_name_plural': 'ปรับคะแนนที่คำนวณจากข้อมูล / overrides',
                'ordering': ['province__code', 'criterion__order'],
            },
        ),
        migrations.CreateModel(
            name='PanelChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('action', models.CharField(choices=[('appoint', 'แต่งตั้ง / appointed'), ('chair', 'เป็นประธาน / made chair'), ('member', 'เป็นกรรมการ / made a member'), ('remove', 'ถอดถอน / removed')], max_length=8, verbose_name='การดำเนินการ / action')),
                ('at', models.DateTimeField(auto_now_add=True, verbose_name='เมื่อ / when')),
                ('by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='โดย / by')),
                ('contest', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contests.contest', verbose_name='การประกวด / contest')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='กรรมการ / member')),
            ],
            options={
                'verbose_name': 'ประวัติคณะกรรมการการประกวด / panel change',
                'verbose_name_plural': 'ประวัติคณะกรรมการการประกวด / panel history',
                'ordering': ['-at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='Panelist',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('is_chair', models.BooleanField(default=False, verbose_name='ประธาน / chair')),
                ('appointed_at', models.DateTimeField(auto_now_add=True, verbose_name='แต่งตั้งเมื่อ / appointed at')),
                ('appointed_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='แต่งตั้งโดย / appointed by')),
                ('contest', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='panelists', to='contests.contest', verbose_name='การประกวด / contest')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='panel_seats', to=settings.AUTH_USER_MODEL, verbose_name='กรรมการ / member')),
            ],
            options={
                'verbose_name': 'กรรมการการประกวด / contest panelist',
                'verbose_name_plural': 'คณะกรรมการการประกวด / contest panel',
                'ordering': ['-is_chair', 'user__username'],
            },
        ),
        migrations.CreateModel(
            name='ScoreChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('judgment', "คะแนนกรรมการ / member's score"), ('chair_final', "คะแนนสรุปของประธาน / chair's final"), ('override', 'ปรับคะแนนที่คำนวณจากข้อมูล / override of computed points')], max_length=12, verbose_name='ประเภท / kind')),
                ('old_points', models.DecimalField(blank=True, decimal_places=2, max_digits=7, null=True, verbose_name='คะแนนเดิม / old points')),
                ('new_points', models.DecimalField(blank=True, decimal_places=2, max_digits=7, null=True, verbose_name='คะแนนใหม่ / new points')),
                ('old_items', models.JSONField(blank=True, null=True, verbose_name='รายการเดิม / old items')),
                ('new_items', models.JSONField(blank=True, null=True, verbose_name='รายการใหม่ / new items')),
                ('reason', models.TextField(blank=True, verbose_name='เหตุผล/บันทึก / reason or note')),
                ('source', models.CharField(choices=[('admin', 'หน้าผู้ดูแล / admin'), ('api', 'API'), ('import', 'นำเข้าไฟล์ / import')], max_length=8, verbose_name='ช่องทาง / source')),
                ('changed_at', models.DateTimeField(auto_now_add=True, verbose_name='เมื่อ / when')),
                ('changed_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='โดย / by')),
                ('criterion', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='scoring.criterion', verbose_name='ตัวชี้วัด / criterion')),
                ('member', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='คะแนนของ / score of')),
                ('province', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contests.unit', verbose_name='จังหวัด / province')),
                ('rubric', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='scoring.rubric', verbose_name='ปี / year')),
            ],
            options={
                'verbose_name': 'ประวัติการให้คะแนน / score change',
                'verbose_name_plural': 'ประวัติการให้คะแนน / score history',
                'ordering': ['-changed_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='ChairFinal',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('points', models.DecimalField(blank=True, decimal_places=2, max_digits=7, null=True, verbose_name='คะแนน / points')),
                ('reason', models.TextField(verbose_name='เหตุผล / reason')),
                ('version', models.PositiveIntegerField(default=1, verbose_name='ฉบับที่ / version')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='แก้ไขเมื่อ / updated at')),
                ('by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='บันทึกโดย / recorded by')),
                ('criterion', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='scoring.criterion', verbose_name='ตัวชี้วัด / criterion')),
                ('province', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contests.unit', verbose_name='จังหวัด / province')),
                ('rubric', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='scoring.rubric', verbose_name='ปี / year')),
            ],
            options={
                'verbose_name': "คะแนนสรุปของประธาน / chair's final score",
                'verbose_name_plural': "คะแนนสรุปของประธาน / chair's final scores",
                'ordering': ['province__code', 'criterion__order'],
                'constraints': [models.UniqueConstraint(fields=('province', 'criterion'), name='chair_final_unique'), models.CheckConstraint(condition=models.Q(('points__isnull', True), ('points__gte', 0), _connector='OR'), name='chair_final_points')],
            },
        ),
        migrations.AddConstraint(
            model_name='clarification',
            constraint=models.UniqueConstraint(condition=models.Q(('status', 'closed'), _negated=True), fields=('province', 'criterion'), name='clarification_one_running'),
        ),
        migrations.AddConstraint(
            model_name='clarification',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('closed_at__isnull', False), ('status', 'closed')), models.Q(models.Q(('status', 'closed'), _negated=True), ('closed_at__isnull', True)), _connector='OR'), name='clarification_closed_iff_closed_at'),
        ),
        migrations.AddIndex(
            model_name='judgment',
            index=models.Index(fields=['rubric', 'province', 'criterion'], name='judgment_cell_idx'),
        ),
        migrations.AddConstraint(
            model_name='judgment',
            constraint=models.UniqueConstraint(fields=('member', 'province', 'criterion'), name='judgment_unique_per_member'),
        ),
        migrations.AddConstraint(
            model_name='judgment',
            constraint=models.CheckConstraint(condition=models.Q(('points__gte', 0)), name='judgment_points_not_negative'),
        ),
        migrations.AddConstraint(
            model_name='judgment',
            constraint=models.CheckConstraint(condition=models.Q(('version__gte', 1)), name='judgment_version_positive'),
        ),
        migrations.AddConstraint(
            model_name='override',
            constraint=models.UniqueConstraint(fields=('province', 'criterion'), name='override_unique'),
        ),
        migrations.AddConstraint(
            model_name='override',
            constraint=models.CheckConstraint(condition=models.Q(('points__isnull', True), ('points__gte', 0), _connector='OR'), name='override_points'),
        ),
        migrations.AddConstraint(
            model_name='panelist',
            constraint=models.UniqueConstraint(fields=('contest', 'user'), name='panelist_unique_per_contest'),
        ),
        migrations.AddConstraint(
            model_name='panelist',
            constraint=models.UniqueConstraint(condition=models.Q(('is_chair', True)), fields=('contest',), name='panelist_one_chair'),
        ),
        migrations.AddIndex(
            model_name='scorechange',
            index=models.Index(fields=['rubric', 'province', 'criterion'], name='score_change_cell_idx'),
        ),
    ]
