from django.db import migrations, models


def built_texts_are_current(apps, schema_editor):
    """Until now a standing's texts were emptied whenever its points changed: any it holds are its points' own."""
    Standing = apps.get_model("scoring", "Standing")
    Standing.objects.exclude(explanations={}).update(explained=True)


def texts_emptied_where_stale(apps, schema_editor):
    """Back to texts emptied when they are not the points' own, as the code before this migration reads them."""
    Standing = apps.get_model("scoring", "Standing")
    Standing.objects.filter(explained=False).exclude(explanations={}).update(explanations={})


class Migration(migrations.Migration):
    dependencies = [
        ("scoring", "0034_standings_explanations_out_of_line"),
    ]

    operations = [
        migrations.AddField(
            model_name="standing",
            name="explained",
            field=models.BooleanField(default=False, verbose_name="explanations current"),
        ),
        migrations.RunPython(built_texts_are_current, texts_emptied_where_stale, elidable=False),
    ]
