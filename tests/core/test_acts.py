"""Every act lives with its owner: declared in the permissions.py of the app whose name it carries, and never
under a name Django gives a model's own permission (which a group's admin rights would then answer)."""

from django.apps import apps

from core import acts


def test_every_act_is_declared_in_the_permissions_of_the_app_it_is_named_for():
    misplaced = {
        act.name: act.declared_in
        for act in acts.ACTS.values()
        if act.declared_in != f"{act.name.split('.')[0]}.permissions"
    }
    assert misplaced == {}


def test_every_act_carries_the_name_of_an_installed_app():
    assert {act.name.split(".")[0] for act in acts.ACTS.values()} <= {app.label for app in apps.get_app_configs()}


def test_no_act_is_named_as_a_models_own_permission():
    models_own = {
        f"{m._meta.app_label}.{action}_{m._meta.model_name}"
        for m in apps.get_models()
        for action in m._meta.default_permissions
    }
    models_own |= {f"{m._meta.app_label}.{codename}" for m in apps.get_models() for codename, _ in m._meta.permissions}
    assert sorted(set(acts.ACTS) & models_own) == []
