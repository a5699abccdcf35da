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


def _refusals_by_hand(tree) -> list[int]:
    """Lines of `if not ….allowed(…): raise PermissionDenied`: a refusal asked by hand, not through acts.require."""
    import ast

    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.If)
        and isinstance(node.test, ast.UnaryOp)
        and isinstance(node.test.op, ast.Not)
        and isinstance(node.test.operand, ast.Call)
        and getattr(node.test.operand.func, "attr", getattr(node.test.operand.func, "id", "")) == "allowed"
        and len(node.body) == 1
        and isinstance(node.body[0], ast.Raise)
        and "PermissionDenied" in ast.unparse(node.body[0])
    ]


def test_a_refusal_is_asked_through_acts_require():
    """acts.require is the one way to refuse an act (its second factor asked after it); core.gate.require, the
    request's door, steps up only a request that changes something, so it asks `allowed` itself."""
    import ast

    from tests.packages import ROOT, sources

    assert _refusals_by_hand(ast.parse("if not acts.allowed(user, 'a.b', x):\n    raise PermissionDenied")) == [1]
    found = [
        f"{name}:{line}"
        for path in sources()
        if (name := path.relative_to(ROOT).as_posix()) not in {"core/acts.py", "core/gate.py"}
        for line in _refusals_by_hand(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert found == []
