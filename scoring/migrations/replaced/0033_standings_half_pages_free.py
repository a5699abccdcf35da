from django.db import migrations


def half_of_each_page_free(apps, schema_editor, fillfactor=50):
    """Half of each page of the standings left free (PostgreSQL): once its explanations are built, a standing is
    2-3 KB, so a tenth of a page (0030) held no new version of it and re-ranking the thousands an entrant passes
    wrote each elsewhere, with an entry in every index; half a page holds one, on the same page (a HOT update).
    At 75,000 villages with their texts built: one entrant's change 831-889 -> 251-261 ms (bench/RESULTS.md)."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE scoring_provinceresult SET (fillfactor = {int(fillfactor)})")


def a_tenth_free(apps, schema_editor):
    half_of_each_page_free(apps, schema_editor, fillfactor=90)


class Migration(migrations.Migration):
    dependencies = [
        ("scoring", "0032_fields_named_for_any_unit"),
    ]

    operations = [
        migrations.RunPython(half_of_each_page_free, a_tenth_free, elidable=False),
    ]
