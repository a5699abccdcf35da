# Issue #16: Province holds every administrative unit (province, district, subdistrict).
import django.db.models.deletion
import django.db.models.functions.text
from django.db import migrations, models


def fill_dopa_codes(apps, schema_editor):
    # The existing rows are the 76 provincial offices; ISO 3166-2 TH-xx is DOPA province xx.
    Province = apps.get_model("scoring", "Province")
    rows = list(Province.objects.all())
    for row in rows:
        row.dopa_code = row.code.removeprefix("TH-")
    Province.objects.bulk_update(rows, ["dopa_code"])


class Migration(migrations.Migration):
    dependencies = [
        ("scoring", "0009_membership_to_people"),
    ]

    operations = [
        migrations.AddField(
            model_name="province",
            name="dopa_code",
            field=models.CharField(max_length=6, null=True, verbose_name="รหัสกรมการปกครอง / DOPA code"),
        ),
        migrations.AddField(
            model_name="province",
            name="is_cdd_office",
            field=models.BooleanField(default=True, verbose_name="เป็นสำนักงานพัฒนาชุมชน / CDD office"),
        ),
        migrations.AddField(
            model_name="province",
            name="level",
            field=models.CharField(
                choices=[
                    ("province", "จังหวัด / province"),
                    ("district", "อำเภอ / district"),
                    ("subdistrict", "ตำบล / subdistrict"),
                ],
                default="province",
                max_length=11,
                verbose_name="ระดับ / level",
            ),
        ),
        migrations.AddField(
            model_name="province",
            name="parent",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="children",
                to="scoring.province",
                verbose_name="หน่วยเหนือ / parent",
            ),
        ),
        migrations.RunPython(fill_dopa_codes, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="province",
            name="dopa_code",
            field=models.CharField(max_length=6, unique=True, verbose_name="รหัสกรมการปกครอง / DOPA code"),
        ),
        migrations.AlterField(
            model_name="province",
            name="code",
            field=models.CharField(max_length=6, unique=True, verbose_name="รหัส / code"),
        ),
        migrations.AlterField(
            model_name="province",
            name="name_en",
            field=models.CharField(max_length=100, verbose_name="ชื่อภาษาอังกฤษ / name (en)"),
        ),
        migrations.AlterField(
            model_name="province",
            name="name_th",
            field=models.CharField(max_length=100, verbose_name="ชื่อ / name (th)"),
        ),
        migrations.AlterField(
            model_name="province",
            name="region",
            field=models.CharField(
                blank=True,
                choices=[
                    ("north", "ภาคเหนือ / North"),
                    ("northeast", "ภาคตะวันออกเฉียงเหนือ / Northeast"),
                    ("central", "ภาคกลาง / Central"),
                    ("east", "ภาคตะวันออก / East"),
                    ("west", "ภาคตะวันตก / West"),
                    ("south", "ภาคใต้ / South"),
                ],
                max_length=10,
                verbose_name="ภาค / region",
            ),
        ),
        migrations.AlterField(
            model_name="province",
            name="size_group",
            field=models.CharField(
                blank=True,
                choices=[
                    ("small", "จังหวัดขนาดเล็ก / small"),
                    ("medium", "จังหวัดขนาดกลาง / medium"),
                    ("large", "จังหวัดขนาดใหญ่ / large"),
                ],
                max_length=10,
                verbose_name="ขนาดจังหวัด / size group",
            ),
        ),
        migrations.AddConstraint(
            model_name="province",
            constraint=models.UniqueConstraint(fields=("parent", "name_th"), name="unit_name_th_per_parent"),
        ),
        migrations.AddConstraint(
            model_name="province",
            constraint=models.UniqueConstraint(
                condition=models.Q(("level", "province")), fields=("name_th",), name="unit_province_name_th_unique"
            ),
        ),
        migrations.AddConstraint(
            model_name="province",
            constraint=models.UniqueConstraint(
                condition=models.Q(("level", "province")), fields=("name_en",), name="unit_province_name_en_unique"
            ),
        ),
        migrations.AddConstraint(
            model_name="province",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("code__regex", "^TH-[0-9]{2}$"),
                        ("dopa_code__regex", "^[0-9]{2}$"),
                        ("level", "province"),
                        ("parent__isnull", True),
                    ),
                    models.Q(("dopa_code__regex", "^[0-9]{4}$"), ("level", "district"), ("parent__isnull", False)),
                    models.Q(("dopa_code__regex", "^[0-9]{6}$"), ("level", "subdistrict"), ("parent__isnull", False)),
                    _connector="OR",
                ),
                name="unit_level_shape",
            ),
        ),
        migrations.AddConstraint(
            model_name="province",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("code", django.db.models.functions.text.Concat(models.Value("TH-"), "dopa_code")),
                        ("level", "province"),
                    ),
                    models.Q(models.Q(("level", "province"), _negated=True), ("code", models.F("dopa_code"))),
                    _connector="OR",
                ),
                name="unit_code_matches_dopa",
            ),
        ),
    ]
