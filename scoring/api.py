"""REST API v1. Views stay thin: selectors read, services write."""

from typing import cast

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from contests.models import Unit
from core.api import rule_permission, validated
from core.converters import ContestKey
from core.openapi import refusal
from rubrics.access import contest_permission
from scoring import award_tiers
from scoring.contest_results import contest_rows
from scoring.facts.imports import facts_import
from scoring.models import FactSource
from scoring.standings import standings_rows


class ProvinceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Unit
        fields = ["code", "name_th", "name_en", "size_group", "region", "aliases_th"]


class ProvinceList(APIView):
    permission_classes = [rule_permission("scoring.view_provinces")]

    @extend_schema(responses=ProvinceSerializer(many=True), summary=_("the 76 provincial offices"))
    def get(self, request):
        return Response(ProvinceSerializer(Unit.objects.provinces(), many=True).data)


class StandingSerializer(serializers.Serializer):
    region = serializers.IntegerField(
        allow_null=True,
        required=False,
        help_text="only where the contest ranks within each inspection region (seed 002's regional stage):"
        " the region's number (1–18; null: none), and the rank is within it",
    )
    region_name_th = serializers.CharField(allow_blank=True, required=False)
    region_name_en = serializers.CharField(allow_blank=True, required=False)
    rank = serializers.IntegerField(allow_null=True)
    entrant = serializers.CharField(
        help_text="ISO code for a province (TH-50), DOPA code for a district or subdistrict"
    )
    name = serializers.CharField()
    name_en = serializers.CharField()
    province = serializers.CharField(help_text="the same as entrant (kept for the national contest's clients)")
    province_name_th = serializers.CharField()
    province_name_en = serializers.CharField()
    total = serializers.DecimalField(max_digits=7, decimal_places=2)
    level = serializers.IntegerField(allow_null=True)
    dimensions = serializers.DictField(child=serializers.CharField())
    criteria = serializers.DictField(child=serializers.CharField())
    explanations = serializers.DictField(child=serializers.CharField())
    explanations_en = serializers.DictField(child=serializers.CharField())
    award = serializers.CharField(allow_null=True)
    award_name_th = serializers.CharField(allow_null=True)
    award_name_en = serializers.CharField(allow_null=True)
    tied = serializers.BooleanField()
    award_tie = serializers.BooleanField()
    award_note_th = serializers.CharField(allow_blank=True)
    award_note_en = serializers.CharField(allow_blank=True)
    computed_at = serializers.DateTimeField(allow_null=True)


class PeriodResultSerializer(serializers.Serializer):
    period = serializers.CharField()
    name = serializers.CharField()
    name_en = serializers.CharField()
    total = serializers.CharField()
    rank = serializers.IntegerField(allow_null=True)
    criteria = serializers.DictField(child=serializers.CharField())


class ContestStandingSerializer(serializers.Serializer):
    rank = serializers.IntegerField()
    entrant = serializers.CharField()
    name = serializers.CharField()
    name_en = serializers.CharField()
    total = serializers.CharField()
    dimensions = serializers.DictField(child=serializers.CharField())
    criteria = serializers.DictField(child=serializers.CharField())
    award = serializers.CharField(allow_null=True)
    tied = serializers.BooleanField()
    award_tie = serializers.BooleanField()
    periods = PeriodResultSerializer(many=True, required=False, help_text="only where the contest has periods")


class AwardTierSerializer(serializers.Serializer):
    code = serializers.CharField()
    name_th = serializers.CharField()
    name_en = serializers.CharField()
    count = serializers.IntegerField()
    provinces = serializers.ListField(child=serializers.CharField())
    vacant = serializers.IntegerField()
    placed = serializers.IntegerField(
        help_text="entrants holding the tier's places, less those tied at its line while the panel has not decided"
    )
    tie_held = serializers.IntegerField(help_text="places held by a tie at an award line above: the panel decides")
    note_th = serializers.CharField(
        allow_blank=True,
        help_text="ไม่มีผู้ได้รับรางวัล N รางวัล when places are vacant; รอคณะกรรมการตัดสินคะแนนเสมอ N รางวัล when a tie"
        " above holds them",
    )
    note_en = serializers.CharField(allow_blank=True)


class AwardList(APIView):
    permission_classes = [contest_permission("scoring.view_standings")]

    @extend_schema(
        responses=AwardTierSerializer(many=True),
        summary=_("award tiers, their provinces and vacant places"),
    )
    def get(self, request, key: ContestKey):
        return Response(award_tiers.award_summary(self.rubric))


class StandingsList(APIView):
    permission_classes = [contest_permission("scoring.view_standings")]

    @extend_schema(
        responses=StandingSerializer(many=True),
        summary=_("standings of a year, a contest or one period"),
    )
    def get(self, request, key: ContestKey):
        return Response(standings_rows(self.rubric))


class ContestStandings(APIView):
    """A contest's standings with its periods combined, as `manage.py standings --contest SLUG` gives them."""

    permission_classes = [contest_permission("scoring.view_standings")]

    @extend_schema(
        responses=ContestStandingSerializer(many=True),
        summary=_("a contest's standings, periods combined"),
    )
    def get(self, request, slug: str):
        return Response(contest_rows(self.rubric.contest))


class FactRowSerializer(serializers.Serializer):
    province = serializers.CharField(help_text="ISO code (TH-50) or Thai name")
    criterion = serializers.CharField(help_text="criterion code, e.g. 3.3")
    fact = serializers.CharField()
    value = serializers.CharField(allow_blank=True, help_text="empty = not recorded")


class FactImportSerializer(serializers.Serializer):
    facts = FactRowSerializer(many=True, allow_empty=False)
    dry_run = serializers.BooleanField(default=False)


class FactImportResult(serializers.Serializer):
    created = serializers.IntegerField()
    updated = serializers.IntegerField()
    unchanged = serializers.IntegerField()
    dry_run = serializers.BooleanField()


class FactImport(APIView):
    permission_classes = [contest_permission("scoring.import_facts")]

    @extend_schema(
        request=FactImportSerializer,
        responses={200: FactImportResult, 409: refusal(409, "the year is frozen (year_frozen): nothing was recorded")},
        examples=[
            OpenApiExample(
                cast(str, _("one fact")),
                value={"facts": [{"province": "TH-50", "criterion": "1.1", "fact": "done", "value": "yes"}]},
                request_only=True,
            )
        ],
        summary=_("record facts, all or none"),
    )
    def post(self, request, key: ContestKey):
        rubric = self.rubric
        data = validated(FactImportSerializer, request.data)
        # Refusals are answered by core.api: bad rows 400, one error per row with its `row`; a frozen year 409.
        report = facts_import(
            rubric=rubric,
            rows=data["facts"],
            user=request.user,
            source=FactSource.API,
            dry_run=data["dry_run"],
            first_row=1,
        )
        return Response(
            {
                "created": report.created,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "dry_run": data["dry_run"],
            }
        )
