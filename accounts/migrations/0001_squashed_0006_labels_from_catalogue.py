# One migration for the app's whole chain, made from the models by tools/squash_migrations.py (run it again,
# never edit this file). A database that applied the old chain records this one as applied too; the old files
# stay until every deployed database has applied this one (docs/operations.md, "Squashed migrations").

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    replaces = [
        ('accounts', '0001_initial'),
        ('accounts', '0002_account_event_reactivated'),
        ('accounts', '0003_account_event_setup_key'),
        ('accounts', '0004_account_event_username_and_role_changes'),
        ('accounts', '0005_account_event_line_and_line_links'),
        ('accounts', '0006_labels_from_catalogue'),
    ]

    dependencies = [
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
        ),
        migrations.CreateModel(
            name='AccountEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('username', models.CharField(blank=True, max_length=150, verbose_name='username typed')),
                ('kind', models.CharField(choices=[('sign_in', 'signed in'), ('failure', 'sign-in failed'), ('sign_out', 'signed out'), ('invited', 'invited'), ('accepted', 'invitation accepted'), ('reset_asked', 'reset asked'), ('reset_done', 'password reset'), ('password', 'password changed'), ('email_asked', 'e-mail change asked'), ('email', 'e-mail changed'), ('username', 'username changed'), ('role', 'role or office changed'), ('factor_added', 'second factor set up'), ('factor_removed', 'second factor removed'), ('factor_ok', 'second factor confirmed'), ('factor_failed', 'wrong second-factor code'), ('key_shown', 'set-up key shown'), ('setup_failed', 'wrong code while setting up the app'), ('recovery', 'recovery code used'), ('codes', 'new recovery codes'), ('provisioned', 'made or changed from a sheet'), ('deactivated', 'deactivated'), ('reactivated', 'reactivated'), ('line_linked', 'LINE linked'), ('line_unlinked', 'LINE unlinked')], max_length=16, verbose_name='event')),
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
