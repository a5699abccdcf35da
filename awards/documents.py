"""HTML → PDF for the four documents (WeasyPrint). Pure rendering: reads through selectors, writes nothing.

Each document is rendered with the shipped Laksaman files only (static/fonts); see the base template
for why each file has its own family name. Every PDF is written as PDF/A-3a (archival, tagged), with
Thai metadata, an outline per section, and a text layer that reads back exactly (see `pdftext`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from fontTools.ttLib import TTFont
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher

from contests.models import Level, Unit
from core.labels import both
from core.thai import thai_digits
from core.thaimap import CREDIT
from nominees.selectors import nominees_by_unit
from rubrics.models import ContestPeriod
from scoring import lifecycle
from scoring import selectors as scoring
from scoring.lifecycle import Action
from scoring.models import Standing
from scoring.standings import Decided, tie_decisions_by_entrant

from . import pdftext, selectors, signing  # signing loads pyHanko only when a document is signed
from .models import DocumentKind
from .selectors import issuer
from .templatetags.awards_thai import award_title
from .verification import CodeBook, Mark

pdftext.install()

FONT_DIR = Path(settings.BASE_DIR) / "static" / "fonts"
FONTS = {"regular": (FONT_DIR / "Laksaman.ttf").as_uri(), "bold": (FONT_DIR / "Laksaman-Bold.ttf").as_uri()}
# Only our own files may be fetched while rendering: no network, nothing else from disk.
ALLOWED = tuple(FONTS.values())

Progress = Callable[[int], None]
# Archival and accessible: PDF/A-3 level A is PDF/A-3u plus a tagged structure tree (WeasyPrint's tags).
ARCHIVAL = "pdf/a-3a"
SUBJECT = "ผลการคัดเลือกสำนักงานพัฒนาชุมชนจังหวัดที่มีผลการดำเนินงานด้านเทคโนโลยีสารสนเทศดีเด่น"
# The engine's explanations use symbols Laksaman has no glyph for; Pango would borrow a system font.
SUBSTITUTES = str.maketrans({"→": "ได้", "⇒": "ได้", "✓": "ผ่าน", "✗": "ไม่ผ่าน", "•": "-", "\u200b": None})


def printable(text: str) -> str:
    """Text the shipped font can draw: known symbols in words, anything else it lacks as "?"."""
    text = str(text).translate(SUBSTITUTES)
    covered = _cmap()
    return "".join(c if ord(c) in covered or c in "\n\t" else "?" for c in text)


@cache
def _cmap() -> frozenset[int]:
    cmaps = [TTFont(FONT_DIR / name).getBestCmap() for name in ("Laksaman.ttf", "Laksaman-Bold.ttf")]
    return frozenset(cmaps[0]) & frozenset(cmaps[1])


_font_config: FontConfiguration | None = None


def _fonts() -> FontConfiguration:
    # Loading the @font-face files is the slow part of a small render; share it per process.
    global _font_config
    if _font_config is None:
        _font_config = FontConfiguration()
    return _font_config


class _OwnFilesOnly(URLFetcher):
    """A missing font must stop the render (not fall back to a system font), and nothing else is fetched."""

    def __init__(self):
        super().__init__(allowed_protocols=["file"], fail_on_errors=True)

    def fetch(self, url, headers=None):
        if url not in ALLOWED:
            raise FatalURLFetchingError(f"refused to fetch {url!r} while rendering a document")
        return super().fetch(url, headers)


def _layout(template: str, context: dict):
    with translation.override("th"):
        html = printable(render_to_string(template, {"fonts": FONTS, **context}))
    return HTML(string=html, url_fetcher=_OwnFilesOnly()).render(font_config=_fonts())


def final(rubric: ContestPeriod) -> bool:
    """Whether a document is issued: only from frozen results not withdrawn (the lifecycle's word),
    not while figures may still move (a recompute pending, a tie at an award line), and not before central
    staff name who signs it: an issued announcement never prints "(      )". Else printed "ร่าง"."""
    if not lifecycle.allows(rubric, Action.ISSUE) or not selectors.signer_named(rubric):
        return False
    return not (selectors.standings_stale(rubric) or any(r.award_tie for r in scoring.standings(rubric)))


# What a document calls its entrants and who issues it: the national contest's words are the
# defaults, so its documents read exactly as before.
OFFICES = {"province": "สำนักงานพัฒนาชุมชนจังหวัด", "district": "สำนักงานพัฒนาชุมชนอำเภอ", "subdistrict": "ตำบล",
           "village": "หมู่บ้าน"}  # fmt: skip


def _common(rubric: ContestPeriod, codes: CodeBook | None = None) -> dict:
    level = rubric.contest.entrant_level
    draft = not final(rubric)
    return {
        "rubric": rubric,
        "computed_at": rubric.standings_computed_at,
        "draft": draft,
        # Only what is issued gets a verification code: a draft ("ร่าง") is never issued.
        "codes": None if draft else codes,
        "issuer": issuer(rubric),
        "unit_noun": both(Level(level).label)[0],  # จังหวัด, อำเภอ, ตำบล
        "office": OFFICES[level],
        "entrant_count": scoring.contest_entrants(rubric.contest).count(),
        "by_province": level == Level.PROVINCE,
    }


def describe(doc, rubric: ContestPeriod, title: str):
    """Thai title and subject, the Department as author, language th: what a search or an archive lists."""
    meta = doc.metadata
    meta.title = f"{title} {rubric.name_th}"
    meta.description = f"{SUBJECT} {rubric.name_th}" if rubric.contest.is_national else f"ผล{rubric.name_th}"
    meta.authors = [issuer(rubric)]
    meta.lang = "th"
    meta.keywords = [issuer(rubric), "ผลการคัดเลือก", str(rubric.year)]
    meta.generator = "CDD 4.0"
    return doc


def _title(kind: str, unit: Unit | None = None) -> str:
    label = both(DocumentKind(kind).label)[0]
    if unit is None or kind != DocumentKind.BREAKDOWN:
        return label
    return _of(label, unit)


def _of(label: str, unit: Unit) -> str:
    """A document's title for one entrant: "คะแนนรายจังหวัด จังหวัดเชียงใหม่", "ประกาศนียบัตร จังหวัดเชียงใหม่"."""
    return f"{label} {Level(unit.level).label.split(' / ')[0]}{unit.name_th}"


def _mark(common: dict, entrant=None, **printed) -> Mark | None:
    """The verification code printed on this document (or on this entrant's part of it), if it is issued."""
    return common["codes"].mark(entrant, **printed) if common["codes"] is not None else None


def _dated(rubric: ContestPeriod, common: dict, signature) -> tuple:
    """The date an issued document is given, and the correction it follows: the signature's date, or a corrected
    edition's, the day of its correction (its announcement and each certificate it changes)."""
    corrected = None if common["draft"] else selectors.correction(rubric)
    if corrected is None:
        return signature.announced_on, None
    return timezone.localdate(corrected.at), corrected


def announcement(rubric: ContestPeriod, codes: CodeBook | None = None):
    blocks = selectors.awardees(rubric)
    nominees = nominees_by_unit(rubric.contest)  # a contest that honours people lists them too
    for block in blocks:
        block.nominees = nominees
    common, signature = _common(rubric, codes), selectors.signature(rubric)
    dated, corrected = _dated(rubric, common, signature)
    return _layout(
        "awards/pdf/announcement.html",
        {
            **common,
            "mark": _mark(common, dated=dated),
            "dated": dated,
            # A corrected edition names the announcement it corrects: its number, date and code, and why.
            "corrected": corrected,
            "replaced": selectors.announcement_replaced(rubric) if corrected else None,
            "blocks": blocks,
            "signature": signature,
            "dimension_count": rubric.dimensions.count(),
            "map_svg": selectors.award_map(rubric, blocks),
            "map_credit": CREDIT,
        },
    )


def _note(result: Standing, tie_break: list, decided: dict[str, Decided]) -> str:
    if result.award_tie:
        return "คะแนนเสมอที่เส้นแบ่งรางวัล รอคณะกรรมการตัดสิน"
    said = decided.get(result.unit.code)
    if said is not None and said.total == result.total:  # the committee put the tie in order: its decision
        return f"คะแนนเท่ากัน จัดลำดับที่ {thai_digits(said.place)} ใน {thai_digits(said.of)} {said.method}: {said.reason}"
    if result.tied:
        # Without a tie-break order in the rubric (decision 12) equal totals are a tie; with the national
        # one (decision 7), every dimension it compares was equal too.
        return "คะแนนเสมอ (ทุกด้านเท่ากัน)" if tie_break else "คะแนนรวมเท่ากัน"
    return ""


def results_table(rubric: ContestPeriod, codes: CodeBook | None = None):
    dimensions = list(rubric.dimensions.all())
    tiers = {t.code: t.name_th for t in rubric.award_tiers.all()}
    results = scoring.standings(rubric)
    decided = tie_decisions_by_entrant(rubric) if any(r.tied for r in results) else {}
    rows = [
        {
            "rank": r.rank,
            "name_th": r.unit.name_th,
            "dims": [r.dimensions.get(d.code, "0") for d in dimensions],
            "total": r.total,
            "award_name": tiers.get(r.award, ""),
            "award": r.award,
            "note": _note(r, rubric.tie_break, decided),
        }
        for r in results
    ]
    common = _common(rubric, codes)
    context = {**common, "mark": _mark(common), "rows": rows, "dimensions": dimensions}
    return _layout("awards/pdf/results.html", context)


def breakdowns(
    rubric: ContestPeriod, unit: Unit | None = None, progress: Progress | None = None, codes: CodeBook | None = None
) -> list:
    """One laid-out document per entrant, so each has its own "หน้า ๑/๒" numbering."""
    results = [r for r in scoring.standings(rubric) if unit is None or r.unit_id == unit.pk]
    ids = [r.unit_id for r in results]
    evidence = selectors.evidence_by_unit(rubric)
    facts = selectors.facts_by_criterion(rubric, ids)
    tiers = {t.code: t.name_th for t in rubric.award_tiers.all()}
    common = _common(rubric, codes)
    docs = []
    for n, result in enumerate(results, start=1):
        own = evidence.get(result.unit_id, {})
        context = {
            **common,
            "outline_section": n == 1,  # one "คะแนนรายจังหวัด" bookmark above the provinces' ones
            "result": result,
            "award_name": tiers.get(result.award, ""),
            "blocks": selectors.unit_breakdown(rubric, result),
            "evidence": own,
            "has_evidence": bool(own),
            "facts": facts.get(result.unit_id, {}),
            "mark": _mark(common, result.unit, entrant_th=f"{common['office']}{result.unit.name_th}"),
        }
        docs.append(_layout("awards/pdf/breakdown.html", context))
        if progress:
            progress(n * 100 // len(results))
    return docs


def _awardee(common: dict, tier, result, nominee, dated, number: int | None) -> dict:
    office = f"{common['office']}{result.unit.name_th}"
    # The entrant and award as the certificate prints them, kept with its verification code.
    who = f"{nominee.name_th} {nominee.position_th} {office}" if nominee else office
    award = tier.name_th if nominee else award_title(tier.name_th)
    mark = _mark(common, result.unit, entrant_th=who, award_th=award, dated=dated)
    # A certificate a corrected set carries prints the date it was given (its code's), as issued.
    given = mark.dated if mark is not None else dated
    return {"tier": tier, "result": result, "nominee": nominee, "mark": mark, "number": number, "dated": given}


def _awardees(rubric: ContestPeriod, codes: CodeBook | None) -> tuple[dict, list[dict]]:
    """What the certificates print, each with its number (its awardee's for its award, given when first issued:
    `services.certificate_numbers_give`; a draft's has none) and, when issued, its verification code."""
    # A contest that honours people (Contest.nominates) names the office's nominee, not the office.
    nominees = nominees_by_unit(rubric.contest)
    common, signature = _common(rubric, codes), selectors.signature(rubric)
    dated, _ = _dated(rubric, common, signature)
    numbers = {} if common["draft"] else selectors.certificate_numbers(rubric)
    results = [(b.tier, r) for b in selectors.awardees(rubric) for r in b.results]
    awardees = [
        _awardee(common, tier, r, nominees.get(r.unit_id), dated, numbers.get((r.unit_id, tier.code)))
        for tier, r in results
    ]
    return {**common, "signature": signature}, awardees


def _certificates(context: dict, awardees: list[dict]):
    return _layout("awards/pdf/certificates.html", {**context, "awardees": awardees})


def certificates(rubric: ContestPeriod, codes: CodeBook | None = None):
    """Every awardee's certificate, a page each: the combined file, kept for printing."""
    return _certificates(*_awardees(rubric, codes))


def certificate_set(rubric: ContestPeriod, progress: Progress | None = None, codes: CodeBook | None = None):
    """The combined file and each awardee's own file, (unit, laid out) in order, made from the same certificates:
    each page of the combined file prints the very code (and QR code) of that awardee's own file."""
    report = progress or (lambda _: None)
    context, awardees = _awardees(rubric, codes)
    title = _title(DocumentKind.CERTIFICATES)
    combined = describe(_certificates(context, awardees), rubric, title)
    own = []
    for n, item in enumerate(awardees, start=1):
        unit = item["result"].unit
        own.append((unit, describe(_certificates(context, [item]), rubric, _of(title, unit))))
        report(n * 90 // len(awardees))  # the last tenth is for writing (and signing) the files
    return combined, own


def merge(docs: list):
    """Several laid-out documents as one PDF document (metadata of the first)."""
    return docs[0].copy([page for doc in docs for page in doc.pages])


def render(
    kind: str,
    rubric: ContestPeriod,
    unit: Unit | None = None,
    progress: Progress | None = None,
    codes: CodeBook | None = None,
):
    """The laid-out document of one kind, described (`describe`); `write()` gives the bytes, `.pages` the pages.
    With `codes`, a final document prints a verification code and its QR code (drawn into `codes.marks`)."""
    report = progress or (lambda _: None)
    if kind == DocumentKind.ANNOUNCEMENT:
        doc = announcement(rubric, codes)
    elif kind == DocumentKind.RESULTS:
        doc = results_table(rubric, codes)
    elif kind == DocumentKind.CERTIFICATES:
        doc = certificates(rubric, codes)
    elif kind == DocumentKind.BREAKDOWN:
        # Layout is most of the work; leave the last tenth for writing the PDF.
        doc = merge(breakdowns(rubric, unit, progress=lambda p: report(p * 9 // 10), codes=codes))
    else:
        raise ValueError(f"unknown document kind {kind!r}")
    report(90)
    return describe(doc, rubric, _title(kind, unit))


def signer_for(rubric: ContestPeriod):
    """(certificate, pyHanko signer) when a final document is to be signed, else (None, None).

    Drafts are never signed: a signature says the figures are settled. A certificate that can no
    longer sign (expired, server secret changed) raises signing.CertificateError, so the document
    fails with that reason rather than coming out silently unsigned.
    """
    certificate = selectors.signing_certificate()
    if certificate is None or not final(rubric):
        return None, None
    return certificate, signing.signer(bytes(certificate.pkcs12))


def write(doc, signer=None) -> bytes:
    """The PDF/A-3a bytes of a laid-out document; signed (PAdES) when a signer is given."""
    pdf = doc.write_pdf(pdf_variant=ARCHIVAL)
    if signer is None:
        return pdf
    return signing.sign(pdf, signer)


def render_set(rubric: ContestPeriod, kinds: list[str], unit: Unit | None = None) -> bytes:
    """Several kinds in one PDF, in the order given (the `export_results` command); signed as `signer_for`."""
    doc = merge([render(kind, rubric, unit) for kind in kinds])
    return write(describe(doc, rubric, " ".join(_title(k, unit) for k in kinds)), signer_for(rubric)[1])
