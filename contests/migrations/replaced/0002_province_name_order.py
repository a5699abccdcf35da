from django.db import migrations, models


def number_existing_units(apps, schema_editor):
    """Existing databases get their units numbered ก–ฮ now, not at the next units load."""
    from core.thai import thai_sorted

    Province = apps.get_model("contests", "Province")
    units = sorted(Province.objects.only("pk", "code", "name_th"), key=lambda u: u.code)
    for order, unit in enumerate(thai_sorted(units, key=lambda u: u.name_th), 1):
        unit.name_order = order
    Province.objects.bulk_update(units, ["name_order"], batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [("contests", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="province",
            name="name_order",
            field=models.PositiveIntegerField(
                db_index=True, default=0, editable=False, verbose_name="ลำดับ ก–ฮ / Thai order"
            ),
        ),
        migrations.RunPython(number_existing_units, migrations.RunPython.noop),
    ]
