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
                ('username', models.CharField(blank=True, max_length=150, verbose_name='ชื่อผู้ใช้ที่พิมพ์ / username typed')),
                ('kind', models.CharField(choices=[('sign_in', 'เข้าสู่ระบบ / signed in'), ('failure', 'เข้าสู่ระบบไม่สำเร็จ / sign-in failed'), ('sign_out', 'ออกจากระบบ / signed out'), ('invited', 'ส่งคำเชิญ / invited'), ('accepted', 'ตั้งรหัสผ่านจากคำเชิญ / invitation accepted'), ('reset_asked', 'ขอตั้งรหัสผ่านใหม่ / reset asked'), ('reset_done', 'ตั้งรหัสผ่านใหม่แล้ว / password reset'), ('password', 'เปลี่ยนรหัสผ่าน / password changed'), ('email_asked', 'ขอเปลี่ยนอีเมล / e-mail change asked'), ('email', 'เปลี่ยนอีเมลแล้ว / e-mail changed'), ('username', 'เปลี่ยนชื่อผู้ใช้ / username changed'), ('role', 'เปลี่ยนบทบาทหรือสังกัด / role or office changed'), ('factor_added', 'ตั้งค่ายืนยันตัวตนขั้นที่สอง / second factor set up'), ('factor_removed', 'ยกเลิกยืนยันตัวตนขั้นที่สอง / second factor removed'), ('factor_ok', 'ยืนยันตัวตนขั้นที่สองสำเร็จ / second factor confirmed'), ('factor_failed', 'รหัสยืนยันขั้นที่สองไม่ถูกต้อง / wrong second-factor code'), ('key_shown', 'แสดงรหัสลับสำหรับตั้งค่าแอป / set-up key shown'), ('setup_failed', 'รหัสตั้งค่าแอปไม่ถูกต้อง / wrong code while setting up the app'), ('recovery', 'ใช้รหัสสำรอง / recovery code used'), ('codes', 'สร้างรหัสสำรองชุดใหม่ / new recovery codes'), ('provisioned', 'สร้างหรือแก้บัญชีจากแฟ้ม / made or changed from a sheet'), ('deactivated', 'ปิดบัญชี / deactivated'), ('reactivated', 'เปิดบัญชีอีกครั้ง / reactivated'), ('line_linked', 'เชื่อมต่อ LINE / LINE linked'), ('line_unlinked', 'ยกเลิกการเชื่อมต่อ LINE / LINE unlinked')], max_length=16, verbose_name='เหตุการณ์ / event')),
                ('at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='เมื่อ / when')),
                ('address', models.GenericIPAddressField(blank=True, null=True, verbose_name='จากที่อยู่ / from address')),
                ('agent', models.CharField(blank=True, max_length=200, verbose_name='โปรแกรมค้นดู / browser')),
                ('by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='ทำโดย / by')),
                ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='account_events', to=settings.AUTH_USER_MODEL, verbose_name='บัญชี / account')),
            ],
            options={
                'verbose_name': 'บันทึกการเข้าใช้ / sign-in record',
                'verbose_name_plural': 'บันทึกการเข้าใช้ / sign-in audit',
                'ordering': ['-at', '-pk'],
                'indexes': [models.Index(fields=['user', '-at'], name='account_event_user_at')],
            },
        ),
    ]
