import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Concat


class Region(models.TextChoices):
    NORTH = "north", "ภาคเหนือ / North"
    NORTHEAST = "northeast", "ภาคตะวันออกเฉียงเหนือ / Northeast"
    CENTRAL = "central", "ภาคกลาง / Central"
    EAST = "east", "ภาคตะวันออก / East"
    WEST = "west", "ภาคตะวันตก / West"
    SOUTH = "south", "ภาคใต้ / South"


class SizeGroup(models.TextChoices):
    SMALL = "small", "จังหวัดขนาดเล็ก / small"
    MEDIUM = "medium", "จังหวัดขนาดกลาง / medium"
    LARGE = "large", "จังหวัดขนาดใหญ่ / large"


class Level(models.TextChoices):
    PROVINCE = "province", "จังหวัด / province"
    DISTRICT = "district", "อำเภอ / district"
    SUBDISTRICT = "subdistrict", "ตำบล / subdistrict"


class UnitQuerySet(models.QuerySet):
    def provinces(self):
        """The 76 provincial CDD offices that compete nationally (Bangkok is a province but no CDD office)."""
        return self.filter(level=Level.PROVINCE, is_cdd_office=True)


class Province(models.Model):
    """An administrative unit: province, district or subdistrict. `code` is the public code: ISO 3166-2:TH for
    provinces (kept so existing URLs and exports stay), the DOPA code for the others."""

    code = models.CharField("รหัส / code", max_length=6, unique=True)
    dopa_code = models.CharField("รหัสกรมการปกครอง / DOPA code", max_length=6, unique=True)
    level = models.CharField("ระดับ / level", max_length=11, choices=Level.choices, default=Level.PROVINCE)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name="หน่วยเหนือ / parent",
    )
    is_cdd_office = models.BooleanField("เป็นสำนักงานพัฒนาชุมชน / CDD office", default=True)
    name_th = models.CharField("ชื่อ / name (th)", max_length=100)
    name_en = models.CharField("ชื่อภาษาอังกฤษ / name (en)", max_length=100)
    size_group = models.CharField("ขนาดจังหวัด / size group", max_length=10, choices=SizeGroup.choices, blank=True)
    region = models.CharField("ภาค / region", max_length=10, choices=Region.choices, blank=True)
    # Spellings met in the Department's own documents (the seed writes อุตรธานี for อุดรธานี).
    aliases_th = models.JSONField("ชื่อที่สะกดต่าง / other spellings", default=list, blank=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = "จังหวัด / province"
        verbose_name_plural = "จังหวัด / provinces"
        constraints = [
            # District and subdistrict names repeat across the country, never under one parent.
            models.UniqueConstraint(fields=["parent", "name_th"], name="unit_name_th_per_parent"),
            models.UniqueConstraint(
                fields=["name_th"], condition=Q(level=Level.PROVINCE), name="unit_province_name_th_unique"
            ),
            models.UniqueConstraint(
                fields=["name_en"], condition=Q(level=Level.PROVINCE), name="unit_province_name_en_unique"
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        level=Level.PROVINCE,
                        parent__isnull=True,
                        code__regex=r"^TH-[0-9]{2}$",
                        dopa_code__regex=r"^[0-9]{2}$",
                    )
                    | Q(level=Level.DISTRICT, parent__isnull=False, dopa_code__regex=r"^[0-9]{4}$")
                    | Q(level=Level.SUBDISTRICT, parent__isnull=False, dopa_code__regex=r"^[0-9]{6}$")
                ),
                name="unit_level_shape",
            ),
            # ISO 3166-2:TH uses the DOPA province number: TH-20 is 20.
            models.CheckConstraint(
                condition=Q(level=Level.PROVINCE, code=Concat(models.Value("TH-"), "dopa_code"))
                | (~Q(level=Level.PROVINCE) & Q(code=models.F("dopa_code"))),
                name="unit_code_matches_dopa",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name_th} ({self.code})"


class Combine(models.TextChoices):
    """How a contest with periods turns its periods' totals into one standing."""

    SINGLE = "single", "รอบเดียว / one round"
    SUM = "sum", "รวมทุกรอบ / sum of periods"
    MEAN = "mean", "เฉลี่ยทุกรอบ / mean of periods"
    LATEST = "latest", "รอบล่าสุด / latest period"


class ContestQuerySet(models.QuerySet):
    def national(self):
        """The Department's own contests among the provincial offices (organiser empty)."""
        return self.filter(organiser__isnull=True, entrant_level=Level.PROVINCE)


class Contest(models.Model):
    """One office's contest in one fiscal year: who organises it, who enters, and how its periods combine.

    Each period is a Rubric of its own (its structure, deadlines, facts, scores and standings), so every
    piece of the scoring, committee and awards machinery works on a period exactly as on a whole contest.
    """

    slug = models.SlugField("รหัสการประกวด / contest code", max_length=60, unique=True)
    name_th = models.CharField("ชื่อ / name (th)", max_length=300)
    name_en = models.CharField("ชื่อภาษาอังกฤษ / name (en)", max_length=300)
    year = models.PositiveSmallIntegerField("ปีงบประมาณ (พ.ศ.) / fiscal year (B.E.)")
    # Empty: the Department (กรมการพัฒนาชุมชน) runs it; otherwise the provincial office that does.
    organiser = models.ForeignKey(
        Province,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organised_contests",
        verbose_name="ผู้จัด / organiser",
    )
    entrant_level = models.CharField(
        "ระดับผู้เข้าประกวด / entrant level", max_length=12, choices=Level.choices, default=Level.PROVINCE
    )
    # A chosen list; empty means every CDD office of the entrant level under the organiser.
    entrants = models.ManyToManyField(Province, blank=True, related_name="+", verbose_name="ผู้เข้าประกวด / entrants")
    combine = models.CharField(
        "การรวมผลรายรอบ / combining periods", max_length=8, choices=Combine.choices, default=Combine.SINGLE
    )

    objects = ContestQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "slug"]
        verbose_name = "การประกวด / contest"
        verbose_name_plural = "การประกวด / contests"

    def __str__(self) -> str:
        return f"{self.slug} {self.name_th}"

    @property
    def is_national(self) -> bool:
        return self.organiser_id is None and self.entrant_level == Level.PROVINCE


class RubricQuerySet(models.QuerySet):
    def national(self):
        # With its contest: Rubric.key reads it on every page that links to the rubric.
        national = Q(contest__organiser__isnull=True, contest__entrant_level=Level.PROVINCE)
        return self.filter(national).select_related("contest")

    def by_key(self, key: str | int):
        """The rubric a URL names (Rubric.key): "2566" is the national contest of 2566; "chonburi-web-2564"
        a contest without periods (or its first period); "ubon-milestones-2568.2567-10" one period."""
        key = str(key)
        if key.isdigit():
            return self.national().filter(year=int(key)).select_related("contest")
        slug, _, period = key.partition(".")
        found = self.filter(contest__slug=slug).select_related("contest")
        return found.filter(period=period) if period else found.filter(period_order=0)


class Rubric(models.Model):
    """One contest's rules for one period (or the whole contest). Year is Buddhist Era (2566 = Oct 2022 – Sep 2023)."""

    contest = models.ForeignKey(
        Contest, on_delete=models.CASCADE, related_name="rubrics", verbose_name="การประกวด / contest"
    )
    # Blank for a contest without periods; else e.g. "2567-10" (a month) or "q1".
    period = models.CharField("รอบ / period", max_length=20, blank=True, default="")
    period_name_th = models.CharField("ชื่อรอบ / period name (th)", max_length=100, blank=True, default="")
    period_name_en = models.CharField("ชื่อรอบภาษาอังกฤษ / period name (en)", max_length=100, blank=True, default="")
    period_order = models.PositiveSmallIntegerField(default=0)
    year = models.PositiveSmallIntegerField("ปีงบประมาณ (พ.ศ.) / fiscal year (B.E.)")
    name_th = models.CharField("ชื่อ / name (th)", max_length=300)
    name_en = models.CharField("ชื่อภาษาอังกฤษ / name (en)", max_length=300)
    starts_on = models.DateField("เริ่ม / starts")
    ends_on = models.DateField("สิ้นสุด / ends")
    total_points = models.DecimalField("คะแนนเต็ม / total points", max_digits=7, decimal_places=2)
    tie_break = models.JSONField("ลำดับตัดสินเมื่อคะแนนเท่ากัน / tie-break order", default=list)
    level_bands = models.JSONField("ระดับจากคะแนนรวม / level bands", null=True, blank=True)
    # The rubric's own rounding of percentages (docs/rubric-format.md); empty keeps the national default.
    rounding = models.JSONField("การปัดเศษ / rounding", null=True, blank=True)
    show_provisional = models.BooleanField("แสดงคะแนนเบื้องต้นแก่จังหวัด / show provisional points", default=False)
    standings_computed_at = models.DateTimeField("คำนวณอันดับเมื่อ / standings computed at", null=True, blank=True)
    # New random value on every change to structure or deadlines; keys the parsed-spec cache.
    # Random, not a counter: a rolled-back change must never be mistaken for a later one.
    revision = models.UUIDField(default=uuid.uuid4, editable=False)

    objects = RubricQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "contest_id", "period_order"]
        verbose_name = "เกณฑ์การประเมิน / rubric"
        verbose_name_plural = "เกณฑ์การประเมิน / rubrics"
        constraints = [
            models.UniqueConstraint(fields=["contest", "period"], name="rubric_one_per_period"),
            models.CheckConstraint(condition=Q(ends_on__gt=models.F("starts_on")), name="rubric_ends_after_start"),
            models.CheckConstraint(condition=Q(total_points__gt=0), name="rubric_total_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.name_th}"

    @property
    def key(self) -> str:
        """The rubric's part of every URL: the year for the national contest (as before contests), else
        the contest's code, with ".period" for a contest that has periods."""
        if self.contest.is_national:
            return str(self.year)
        return f"{self.contest.slug}.{self.period}" if self.period else self.contest.slug


class Dimension(models.Model):
    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="dimensions")
    code = models.CharField("รหัส / code", max_length=10)
    order = models.PositiveSmallIntegerField(default=0)
    name_th = models.CharField("ชื่อ / name (th)", max_length=300)
    name_en = models.CharField("ชื่อภาษาอังกฤษ / name (en)", max_length=300)
    max_points = models.DecimalField("คะแนนเต็ม / maximum", max_digits=7, decimal_places=2)
    # Levels of this dimension on its own (seed 003 bands each mission 1–5); empty: none.
    level_bands = models.JSONField("ระดับของมิติ / dimension level bands", null=True, blank=True)

    class Meta:
        ordering = ["rubric", "order"]
        verbose_name = "มิติ / dimension"
        verbose_name_plural = "มิติ / dimensions"
        constraints = [
            models.UniqueConstraint(fields=["rubric", "code"], name="dimension_code_unique"),
            # 0 is allowed: a dimension holding only extra points (seed 003's "Extra Point").
            models.CheckConstraint(condition=Q(max_points__gte=0), name="dimension_max_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name_th}"


class Criterion(models.Model):
    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="criteria")
    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="criteria")
    code = models.CharField("รหัส / code", max_length=10)
    order = models.PositiveSmallIntegerField(default=0)
    name_th = models.TextField("ชื่อ / name (th)")
    name_en = models.TextField("ชื่อภาษาอังกฤษ / name (en)")
    max_points = models.DecimalField("คะแนนเต็ม / maximum", max_digits=7, decimal_places=2)
    # {"kind": ..., params}: see docs/rubric-format.md; validated by scoring.spec on every save.
    rule = models.JSONField("วิธีให้คะแนน / scoring rule")
    deadline = models.DateField("กำหนดส่ง / deadline", null=True, blank=True)
    extra = models.BooleanField("คะแนนพิเศษ / extra points", default=False)
    evidence_th = models.TextField("หลักฐาน / evidence (th)", blank=True)
    evidence_en = models.TextField("หลักฐาน / evidence (en)", blank=True)
    channel_th = models.TextField("ช่องทางส่ง / channel (th)", blank=True)
    channel_en = models.TextField("ช่องทางส่ง / channel (en)", blank=True)

    class Meta:
        ordering = ["rubric", "order"]
        verbose_name = "ตัวชี้วัด / criterion"
        verbose_name_plural = "ตัวชี้วัด / criteria"
        constraints = [
            models.UniqueConstraint(fields=["rubric", "code"], name="criterion_code_unique"),
            models.CheckConstraint(condition=Q(max_points__gt=0), name="criterion_max_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name_th}"


class FactSource(models.TextChoices):
    IMPORT = "import", "นำเข้าไฟล์ / file import"
    ADMIN = "admin", "ผู้ดูแล / admin"
    API = "api", "API"
    EVIDENCE = "evidence", "หลักฐาน / evidence"
    COMMITTEE = "committee", "คณะกรรมการ / committee"
    DEMO = "demo", "ข้อมูลตัวอย่าง / demo"


class Fact(models.Model):
    """A named value a criterion's rule reads for one province (docs/rubric-format.md)."""

    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="facts", verbose_name="ปี / year")
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="facts", verbose_name="จังหวัด / province"
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.PROTECT, related_name="facts", verbose_name="ตัวชี้วัด / criterion"
    )
    name = models.CharField("ข้อมูล / fact", max_length=50)
    # Kept as entered; each rule parses it. Empty means "not recorded".
    value = models.CharField("ค่า / value", max_length=200, blank=True)
    source = models.CharField("ที่มา / source", max_length=10, choices=FactSource.choices)
    updated_at = models.DateTimeField("แก้ไขเมื่อ / updated at", auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name="แก้ไขโดย / updated by"
    )

    class Meta:
        ordering = ["province", "criterion__order", "name"]
        verbose_name = "ข้อมูลประกอบการให้คะแนน / fact"
        verbose_name_plural = "ข้อมูลประกอบการให้คะแนน / facts"
        constraints = [models.UniqueConstraint(fields=["criterion", "province", "name"], name="fact_unique")]

    def __str__(self) -> str:
        return f"{self.province.code} {self.criterion.code} {self.name}={self.value}"


class FactChange(models.Model):
    """Audit trail: every change of a fact, whichever path it came through."""

    fact = models.ForeignKey(Fact, on_delete=models.CASCADE, related_name="changes", verbose_name="ข้อมูล / fact")
    # None: the fact did not exist before; "" : it existed, empty ("not recorded").
    old_value = models.CharField("ค่าเดิม / old value", max_length=200, null=True, blank=True)  # noqa: DJ001
    new_value = models.CharField("ค่าใหม่ / new value", max_length=200, blank=True)
    source = models.CharField("ที่มา / source", max_length=10, choices=FactSource.choices)
    changed_at = models.DateTimeField("เมื่อ / when", auto_now_add=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name="โดย / by"
    )

    class Meta:
        ordering = ["-changed_at", "-id"]
        verbose_name = "ประวัติการแก้ไขข้อมูล / fact change"
        verbose_name_plural = "ประวัติการแก้ไขข้อมูล / fact changes"

    def __str__(self) -> str:
        return f"{self.fact_id}: {self.old_value} → {self.new_value}"


class HolidayOverride(models.Model):
    """Central staff's correction of the Thai holiday calendar (a one-off holiday, or a cancelled one)."""

    date = models.DateField("วันที่ / date", unique=True)
    is_holiday = models.BooleanField("เป็นวันหยุดราชการ / office closed", default=True)
    name_th = models.CharField("ชื่อวันหยุด / name (th)", max_length=200)
    name_en = models.CharField("ชื่อภาษาอังกฤษ / name (en)", max_length=200, blank=True)
    note = models.TextField("หมายเหตุ / note", blank=True)

    class Meta:
        ordering = ["date"]
        verbose_name = "วันหยุดที่ปรับแก้ / holiday override"
        verbose_name_plural = "วันหยุดที่ปรับแก้ / holiday overrides"

    def __str__(self) -> str:
        return f"{self.date} {self.name_th}"


class HolidayAction(models.TextChoices):
    ADDED = "added", "เพิ่ม / added"
    CHANGED = "changed", "แก้ไข / changed"
    REMOVED = "removed", "ลบ / removed"


class HolidayOverrideChange(models.Model):
    """Audit trail of the calendar: every override added, changed or removed, by whom and when."""

    date = models.DateField("วันที่ / date", db_index=True)
    action = models.CharField("การกระทำ / action", max_length=10, choices=HolidayAction.choices)
    before = models.JSONField("ก่อน / before", null=True, blank=True)
    after = models.JSONField("หลัง / after", null=True, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name="โดย / by"
    )
    changed_at = models.DateTimeField("เมื่อ / at", auto_now_add=True)

    class Meta:
        ordering = ["-changed_at", "-id"]
        verbose_name = "ประวัติการแก้ปฏิทินวันหยุด / holiday change"
        verbose_name_plural = "ประวัติการแก้ปฏิทินวันหยุด / holiday changes"

    def __str__(self) -> str:
        return f"{self.date} {self.action}"


class ProvinceResult(models.Model):
    """A province's stored breakdown and place; `change_seq > computed_seq` means it needs recompute."""

    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="results", verbose_name="ปี / year")
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="results", verbose_name="จังหวัด / province"
    )
    total = models.DecimalField("คะแนนรวม / total", max_digits=7, decimal_places=2, default=0)
    dimensions = models.JSONField("คะแนนรายมิติ / dimensions", default=dict)  # {code: "points"}
    criteria = models.JSONField("คะแนนรายตัวชี้วัด / criteria", default=dict)  # {code: "points"}
    explanations = models.JSONField("คำอธิบาย / explanations", default=dict)  # {code: {"th": ..., "en": ...}}
    level = models.PositiveSmallIntegerField("ระดับ / level", null=True, blank=True)
    rank = models.PositiveSmallIntegerField("อันดับ / rank", null=True, blank=True)
    tied = models.BooleanField("คะแนนเสมอ / tied", default=False)
    award = models.CharField("รางวัล / award", max_length=30, blank=True)
    award_tie = models.BooleanField("เสมอที่เส้นแบ่งรางวัล / tie at an award boundary", default=False)
    # Bumped in the same transaction as any change; recompute records the value it saw.
    change_seq = models.PositiveBigIntegerField(default=1)
    computed_seq = models.PositiveBigIntegerField(default=0)
    computed_at = models.DateTimeField("คำนวณเมื่อ / computed at", null=True, blank=True)

    class Meta:
        ordering = ["rubric", "rank", "province__code"]
        verbose_name = "ผลคะแนนจังหวัด / province result"
        verbose_name_plural = "ผลคะแนนจังหวัด / province results"
        constraints = [models.UniqueConstraint(fields=["rubric", "province"], name="result_unique")]

    def __str__(self) -> str:
        return f"{self.rubric.year} {self.province.code} {self.total}"


class AwardTier(models.Model):
    """A rubric's award level: how many provinces get it, and the prize."""

    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="award_tiers")
    code = models.CharField("รหัส / code", max_length=30)
    order = models.PositiveSmallIntegerField(default=0)
    name_th = models.CharField("ชื่อรางวัล / name (th)", max_length=200)
    name_en = models.CharField("ชื่อรางวัล / name (en)", max_length=200)
    count = models.PositiveSmallIntegerField("จำนวนรางวัล / how many")
    prize = models.DecimalField("เงินรางวัล (บาท) / prize (baht)", max_digits=10, decimal_places=2, default=0)
    prize_th = models.CharField("ของรางวัล / prize (th)", max_length=300, blank=True)
    prize_en = models.CharField("ของรางวัล / prize (en)", max_length=300, blank=True)

    class Meta:
        db_table = "awards_awardtier"  # made by awards before the model moved here (scoring 0008)
        ordering = ["rubric", "order"]
        verbose_name = "ระดับรางวัล / award tier"
        verbose_name_plural = "ระดับรางวัล / award tiers"
        constraints = [
            models.UniqueConstraint(fields=["rubric", "code"], name="award_tier_code_unique"),
            models.CheckConstraint(condition=Q(count__gt=0), name="award_tier_count_positive"),
            models.CheckConstraint(condition=Q(prize__gte=0), name="award_tier_prize_not_negative"),
        ]

    def __str__(self) -> str:
        return self.name_th


# --- recompute, dashboard, reminders (issue 5) ---


class YearSettings(models.Model):
    """Central staff's switches for one year; a year without a row uses the defaults below."""

    rubric = models.OneToOneField(Rubric, on_delete=models.CASCADE, related_name="year_settings")
    standings_visible_to_provinces = models.BooleanField(
        "จังหวัดเห็นอันดับของตน / provinces see their standing", default=False
    )
    # 0 turns reminders off for the year.
    reminder_working_days = models.PositiveSmallIntegerField(
        "เตือนล่วงหน้า (วันทำการ) / remind N working days before", default=3
    )
    # Decision 10: a province needs more than 0 points, and at least this total, to be listed for an award.
    award_min_total = models.DecimalField(
        "คะแนนรวมขั้นต่ำที่จะได้รับรางวัล / minimum total for an award", max_digits=7, decimal_places=2, default=0
    )

    class Meta:
        verbose_name = "การตั้งค่าประจำปี / year settings"
        verbose_name_plural = "การตั้งค่าประจำปี / year settings"

    def __str__(self) -> str:
        return f"{self.rubric.year}"


class RecomputeRun(models.Model):
    """One recompute that rescored something: shows how well bursts coalesce (and feeds the benches)."""

    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="recompute_runs")
    started_at = models.DateTimeField(db_index=True)
    duration_ms = models.PositiveIntegerField(default=0)
    rescored = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.rubric_id} {self.started_at:%H:%M:%S} {self.rescored} in {self.duration_ms} ms"


class StandingsSnapshot(models.Model):
    """A year's frozen results (the rows as `standings_rows` gives them); published once announced."""

    rubric = models.OneToOneField(Rubric, on_delete=models.CASCADE, related_name="snapshot")
    rows = models.JSONField("ผลที่ตรึงไว้ / frozen rows")
    computed_at = models.DateTimeField("ข้อมูล ณ / as of", null=True)
    frozen_at = models.DateTimeField("ตรึงผลเมื่อ / frozen at")
    frozen_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    published_at = models.DateTimeField("ประกาศผลเมื่อ / published at", null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "ผลที่ตรึงไว้ / frozen standings"
        verbose_name_plural = "ผลที่ตรึงไว้ / frozen standings"

    def __str__(self) -> str:
        return f"{self.rubric_id} frozen {self.frozen_at:%Y-%m-%d %H:%M}"


class FreezeAction(models.TextChoices):
    FREEZE = "freeze", "ตรึงผล / freeze"
    UNFREEZE = "unfreeze", "ยกเลิกการตรึงผล / unfreeze"
    PUBLISH = "publish", "ประกาศผล / publish"


class FreezeEvent(models.Model):
    """Audit trail of freezing, unfreezing (always with a reason) and publishing a year's results."""

    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="freeze_events")
    action = models.CharField("การดำเนินการ / action", max_length=10, choices=FreezeAction.choices)
    reason = models.TextField("เหตุผล / reason", blank=True)
    at = models.DateTimeField("เมื่อ / when", auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "ประวัติการตรึงผล / freeze event"
        verbose_name_plural = "ประวัติการตรึงผล / freeze events"
        constraints = [
            models.CheckConstraint(
                condition=~Q(action="unfreeze") | ~Q(reason=""), name="freeze_event_unfreeze_needs_reason"
            )
        ]

    def __str__(self) -> str:
        return f"{self.rubric_id} {self.action} {self.at:%Y-%m-%d %H:%M}"


class ReminderSent(models.Model):
    """One reminder per province, criterion and deadline: the daily beat job never repeats itself."""

    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="+")
    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="+")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+")
    deadline = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["province", "criterion", "deadline"], name="reminder_once_per_deadline")
        ]

    def __str__(self) -> str:
        return f"{self.province_id} {self.criterion_id} {self.deadline}"
