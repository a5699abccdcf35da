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
            name='Clarification',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('status', models.CharField(choices=[('open', 'waiting for the province'), ('answered', 'answered'), ('closed', 'closed')], default='open', max_length=10, verbose_name='status')),
                ('opened_at', models.DateTimeField(auto_now_add=True, verbose_name='opened at')),
                ('closed_at', models.DateTimeField(blank=True, null=True, verbose_name='closed at')),
                ('closed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='closed by')),
                ('criterion', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='scoring.criterion', verbose_name='criterion')),
                ('opened_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='opened by')),
                ('rubric', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='scoring.rubric', verbose_name='year')),
                ('unit', models.ForeignKey(db_column='province_id', on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contests.unit', verbose_name='unit')),
            ],
            options={
                'verbose_name': 'clarification',
                'verbose_name_plural': 'clarifications',
                'ordering': ['-opened_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='ClarificationMessage',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('question', "committee's question"), ('reply', "province's reply"), ('close', 'closed')], max_length=10, verbose_name='kind')),
                ('body', models.TextField(verbose_name='message')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='when')),
                ('author', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='by')),
                ('clarification', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='messages', to='committee.clarification', verbose_name='clarification')),
            ],
            options={
                'verbose_name': 'clarification message',
                'verbose_name_plural': 'clarification messages',
                'ordering': ['created_at', 'id'],
            },
        ),
        migrations.CreateModel(
            name='Judgment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('points', models.DecimalField(decimal_places=2, max_digits=7, verbose_name='points')),
                ('items', models.JSONField(blank=True, default=list, verbose_name='items met')),
                ('note', models.TextField(blank=True, verbose_name='note')),
                ('version', models.PositiveIntegerField(default=1, verbose_name='version')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('criterion', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='scoring.criterion', verbose_name='criterion')),
                ('member', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='judgments', to=settings.AUTH_USER_MODEL, verbose_name='member')),
                ('rubric', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='scoring.rubric', verbose_name='year')),
                ('unit', models.ForeignKey(db_column='province_id', on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contests.unit', verbose_name='unit')),
            ],
            options={
                'verbose_name': 'judgment',
                'verbose_name_plural': 'judgments',
                'ordering': ['unit__code', 'criterion__order', 'member_id'],
            },
        ),
        migrations.CreateModel(
            name='Override',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('points', models.DecimalField(blank=True, decimal_places=2, max_digits=7, null=True, verbose_name='points')),
                ('reason', models.TextField(verbose_name='reason')),
                ('version', models.PositiveIntegerField(default=1, verbose_name='version')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='recorded by')),
                ('criterion', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='scoring.criterion', verbose_name='criterion')),
                ('rubric', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='scoring.rubric', verbose_name='year')),
                ('unit', models.ForeignKey(db_column='province_id', on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contests.unit', verbose_name='unit')),
            ],
            options={
                'verbose_name': 'override',
                'verbose_name_plural': 'overrides',
                'ordering': ['unit__code', 'criterion__order'],
            },
        ),
        migrations.CreateModel(
            name='PanelChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('action', models.CharField(choices=[('appoint', 'appointed'), ('chair', 'made chair'), ('member', 'made a member'), ('remove', 'removed')], max_length=8, verbose_name='action')),
                ('at', models.DateTimeField(auto_now_add=True, verbose_name='when')),
                ('by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='by')),
                ('contest', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contests.contest', verbose_name='contest')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='member')),
            ],
            options={
                'verbose_name': 'panel change',
                'verbose_name_plural': 'panel history',
                'ordering': ['-at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='Panelist',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('is_chair', models.BooleanField(default=False, verbose_name='chair')),
                ('appointed_at', models.DateTimeField(auto_now_add=True, verbose_name='appointed at')),
                ('appointed_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='appointed by')),
                ('contest', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='panelists', to='contests.contest', verbose_name='contest')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='panel_seats', to=settings.AUTH_USER_MODEL, verbose_name='member')),
            ],
            options={
                'verbose_name': 'contest panelist',
                'verbose_name_plural': 'contest panel',
                'ordering': ['-is_chair', 'user__username'],
            },
        ),
        migrations.CreateModel(
            name='ScoreChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('judgment', "member's score"), ('chair_final', "chair's final"), ('override', 'override of computed points')], max_length=12, verbose_name='kind')),
                ('old_points', models.DecimalField(blank=True, decimal_places=2, max_digits=7, null=True, verbose_name='old points')),
                ('new_points', models.DecimalField(blank=True, decimal_places=2, max_digits=7, null=True, verbose_name='new points')),
                ('old_items', models.JSONField(blank=True, null=True, verbose_name='old items')),
                ('new_items', models.JSONField(blank=True, null=True, verbose_name='new items')),
                ('reason', models.TextField(blank=True, verbose_name='reason or note')),
                ('source', models.CharField(choices=[('admin', 'admin'), ('api', 'API'), ('import', 'import')], max_length=8, verbose_name='source')),
                ('changed_at', models.DateTimeField(auto_now_add=True, verbose_name='when')),
                ('changed_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='by')),
                ('criterion', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='scoring.criterion', verbose_name='criterion')),
                ('member', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='score of')),
                ('rubric', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='scoring.rubric', verbose_name='year')),
                ('unit', models.ForeignKey(db_column='province_id', on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contests.unit', verbose_name='unit')),
            ],
            options={
                'verbose_name': 'score change',
                'verbose_name_plural': 'score history',
                'ordering': ['-changed_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='ChairFinal',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('points', models.DecimalField(blank=True, decimal_places=2, max_digits=7, null=True, verbose_name='points')),
                ('reason', models.TextField(verbose_name='reason')),
                ('version', models.PositiveIntegerField(default=1, verbose_name='version')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='recorded by')),
                ('criterion', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='scoring.criterion', verbose_name='criterion')),
                ('rubric', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='scoring.rubric', verbose_name='year')),
                ('unit', models.ForeignKey(db_column='province_id', on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contests.unit', verbose_name='unit')),
            ],
            options={
                'verbose_name': "chair's final score",
                'verbose_name_plural': "chair's final scores",
                'ordering': ['unit__code', 'criterion__order'],
                'constraints': [models.UniqueConstraint(fields=('unit', 'criterion'), name='chair_final_unique'), models.CheckConstraint(condition=models.Q(('points__isnull', True), ('points__gte', 0), _connector='OR'), name='chair_final_points')],
            },
        ),
        migrations.AddConstraint(
            model_name='clarification',
            constraint=models.UniqueConstraint(condition=models.Q(('status', 'closed'), _negated=True), fields=('unit', 'criterion'), name='clarification_one_running'),
        ),
        migrations.AddConstraint(
            model_name='clarification',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('closed_at__isnull', False), ('status', 'closed')), models.Q(models.Q(('status', 'closed'), _negated=True), ('closed_at__isnull', True)), _connector='OR'), name='clarification_closed_iff_closed_at'),
        ),
        migrations.AddIndex(
            model_name='judgment',
            index=models.Index(fields=['rubric', 'unit', 'criterion'], name='judgment_cell_idx'),
        ),
        migrations.AddConstraint(
            model_name='judgment',
            constraint=models.UniqueConstraint(fields=('member', 'unit', 'criterion'), name='judgment_unique_per_member'),
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
            constraint=models.UniqueConstraint(fields=('unit', 'criterion'), name='override_unique'),
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
            index=models.Index(fields=['rubric', 'unit', 'criterion'], name='score_change_cell_idx'),
        ),
    ]
