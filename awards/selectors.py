"""Reads for the award documents, the results page and the exports. No writes here."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Exists, F, OuterRef, Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from contests.actor import actor_of
from contests.models import Unit
from contests.scopes import visible_entrants
from core import thai
from core.errors import PortalError
from core.i18n import Text
from core.thaimap import map_svg, tier_colours
from nominees.models import Nominee
from rubrics.models import AwardTier, ContestPeriod
from rubrics.selectors import rubric_spec
from rulebook.engine import tie_held_places, vacant_places
from scoring import lifecycle
from scoring import selectors as scoring
from scoring.explanations import texts_of
from scoring.lifecycle import Action
from scoring.models import Fact, FreezeAction, FreezeEvent, Standing, StandingsSnapshot
from submissions.models import Evidence

from .models import (
    DRAFT_MARK,
    AwardSignature,
    CertificateNumber,
    DocumentKind,
    DocumentStatus,
    GeneratedDocument,
    SigningCertificate,
    VerificationCode,
)
from .verification import grouped

AUTHOR = "กรมการพัฒนาชุมชน"


def issuer(rubric: ContestPeriod) -> str:
    """Who issues a contest's documents: the Department, or the provincial office that runs it."""
    organiser = rubric.contest.organiser
    return AUTHOR if organiser is None else f"สำนักงานพัฒนาชุมชนจังหวัด{organiser.name_th}"


def issuer_en(rubric: ContestPeriod) -> str:
    """The issuer in English, for the verification page's English line."""
    organiser = rubric.contest.organiser
    if organiser is None:
        return "the Community Development Department"
    return f"the {organiser.name_en} Provincial Community Development Office"


def signer_named(rubric: ContestPeriod) -> bool:
    """Whether central staff saved who signs the year's documents: none is issued (final) before."""
    return AwardSignature.objects.filter(rubric=rubric).exclude(signer_name="").exists()


def signature(rubric: ContestPeriod) -> AwardSignature:
    """The stored signature, or an unsaved default central staff are asked to fill in."""
    found = AwardSignature.objects.filter(rubric=rubric).first()
    if found is not None:
        return found
    return AwardSignature(
        rubric=rubric,
        signer_name="",
        # The head of whoever issues it: the Director-General, or a province's Provincial CD Officer.
        signer_position=(
            "อธิบดีกรมการพัฒนาชุมชน"
            if rubric.contest.organiser is None
            else f"พัฒนาการจังหวัด{rubric.contest.organiser.name_th}"
        ),
        announced_on=timezone.localdate(),
    )


def breakdown_entrant(*, user, rubric: ContestPeriod, code: str) -> Unit:
    """The contest's entrant `code` names (a province's ISO code, a district's DOPA code), among those the
    user may see; any other code is refused, Thai first, before a document is queued for it."""
    unit = visible_entrants(actor_of(user), rubric.contest).filter(code=code).first()
    if unit is None:
        raise PortalError(
            format_lazy(_("{code} is not an entrant of this contest"), code=code),
            field="province",
            code="not_entrant",
        )
    return unit


def standings_version(rubric: ContestPeriod) -> str:
    """What a document depends on: when the standings were last ranked, the signature's last edit, which
    certificate signs (a new certificate gives new, signed versions), and whether the lifecycle lets it be
    issued, from which freeze (a draft made before freezing is not the final document made after).

    Any score change ends in a recompute that moves `standings_computed_at`, so it gives a new key.
    """
    rubric = ContestPeriod.objects.only("standings_computed_at").get(pk=rubric.pk)
    computed = rubric.standings_computed_at
    signed = AwardSignature.objects.filter(rubric=rubric).values_list("updated_at", flat=True).first()
    stamp = lambda t: t.strftime("%Y%m%dT%H%M%S%f") if t else "0"  # noqa: E731
    certificate = SigningCertificate.objects.filter(active=True).values_list("pk", flat=True).first()
    issued = DRAFT_MARK
    if lifecycle.allows(rubric, Action.ISSUE):
        issued = "f" + stamp(StandingsSnapshot.objects.filter(rubric=rubric).values_list("frozen_at", flat=True).get())
        corrected = correction(rubric)
        if corrected is not None:  # the corrected edition: the same results, some awards corrected
            issued += f"{CORRECTED_MARK}{corrected.pk}"
    return f"s{stamp(computed)}-g{stamp(signed)}-c{certificate or 0}-{issued}"


# Between a final document's freeze stamp and the correction its edition follows, in its `source_key`.
CORRECTED_MARK = "k"


def edition_base(source_key: str) -> str:
    """What two editions of the same issued results share in their standings versions: the signature, the signing
    certificate and the freeze, without when the standings were last ranked (a correction re-ranks them) and
    without the correction each follows."""
    return source_key.partition("-")[2].partition(CORRECTED_MARK)[0]


def correction(rubric: ContestPeriod) -> FreezeEvent | None:
    """The latest correction of the published awards (scoring.snapshots.awards_correct) since the results were
    last frozen anew or unfrozen: the documents made now are its corrected edition."""
    last = (
        FreezeEvent.objects.filter(
            rubric=rubric, action__in=[FreezeAction.CORRECT, FreezeAction.FREEZE, FreezeAction.UNFREEZE]
        )
        .order_by("-at", "-id")
        .first()
    )
    return last if last is not None and last.action == FreezeAction.CORRECT else None


@dataclass(frozen=True)
class Replaced:
    """The issued announcement a corrected one replaces, as the corrected one names it."""

    version: int
    dated: date | None
    code: str

    @property
    def grouped(self) -> str:
        return grouped(self.code)


def announcement_replaced(rubric: ContestPeriod) -> Replaced | None:
    """The latest issued announcement, when the documents made now are a corrected edition: the one the corrected
    announcement corrects ("ฉบับแก้ไข", with its number and date)."""
    if correction(rubric) is None:
        return None
    row = (
        VerificationCode.objects.filter(
            document__in=_issued_documents().filter(rubric=rubric, kind=DocumentKind.ANNOUNCEMENT), entrant=None
        )
        .order_by("-document__version")
        .values_list("document__version", "dated", "code")
        .first()
    )
    return None if row is None else Replaced(*row)


def own_certificate(rubric: ContestPeriod, unit: Unit) -> GeneratedDocument | None:
    """The awardee's issued certificate in force: its own file in the newest issued set that holds one for it."""
    return (
        GeneratedDocument.objects.filter(
            rubric=rubric, kind=DocumentKind.CERTIFICATES, unit=unit, combined__isnull=False, status=DocumentStatus.DONE
        )
        .exclude(sha256="")
        .exclude(source_key__endswith=f"-{DRAFT_MARK}")
        .order_by("-version")
        .first()
    )


def own_certificate_url(rubric: ContestPeriod, unit: Unit) -> str:
    """The address of the awardee's issued certificate in force, or "": its office's results page offers it
    (scoring.hooks.own_certificate)."""
    certificate = own_certificate(rubric, unit)
    return reverse("awards:download", args=[certificate.pk]) if certificate else ""


def certificate_numbers(rubric: ContestPeriod) -> dict[tuple[int, str], int]:
    """Each certificate number given in the period, by (awardee's unit id, award): what a certificate prints."""
    rows = CertificateNumber.objects.filter(rubric=rubric).values_list("unit_id", "award", "number")
    return {(unit, award): number for unit, award, number in rows}


def certificates_in_force(rubric: ContestPeriod, source_key: str) -> dict[int, VerificationCode]:
    """Each awardee's issued certificate of an earlier edition of the same frozen results (`source_key`'s, before
    a correction), by unit id, with its code: a corrected set carries each one whose awardee and award did not
    change, its number, date, code and file as issued."""
    if CORRECTED_MARK not in source_key:  # not a corrected edition: every certificate is made anew
        return {}
    base = edition_base(source_key)
    codes = (
        VerificationCode.objects.filter(
            document__rubric=rubric,
            document__kind=DocumentKind.CERTIFICATES,
            document__combined__isnull=False,
            document__status=DocumentStatus.DONE,
            entrant__isnull=False,
        )
        .exclude(document__sha256="")
        .select_related("document")
        .order_by("document__version", "id")
    )
    return {
        code.entrant_id: code
        for code in codes
        if code.entrant_id is not None and edition_base(code.document.source_key) == base
    }


def signing_certificate() -> SigningCertificate | None:
    """The certificate that signs final documents, if central staff uploaded one (and did not withdraw it)."""
    return SigningCertificate.objects.filter(active=True).first()


def standings_stale(rubric: ContestPeriod) -> bool:
    """True while a score change waits for its recompute: documents would show old figures."""
    return Standing.objects.filter(rubric=rubric, change_seq__gt=F("computed_seq")).exists()


@dataclass
class TierBlock:
    tier: AwardTier
    prize_text: str
    results: list[Standing] = field(default_factory=list)
    colour: str = ""
    # In a contest that honours people, each office's nominee (nominees.selectors.nominees_by_unit), by unit id.
    nominees: Mapping[int, Nominee] = field(default_factory=dict)

    vacant: int = 0  # places no entrant earned (decision 10: only points win awards)
    pending: int = 0  # places held by a tie at an award line above (engine.tie_held_places)

    @property
    def shared(self) -> int:
        """Places beyond the tier's count, held by entrants tied at its line (a shared award, or a tie not yet
        settled): the announcement counts the entrants it lists."""
        return max(0, len(self.results) - self.tier.count)

    @property
    def listed(self) -> list[tuple[Standing, Nominee | None]]:
        """The results as the announcement lists them: each with its office's nominee, if it names one."""
        return [(r, self.nominees.get(r.unit_id)) for r in self.results]

    @property
    def prize_html(self) -> str:
        """The prize with "(หนึ่งหมื่นห้าพันบาทถ้วน)" and "๑๕,๐๐๐ บาท" kept whole on one line."""
        text: str = escape(self.prize_text)
        text = re.sub(r"([๐-๙0-9][๐-๙0-9,.]*) บาท", r'<span class="nw">\1 บาท</span>', text)
        return mark_safe(re.sub(r"\(([^()]*)\)", r'<span class="nw">(\1)</span>', text))


def prize_text(tier: AwardTier) -> str:
    """The prize as the seed writes it. If the rubric's wording lacks the amount, the amount is added."""
    if not tier.prize:
        return tier.prize_th
    amount = thai.baht_text(tier.prize)
    if amount in tier.prize_th:
        return tier.prize_th
    return f"{tier.prize_th} จำนวน {amount}".strip()


def awardees(rubric: ContestPeriod) -> list[TierBlock]:
    """The award tiers in order, each with its holders by rank (a boundary tie is kept and flagged)."""
    tiers = list(rubric.award_tiers.all())
    colours = tier_colours([t.code for t in tiers])
    blocks = {t.code: TierBlock(tier=t, prize_text=prize_text(t), colour=colours[t.code]) for t in tiers}
    results = scoring.standings(rubric)
    for result in results:
        if result.award in blocks:
            blocks[result.award].results.append(result)
    vacant = vacant_places([(t.code, t.count) for t in tiers], sum(r.award in blocks for r in results))
    for code, block in blocks.items():
        block.vacant = vacant[code]
        block.pending = tie_held_places(block.tier.count, block.vacant, len(block.results))
    return list(blocks.values())


def awardee_units(rubric: ContestPeriod) -> list[Unit]:
    """The entrants that get a certificate, in the announcement's order."""
    return [result.unit for block in awardees(rubric) for result in block.results]


def award_map(rubric: ContestPeriod, blocks: list[TierBlock] | None = None, height: str = "100%") -> str:
    blocks = awardees(rubric) if blocks is None else blocks
    names = dict(Unit.objects.provinces().values_list("code", "name_th"))
    return map_svg(fills={r.unit.code: b.colour for b in blocks for r in b.results}, names=names, height=height)


@dataclass
class CriterionLine:
    code: str
    label: str  # what the page prints: the document's own number (rulebook.rubric.criterion_label)
    name_th: str
    points: str
    max_points: Decimal
    explanation_th: str
    explanation_en: str


@dataclass
class DimensionBlock:
    code: str
    name_th: str
    max_points: Decimal
    points: str
    criteria: list[CriterionLine]


def unit_breakdown(rubric: ContestPeriod, result: Standing) -> list[DimensionBlock]:
    """An entrant's points per dimension and criterion, with the engine's explanations, in rubric order."""
    spec = rubric_spec(rubric)
    texts = texts_of(result)  # built now if the recompute left them to the explanation pass
    blocks = []
    for dim in spec.dimensions:
        lines = []
        for c in dim.criteria:
            explanation = texts.get(c.code, {})
            lines.append(
                CriterionLine(
                    code=c.code,
                    label=c.label,
                    name_th=c.name_th,
                    points=result.criteria.get(c.code, "0"),
                    max_points=c.max_points,
                    explanation_th=explanation.get("th", ""),
                    explanation_en=explanation.get("en", ""),
                )
            )
        blocks.append(
            DimensionBlock(dim.code, dim.name_th, dim.max_points, result.dimensions.get(dim.code, "0"), lines)
        )
    return blocks


@dataclass(frozen=True)
class EvidenceRow:
    criterion: str
    version: int
    description: str
    name: str  # file name or link
    submitted_at: object


def evidence_by_unit(rubric: ContestPeriod) -> dict[int, dict[str, list[EvidenceRow]]]:
    """Every entrant at once (one query) for the breakdown of all: unit id → criterion → rows."""
    qs = (
        Evidence.objects.visible()
        .filter(submission__rubric=rubric)
        .select_related("submission__criterion")
        .order_by("submission__criterion__order", "-version")
    )
    out: dict[int, dict[str, list[EvidenceRow]]] = {}
    for e in qs:
        row = EvidenceRow(e.submission.criterion.code, e.version, e.description, e.original_name or e.url, e.created_at)
        out.setdefault(e.submission.unit_id, {}).setdefault(row.criterion, []).append(row)
    return out


def facts_by_criterion(rubric: ContestPeriod, unit_ids=None) -> dict[int, dict[str, list[str]]]:
    """province id → criterion code → ["label: value"]: the recorded data each score came from, in Thai
    as the rule reads it (labels, Thai dates, item names), never a raw key."""
    rules = {c.code: c.rule for c in rubric_spec(rubric).criteria()}
    qs = Fact.objects.filter(rubric=rubric).exclude(value="").order_by("criterion__order", "name")
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    out: dict[int, dict[str, list[str]]] = {}
    for pid, code, name, value in qs.values_list("unit_id", "criterion__code", "name", "value"):
        out.setdefault(pid, {}).setdefault(code, []).append(rules[code].fact_text(name, value).th)
    return out


def latest_documents(rubric: ContestPeriod) -> list[GeneratedDocument]:
    """The newest document of each kind and scope, newest first; the combined certificates with each
    awardee's own certificate made with them (`parts`, in the announcement's order)."""
    seen, out = set(), []
    parts = Prefetch("parts", GeneratedDocument.objects.select_related("unit").order_by("id"))
    mine = GeneratedDocument.objects.filter(rubric=rubric, combined__isnull=True).select_related("unit")
    for doc in mine.prefetch_related(parts).order_by("-id"):
        if (doc.kind, doc.scope) not in seen:
            seen.add((doc.kind, doc.scope))
            out.append(doc)
    order = list(DocumentKind.values)
    return sorted(out, key=lambda d: (order.index(d.kind), d.scope != "all", d.scope))


def announced_on(rubric: ContestPeriod) -> date:
    return signature(rubric).announced_on


@dataclass(frozen=True)
class Issued:
    """What the Department issued, as the public verification page shows it, and nothing else of the contest."""

    kind: str  # DocumentKind
    contest_th: str
    issuer: str
    issuer_en: str
    version: int
    issued_at: datetime
    sha256: str
    signed: bool
    withdrawn_at: datetime | None  # the results it was issued from were withdrawn (before or after it was made)
    newer_version: int | None  # a later issued version of the same document replaces it
    newer_issued_at: datetime | None
    newer_code: str = ""  # the replacing document's code (for the same entrant), its page linked from this one
    code: str = ""  # the code looked up; empty when found by its SHA-256
    entrant_th: str = ""  # as printed; empty for a document about every entrant (announcement, results)
    award_th: str = ""
    dated: date | None = None
    # Of the combined file an awardee's certificate was made with: its page of that file carries this code too.
    combined_sha256: str = ""

    @property
    def kind_label(self) -> Text:
        return DocumentKind(self.kind).label

    @property
    def current(self) -> bool:
        return self.withdrawn_at is None and self.newer_version is None


def _issued_documents():
    """Documents issued as final: finished, hashed, and carrying verification codes (a draft has none): their
    own, or, for the combined certificates, those of the awardees' own certificates its pages print."""
    coded = Exists(VerificationCode.objects.filter(document=OuterRef("pk")))
    printed = Exists(VerificationCode.objects.filter(document__combined=OuterRef("pk")))
    return GeneratedDocument.objects.filter(status=DocumentStatus.DONE).exclude(sha256="").filter(coded | printed)


def _issued(doc: GeneratedDocument, code: VerificationCode | None = None) -> Issued | None:
    """None unless it was made from frozen results: only those are issued (the lifecycle's word)."""
    issued_at = doc.finished_at
    if issued_at is None:  # not finished: nothing to have been issued
        return None
    standing = lifecycle.standing(doc.rubric_id, issued_at)
    if not standing.frozen:
        return None
    newer = _newer(doc, code)
    # Published again since a withdrawal: in force again; the reason stays in the audit trail, never shown here.
    return Issued(
        kind=doc.kind,
        contest_th=doc.rubric.name_th,
        issuer=issuer(doc.rubric),
        issuer_en=issuer_en(doc.rubric),
        version=doc.version,
        issued_at=issued_at,
        sha256=doc.sha256,
        signed=doc.signed_with_id is not None,
        withdrawn_at=standing.withdrawn_at,
        newer_version=newer.version if newer else None,
        newer_issued_at=newer.finished_at if newer else None,
        newer_code=_code_of(newer, code.entrant_id if code else None) if newer else "",
        code=code.code if code else "",
        entrant_th=code.entrant_th if code else "",
        award_th=code.award_th if code else "",
        dated=code.dated if code else None,
        combined_sha256=doc.combined.sha256 if doc.combined else "",
    )


def _newer(doc: GeneratedDocument, code: VerificationCode | None) -> GeneratedDocument | None:
    """The issued document that replaces `doc`, if one does. An awardee's certificate is replaced by the next
    certificates that do not carry it: its awardee's new certificate (another award), or, where its awardee holds
    no award in them any more, the announcement issued with them. A corrected set carries each certificate whose
    awardee and award it left as they were (the same file): that one stays in force."""
    later = _issued_documents().filter(rubric_id=doc.rubric_id, kind=doc.kind, version__gt=doc.version)
    if doc.combined is None:
        return later.filter(scope=doc.scope, combined__isnull=True).order_by("-version").first()
    latest = later.filter(scope="all", combined__isnull=True).order_by("-version").first()
    if latest is None:
        return None
    part = latest.parts.filter(unit_id=doc.unit_id, status=DocumentStatus.DONE).first()
    if part is not None and part.sha256 == doc.sha256:
        return None
    if part is not None:
        return part
    return (
        _issued_documents()
        .filter(rubric_id=doc.rubric_id, kind=DocumentKind.ANNOUNCEMENT, finished_at__gte=doc.finished_at)
        .order_by("-version")
        .first()
    ) or latest


def _code_of(doc: GeneratedDocument, entrant_id: int | None) -> str:
    """The code printed on `doc` for the same entrant as the document it replaces (or the whole document's)."""
    codes = VerificationCode.objects.filter(document=doc)
    found = codes.filter(entrant_id=entrant_id).first() if entrant_id is not None else None
    found = found or codes.filter(entrant=None).first()
    return found.code if found else ""


def issued_by_code(code: str) -> Issued | None:
    """The issued document (or entrant's part of it) a verification code was printed on; None if none was."""
    row = (
        VerificationCode.objects.filter(code=code, document__in=_issued_documents())
        .select_related("document__rubric__contest__organiser", "document__combined")
        .first()
    )
    return None if row is None else _issued(row.document, row)


def issued_by_sha256(digest: str) -> Issued | None:
    """The issued document whose file has this SHA-256 (the newest, should one file be issued twice)."""
    doc = (
        _issued_documents()
        .filter(sha256=digest)
        .select_related("rubric__contest__organiser", "combined")
        .order_by("-id")
        .first()
    )
    return None if doc is None else _issued(doc)
