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
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='RegisterSource',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('program', models.CharField(max_length=40, verbose_name='register')),
                ('name_th', models.CharField(max_length=300, verbose_name='source')),
                ('file_name', models.CharField(max_length=255, verbose_name='file name')),
                ('sha256', models.CharField(max_length=64, verbose_name='SHA-256')),
                ('rows', models.PositiveIntegerField(verbose_name='rows')),
                ('imported_at', models.DateTimeField(verbose_name='imported at')),
                ('imported_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='imported by')),
            ],
            options={
                'verbose_name': 'register source',
                'verbose_name_plural': 'register sources',
                'db_table': 'contests_registersource',
                'ordering': ['-imported_at'],
            },
        ),
        migrations.CreateModel(
            name='Stage',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('chooser_level', models.CharField(choices=[('province', 'province'), ('district', 'district'), ('subdistrict', 'subdistrict'), ('village', 'village')], max_length=12, verbose_name='level that picks')),
                ('quota', models.PositiveSmallIntegerField(verbose_name='picks per office')),
                ('deadline', models.DateField(verbose_name='selection deadline')),
                ('register', models.CharField(blank=True, max_length=40, verbose_name='register checked')),
                ('barred_from', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='barred from (B.E.)')),
                ('barred_to', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='to (B.E.)')),
                ('barred', models.CharField(choices=[('any', 'a model at any level'), ('province', 'a provincial model')], default='any', max_length=10, verbose_name='barred')),
                ('quote_th', models.TextField(blank=True, verbose_name="the document's words")),
                ('budget_per_pick', models.DecimalField(blank=True, decimal_places=2, max_digits=12, null=True, verbose_name='budget per pick (baht)')),
                ('rank_within', models.CharField(blank=True, choices=[('', 'all together'), ('region', 'within each inspection region')], default='', max_length=10, verbose_name='ranked')),
                ('contest', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='stage', to='contests.contest', verbose_name='contest')),
                ('previous', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='next_stages', to='contests.contest', verbose_name='previous stage')),
            ],
            options={
                'verbose_name': 'selection stage',
                'verbose_name_plural': 'selection stages',
                'db_table': 'contests_stage',
            },
        ),
        migrations.CreateModel(
            name='StageEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('chosen_at', models.DateTimeField(verbose_name='picked at')),
                ('chooser', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='stage_picks', to='contests.unit', verbose_name='picked by office')),
                ('chosen_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='recorded by')),
                ('stage', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='entries', to='stages.stage', verbose_name='stage')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='stage_entries', to='contests.unit', verbose_name='unit')),
            ],
            options={
                'verbose_name': 'pick',
                'verbose_name_plural': 'picks',
                'db_table': 'contests_stageentry',
                'ordering': ['stage', 'chooser__dopa_code', 'unit__dopa_code'],
            },
        ),
        migrations.CreateModel(
            name='StageFile',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.SlugField(max_length=40, verbose_name='code')),
                ('name_th', models.CharField(max_length=200, verbose_name='name (th)')),
                ('name_en', models.CharField(max_length=200, verbose_name='name (en)')),
                ('kind', models.CharField(choices=[('document', 'document'), ('video', 'video')], default='document', max_length=10, verbose_name='kind')),
                ('deadline', models.DateField(verbose_name='deadline')),
                ('min_seconds', models.PositiveIntegerField(blank=True, null=True, verbose_name='at least (s)')),
                ('max_seconds', models.PositiveIntegerField(blank=True, null=True, verbose_name='at most (s)')),
                ('quote_th', models.TextField(blank=True, verbose_name="the document's words")),
                ('stage', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='files', to='stages.stage', verbose_name='stage')),
            ],
            options={
                'verbose_name': 'required file',
                'verbose_name_plural': 'required files',
                'db_table': 'contests_stagefile',
                'ordering': ['stage', 'deadline', 'code'],
            },
        ),
        migrations.CreateModel(
            name='StageUpload',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('file', models.FileField(upload_to='stages/%Y/', verbose_name='file')),
                ('sha256', models.CharField(max_length=64, verbose_name='SHA-256')),
                ('seconds', models.DecimalField(blank=True, decimal_places=2, max_digits=9, null=True, verbose_name='length (s)')),
                ('uploaded_at', models.DateTimeField(verbose_name='sent at')),
                ('entry', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='uploads', to='stages.stageentry', verbose_name='pick')),
                ('requirement', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='uploads', to='stages.stagefile', verbose_name='required file')),
                ('uploaded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='sent by')),
            ],
            options={
                'verbose_name': 'file sent',
                'verbose_name_plural': 'files sent',
                'db_table': 'contests_stageupload',
                'ordering': ['entry', 'requirement', '-uploaded_at'],
            },
        ),
        migrations.CreateModel(
            name='PastModel',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('program', models.CharField(max_length=40, verbose_name='register')),
                ('year', models.PositiveSmallIntegerField(verbose_name='year (B.E.)')),
                ('level', models.CharField(choices=[('province', 'province'), ('district', 'district'), ('subdistrict', 'subdistrict'), ('village', 'village')], max_length=12, verbose_name='level')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='past_models', to='contests.unit', verbose_name='unit')),
                ('source', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='entries', to='stages.registersource', verbose_name='source')),
            ],
            options={
                'verbose_name': 'past model',
                'verbose_name_plural': 'register of past models',
                'db_table': 'contests_pastmodel',
                'ordering': ['program', 'year', 'unit__dopa_code'],
                'constraints': [models.UniqueConstraint(fields=('program', 'unit', 'year', 'level'), name='past_model_once'), models.CheckConstraint(condition=models.Q(('year__gte', 2400)), name='past_model_year_be')],
            },
        ),
        migrations.AddConstraint(
            model_name='stage',
            constraint=models.CheckConstraint(condition=models.Q(('quota__gte', 1)), name='stage_quota_positive'),
        ),
        migrations.AddConstraint(
            model_name='stage',
            constraint=models.CheckConstraint(condition=models.Q(('chooser_level__in', ['district', 'province'])), name='stage_chooser_office'),
        ),
        migrations.AddConstraint(
            model_name='stage',
            constraint=models.CheckConstraint(condition=models.Q(('barred_from__isnull', True), ('barred_to__gte', models.F('barred_from')), _connector='OR'), name='stage_barred_years'),
        ),
        migrations.AddConstraint(
            model_name='stage',
            constraint=models.CheckConstraint(condition=models.Q(('previous', models.F('contest')), _negated=True), name='stage_not_its_own_previous'),
        ),
        migrations.AddConstraint(
            model_name='stage',
            constraint=models.CheckConstraint(condition=models.Q(('budget_per_pick__isnull', True), ('budget_per_pick__gte', 0), _connector='OR'), name='stage_budget_not_negative'),
        ),
        migrations.AddConstraint(
            model_name='stageentry',
            constraint=models.UniqueConstraint(fields=('stage', 'unit'), name='stage_entry_once'),
        ),
        migrations.AddConstraint(
            model_name='stagefile',
            constraint=models.UniqueConstraint(fields=('stage', 'code'), name='stage_file_code_unique'),
        ),
        migrations.AddConstraint(
            model_name='stagefile',
            constraint=models.CheckConstraint(condition=models.Q(('min_seconds__isnull', True), ('max_seconds__isnull', True), ('max_seconds__gte', models.F('min_seconds')), _connector='OR'), name='stage_file_seconds_order'),
        ),
    ]
