# LINE's models (the link, the live link code, the month's pushes) move here from accounts, keeping their tables
# and rows: state only. accounts 0010 removes them from accounts' state after this one.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from core.migration_ops import move_content_type


class Migration(migrations.Migration):

    dependencies = [
        ('notices', '0007_kinds_and_states_of_the_three_changes'),
        ('accounts', '0009_event_kinds_of_both_changes'),  # the three tables exist
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
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
            ],
            database_operations=[],
        ),
        move_content_type('linelink', 'accounts', 'notices'),
        move_content_type('linelinkcode', 'accounts', 'notices'),
        move_content_type('linepushmonth', 'accounts', 'notices'),
    ]
