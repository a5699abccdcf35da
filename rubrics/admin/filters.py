"""The rows of a contest's rules the user may see, and the list filters by year, contest, criterion and dimension
that every admin of a rubric's rows shares (Thai first, English second)."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from contests.actor import Need, actor_of
from contests.scopes import visible_contests
from core.numbers import whole
from rubrics.access import rubrics
from rubrics.models import ContestPeriod, Criterion, Dimension


class ContestScoped:
    """Only rows of contests the user may see (contests.actor): the Department's committee never lists, opens
    or reads the history of an office's contest, its criteria or its award tiers."""

    rubric_path = "rubric"

    def get_queryset(self, request):
        rows = super().get_queryset(request)
        if not self.has_view_permission(request):  # refused outright (403) before any row is looked up
            return rows
        return rows.filter(**{f"{self.rubric_path}__in": rubrics(actor_of(request.user), Need.SEE).values("pk")})


class YearFilter(admin.SimpleListFilter):
    title = _("fiscal year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        return [(str(y), str(y)) for y in ContestPeriod.objects.national().values_list("year", flat=True)]

    def queryset(self, request, queryset):
        return queryset.filter(rubric__year=self.value()) if self.value() else queryset


def code_key(code: str) -> tuple:
    return tuple(whole(p) or 0 for p in code.split("."))


class ContestFilter(admin.SimpleListFilter):
    """One contest's rows: a year holds the national contest and every office's, each with its own 1.1."""

    title = _("contest")
    parameter_name = "contest"

    def lookups(self, request, model_admin):
        seen = visible_contests(actor_of(request.user)).order_by("-year", "slug")
        return [(str(c.pk), f"{c.year} · {c.name_th} ({c.slug})") for c in seen]

    def queryset(self, request, queryset):
        return queryset.filter(rubric__contest=self.value()) if self.value() else queryset


class CriterionCodeFilter(admin.SimpleListFilter):
    title = _("criterion")
    parameter_name = "criterion"

    def lookups(self, request, model_admin):
        codes = set(Criterion.objects.values_list("code", flat=True))
        return [(c, c) for c in sorted(codes, key=code_key)]

    def queryset(self, request, queryset):
        return queryset.filter(criterion__code=self.value()) if self.value() else queryset


class DimensionCodeFilter(admin.SimpleListFilter):
    title = _("dimension")
    parameter_name = "dimension"

    def lookups(self, request, model_admin):
        codes = set(Dimension.objects.values_list("code", flat=True))
        return [(c, c) for c in sorted(codes, key=code_key)]

    def queryset(self, request, queryset):
        return queryset.filter(dimension__code=self.value()) if self.value() else queryset
