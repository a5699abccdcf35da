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
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='CalendarAddress',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('secret_hash', models.CharField(max_length=64, unique=True)),
                ('made_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='made at')),
                ('read_at', models.DateTimeField(blank=True, null=True, verbose_name='last read by a calendar')),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='calendar_address', to=settings.AUTH_USER_MODEL, verbose_name='account')),
            ],
            options={
                'verbose_name': 'calendar address',
                'verbose_name_plural': 'calendar addresses',
            },
        ),
        migrations.CreateModel(
            name='AccountEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('username', models.CharField(blank=True, max_length=150, verbose_name='username typed')),
                ('kind', models.CharField(choices=[('sign_in', 'signed in'), ('failure', 'sign-in failed'), ('sign_out', 'signed out'), ('invited', 'invited'), ('accepted', 'invitation accepted'), ('reset_asked', 'reset asked'), ('reset_done', 'password reset'), ('password', 'password changed'), ('email_asked', 'e-mail change asked'), ('email', 'e-mail changed'), ('username', 'username changed'), ('role', 'role or office changed'), ('factor_added', 'second factor set up'), ('factor_removed', 'second factor removed'), ('factor_ok', 'second factor confirmed'), ('factor_failed', 'wrong second-factor code'), ('key_shown', 'set-up key shown'), ('recovery', 'recovery code used'), ('codes', 'new recovery codes'), ('provisioned', 'made or changed from a sheet'), ('deactivated', 'deactivated'), ('reactivated', 'reactivated'), ('line_linked', 'LINE linked'), ('line_unlinked', 'LINE unlinked'), ('calendar_made', 'calendar address made'), ('calendar_revoked', 'calendar address revoked')], max_length=16, verbose_name='event')),
                ('at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='when')),
                ('address', models.GenericIPAddressField(blank=True, null=True, verbose_name='from address')),
                ('agent', models.CharField(blank=True, max_length=200, verbose_name='browser')),
                ('by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='by')),
                ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='account_events', to=settings.AUTH_USER_MODEL, verbose_name='account')),
            ],
            options={
                'verbose_name': 'sign-in record',
                'verbose_name_plural': 'sign-in audit',
                'ordering': ['-at', '-pk'],
                'indexes': [models.Index(fields=['user', '-at'], name='account_event_user_at')],
            },
        ),
    ]
