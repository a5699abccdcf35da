# One migration for the app's whole chain, made from the models by tools/squash_migrations.py (run it again,
# never edit this file). A database that applied the old chain records this one as applied too; the old files
# stay until every deployed database has applied this one (docs/operations.md, "Squashed migrations").

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ('notices', '0001_notices_outbox_and_inbox'),
        ('notices', '0002_notice_kinds_account_invited'),
        ('notices', '0003_judging_deadline_and_pick_due_kinds'),
    ]

    dependencies = [
        ('contests', '0001_squashed_0012_labels_and_village_level'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Notice',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('deadline_moved', 'Deadline moved'), ('question_asked', 'Clarification asked'), ('question_answered', 'Clarification answered'), ('evidence_received', 'Evidence received'), ('results_frozen', 'Results frozen'), ('results_published', 'Results published'), ('results_withdrawn', 'Results withdrawn'), ('contest_opened', 'Contest opened'), ('tie_waiting', 'Tie at an award line waiting'), ('final_waiting', 'Members disagree: a final score waiting'), ('account_invited', 'Account invited'), ('invitation_accepted', 'Invitation accepted'), ('judging_deadline', 'Judging deadline set or moved'), ('pick_due', 'Entrants to pick for the next stage')], max_length=24, verbose_name='kind')),
                ('about', models.CharField(blank=True, max_length=60, verbose_name='about')),
                ('params', models.JSONField(blank=True, default=dict)),
                ('link', models.CharField(blank=True, max_length=300, verbose_name='link')),
                ('key', models.CharField(max_length=200)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='created at')),
                ('contest', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='notices', to='contests.contest')),
                ('unit', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contests.unit')),
            ],
            options={
                'verbose_name': 'notice',
                'verbose_name_plural': 'notices',
                'ordering': ['-created_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='Preference',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('channel', models.CharField(max_length=20, verbose_name='channel')),
                ('mode', models.CharField(choices=[('immediate', 'At once for what needs action soon, the rest in a daily digest'), ('digest', 'Everything in one daily digest'), ('none', 'Do not send')], default='immediate', max_length=10, verbose_name='how')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notice_preferences', to=settings.AUTH_USER_MODEL)),
            ],
        ),
        migrations.CreateModel(
            name='Receipt',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('read_at', models.DateTimeField(blank=True, null=True, verbose_name='read at')),
                ('notice', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='receipts', to='notices.notice')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notice_receipts', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-notice__created_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='Delivery',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('channel', models.CharField(max_length=20, verbose_name='channel')),
                ('state', models.CharField(choices=[('pending', 'waiting to be sent'), ('sent', 'sent'), ('failed', 'failed'), ('skipped', 'not sent (the person chose none)')], default='pending', max_length=8, verbose_name='state')),
                ('digest', models.BooleanField(default=False, verbose_name='in the daily digest')),
                ('attempts', models.PositiveSmallIntegerField(default=0)),
                ('next_try', models.DateTimeField(default=django.utils.timezone.now)),
                ('last_error', models.CharField(blank=True, max_length=500)),
                ('sent_at', models.DateTimeField(blank=True, null=True)),
                ('receipt', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='deliveries', to='notices.receipt')),
            ],
        ),
        migrations.AddConstraint(
            model_name='notice',
            constraint=models.UniqueConstraint(fields=('key',), name='notice_key_unique'),
        ),
        migrations.AddConstraint(
            model_name='preference',
            constraint=models.UniqueConstraint(fields=('user', 'channel'), name='preference_once_per_channel'),
        ),
        migrations.AddIndex(
            model_name='receipt',
            index=models.Index(condition=models.Q(('read_at__isnull', True)), fields=['user'], name='receipt_unread'),
        ),
        migrations.AddConstraint(
            model_name='receipt',
            constraint=models.UniqueConstraint(fields=('notice', 'user'), name='receipt_once'),
        ),
        migrations.AddIndex(
            model_name='delivery',
            index=models.Index(condition=models.Q(('state', 'pending')), fields=['digest', 'next_try'], name='delivery_due'),
        ),
        migrations.AddConstraint(
            model_name='delivery',
            constraint=models.UniqueConstraint(fields=('receipt', 'channel'), name='delivery_once_per_channel'),
        ),
    ]
