# AwardTier is rubric data: it moves here from awards, keeping its table (awards_awardtier) and rows.
# State only; awards 0004 removes it from awards' state.

import django.db.models.deletion
from django.db import migrations, models

from core.migration_ops import move_content_type


class Migration(migrations.Migration):

    dependencies = [
        ('scoring', '0007_holiday_override_changes'),
        ('awards', '0003_signing_certificate'),  # the table exists
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='AwardTier',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('code', models.CharField(max_length=30, verbose_name='รหัส / code')),
                        ('order', models.PositiveSmallIntegerField(default=0)),
                        ('name_th', models.CharField(max_length=200, verbose_name='ชื่อรางวัล / name (th)')),
                        ('name_en', models.CharField(max_length=200, verbose_name='ชื่อรางวัล / name (en)')),
                        ('count', models.PositiveSmallIntegerField(verbose_name='จำนวนรางวัล / how many')),
                        ('prize', models.DecimalField(decimal_places=2, default=0, max_digits=10, verbose_name='เงินรางวัล (บาท) / prize (baht)')),
                        ('prize_th', models.CharField(blank=True, max_length=300, verbose_name='ของรางวัล / prize (th)')),
                        ('prize_en', models.CharField(blank=True, max_length=300, verbose_name='ของรางวัล / prize (en)')),
                        ('rubric', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='award_tiers', to='scoring.rubric')),
                    ],
                    options={
                        'verbose_name': 'ระดับรางวัล / award tier',
                        'verbose_name_plural': 'ระดับรางวัล / award tiers',
                        'ordering': ['rubric', 'order'],
                        'db_table': 'awards_awardtier',
                        'constraints': [models.UniqueConstraint(fields=('rubric', 'code'), name='award_tier_code_unique'), models.CheckConstraint(condition=models.Q(('count__gt', 0)), name='award_tier_count_positive'), models.CheckConstraint(condition=models.Q(('prize__gte', 0)), name='award_tier_prize_not_negative')],
                    },
                ),
            ],
            database_operations=[],
        ),
        move_content_type('awardtier', 'awards', 'scoring'),
    ]
