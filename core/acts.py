"""Every act the portal guards, declared once: its name, the rule that allows it, and whether it needs a
second factor confirmed in this session.

Each app declares its acts in its own `permissions.py`, under its own name (`declare("scoring.freeze",
runs_contest, second_factor=True, about=...)`, in scoring/permissions.py); django-rules stays the mechanism
(each declaration adds its perm, asked by `user.has_perm` as before, so a superuser keeps Django's answer).
The rule is a `rules` predicate over the lock (contests.actor: the role table's powers and the object rule:
this contest, this unit, this state). Whether the person must confirm a factor first is the lock's answer
too, registered as the rule `second_factor_due`; this module sits below the apps and asks it by name, so the
gate (core.gate) and every service step up through `step_up`.

`allowed` is the one way an act is asked: a page's loader (rubrics.access) asks its act once, the service asks
it again as its own guard, and the notices' recipients ask it of each reader. A decision is computed once per
request: `allowed` keeps each answer about no object, a contest, a rubric, a unit or an entry
(contests.entries: anything giving its `acts_key`) on the user object (Django makes one per request), so the
page's ask and the service's share it. Answers about other objects (a file, a pick) are computed each time:
their state changes within a request (a withdrawal).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

import rules
from django.core.exceptions import PermissionDenied

from core.i18n import _

SECOND_FACTOR_DUE = "second_factor_due"  # the lock's rule: this person confirms a factor before such an act
# Objects whose answers hold for the whole request: (model label, the attribute whose change re-asks).
KEPT = {"contests.contest": "state", "rubrics.contestperiod": "contest.state", "contests.unit": None}


class SecondFactorRequired(PermissionDenied):
    """Signed in, but the act needs a second factor confirmed in this session: the page that asks for the
    code (or sets one up), then back (core.gate); a 403 with this message in the API."""

    def __init__(self):
        super().__init__(_("confirm your second factor (the code from your authenticator app) first"))


@dataclass(frozen=True)
class Act:
    name: str
    rule: object  # a rules predicate
    second_factor: bool
    about: str  # what the act is, in English (SECURITY.md's table of privileged acts)
    declared_in: str  # the module that declared it: its app's permissions.py, the app its name carries


ACTS: dict[str, Act] = {}


def declare(name: str, rule, *, second_factor: bool = False, about: str = "") -> Act:
    """One act: its perm (django-rules) and what it needs; a name declared twice is refused (add_perm)."""
    if second_factor and not about:
        raise ValueError(f"{name}: an act that needs a second factor says what it is (SECURITY.md's table)")
    act = Act(name, rule, second_factor, about, declared_in=sys._getframe(1).f_globals["__name__"])
    rules.add_perm(name, rule)
    ACTS[name] = act
    return act


def stepped_up() -> list[Act]:
    """The privileged acts: those that need a second factor confirmed in the session."""
    return sorted((a for a in ACTS.values() if a.second_factor), key=lambda a: a.name)


def _key(name: str, obj) -> tuple | None:
    if obj is None:
        return (name,)
    kept = getattr(obj, "acts_key", None)  # a value that says what its answers depend on (an entry)
    if kept is not None:
        return (name, *kept)
    meta = getattr(obj, "_meta", None)
    label = meta.label_lower if meta is not None else None
    if label not in KEPT or obj.pk is None:
        return None
    state = obj
    for part in (KEPT[label] or "").split("."):
        state = getattr(state, part) if part else None
    return (name, label, obj.pk, state)


def allowed(user, name: str, obj=None) -> bool:
    """May the user do the act (on `obj`): django-rules' answer, computed once per request and object.
    Never asks the second factor: a page asks this to show a button."""
    key = _key(name, obj)
    if key is None or user is None or not user.is_authenticated:
        return user is not None and user.has_perm(name, obj)
    decided = user.__dict__.setdefault("_decided", {})
    if key not in decided:
        decided[key] = user.has_perm(name, obj)
    return decided[key]


def second_factor_due(user) -> bool:
    """The person must confirm a second factor before a privileged act (the lock's rule: their role steps up
    and this session has confirmed none)."""
    return rules.test_rule(SECOND_FACTOR_DUE, user)


def step_up(user, name: str) -> None:
    """Before an act declared to need a second factor: SecondFactorRequired (the page asking for the code,
    core.gate) unless the person confirmed one in this session or their role needs none."""
    if ACTS[name].second_factor and second_factor_due(user):
        raise SecondFactorRequired


def as_confirmed(user):
    """The person as a session that has confirmed its second factor (django-otp marks a request's user so):
    for the demo, which acts as its people through the real services from a command run on the server."""
    user.is_verified = lambda: True
    return user


def require(user, name: str, obj=None) -> None:
    """A service's one check of an act: PermissionDenied unless allowed, then its second factor."""
    if not allowed(user, name, obj):
        raise PermissionDenied
    step_up(user, name)
