"""Migration helpers for moving or renaming a model without touching its table (docs/architecture.md)."""

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


def rename_content_type(app_label: str, old_model: str, new_model: str) -> migrations.RunPython:
    """Renames a renamed model's content type and its default permissions (`view_<model>`, …) in place, so its
    admin history, and the permissions given to users and groups, follow it under the new name.

    Django renames the content type only after a `RenameModel` of its own, not one inside
    `SeparateDatabaseAndState`, and never the permissions. A no-op on a fresh database (content types and
    permissions are made after migrating) and where the new content type already exists.
    """

    def forward(apps, schema_editor, old=old_model, new=new_model):
        content_type = apps.get_model("contenttypes", "ContentType")
        permission = apps.get_model("auth", "Permission")
        if content_type.objects.filter(app_label=app_label, model=new).exists():
            return
        renamed = content_type.objects.filter(app_label=app_label, model=old).first()
        if renamed is None:
            return
        renamed.model = new
        renamed.save(update_fields=["model"])
        for action in ("add", "change", "delete", "view"):
            permission.objects.filter(content_type=renamed, codename=f"{action}_{old}").update(
                codename=f"{action}_{new}"
            )

    def backward(apps, schema_editor):
        forward(apps, schema_editor, old=new_model, new=old_model)

    return migrations.RunPython(forward, backward, elidable=True)


def rename_permission(old: str, new: str, *, models: tuple[str, str] | None = None) -> migrations.RunPython:
    """An act renamed, or moved to the app that owns it ("scoring.view_stage" → "stages.view"): a permission
    row under the old name, given to groups and users, is renamed in place, so whoever held it holds the new one
    (Django's ModelBackend answers `has_perm` from these rows beside the rules' declaration, core.acts).

    A row is kept under a model's content type; moving to another app it takes `models`' (the old app's model,
    the new app's model: the content type of the second going forward, of the first taken back). Where the new
    name has a row already (two acts that became one), the old row's groups and users join it and the old row
    goes. A no-op where nobody holds a row under the old name (a fresh database has none).
    """
    old_app, _ = old.split(".")
    new_app, _ = new.split(".")
    if old_app != new_app and models is None:
        raise ValueError(f"{old} → {new}: name the content types the row moves between (models=)")

    def forward(apps, schema_editor, old=old, new=new, model=models[1] if models else None):
        permission = apps.get_model("auth", "Permission")
        content_type = apps.get_model("contenttypes", "ContentType")
        (old_app, old_codename), (new_app, new_codename) = old.split("."), new.split(".")
        rows = list(permission.objects.filter(content_type__app_label=old_app, codename=old_codename))
        for row in rows:
            if model is not None:
                target, _ = content_type.objects.get_or_create(app_label=new_app, model=model)
            else:
                target = row.content_type
            kept = permission.objects.filter(content_type__app_label=new_app, codename=new_codename).first()
            if kept is None:
                row.content_type, row.codename = target, new_codename
                row.save(update_fields=["content_type", "codename"])
            else:
                kept.group_set.add(*row.group_set.all())
                kept.user_set.add(*row.user_set.all())
                row.delete()

    def backward(apps, schema_editor):
        forward(apps, schema_editor, old=new, new=old, model=models[0] if models else None)

    return migrations.RunPython(forward, backward, elidable=True)
