from django.db import models
from django.db.models import Q


class AwardTier(models.Model):
    """A rubric's award level: how many provinces get it, and the prize."""

    rubric = models.ForeignKey("scoring.Rubric", on_delete=models.CASCADE, related_name="award_tiers")
    code = models.CharField("รหัส / code", max_length=30)
    order = models.PositiveSmallIntegerField(default=0)
    name_th = models.CharField("ชื่อรางวัล / name (th)", max_length=200)
    name_en = models.CharField("ชื่อรางวัล / name (en)", max_length=200)
    count = models.PositiveSmallIntegerField("จำนวนรางวัล / how many")
    prize = models.DecimalField("เงินรางวัล (บาท) / prize (baht)", max_digits=10, decimal_places=2, default=0)
    prize_th = models.CharField("ของรางวัล / prize (th)", max_length=300, blank=True)
    prize_en = models.CharField("ของรางวัล / prize (en)", max_length=300, blank=True)

    class Meta:
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
