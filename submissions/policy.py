"""What each criterion accepts: the rubric's data (its rules' "evidence" objects, docs/rubric-format.md),
read through the rule; this module only knows the portal's file types and their names."""

from __future__ import annotations

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.i18n import Text, either
from core.thai import thai_digits
from core.validators.content import TYPES
from core.validators.refusal import UploadRefused
from rubrics.models import ContestPeriod
from rubrics.selectors import rubric_spec
from rulebook.rules.evidence import EvidenceExpected
from scoring import lifecycle
from scoring.lifecycle import Action, State, state_allows

DEFAULT_TYPES = frozenset({"pdf", "png", "jpeg", "docx", "xlsx", "pptx"})
# A rubric's "mp4" means a video: the formats phones record come with it (docs/decisions.md, decision 15).
PHONE_VIDEO = frozenset({"mov", "m4v", "3gp"})
VIDEO_LABEL = _("video (MP4, MOV, M4V, 3GP)")
TYPE_LABELS: dict[str, Text] = {
    "pdf": "PDF",
    "png": "PNG",
    "jpeg": "JPG",
    "docx": "Word (DOCX)",
    "xlsx": "Excel (XLSX)",
    "pptx": "PowerPoint (PPTX)",
    "mp4": VIDEO_LABEL,
}
ORDER = ["pdf", "jpeg", "png", "docx", "xlsx", "pptx", "mp4"]
ACCEPT = {
    "pdf": ".pdf",
    "png": ".png",
    "jpeg": ".jpg,.jpeg",
    "docx": ".docx",
    "xlsx": ".xlsx",
    "pptx": ".pptx",
    # the extensions and the types phones give their videos: an iPhone's picker hides IMG_0412.MOV without them
    "mp4": ".mp4,.mov,.m4v,.3gp,video/mp4,video/quicktime,video/x-m4v,video/3gpp",
}


def expected(rubric: ContestPeriod, criterion_code: str) -> EvidenceExpected:
    try:
        return rubric_spec(rubric).criterion(criterion_code).rule.evidence_expected()
    except KeyError:  # not a criterion of this year: nothing beyond the defaults
        return EvidenceExpected()


def allowed_types(rubric: ContestPeriod, criterion_code: str) -> frozenset[str]:
    """The content types (keys of core.validators.content.TYPES) this criterion takes."""
    types = expected(rubric, criterion_code).types
    if types is None:
        return DEFAULT_TYPES
    return types | PHONE_VIDEO if "mp4" in types else types


def allowed_labels(rubric: ContestPeriod, criterion_code: str) -> list[Text]:
    allowed = allowed_types(rubric, criterion_code)
    return [TYPE_LABELS[t] for t in ORDER if t in allowed]


def type_refusal(rubric: ContestPeriod, criterion_code: str) -> UploadRefused:
    """A file this criterion does not take, said with what it does take and the way on from this page: a video
    kept elsewhere goes as a link (the criterion page's "Send a link" box), another file saved as one it takes."""
    allowed = allowed_types(rubric, criterion_code)
    hint = (
        _("Another video: save it as MP4, or send its YouTube or Facebook address under “Send a link” on this page.")
        if "mp4" in allowed
        else _("Save the file as one of these first, or send its address under “Send a link” on this page.")
    )
    labels = allowed_labels(rubric, criterion_code)
    return UploadRefused(
        format_lazy(
            _("File type not accepted: criterion {code} takes only {types} (checked by content, not name). {hint}"),
            code=either(thai_digits(criterion_code), criterion_code),  # ๔.๑.๒ on a Thai page, as the page writes it
            types=format_lazy("{}" + ", {}" * (len(labels) - 1), *labels),
            hint=hint,
        ),
        wrong_type=True,
    )


def refusal_for(refusal: UploadRefused, rubric: ContestPeriod, criterion_code: str) -> UploadRefused:
    """A refusal as this criterion's page says it: a file of a kind it does not take names what it takes."""
    return type_refusal(rubric, criterion_code) if refusal.wrong_type else refusal


def accept_attribute(rubric: ContestPeriod, criterion_code: str) -> str:
    """For <input accept>: a convenience for the file picker only; the server checks content."""
    return ",".join(ACCEPT[t] for t in ORDER if t in allowed_types(rubric, criterion_code))


KIND_ORDER = ["pdf", "image", "office", "video"]


def allowed_kinds(rubric: ContestPeriod, criterion_code: str) -> list[str]:
    """The size-limit groups (FileKind) of the types this criterion takes, in the page's order."""
    kinds = {TYPES[t][0] for t in allowed_types(rubric, criterion_code)}
    return [k for k in KIND_ORDER if k in kinds]


def innovation_criterion(rubric: ContestPeriod) -> str | None:
    """The criterion the innovation report form is filed under, as the rubric says; None if none is."""
    return next((c.code for c in rubric_spec(rubric).criteria() if c.rule.evidence_expected().innovation_report), None)


def innovation_dimension(rubric: ContestPeriod) -> str | None:
    """The dimension whose section links the innovation report form; None where the rubric files none (a
    district's contest linked a 404 under its dimension 5)."""
    code = innovation_criterion(rubric)
    return next((d.code for d in rubric_spec(rubric).dimensions if any(c.code == code for c in d.criteria)), None)


def evidence_closed(rubric: ContestPeriod) -> UploadRefused | None:
    """Why the year takes no more evidence, or None while it does. The evidence page shows this very text and
    the services refuse with it. Late evidence is still taken (it counts as late, docs/decisions.md, decision 3); but
    the frozen results are what gets announced, and published results are final: nothing sent then could
    count, so nothing is taken (or withdrawn) rather than kept for show. The lifecycle decides; this says why."""
    state = lifecycle.state(rubric)
    if state_allows(state, Action.SUBMIT):
        return None
    if state == State.DRAFT:
        return UploadRefused(_("This contest is still a draft: it takes no evidence"), status=409)
    if state == State.PUBLISHED:
        return UploadRefused(
            format_lazy(
                _(
                    "The {year} results are published and final: no more evidence is taken and none can be"
                    " withdrawn (nothing sent after publication would count)"
                ),
                year=rubric.year,
            ),
            status=409,
        )
    return UploadRefused(
        format_lazy(
            _(
                "Central staff have frozen the {year} results: no evidence is taken or withdrawn until they"
                " unfreeze them"
            ),
            year=rubric.year,
        ),
        status=409,
    )
