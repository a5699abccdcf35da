from decimal import Decimal

from django.db import migrations, models


def fill_rank_keys(apps, schema_editor):
    """Stored results get the key the recompute now ranks by (engine.rank_key, as of this migration)."""
    Result = apps.get_model("scoring", "ProvinceResult")
    Rubric = apps.get_model("scoring", "Rubric")

    def part(value) -> str:
        return f"{int(Decimal(value).scaleb(6).to_integral_value()) + 10**15:017d}"

    for rubric in Rubric.objects.all():
        ties = [str(code) for code in rubric.tie_break]
        rows = list(Result.objects.filter(rubric=rubric).only("pk", "total", "dimensions"))
        for r in rows:
            r.rank_key = "".join(part(v) for v in (r.total, *(r.dimensions.get(d, "0") for d in ties)))
        Result.objects.bulk_update(rows, ["rank_key"], batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [
        ("scoring", "0012_rounding_and_section_levels"),
    ]

    operations = [
        migrations.AddField(
            model_name="provinceresult",
            name="rank_key",
            field=models.CharField(blank=True, default="", editable=False, max_length=400),
        ),
        migrations.RunPython(fill_rank_keys, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="provinceresult",
            index=models.Index(
                condition=models.Q(("change_seq__gt", models.F("computed_seq"))), fields=["rubric"], name="result_stale"
            ),
        ),
    ]
