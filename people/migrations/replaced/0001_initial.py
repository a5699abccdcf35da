# Membership (from scoring) and Conflict (from committee) move here, keeping their tables and rows.
# State only; scoring 0009 and committee 0002 remove them from their old apps' state.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from core.migration_ops import move_content_type


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('scoring', '0008_awardtier_from_awards'),  # scoring_membership exists
        ('committee', '0001_initial'),  # committee_conflict exists
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Membership',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('role', models.CharField(choices=[('provincial', 'เจ้าหน้าที่จังหวัด / provincial staff'), ('committee', 'กรรมการ / committee member'), ('chair', 'ประธานกรรมการ / committee chair'), ('central', 'เจ้าหน้าที่ส่วนกลาง / central staff')], max_length=12, verbose_name='บทบาท / role')),
                        ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='membership', to=settings.AUTH_USER_MODEL)),
                        ('province', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='staff', to='scoring.province')),
                    ],
                    options={
                        'verbose_name': 'บทบาทผู้ใช้ / membership',
                        'verbose_name_plural': 'บทบาทผู้ใช้ / memberships',
                        'db_table': 'scoring_membership',
                        'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('role', 'provincial'), ('province__isnull', False)), models.Q(models.Q(('role', 'provincial'), _negated=True), ('province__isnull', True)), _connector='OR'), name='membership_province_iff_provincial')],
                    },
                ),
                migrations.CreateModel(
                    name='Conflict',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('reason', models.CharField(blank=True, max_length=300, verbose_name='เหตุผล / reason')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='บันทึกเมื่อ / recorded at')),
                        ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('member', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='conflicts', to=settings.AUTH_USER_MODEL, verbose_name='กรรมการ / member')),
                        ('province', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='committee_conflicts', to='scoring.province', verbose_name='จังหวัด / province')),
                    ],
                    options={
                        'verbose_name': 'ส่วนได้เสีย / conflict of interest',
                        'verbose_name_plural': 'ส่วนได้เสีย / conflicts of interest',
                        'ordering': ['member_id', 'province__code'],
                        'db_table': 'committee_conflict',
                        'constraints': [models.UniqueConstraint(fields=('member', 'province'), name='conflict_unique')],
                    },
                ),
            ],
            database_operations=[],
        ),
        move_content_type('membership', 'scoring', 'people'),
        move_content_type('conflict', 'committee', 'people'),
    ]
