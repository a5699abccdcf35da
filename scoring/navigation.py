"""The navigation bar: each role's work, one click from every page (portal and admin alike)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import BooleanField, ExpressionWrapper, Q
from django.urls import reverse

from people.models import Role
from people.selectors import role_of

from .hooks import nav_extra
from .models import Rubric


@dataclass(frozen=True)
class NavItem:
    th: str
    en: str
    url: str
    key: str  # a stable hook for tests and styles
    current: bool = False


def _standing_year(user) -> int | None:
    """The latest year, if its standing is published or central staff let provinces see it early. 1 query."""
    shown = ExpressionWrapper(
        Q(snapshot__published_at__isnull=False) | Q(year_settings__standings_visible_to_provinces=True),
        output_field=BooleanField(),
    )
    latest = Rubric.objects.national().order_by("-year").values_list("year", shown).first()
    return latest[0] if latest and latest[1] else None


def _items(user) -> list[tuple[str, str, str, str]]:
    role = role_of(user)
    if role == Role.PROVINCIAL:
        items = [("หลักฐานของสำนักงาน", "My evidence", reverse("submissions:home"), "evidence")]
        if year := _standing_year(user):
            items.append(("ผลของจังหวัด", "My standing", reverse("scoring:mine", args=[year]), "standing"))
        return items
    if role == Role.ORGANISER:  # the contests its office runs, each with its dashboard and documents
        return [
            ("การประกวดของสำนักงาน", "Office contests", reverse("submissions:home"), "contests"),
            ("สร้างหรือแก้ไขการประกวด", "Create or update a contest", reverse("scoring:contest_upload"), "contest-new"),
        ]
    scoring = [
        ("ตารางให้คะแนน", "Scoring matrix", reverse("admin:committee_matrix"), "matrix"),
        ("ข้อถัดไปที่ยังไม่ให้คะแนน", "Next unscored", reverse("admin:committee_next"), "next"),
        ("คำชี้แจง", "Clarifications", reverse("admin:committee_clarification_changelist"), "clarifications"),
    ]
    if role in (Role.COMMITTEE, Role.CHAIR):
        return scoring
    if role == Role.CENTRAL:
        year = Rubric.objects.national().order_by("-year").values_list("year", flat=True).first()
        holidays = reverse("admin:scoring_holidayoverride_changelist")
        calendar = reverse("scoring:calendar", args=[year]) if year else holidays
        return [
            ("แดชบอร์ด", "Dashboard", reverse("scoring:index"), "dashboard"),
            ("จังหวัด", "Provinces", reverse("submissions:home"), "provinces"),
            scoring[0],
            ("นำเข้าข้อมูล", "Imports", reverse("admin:scoring_fact_import"), "imports"),
            ("ปฏิทินวันทำการ", "Calendar", calendar, "calendar"),
            ("เอกสารรางวัลและส่งออก", "Award documents & exports", reverse("awards:index"), "awards"),
            ("สถานะระบบ", "System status", reverse("ops:status"), "status"),
            ("ผู้ดูแลระบบ", "Admin", reverse("admin:index"), "admin"),
        ]
    return []


def nav_items(user, path: str) -> list[NavItem]:
    """The user's items with the current one marked: the longest link that the path starts with."""
    items = _items(user) + [item for extra in nav_extra(user) for item in extra]
    # "/" would match everything: the home page is current only on itself and the province pages.
    matches = [url for _, _, url, _ in items if path == url or (url != "/" and path.startswith(url.split("?")[0]))]
    if not matches and path.startswith("/years/"):
        matches = ["/"]
    current = max(matches, key=len, default=None)
    return [NavItem(th, en, url, key, url == current) for th, en, url, key in items]
