# The app's tables from the start, made from the models as one migration; the migrations after it change
# them on from there. A database that recorded the older chain this one replaced, and not this one, is
# refused by the check core.E001 (core/checks.py; docs/operations.md, "Migrations").

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contests', '0001_squashed_0014_one_act_sees_a_unit'),
        ('scoring', '0001_squashed_0042_rounds_kept'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='AwardSignature',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('signer_name', models.CharField(max_length=200, verbose_name="signer's name")),
                ('signer_position', models.TextField(help_text='one line per position', verbose_name="signer's position")),
                ('announced_on', models.DateField(verbose_name='date of announcement')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('rubric', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='award_signature', to='scoring.rubric', verbose_name='rubric')),
                ('updated_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='updated by')),
            ],
            options={
                'verbose_name': 'signature',
                'verbose_name_plural': 'signatures',
            },
        ),
        migrations.CreateModel(
            name='SigningCertificate',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('pkcs12', models.BinaryField(verbose_name='PKCS#12 (server-encrypted)')),
                ('subject', models.CharField(max_length=500, verbose_name='subject')),
                ('issuer', models.CharField(max_length=500, verbose_name='issuer')),
                ('serial', models.CharField(max_length=100, verbose_name='serial number')),
                ('fingerprint', models.CharField(max_length=64, verbose_name='SHA-256')),
                ('not_before', models.DateTimeField(verbose_name='valid from')),
                ('not_after', models.DateTimeField(verbose_name='valid until')),
                ('active', models.BooleanField(default=True, verbose_name='in use')),
                ('uploaded_at', models.DateTimeField(auto_now_add=True, verbose_name='uploaded at')),
                ('uploaded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='uploaded by')),
            ],
            options={
                'verbose_name': 'signing certificate',
                'verbose_name_plural': 'signing certificates',
                'ordering': ['-uploaded_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='GeneratedDocument',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('announcement', 'announcement'), ('results', 'results table'), ('breakdown', 'province breakdown'), ('certificates', 'certificates')], max_length=15, verbose_name='document')),
                ('scope', models.CharField(default='all', max_length=10, verbose_name='scope')),
                ('source_key', models.CharField(max_length=80, verbose_name='standings version')),
                ('version', models.PositiveIntegerField(verbose_name='version')),
                ('status', models.CharField(choices=[('pending', 'queued'), ('running', 'rendering'), ('done', 'ready'), ('failed', 'failed')], default='pending', max_length=10, verbose_name='status')),
                ('progress', models.PositiveSmallIntegerField(default=0, verbose_name='progress (%)')),
                ('file', models.FileField(blank=True, upload_to='awards/', verbose_name='file')),
                ('pages', models.PositiveIntegerField(default=0, verbose_name='pages')),
                ('error', models.TextField(blank=True, verbose_name='error')),
                ('requested_at', models.DateTimeField(auto_now_add=True, verbose_name='requested at')),
                ('finished_at', models.DateTimeField(blank=True, null=True, verbose_name='finished at')),
                ('sha256', models.CharField(blank=True, db_index=True, editable=False, max_length=64, verbose_name='SHA-256')),
                ('requested_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='requested by')),
                ('rubric', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='documents', to='scoring.rubric', verbose_name='rubric')),
                ('unit', models.ForeignKey(blank=True, db_column='province_id', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contests.unit', verbose_name='unit')),
                ('signed_with', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='awards.signingcertificate', verbose_name='signed with')),
            ],
            options={
                'verbose_name': 'generated document',
                'verbose_name_plural': 'generated documents',
                'ordering': ['-requested_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='VerificationCode',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(editable=False, max_length=12, verbose_name='verification code')),
                ('entrant_th', models.CharField(blank=True, max_length=500, verbose_name='entrant as printed')),
                ('award_th', models.CharField(blank=True, max_length=200, verbose_name='award as printed')),
                ('dated', models.DateField(blank=True, null=True, verbose_name='dated')),
                ('document', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='codes', to='awards.generateddocument', verbose_name='document')),
                ('entrant', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contests.unit', verbose_name='entrant')),
            ],
            options={
                'verbose_name': 'verification code',
                'verbose_name_plural': 'verification codes',
                'ordering': ['document', 'id'],
            },
        ),
        migrations.AddConstraint(
            model_name='signingcertificate',
            constraint=models.UniqueConstraint(condition=models.Q(('active', True)), fields=('active',), name='signing_certificate_one_active'),
        ),
        migrations.AddConstraint(
            model_name='generateddocument',
            constraint=models.UniqueConstraint(fields=('rubric', 'kind', 'scope', 'version'), name='document_version_unique'),
        ),
        migrations.AddConstraint(
            model_name='generateddocument',
            constraint=models.UniqueConstraint(fields=('rubric', 'kind', 'scope', 'source_key'), name='document_source_unique'),
        ),
        migrations.AddConstraint(
            model_name='generateddocument',
            constraint=models.CheckConstraint(condition=models.Q(('progress__lte', 100)), name='document_progress_max_100'),
        ),
        migrations.AddConstraint(
            model_name='verificationcode',
            constraint=models.UniqueConstraint(fields=('code',), name='verification_code_unique'),
        ),
        migrations.AddConstraint(
            model_name='verificationcode',
            constraint=models.UniqueConstraint(fields=('document', 'entrant'), name='verification_code_one_per_entrant'),
        ),
        migrations.AddConstraint(
            model_name='verificationcode',
            constraint=models.UniqueConstraint(condition=models.Q(('entrant__isnull', True)), fields=('document',), name='verification_code_one_per_document'),
        ),
    ]
