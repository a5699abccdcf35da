# The app's tables from the start, made from the models as one migration; the migrations after it change
# them on from there. A database that recorded the older chain this one replaced, and not this one, is
# refused by the check core.E001 (core/checks.py; docs/operations.md, "Migrations").

import contests.codes
import django.core.validators
import django.db.models.deletion
import uuid
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models


def unlogged(apps, schema_editor, how="UNLOGGED"):
    """Staged points are derived and short-lived: on PostgreSQL they skip the write-ahead log (a crash empties
    the table, and the recompute is run again by the beat job)."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE scoring_stagedpoints SET {how}")


def half_of_each_page_free(apps, schema_editor, fillfactor=50):
    """Half of each page of the standings left free (PostgreSQL): once its explanations are built, a standing is
    2-3 KB, so a tenth of a page (0030) held no new version of it and re-ranking the thousands an entrant passes
    wrote each elsewhere, with an entry in every index; half a page holds one, on the same page (a HOT update).
    At 75,000 villages with their texts built: one entrant's change 831-889 -> 251-261 ms (bench/RESULTS.md)."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE scoring_provinceresult SET (fillfactor = {int(fillfactor)})")


def explanations_out_of_line(apps, schema_editor, target=512):
    """A standing's explanations kept out of its row (PostgreSQL's TOAST table), and its row about 400 bytes: a
    village's texts are 9 KB, stored as 1.2 KB compressed, which PostgreSQL keeps in the row while the row stays
    under 2 KB. Re-ranking the thousands of standings an entrant passes rewrites each row and leaves the texts
    where they are; rows five times smaller fit in far fewer pages (the table, 293 MB at 75,000 villages, no longer
    outgrew PostgreSQL's 128 MB of buffers). One entrant's change at 75,000 villages with their texts built:
    206-218 -> 128-154 ms median (bench/RESULTS.md). Rows written from now on; the explanation pass writes them
    all after each recompute."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE scoring_provinceresult SET (toast_tuple_target = {int(target)})")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contests', '0001_squashed_0014_one_act_sees_a_unit'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Dimension',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(max_length=10, verbose_name='code')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                ('name_th', models.CharField(max_length=300, verbose_name='name (th)')),
                ('name_en', models.CharField(max_length=300, verbose_name='name (en)')),
                ('max_points', models.DecimalField(decimal_places=2, max_digits=7, verbose_name='maximum')),
                ('level_bands', models.JSONField(blank=True, null=True, verbose_name='dimension level bands')),
                ('archived_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='archived at')),
            ],
            options={
                'verbose_name': 'dimension',
                'verbose_name_plural': 'dimensions',
                'ordering': ['rubric', 'order'],
            },
        ),
        migrations.CreateModel(
            name='HolidayOverride',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('date', models.DateField(unique=True, verbose_name='date')),
                ('is_holiday', models.BooleanField(default=True, verbose_name='office closed')),
                ('name_th', models.CharField(max_length=200, verbose_name='name (th)')),
                ('name_en', models.CharField(blank=True, max_length=200, verbose_name='name (en)')),
                ('note', models.TextField(blank=True, verbose_name='note')),
            ],
            options={
                'verbose_name': 'holiday override',
                'verbose_name_plural': 'holiday overrides',
                'ordering': ['date'],
            },
        ),
        migrations.CreateModel(
            name='Criterion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(max_length=10, verbose_name='code')),
                ('number', models.CharField(blank=True, max_length=20, verbose_name="the document's number")),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                ('name_th', models.TextField(verbose_name='name (th)')),
                ('name_en', models.TextField(verbose_name='name (en)')),
                ('max_points', models.DecimalField(decimal_places=2, max_digits=7, verbose_name='maximum')),
                ('rule', models.JSONField(verbose_name='scoring rule')),
                ('deadline', models.DateField(blank=True, null=True, verbose_name='deadline')),
                ('rounds', models.JSONField(blank=True, default=list, verbose_name='rounds')),
                ('extra', models.BooleanField(default=False, verbose_name='extra points')),
                ('nominee', models.BooleanField(default=False, verbose_name='the nominee is the evidence')),
                ('evidence_th', models.TextField(blank=True, verbose_name='evidence (th)')),
                ('evidence_en', models.TextField(blank=True, verbose_name='evidence (en)')),
                ('channel_th', models.TextField(blank=True, verbose_name='channel (th)')),
                ('channel_en', models.TextField(blank=True, verbose_name='channel (en)')),
                ('archived_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='archived at')),
                ('dimension', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='criteria', to='scoring.dimension', verbose_name='dimension')),
            ],
            options={
                'verbose_name': 'criterion',
                'verbose_name_plural': 'criteria',
                'ordering': ['rubric', 'order'],
            },
        ),
        migrations.CreateModel(
            name='Fact',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=50, verbose_name='fact')),
                ('value', models.CharField(blank=True, max_length=200, verbose_name='value')),
                ('source', models.CharField(choices=[('import', 'file import'), ('admin', 'admin'), ('api', 'API'), ('evidence', 'evidence'), ('entrant', "the entrant's answer"), ('committee', 'committee'), ('demo', 'demo')], max_length=10, verbose_name='source')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('criterion', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='facts', to='scoring.criterion', verbose_name='criterion')),
                ('unit', models.ForeignKey(db_column='province_id', on_delete=django.db.models.deletion.PROTECT, related_name='facts', to='contests.unit', verbose_name='unit')),
                ('updated_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL, verbose_name='updated by')),
            ],
            options={
                'verbose_name': 'fact',
                'verbose_name_plural': 'facts',
                'ordering': ['unit', 'criterion__order', 'name'],
            },
        ),
        migrations.CreateModel(
            name='FactChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('old_value', models.CharField(blank=True, max_length=200, null=True, verbose_name='old value')),
                ('new_value', models.CharField(blank=True, max_length=200, verbose_name='new value')),
                ('source', models.CharField(choices=[('import', 'file import'), ('admin', 'admin'), ('api', 'API'), ('evidence', 'evidence'), ('entrant', "the entrant's answer"), ('committee', 'committee'), ('demo', 'demo')], max_length=10, verbose_name='source')),
                ('changed_at', models.DateTimeField(auto_now_add=True, verbose_name='when')),
                ('changed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL, verbose_name='by')),
                ('fact', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='changes', to='scoring.fact', verbose_name='fact')),
            ],
            options={
                'verbose_name': 'fact change',
                'verbose_name_plural': 'fact changes',
                'ordering': ['-changed_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='HolidayOverrideChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('date', models.DateField(db_index=True, verbose_name='date')),
                ('action', models.CharField(choices=[('added', 'added'), ('changed', 'changed'), ('removed', 'removed')], max_length=10, verbose_name='action')),
                ('before', models.JSONField(blank=True, null=True, verbose_name='before')),
                ('after', models.JSONField(blank=True, null=True, verbose_name='after')),
                ('changed_at', models.DateTimeField(auto_now_add=True, verbose_name='at')),
                ('changed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL, verbose_name='by')),
            ],
            options={
                'verbose_name': 'holiday change',
                'verbose_name_plural': 'holiday changes',
                'ordering': ['-changed_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='Rubric',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('period', models.CharField(blank=True, default='', max_length=20, validators=[contests.codes.validate_period_code], verbose_name='period')),
                ('period_name_th', models.CharField(blank=True, default='', max_length=100, verbose_name='period name (th)')),
                ('period_name_en', models.CharField(blank=True, default='', max_length=100, verbose_name='period name (en)')),
                ('period_order', models.PositiveSmallIntegerField(default=0, verbose_name='period order')),
                ('year', models.PositiveSmallIntegerField(verbose_name='fiscal year (B.E.)')),
                ('name_th', models.CharField(max_length=300, verbose_name='name (th)')),
                ('name_en', models.CharField(max_length=300, verbose_name='name (en)')),
                ('starts_on', models.DateField(verbose_name='starts')),
                ('ends_on', models.DateField(verbose_name='ends')),
                ('total_points', models.DecimalField(decimal_places=2, max_digits=7, verbose_name='total points')),
                ('tie_break', models.JSONField(default=list, verbose_name='tie-break order')),
                ('level_bands', models.JSONField(blank=True, null=True, verbose_name='level bands')),
                ('rounding', models.JSONField(blank=True, null=True, verbose_name='rounding')),
                ('closed_day', models.CharField(choices=[('next_working_day', 'moves to the next working day (decision 9)'), ('as_written', 'as written, not moved')], default='next_working_day', max_length=20, verbose_name='a deadline on a closed day')),
                ('show_provisional', models.BooleanField(default=False, verbose_name='show provisional points')),
                ('standings_computed_at', models.DateTimeField(blank=True, null=True, verbose_name='standings computed at')),
                ('revision', models.UUIDField(default=uuid.uuid4, editable=False, verbose_name='revision')),
                ('contest', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rubrics', to='contests.contest', verbose_name='contest')),
            ],
            options={
                'verbose_name': 'rubric',
                'verbose_name_plural': 'rubrics',
                'ordering': ['-year', 'contest_id', 'period_order'],
            },
        ),
        migrations.CreateModel(
            name='RoundsKept',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('windows', models.TextField(blank=True, verbose_name='windows')),
                ('rubric', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='scoring.rubric', verbose_name='year')),
            ],
            options={
                'verbose_name': 'rounds kept',
                'verbose_name_plural': 'rounds kept',
            },
        ),
        migrations.CreateModel(
            name='RecomputeRun',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('started_at', models.DateTimeField(db_index=True, verbose_name='started at')),
                ('duration_ms', models.PositiveIntegerField(default=0, verbose_name='duration (ms)')),
                ('rescored', models.PositiveIntegerField(default=0, verbose_name='rescored')),
                ('rubric', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='recompute_runs', to='scoring.rubric', verbose_name='rubric')),
            ],
            options={
                'ordering': ['-started_at'],
            },
        ),
        migrations.CreateModel(
            name='FreezeEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('action', models.CharField(choices=[('freeze', 'freeze'), ('unfreeze', 'unfreeze'), ('publish', 'publish'), ('withdraw', 'withdraw publication')], max_length=10, verbose_name='action')),
                ('reason', models.TextField(blank=True, verbose_name='reason')),
                ('at', models.DateTimeField(auto_now_add=True, verbose_name='when')),
                ('by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='by')),
                ('rubric', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='freeze_events', to='scoring.rubric', verbose_name='rubric')),
            ],
            options={
                'verbose_name': 'freeze event',
                'verbose_name_plural': 'freeze events',
                'ordering': ['-at', '-id'],
            },
        ),
        migrations.AddField(
            model_name='fact',
            name='rubric',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='facts', to='scoring.rubric', verbose_name='year'),
        ),
        migrations.AddField(
            model_name='dimension',
            name='rubric',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='dimensions', to='scoring.rubric', verbose_name='rubric'),
        ),
        migrations.AddField(
            model_name='criterion',
            name='rubric',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='criteria', to='scoring.rubric', verbose_name='rubric'),
        ),
        migrations.CreateModel(
            name='AwardTier',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(max_length=30, verbose_name='code')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                ('name_th', models.CharField(max_length=200, verbose_name='name (th)')),
                ('name_en', models.CharField(max_length=200, verbose_name='name (en)')),
                ('count', models.PositiveSmallIntegerField(verbose_name='how many')),
                ('prize', models.DecimalField(decimal_places=2, default=0, max_digits=10, verbose_name='prize (baht)')),
                ('prize_th', models.CharField(blank=True, max_length=300, verbose_name='prize (th)')),
                ('prize_en', models.CharField(blank=True, max_length=300, verbose_name='prize (en)')),
                ('rubric', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='award_tiers', to='scoring.rubric', verbose_name='rubric')),
            ],
            options={
                'verbose_name': 'award tier',
                'verbose_name_plural': 'award tiers',
                'db_table': 'awards_awardtier',
                'ordering': ['rubric', 'order'],
            },
        ),
        migrations.CreateModel(
            name='RubricChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('at', models.DateTimeField(auto_now_add=True, verbose_name='at')),
                ('state', models.CharField(choices=[('draft', 'draft'), ('open', 'open')], max_length=10, verbose_name='state when changed')),
                ('reason', models.TextField(blank=True, verbose_name='reason')),
                ('changes', models.JSONField(default=dict, verbose_name='what changed')),
                ('archived', models.JSONField(blank=True, default=list, verbose_name='criteria archived')),
                ('letter_number', models.CharField(blank=True, max_length=80, verbose_name='letter number')),
                ('letter_date', models.DateField(blank=True, null=True, verbose_name='letter date')),
                ('letter_file', models.FileField(blank=True, upload_to='letters/%Y/', verbose_name='letter (PDF)')),
                ('letter_sha256', models.CharField(blank=True, max_length=64, verbose_name='SHA-256')),
                ('rounds_kept', models.JSONField(blank=True, default=list, verbose_name='rounds kept on their dates')),
                ('contest', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='rubric_changes', to='contests.contest', verbose_name='contest')),
                ('rubric', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='scoring.rubric', verbose_name='rubric')),
                ('user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='by')),
            ],
            options={
                'verbose_name': 'rubric change',
                'verbose_name_plural': 'rubric changes',
                'ordering': ['-at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='StagedPoints',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('run', models.BigIntegerField(verbose_name='recompute run')),
                ('standing', models.BigIntegerField(verbose_name='standing')),
                ('unit', models.BigIntegerField(verbose_name='unit')),
                ('seq', models.PositiveBigIntegerField(verbose_name='computed sequence')),
                ('total', models.DecimalField(decimal_places=2, max_digits=7, verbose_name='total')),
                ('level', models.PositiveSmallIntegerField(null=True, verbose_name='level')),
                ('dimensions', models.JSONField(verbose_name='dimensions')),
                ('criteria', models.JSONField(verbose_name='criteria')),
                ('rank_key', models.CharField(max_length=400, verbose_name='rank key')),
                ('rubric', models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='scoring.rubric', verbose_name='year')),
            ],
            options={
                'verbose_name': 'staged points',
                'verbose_name_plural': 'staged points',
                'db_table': 'scoring_stagedpoints',
            },
        ),
        migrations.CreateModel(
            name='Standing',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('total', models.DecimalField(decimal_places=2, default=0, max_digits=7, verbose_name='total')),
                ('dimensions', models.JSONField(default=dict, verbose_name='dimensions')),
                ('criteria', models.JSONField(default=dict, verbose_name='criteria')),
                ('explanations', models.JSONField(default=dict, verbose_name='explanations')),
                ('explained', models.BooleanField(default=False, verbose_name='explanations current')),
                ('level', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='level')),
                ('rank', models.PositiveIntegerField(blank=True, null=True, verbose_name='rank')),
                ('tied', models.BooleanField(default=False, verbose_name='tied')),
                ('award', models.CharField(blank=True, max_length=30, verbose_name='award')),
                ('award_tie', models.BooleanField(default=False, verbose_name='tie at an award boundary')),
                ('rank_key', models.CharField(blank=True, default='', editable=False, max_length=400, verbose_name='rank key')),
                ('change_seq', models.PositiveBigIntegerField(default=1, verbose_name='change sequence')),
                ('computed_seq', models.PositiveBigIntegerField(default=0, verbose_name='computed sequence')),
                ('computed_at', models.DateTimeField(blank=True, null=True, verbose_name='computed at')),
                ('rubric', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='results', to='scoring.rubric', verbose_name='year')),
                ('unit', models.ForeignKey(db_column='province_id', db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='results', to='contests.unit', verbose_name='unit')),
            ],
            options={
                'verbose_name': 'standing',
                'verbose_name_plural': 'standings',
                'db_table': 'scoring_provinceresult',
                'ordering': ['rubric', 'rank', 'unit__code'],
            },
        ),
        migrations.CreateModel(
            name='EntrantRounds',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(max_length=8, verbose_name='code')),
                ('met', models.BigIntegerField(verbose_name='rounds met')),
                ('criterion', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='scoring.criterion', verbose_name='criterion')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contests.unit', verbose_name='unit')),
                ('rubric', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='scoring.rubric', verbose_name='year')),
                ('standing', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='scoring.standing', verbose_name='entrant')),
            ],
            options={
                'verbose_name': "entrant's rounds met",
                'verbose_name_plural': "entrants' rounds met",
            },
        ),
        migrations.CreateModel(
            name='EntrantKept',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('seq', models.PositiveBigIntegerField(verbose_name='change sequence')),
                ('standing', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='scoring.standing', verbose_name='entrant')),
            ],
            options={
                'verbose_name': "entrant's kept rounds",
                'verbose_name_plural': "entrants' kept rounds",
            },
        ),
        migrations.CreateModel(
            name='StandingsSnapshot',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('rows', models.JSONField(verbose_name='frozen rows')),
                ('computed_at', models.DateTimeField(null=True, verbose_name='as of')),
                ('frozen_at', models.DateTimeField(verbose_name='frozen at')),
                ('published_at', models.DateTimeField(blank=True, null=True, verbose_name='published at')),
                ('frozen_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='frozen by')),
                ('published_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='published by')),
                ('rubric', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='snapshot', to='scoring.rubric', verbose_name='rubric')),
            ],
            options={
                'verbose_name': 'frozen standings',
                'verbose_name_plural': 'frozen standings',
            },
        ),
        migrations.CreateModel(
            name='TieDecision',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('rank_key', models.CharField(max_length=400, verbose_name='rank key')),
                ('entrants', models.JSONField(verbose_name='tied entrants')),
                ('names', models.JSONField(default=list, verbose_name='names')),
                ('total', models.DecimalField(decimal_places=2, max_digits=7, verbose_name='total')),
                ('method', models.CharField(choices=[('shared', 'the award is shared'), ('vote', "by the panel's vote"), ('reason', 'by a stated reason')], max_length=10, verbose_name='how settled')),
                ('reason', models.TextField(verbose_name='reason or resolution')),
                ('decided_at', models.DateTimeField(auto_now_add=True, verbose_name='when')),
                ('decided_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='decided by')),
                ('rubric', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tie_decisions', to='scoring.rubric', verbose_name='rubric')),
            ],
            options={
                'verbose_name': 'tie decision',
                'verbose_name_plural': 'tie decisions',
                'ordering': ['rubric', '-decided_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='YearSettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('standings_visible_to_entrants', models.BooleanField(db_column='standings_visible_to_provinces', default=False, verbose_name='provinces see their standing')),
                ('reminder_working_days', models.PositiveSmallIntegerField(default=3, verbose_name='remind N working days before')),
                ('award_min_total', models.DecimalField(decimal_places=2, default=Decimal('0.01'), max_digits=7, validators=[django.core.validators.MinValueValidator(Decimal('0.01'))], verbose_name='minimum total for an award')),
                ('rubric', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='year_settings', to='scoring.rubric', verbose_name='rubric')),
            ],
            options={
                'verbose_name': 'year settings',
                'verbose_name_plural': 'year settings',
            },
        ),
        migrations.AddConstraint(
            model_name='rubric',
            constraint=models.UniqueConstraint(fields=('contest', 'period'), name='rubric_one_per_period'),
        ),
        migrations.AddConstraint(
            model_name='rubric',
            constraint=models.CheckConstraint(condition=models.Q(('ends_on__gt', models.F('starts_on'))), name='rubric_ends_after_start'),
        ),
        migrations.AddConstraint(
            model_name='rubric',
            constraint=models.CheckConstraint(condition=models.Q(('total_points__gt', 0)), name='rubric_total_positive'),
        ),
        migrations.AddConstraint(
            model_name='freezeevent',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('action', 'unfreeze'), _negated=True), models.Q(('reason', ''), _negated=True), _connector='OR'), name='freeze_event_unfreeze_needs_reason'),
        ),
        migrations.AddConstraint(
            model_name='freezeevent',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('action', 'withdraw'), _negated=True), models.Q(('reason', ''), _negated=True), _connector='OR'), name='freeze_event_withdraw_needs_reason'),
        ),
        migrations.AddConstraint(
            model_name='fact',
            constraint=models.UniqueConstraint(fields=('criterion', 'unit', 'name'), name='fact_unique'),
        ),
        migrations.AddConstraint(
            model_name='dimension',
            constraint=models.UniqueConstraint(fields=('rubric', 'code'), name='dimension_code_unique'),
        ),
        migrations.AddConstraint(
            model_name='dimension',
            constraint=models.CheckConstraint(condition=models.Q(('max_points__gte', 0)), name='dimension_max_not_negative'),
        ),
        migrations.AddConstraint(
            model_name='criterion',
            constraint=models.UniqueConstraint(fields=('rubric', 'code'), name='criterion_code_unique'),
        ),
        migrations.AddConstraint(
            model_name='criterion',
            constraint=models.CheckConstraint(condition=models.Q(('max_points__gte', 0)), name='criterion_max_not_negative'),
        ),
        migrations.AddConstraint(
            model_name='awardtier',
            constraint=models.UniqueConstraint(fields=('rubric', 'code'), name='award_tier_code_unique'),
        ),
        migrations.AddConstraint(
            model_name='awardtier',
            constraint=models.CheckConstraint(condition=models.Q(('count__gt', 0)), name='award_tier_count_positive'),
        ),
        migrations.AddConstraint(
            model_name='awardtier',
            constraint=models.CheckConstraint(condition=models.Q(('prize__gte', 0)), name='award_tier_prize_not_negative'),
        ),
        migrations.AddConstraint(
            model_name='rubricchange',
            constraint=models.CheckConstraint(condition=models.Q(('state__in', ['draft', 'open'])), name='rubric_change_state_known'),
        ),
        migrations.AddConstraint(
            model_name='rubricchange',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('letter_date__isnull', True), ('letter_number', '')), models.Q(models.Q(('letter_number', ''), _negated=True), ('letter_date__isnull', False)), _connector='OR'), name='rubric_change_letter_number_and_date'),
        ),
        migrations.AddIndex(
            model_name='standing',
            index=models.Index(condition=models.Q(('change_seq__gt', models.F('computed_seq'))), fields=['rubric'], name='result_stale'),
        ),
        migrations.AddIndex(
            model_name='standing',
            index=models.Index(fields=['rubric', 'rank_key'], name='result_rank_key'),
        ),
        migrations.AddConstraint(
            model_name='standing',
            constraint=models.UniqueConstraint(fields=('rubric', 'unit'), name='result_unique'),
        ),
        migrations.AddIndex(
            model_name='entrantrounds',
            index=models.Index(fields=['rubric', 'criterion', 'code'], name='entrant_rounds_by_code'),
        ),
        migrations.AddConstraint(
            model_name='entrantrounds',
            constraint=models.UniqueConstraint(fields=('standing', 'criterion'), name='entrant_rounds_unique'),
        ),
        migrations.AddConstraint(
            model_name='tiedecision',
            constraint=models.CheckConstraint(condition=models.Q(('reason', ''), _negated=True), name='tie_decision_reason_given'),
        ),
        migrations.AddConstraint(
            model_name='tiedecision',
            constraint=models.CheckConstraint(condition=models.Q(('method__in', ['shared', 'vote', 'reason'])), name='tie_decision_method_known'),
        ),
        migrations.AddConstraint(
            model_name='yearsettings',
            constraint=models.CheckConstraint(condition=models.Q(('award_min_total__gt', 0)), name='year_settings_award_min_above_zero'),
        ),
        migrations.RunPython(unlogged, migrations.RunPython.noop),
        migrations.RunPython(half_of_each_page_free, migrations.RunPython.noop),
        migrations.RunPython(explanations_out_of_line, migrations.RunPython.noop),
    ]
