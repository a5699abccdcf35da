"""The rows of units the user may see in the admin, by the actor's one scope."""

from __future__ import annotations

from contests.actor import actor_of
from contests.admin.dates import MixedInto
from contests.scopes import in_scope, visible_units


class UnitScoped(MixedInto):
    """Only rows of units the user may see in the row's contest, by the actor's one scope (contests.scopes.in_scope;
    rows of no contest: visible_units): a committee member conflicted with a unit never gets its rows. The
    admin builds its changelist, search, filters, detail, history, delete, export (import-export) and
    autocomplete on get_queryset, so this one filter covers them all."""

    unit_path = "unit"
    contest_path: str | None = "rubric__contest"  # None: the rows are units, of no one contest

    def get_queryset(self, request):
        actor = actor_of(request.user)
        rows = super().get_queryset(request)
        if self.contest_path is None:
            return rows.filter(**{f"{self.unit_path}__in": visible_units(actor).values("pk")})
        return rows.filter(in_scope(actor, self.contest_path, self.unit_path))
