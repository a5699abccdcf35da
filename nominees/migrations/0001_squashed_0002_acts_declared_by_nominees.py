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
            name='Nominee',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name_th', models.CharField(max_length=150, verbose_name='full name (th)')),
                ('position_th', models.CharField(max_length=200, verbose_name='position (th)')),
                ('name_en', models.CharField(blank=True, max_length=150, verbose_name='name (en)')),
                ('employment', models.CharField(blank=True, choices=[('civil_servant', 'civil servant'), ('government_employee', 'government employee'), ('permanent_employee', 'permanent employee'), ('temporary_employee', 'temporary employee'), ('contractor', 'service contractor')], max_length=20, verbose_name='employment type')),
                ('state', models.CharField(choices=[('active', 'nominated'), ('withdrawn', 'withdrawn')], default='active', max_length=12, verbose_name='state')),
                ('submitted_at', models.DateTimeField(verbose_name='submitted at')),
                ('version', models.PositiveIntegerField(default=1, verbose_name='version')),
                ('contest', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='nominees', to='contests.contest', verbose_name='contest')),
                ('office', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contests.unit', verbose_name='office worked in')),
                ('submitted_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='submitted by')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='nominees', to='contests.unit', verbose_name='nominating office')),
            ],
            options={
                'verbose_name': 'nominee',
                'verbose_name_plural': 'nominees',
                'db_table': 'scoring_nominee',
                'ordering': ['contest', 'unit__dopa_code'],
            },
        ),
        migrations.CreateModel(
            name='NomineeVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name_th', models.CharField(max_length=150, verbose_name='full name (th)')),
                ('position_th', models.CharField(max_length=200, verbose_name='position (th)')),
                ('name_en', models.CharField(blank=True, max_length=150, verbose_name='name (en)')),
                ('employment', models.CharField(blank=True, choices=[('civil_servant', 'civil servant'), ('government_employee', 'government employee'), ('permanent_employee', 'permanent employee'), ('temporary_employee', 'temporary employee'), ('contractor', 'service contractor')], max_length=20, verbose_name='employment type')),
                ('state', models.CharField(choices=[('active', 'nominated'), ('withdrawn', 'withdrawn')], default='active', max_length=12, verbose_name='state')),
                ('submitted_at', models.DateTimeField(verbose_name='submitted at')),
                ('version', models.PositiveIntegerField(verbose_name='version')),
                ('nominee', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='versions', to='nominees.nominee')),
                ('office', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contests.unit', verbose_name='office worked in')),
                ('submitted_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='submitted by')),
            ],
            options={
                'verbose_name': 'nominee history',
                'verbose_name_plural': 'nominee history',
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
