# The app's tables from the start, made from the models as one migration; the migrations after it change
# them on from there. A database that recorded the older chain this one replaced, and not this one, is
# refused by the check core.E001 (core/checks.py; docs/operations.md, "Migrations").

import contests.codes
import django.db.models.deletion
import django.db.models.functions.comparison
import django.db.models.functions.text
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
    ]

    operations = [
        migrations.CreateModel(
            name='Contest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(max_length=60, unique=True, validators=[contests.codes.validate_contest_code], verbose_name='contest code')),
                ('name_th', models.CharField(max_length=300, verbose_name='name (th)')),
                ('name_en', models.CharField(max_length=300, verbose_name='name (en)')),
                ('year', models.PositiveSmallIntegerField(verbose_name='fiscal year (B.E.)')),
                ('entrant_level', models.CharField(choices=[('province', 'province'), ('district', 'district'), ('subdistrict', 'subdistrict'), ('village', 'village')], default='province', max_length=12, verbose_name='entrant level')),
                ('combine', models.CharField(choices=[('single', 'one round'), ('sum', 'sum of periods'), ('mean', 'mean of periods'), ('latest', 'latest period')], default='single', max_length=8, verbose_name='combining periods')),
                ('nominates', models.BooleanField(default=False, verbose_name='each entrant nominates a person')),
                ('nominee_rules', models.JSONField(blank=True, default=dict, verbose_name='who may be nominated')),
                ('state', models.CharField(choices=[('draft', 'draft'), ('open', 'open')], default='open', max_length=10, verbose_name='state')),
                ('judging_deadline', models.DateField(blank=True, null=True, verbose_name='judging deadline')),
            ],
            options={
                'verbose_name': 'contest',
                'verbose_name_plural': 'contests',
                'db_table': 'scoring_contest',
                'ordering': ['-year', 'slug'],
            },
        ),
        migrations.CreateModel(
            name='ChosenEntrant',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('contest', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contests.contest')),
            ],
            options={
                'db_table': 'scoring_contest_entrants',
            },
        ),
        migrations.CreateModel(
            name='Unit',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(max_length=8, unique=True, verbose_name='code')),
                ('dopa_code', models.CharField(max_length=8, unique=True, verbose_name='DOPA code')),
                ('level', models.CharField(choices=[('province', 'province'), ('district', 'district'), ('subdistrict', 'subdistrict'), ('village', 'village')], default='province', max_length=11, verbose_name='level')),
                ('is_cdd_office', models.BooleanField(default=True, verbose_name='CDD office')),
                ('name_th', models.CharField(max_length=100, verbose_name='name (th)')),
                ('name_en', models.CharField(max_length=100, verbose_name='name (en)')),
                ('size_group', models.CharField(blank=True, choices=[('small', 'small'), ('medium', 'medium'), ('large', 'large')], max_length=10, verbose_name='size group')),
                ('region', models.CharField(blank=True, choices=[('north', 'North'), ('northeast', 'Northeast'), ('central', 'Central'), ('east', 'East'), ('west', 'West'), ('south', 'South')], max_length=10, verbose_name='region')),
                ('aliases_th', models.JSONField(blank=True, default=list, verbose_name='other spellings')),
                ('name_order', models.PositiveIntegerField(db_index=True, default=0, editable=False, verbose_name='Thai order')),
                ('parent', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='children', to='contests.unit', verbose_name='parent')),
            ],
            options={
                'verbose_name': 'province',
                'verbose_name_plural': 'provinces',
                'db_table': 'scoring_province',
                'ordering': ['code'],
            },
        ),
        migrations.AddField(
            model_name='contest',
            name='entrants',
            field=models.ManyToManyField(blank=True, related_name='+', through='contests.ChosenEntrant', to='contests.unit', verbose_name='entrants'),
        ),
        migrations.AddField(
            model_name='contest',
            name='organiser',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='organised_contests', to='contests.unit', verbose_name='organiser'),
        ),
        migrations.AddField(
            model_name='chosenentrant',
            name='unit',
            field=models.ForeignKey(db_column='province_id', on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contests.unit'),
        ),
        migrations.AddConstraint(
            model_name='unit',
            constraint=models.UniqueConstraint(fields=('parent', 'name_th'), name='unit_name_th_per_parent'),
        ),
        migrations.AddConstraint(
            model_name='unit',
            constraint=models.UniqueConstraint(condition=models.Q(('level', 'province')), fields=('name_th',), name='unit_province_name_th_unique'),
        ),
        migrations.AddConstraint(
            model_name='unit',
            constraint=models.UniqueConstraint(condition=models.Q(('level', 'province')), fields=('name_en',), name='unit_province_name_en_unique'),
        ),
        migrations.AddConstraint(
            model_name='unit',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('code__regex', '^TH-[0-9]{2}$'), ('dopa_code__regex', '^[0-9]{2}$'), ('level', 'province'), ('parent__isnull', True)), models.Q(('dopa_code__regex', '^[0-9]{4}$'), ('level', 'district'), ('parent__isnull', False)), models.Q(('dopa_code__regex', '^[0-9]{6}$'), ('level', 'subdistrict'), ('parent__isnull', False)), models.Q(('dopa_code__regex', '^[0-9]{8}$'), ('level', 'village'), ('parent__isnull', False)), _connector='OR'), name='unit_level_shape'),
        ),
        migrations.AddConstraint(
            model_name='unit',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('code', django.db.models.functions.text.Concat(models.Value('TH-'), 'dopa_code')), ('level', 'province')), models.Q(models.Q(('level', 'province'), _negated=True), ('code', models.F('dopa_code'))), _connector='OR'), name='unit_code_matches_dopa'),
        ),
        migrations.AddConstraint(
            model_name='contest',
            constraint=models.CheckConstraint(condition=models.Q(('state__in', ['draft', 'open'])), name='contest_state_known'),
        ),
        migrations.AddConstraint(
            model_name='contest',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('entrant_level', 'province'), ('organiser__isnull', True), ('slug', django.db.models.functions.text.Concat(models.Value('cdd4-'), django.db.models.functions.comparison.Cast(models.F('year'), models.CharField())))), models.Q(models.Q(('entrant_level', 'province'), ('organiser__isnull', True), _negated=True), models.Q(('slug__startswith', 'cdd4-'), _negated=True)), _connector='OR'), name='contest_national_code', violation_error_message="the code cdd4-<year> belongs to that year's national contest only"),
        ),
        migrations.AlterUniqueTogether(
            name='chosenentrant',
            unique_together={('contest', 'unit')},
        ),
    ]
