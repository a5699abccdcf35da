"""The actor stays small: who a person is (the user, the system's own actor), their powers (the role
table), their office, their seats and their rights in a contest (`rights`, one record a contest). A question about
one contest is its `Rights` record's; a list is a function of the actor in contests.scopes. A new public member
is a change of this list, made on purpose."""

import dataclasses

from contests.actor import Actor

MOST_MEMBERS = 15

MEMBERS = {
    "user": "the person (None: ANONYMOUS or SYSTEM)",
    "system": "beat jobs and commands acting for the Department",
    "powers": "the role table's row: `Power.X in actor.powers` is how a role's question is asked",
    "in_portal": "holds any role at all",
    "department_seat": "the seat the powers give in the Department's contests (asked without a contest)",
    "own_office": "the office, to show and to file for",
    "acts_for": "the unit is their own office",
    "oversees": "an organiser's office is above the unit",
    "seats": "their panel seats that count",
    "rights": "their rights in one contest, one record a contest and request",
    "memo": "what a request asks of the actor more than once, kept for the request",
}


def _public(cls) -> set[str]:
    """Every public name an actor answers to: its methods and properties, its own and inherited, and its fields."""
    names = {name for klass in cls.__mro__ if klass is not object for name in vars(klass)}
    names |= {f.name for f in dataclasses.fields(cls)}
    return {name for name in names if not name.startswith("_")}


def test_the_actor_has_at_most_fifteen_public_members_and_they_are_these():
    assert _public(Actor) == set(MEMBERS)
    assert len(MEMBERS) <= MOST_MEMBERS


def test_the_count_sees_a_member_added_by_a_mixin_or_a_field():
    @dataclasses.dataclass
    class Bigger(Actor):
        extra: int = 0

        def contests(self) -> None: ...

    assert _public(Bigger) - _public(Actor) == {"extra", "contests"}
