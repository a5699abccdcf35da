"""REST API v1 for committee members: their own judgments only."""

from __future__ import annotations

from typing import cast

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import validated
from core.converters import ContestKey
from core.openapi import refusal
from rubrics.access import contest_permission

from . import services
from .models import Judgment, Source
from .querysets import units_for_member


class JudgmentSerializer(serializers.ModelSerializer):
    province = serializers.CharField(source="unit.code")
    criterion = serializers.CharField(source="criterion.code")
    criterion_label = serializers.CharField(
        source="criterion.label", help_text="the number its document gives it (e.g. ๒.๒.๑), else its code"
    )

    class Meta:
        model = Judgment
        fields = ["province", "criterion", "criterion_label", "points", "items", "note", "version", "updated_at"]


class JudgmentInput(serializers.Serializer):
    province = serializers.CharField(help_text="ISO code, e.g. TH-50")
    criterion = serializers.CharField(help_text="criterion code, e.g. 4.1.1")
    points = serializers.DecimalField(
        max_digits=7, decimal_places=2, required=False, allow_null=True, help_text="an allowed level of the rule"
    )
    items = serializers.ListField(
        child=serializers.CharField(), required=False, allow_null=True, help_text="item/step codes met"
    )
    note = serializers.CharField(required=False, allow_blank=True, default="")
    expected_version = serializers.IntegerField(
        min_value=0, help_text="the version you last read; 0 for a first score (optimistic lock)"
    )


class JudgmentList(APIView):
    permission_classes = [contest_permission("committee.score")]

    @extend_schema(
        responses=JudgmentSerializer(many=True),
        summary=_("my own judgments this year"),
    )
    def get(self, request, key: ContestKey):
        rubric = self.rubric
        qs = (
            Judgment.objects.for_member(request.user, rubric)
            .filter(rubric=rubric, member=request.user)
            .select_related("unit", "criterion")
        )
        return Response(JudgmentSerializer(qs, many=True).data)

    @extend_schema(
        request=JudgmentInput,
        examples=[
            OpenApiExample(
                cast(str, _("the items met")),
                value={"province": "TH-50", "criterion": "3.1", "items": ["1", "3"], "expected_version": 0},
                request_only=True,
            ),
            OpenApiExample(
                cast(str, _("a level")),
                value={"province": "TH-50", "criterion": "4.1.1", "points": "3", "expected_version": 0},
                request_only=True,
            ),
        ],
        responses={
            200: JudgmentSerializer,
            404: refusal(404, "no such year or province (or a conflict of interest)"),
            409: refusal(
                409, "someone saved this first: reload and retry (stale_version); the year is frozen (year_frozen)"
            ),
        },
        summary=_("record my own score for one province × criterion"),
        description="Points (an allowed level) or the items met. The member is always the caller.",
    )
    def post(self, request, key: ContestKey):
        rubric = self.rubric
        data = validated(JudgmentInput, request.data)
        unit = get_object_or_404(units_for_member(request.user, rubric), code=data["province"])
        # Refusals: PermissionDenied 403, a stale version or a frozen year 409, a bad score 400 (core.api's shape).
        judgment = services.judgment_record(
            member=request.user,
            rubric=rubric,
            unit=unit,
            criterion_code=data["criterion"],
            points=data.get("points"),
            items=data.get("items"),
            note=data.get("note", ""),
            expected_version=data["expected_version"],
            source=Source.API,
        )
        return Response(JudgmentSerializer(judgment).data)
