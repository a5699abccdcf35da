"""Migration helpers for moving a model between apps without touching its table (docs/architecture.md)."""

from django.db import migrations


def move_content_type(model: str, old_app: str, new_app: str) -> migrations.RunPython:
    """Relabels the model's content type, so its admin history and permissions follow it.

    A no-op on a fresh database (content types are made after migrating) and when the new one already exists.
    """

    def forward(apps, schema_editor, old=old_app, new=new_app):
        content_type = apps.get_model("contenttypes", "ContentType")
        if not content_type.objects.filter(app_label=new, model=model).exists():
            content_type.objects.filter(app_label=old, model=model).update(app_label=new)

    def backward(apps, schema_editor):
        forward(apps, schema_editor, old=new_app, new=old_app)

    return migrations.RunPython(forward, backward, elidable=True)
