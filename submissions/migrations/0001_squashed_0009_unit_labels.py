# The app's tables from the start, made from the models as one migration; the migrations after it change
# them on from there. A database that recorded the older chain this one replaced, and not this one, is
# refused by the check core.E001 (core/checks.py; docs/operations.md, "Migrations").

import django.db.models.deletion
import django.utils.timezone
import uuid
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contests', '0001_squashed_0014_one_act_sees_a_unit'),
        ('scoring', '0001_squashed_0042_rounds_kept'),
        ('stages', '0001_squashed_0002_acts_declared_by_stages'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Submission',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('status', models.CharField(choices=[('submitted', 'submitted'), ('returned', 'returned for clarification'), ('accepted', 'accepted'), ('scored', 'scored')], default='submitted', max_length=10, verbose_name='status')),
                ('status_note', models.TextField(blank=True, verbose_name="reviewer's note")),
                ('status_changed_at', models.DateTimeField(blank=True, null=True, verbose_name='status changed at')),
                ('last_version', models.PositiveIntegerField(default=0, verbose_name='last version')),
                ('criterion', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='submissions', to='scoring.criterion', verbose_name='criterion')),
                ('rubric', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='submissions', to='scoring.rubric', verbose_name='rubric')),
                ('status_changed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='status changed by')),
                ('unit', models.ForeignKey(db_column='province_id', on_delete=django.db.models.deletion.PROTECT, related_name='submissions', to='contests.unit', verbose_name='unit')),
            ],
            options={
                'verbose_name': 'submission',
                'verbose_name_plural': 'submissions',
                'ordering': ['rubric', 'unit', 'criterion__order'],
            },
        ),
        migrations.CreateModel(
            name='Evidence',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(verbose_name='version')),
                ('kind', models.CharField(choices=[('file', 'file'), ('link', 'link')], max_length=4, verbose_name='kind')),
                ('description', models.CharField(blank=True, max_length=300, verbose_name='description')),
                ('stored_path', models.CharField(blank=True, max_length=200, verbose_name='stored path')),
                ('original_name', models.CharField(blank=True, max_length=150, verbose_name='file name')),
                ('file_kind', models.CharField(blank=True, choices=[('pdf', 'PDF'), ('image', 'image'), ('office', 'Word/Excel/PowerPoint'), ('video', 'video')], max_length=6, verbose_name='file kind')),
                ('content_type', models.CharField(blank=True, max_length=100, verbose_name='content type')),
                ('size', models.PositiveBigIntegerField(default=0, verbose_name='size (bytes)')),
                ('sha256', models.CharField(blank=True, max_length=64, verbose_name='SHA-256')),
                ('url', models.URLField(blank=True, max_length=500, verbose_name='link')),
                ('created_at', models.DateTimeField(verbose_name='submitted at')),
                ('withdrawn_at', models.DateTimeField(blank=True, null=True, verbose_name='withdrawn at')),
                ('created_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='created by')),
                ('withdrawn_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='withdrawn by')),
                ('submission', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='evidence', to='submissions.submission', verbose_name='submission')),
            ],
            options={
                'verbose_name': 'evidence',
                'verbose_name_plural': 'evidence',
                'ordering': ['submission', '-version'],
            },
        ),
        migrations.CreateModel(
            name='UploadLimit',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('file_kind', models.CharField(choices=[('pdf', 'PDF'), ('image', 'image'), ('office', 'Word/Excel/PowerPoint'), ('video', 'video')], max_length=6, unique=True, verbose_name='file kind')),
                ('max_mb', models.PositiveIntegerField(verbose_name='maximum (MB)')),
            ],
            options={
                'verbose_name': 'upload limit',
                'verbose_name_plural': 'upload limits',
                'constraints': [models.CheckConstraint(condition=models.Q(('max_mb__gt', 0)), name='upload_limit_positive')],
            },
        ),
        migrations.CreateModel(
            name='InnovationReport',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(verbose_name='version')),
                ('title_th', models.CharField(max_length=300, verbose_name='title (Thai)')),
                ('title_en', models.CharField(blank=True, max_length=300, verbose_name='title (English)')),
                ('office', models.CharField(max_length=300, verbose_name='office')),
                ('office_phone', models.CharField(max_length=30, verbose_name='phone')),
                ('office_fax', models.CharField(blank=True, max_length=30, verbose_name='fax')),
                ('coordinator_name', models.CharField(max_length=200, verbose_name='coordinator')),
                ('coordinator_position', models.CharField(max_length=200, verbose_name='position')),
                ('coordinator_phone', models.CharField(max_length=30, verbose_name="coordinator's phone")),
                ('coordinator_mobile', models.CharField(max_length=30, verbose_name='mobile')),
                ('coordinator_email', models.EmailField(max_length=254, verbose_name='e-mail')),
                ('innovation_type', models.CharField(blank=True, choices=[('service', 'service innovation'), ('delivery', 'service-delivery innovation'), ('admin', 'administrative or organisational innovation'), ('policy', 'policy innovation'), ('other', 'other')], max_length=10, verbose_name='innovation type')),
                ('innovation_type_other', models.CharField(blank=True, max_length=200, verbose_name='other type')),
                ('problem_analysis', models.TextField(blank=True, verbose_name='problem analysis')),
                ('solution', models.TextField(blank=True, verbose_name='solution and practice')),
                ('outcomes', models.TextField(blank=True, verbose_name='outputs and outcomes')),
                ('evidence_text', models.TextField(blank=True, verbose_name='evidence')),
                ('created_at', models.DateTimeField(verbose_name='created at')),
                ('created_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='created by')),
                ('rubric', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='innovation_reports', to='scoring.rubric', verbose_name='rubric')),
                ('unit', models.ForeignKey(db_column='province_id', on_delete=django.db.models.deletion.PROTECT, related_name='innovation_reports', to='contests.unit', verbose_name='unit')),
            ],
            options={
                'verbose_name': 'innovation report',
                'verbose_name_plural': 'innovation reports',
                'ordering': ['rubric', 'unit', '-version'],
                'constraints': [models.UniqueConstraint(fields=('rubric', 'unit', 'version'), name='innovation_report_version_unique')],
            },
        ),
        migrations.CreateModel(
            name='ResumableUpload',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False, verbose_name='id')),
                ('code', models.CharField(max_length=20, verbose_name='criterion or file')),
                ('description', models.CharField(blank=True, max_length=300, verbose_name='description')),
                ('filename', models.CharField(max_length=255, verbose_name='file name')),
                ('length', models.BigIntegerField(verbose_name='size (bytes)')),
                ('offset', models.BigIntegerField(default=0, verbose_name='received (bytes)')),
                ('pieces', models.JSONField(blank=True, default=list, verbose_name='pieces')),
                ('received_at', models.DateTimeField(blank=True, null=True, verbose_name='received at')),
                ('state', models.CharField(choices=[('receiving', 'receiving'), ('saved', 'complete and saved'), ('refused', 'complete, refused')], default='receiving', max_length=10, verbose_name='state')),
                ('refusal', models.CharField(blank=True, max_length=500, verbose_name='refusal')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='created at')),
                ('expires_at', models.DateTimeField(db_index=True, verbose_name='expires at')),
                ('contest', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contests.contest', verbose_name='contest')),
                ('evidence', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='submissions.evidence', verbose_name='evidence')),
                ('rubric', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='scoring.rubric', verbose_name='rubric')),
                ('stage_upload', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='stages.stageupload', verbose_name='stage upload')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contests.unit', verbose_name='unit')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='user')),
            ],
            options={
                'verbose_name': 'resumable upload',
                'verbose_name_plural': 'resumable uploads',
                'constraints': [models.CheckConstraint(condition=models.Q(('offset__gte', 0), ('offset__lte', models.F('length'))), name='resumable_offset_in_file'), models.CheckConstraint(condition=models.Q(models.Q(('contest__isnull', True), ('rubric__isnull', False)), models.Q(('contest__isnull', False), ('rubric__isnull', True)), _connector='OR'), name='resumable_one_target')],
            },
        ),
        migrations.AddConstraint(
            model_name='submission',
            constraint=models.UniqueConstraint(fields=('rubric', 'unit', 'criterion'), name='submission_unique'),
        ),
        migrations.AddConstraint(
            model_name='evidence',
            constraint=models.UniqueConstraint(fields=('submission', 'version'), name='evidence_version_unique'),
        ),
        migrations.AddConstraint(
            model_name='evidence',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('kind', 'file'), models.Q(('stored_path', ''), _negated=True), ('url', '')), models.Q(('kind', 'link'), ('stored_path', ''), models.Q(('url', ''), _negated=True)), _connector='OR'), name='evidence_file_xor_link'),
        ),
        migrations.AddConstraint(
            model_name='evidence',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('withdrawn_at__isnull', True), ('withdrawn_by__isnull', True)), models.Q(('withdrawn_at__isnull', False), ('withdrawn_by__isnull', False)), _connector='OR'), name='evidence_withdrawn_by_with_at'),
        ),
    ]
