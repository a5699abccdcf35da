from django.db import migrations


def explanations_out_of_line(apps, schema_editor, target=512):
    """A standing's explanations kept out of its row (PostgreSQL's TOAST table), and its row about 400 bytes: a
    village's texts are 9 KB, stored as 1.2 KB compressed, which PostgreSQL keeps in the row while the row stays
    under 2 KB. Re-ranking the thousands of standings an entrant passes rewrites each row and leaves the texts
    where they are; rows five times smaller fit in far fewer pages (the table, 293 MB at 75,000 villages, no longer
    outgrew PostgreSQL's 128 MB of buffers). One entrant's change at 75,000 villages with their texts built:
    206-218 -> 128-154 ms median (bench/RESULTS.md). Rows written from now on; the explanation pass writes them
    all after each recompute."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE scoring_provinceresult SET (toast_tuple_target = {int(target)})")


def explanations_in_line(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE scoring_provinceresult RESET (toast_tuple_target)")


class Migration(migrations.Migration):
    dependencies = [
        ("scoring", "0033_standings_half_pages_free"),
    ]

    operations = [
        migrations.RunPython(explanations_out_of_line, explanations_in_line, elidable=False),
    ]
