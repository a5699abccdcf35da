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
            name='Conflict',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('reason', models.CharField(blank=True, max_length=300, verbose_name='reason')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='recorded at')),
                ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='created by')),
                ('member', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='conflicts', to=settings.AUTH_USER_MODEL, verbose_name='member')),
                ('unit', models.ForeignKey(db_column='province_id', on_delete=django.db.models.deletion.PROTECT, related_name='committee_conflicts', to='contests.unit', verbose_name='unit')),
            ],
            options={
                'verbose_name': 'conflict of interest',
                'verbose_name_plural': 'conflicts of interest',
                'db_table': 'committee_conflict',
                'ordering': ['member_id', 'unit__code'],
                'constraints': [models.UniqueConstraint(fields=('member', 'unit'), name='conflict_unique')],
            },
        ),
        migrations.CreateModel(
            name='Membership',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('role', models.CharField(choices=[('provincial', 'office staff'), ('committee', 'committee member'), ('chair', 'committee chair'), ('central', 'central staff'), ('organiser', 'contest organiser (an office)')], max_length=12, verbose_name='role')),
                ('unit', models.ForeignKey(blank=True, db_column='province_id', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='staff', to='contests.unit', verbose_name='unit')),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='membership', to=settings.AUTH_USER_MODEL, verbose_name='user')),
            ],
            options={
                'verbose_name': 'membership',
                'verbose_name_plural': 'memberships',
                'db_table': 'scoring_membership',
                'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('role__in', ['provincial', 'organiser']), ('unit__isnull', False)), models.Q(models.Q(('role__in', ['provincial', 'organiser']), _negated=True), ('unit__isnull', True)), _connector='OR'), name='membership_office_iff_office_role')],
            },
        ),
    ]
