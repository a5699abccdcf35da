# The app's tables from the start, made from the models as one migration; the migrations after it change
# them on from there. A database that recorded the older chain this one replaced, and not this one, is
# refused by the check core.E001 (core/checks.py; docs/operations.md, "Migrations").

import django.db.models.deletion
import django.utils.timezone
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
            name='LinePushMonth',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('month', models.DateField(unique=True, verbose_name='month')),
                ('pushes', models.PositiveIntegerField(default=0, verbose_name='pushes')),
            ],
            options={
                'verbose_name': 'LINE pushes in a month',
                'verbose_name_plural': 'LINE pushes per month',
                'db_table': 'accounts_linepushmonth',
            },
        ),
        migrations.CreateModel(
            name='LineLink',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('line_user_id', models.CharField(max_length=64, unique=True, verbose_name='LINE user ID')),
                ('linked_at', models.DateTimeField(auto_now_add=True, verbose_name='linked at')),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='line_link', to=settings.AUTH_USER_MODEL, verbose_name='account')),
            ],
            options={
                'verbose_name': 'linked LINE',
                'verbose_name_plural': 'linked LINE accounts',
                'db_table': 'accounts_linelink',
            },
        ),
        migrations.CreateModel(
            name='LineLinkCode',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code_hash', models.CharField(max_length=64, unique=True)),
                ('expires_at', models.DateTimeField()),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'db_table': 'accounts_linelinkcode',
            },
        ),
        migrations.CreateModel(
            name='Notice',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('deadline_moved', 'Deadline moved'), ('question_asked', 'Clarification asked'), ('question_answered', 'Clarification answered'), ('evidence_received', 'Evidence received'), ('results_frozen', 'Results frozen'), ('results_published', 'Results published'), ('results_withdrawn', 'Results withdrawn'), ('contest_opened', 'Contest opened'), ('tie_waiting', 'Tie at an award line waiting'), ('final_waiting', 'Members disagree: a final score waiting'), ('account_invited', 'Account invited'), ('invitation_accepted', 'Invitation accepted'), ('judging_deadline', 'Judging deadline set or moved'), ('pick_due', 'Entrants to pick for the next stage'), ('line_linked', 'LINE linked to the account'), ('reminder_due', 'Reminder: due in a few working days'), ('reminder_overdue', 'Reminder: overdue')], max_length=24, verbose_name='kind')),
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
                ('notice', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='receipts', to='notices.notice')),
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
                ('state', models.CharField(choices=[('pending', 'waiting to be sent'), ('sent', 'sent'), ('failed', 'failed'), ('skipped', 'not sent (the person chose none)'), ('dropped', 'not sent (no longer theirs to know, or the account closed)'), ('met', 'not sent (what it reminded of was done first)')], default='pending', max_length=8, verbose_name='state')),
                ('digest', models.BooleanField(default=False, verbose_name='in the daily digest')),
                ('attempts', models.PositiveSmallIntegerField(default=0)),
                ('next_try', models.DateTimeField(default=django.utils.timezone.now)),
                ('last_error', models.CharField(blank=True, max_length=500)),
                ('sent_at', models.DateTimeField(blank=True, null=True)),
                ('receipt', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='deliveries', to='notices.receipt')),
            ],
        ),
        migrations.CreateModel(
            name='Reminder',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('obligation', models.CharField(max_length=120, verbose_name='obligation')),
                ('due_on', models.DateField(verbose_name='due on')),
                ('kind', models.CharField(choices=[('deadline_moved', 'Deadline moved'), ('question_asked', 'Clarification asked'), ('question_answered', 'Clarification answered'), ('evidence_received', 'Evidence received'), ('results_frozen', 'Results frozen'), ('results_published', 'Results published'), ('results_withdrawn', 'Results withdrawn'), ('contest_opened', 'Contest opened'), ('tie_waiting', 'Tie at an award line waiting'), ('final_waiting', 'Members disagree: a final score waiting'), ('account_invited', 'Account invited'), ('invitation_accepted', 'Invitation accepted'), ('judging_deadline', 'Judging deadline set or moved'), ('pick_due', 'Entrants to pick for the next stage'), ('line_linked', 'LINE linked to the account'), ('reminder_due', 'Reminder: due in a few working days'), ('reminder_overdue', 'Reminder: overdue')], max_length=24, verbose_name='kind')),
                ('notice', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reminders', to='notices.notice')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'reminder told',
                'verbose_name_plural': 'reminders told',
            },
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
        migrations.AddIndex(
            model_name='reminder',
            index=models.Index(fields=['due_on'], name='reminder_due_on'),
        ),
        migrations.AddConstraint(
            model_name='reminder',
            constraint=models.UniqueConstraint(fields=('obligation', 'due_on', 'kind', 'user'), name='reminder_once_per_obligation_person_kind'),
        ),
        migrations.AddConstraint(
            model_name='reminder',
            constraint=models.CheckConstraint(condition=models.Q(('kind__in', ['reminder_due', 'reminder_overdue'])), name='reminder_of_a_reminder_kind'),
        ),
    ]
