"""The award documents rendered for the tests and what they say: the demo standings scored, frozen and
rendered, and their HTML and PDF text compared letter by letter. Shared by the quick tests and by those that
read the PDFs with a reader process (tests/processes/awards/readers.py)."""

import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path

import pytest
from django.db import transaction
from django.template.loader import render_to_string
from django.test.signals import template_rendered
from django.utils import translation

from awards import documents, selectors, services
from contests.models import Unit
from people.models import Role
from rubrics.models import ContestPeriod
from scoring import demo, snapshots
from scoring.recompute import standings_recompute
from tests.factories import AwardSignatureFactory, UserFactory


def pypdf_text(path: Path) -> str:
    """The text pypdf takes from a PDF (its own reading, no ActualText), pages split by form feeds."""
    from pypdf import PdfReader

    return "\f".join(page.extract_text() for page in PdfReader(path).pages)


@dataclass
class Tag:
    """A structure element of a tagged PDF: its type (P, H1, Figure…), its /Alt, and what it reads as."""

    type: str
    alt: str
    text: str


def tags(path: Path) -> list[Tag]:
    """Every structure element, in reading order. The text is that of its marked content: the /ActualText
    spans `awards.pdftext` nests in each marked-content sequence (MCID) of a page."""
    import pikepdf

    with pikepdf.open(path) as pdf:
        said: dict[tuple, str] = {}  # (page, MCID) → text
        for page in pdf.pages:
            marked: list[int | None] = []  # MCID (or None) of each open marked-content sequence
            for operands, operator in pikepdf.parse_content_stream(page, "BDC BMC EMC"):
                props = operands[1] if str(operator) == "BDC" else None
                props = props if isinstance(props, pikepdf.Dictionary) else {}
                if str(operator) == "EMC":
                    marked.pop()
                elif "/ActualText" in props:
                    key = (page.obj.objgen, next(m for m in reversed(marked) if m is not None))
                    said[key] = said.get(key, "") + str(props.ActualText)
                    marked.append(None)
                else:
                    marked.append(int(props["/MCID"]) if "/MCID" in props else None)

        found: list[Tag] = []

        def walk(elem) -> str:
            tag = Tag(str(elem.S)[1:], str(elem.get("/Alt", "")), "")
            found.append(tag)
            kids = elem.K if isinstance(elem.K, pikepdf.Array) else [elem.K]
            for kid in kids:
                if isinstance(kid, int):
                    tag.text += said.get((elem.Pg.objgen, kid), "")
                elif "/MCID" in kid:
                    tag.text += said.get((kid.get("/Pg", elem.Pg).objgen, int(kid.MCID)), "")
                elif "/S" in kid:
                    tag.text += walk(kid)
            return tag.text

        root = pdf.Root.StructTreeRoot.K
        for elem in root if isinstance(root, pikepdf.Array) else [root]:
            walk(elem)
        return found


def outline(data: bytes) -> list[tuple[int, str]]:
    """The PDF's bookmarks as (depth, title), in order."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    found = []

    def walk(node, depth):
        while node is not None:
            node = node.get_object()
            found.append((depth, str(node["/Title"])))
            if "/First" in node:
                walk(node["/First"], depth + 1)
            node = node.get("/Next")

    walk(PdfFileReader(BytesIO(data)).root["/Outlines"]["/First"], 0)
    return found


def squash(text: str) -> str:
    """NFKC without white space: lines break inside Thai words, so only the letters are compared, all of them."""
    return "".join(unicodedata.normalize("NFKC", text).split())


KINDS = ["announcement", "results", "certificates", "breakdown"]


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def private_use(text: str) -> list[str]:
    return [f"U+{ord(c):04X}" for c in text if unicodedata.category(c) == "Co"]


HIDDEN = ("head", "style", "script", "title", "desc")  # SVG <title>/<desc> are tooltips, not drawn


class _Visible(HTMLParser):
    """The text of an HTML document's body, as the reader sees it (no head, no style)."""

    def __init__(self):
        super().__init__()
        self.chunks, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in HIDDEN

    def handle_endtag(self, tag):
        self.hidden -= tag in HIDDEN

    def handle_data(self, data):
        if not self.hidden:
            self.chunks.append(data)


def phrases(html: str) -> list[str]:
    parser = _Visible()
    parser.feed(html)
    return " ".join(parser.chunks).split()


def unread(pdf_text: str, html_sources: list[str]) -> list[str]:
    """Phrases of the rendered HTML that the PDF's text does not give back, exactly and in order."""
    flat, at, missing = squash(pdf_text), 0, []
    for phrase in (p for html in html_sources for p in phrases(html)):
        found = flat.find(squash(phrase), at)
        if found < 0:
            missing.append(phrase)
        else:
            at = found + len(squash(phrase))
    return missing


@contextmanager
def html_sources():
    """The HTML each document template rendered (as `documents` lays it out), in order."""
    seen: list[tuple[str, dict]] = []

    def record(sender, template, context, **kwargs):
        if template.name.startswith("awards/pdf/") and template.name != "awards/pdf/base.html":
            seen.append((template.name, context.flatten()))

    template_rendered.connect(record)
    sources: list[str] = []
    try:
        yield sources
    finally:
        template_rendered.disconnect(record)
        with translation.override("th"):
            sources.extend(documents.printable(render_to_string(name, context)) for name, context in seen)


def _request(rubric, capture, kind="results", **kw):
    with capture(execute=True):
        doc = services.document_request(rubric=rubric, kind=kind, **kw)
    doc.refresh_from_db()
    return doc


@dataclass
class Rendered:
    dir: Path
    awardees: list[tuple[str, str]] = field(default_factory=list)  # (province name_th, tier code)
    names_th: list[str] = field(default_factory=list)  # every province in rank order
    html: dict[str, list[str]] = field(default_factory=dict)  # each document's rendered HTML


@pytest.fixture
def demo_standings(rubric) -> ContestPeriod:
    """The demo facts, scored and ranked: 13 awardees, as `make run` shows them."""
    demo.demo_facts(rubric=rubric)
    standings_recompute(rubric_id=rubric.pk, full=True)
    rubric.refresh_from_db()
    return rubric


@pytest.fixture
def final_standings(demo_standings, central_user) -> ContestPeriod:
    """The demo standings frozen and their signatory named: only then are documents issued as final."""
    AwardSignatureFactory(rubric=demo_standings)
    snapshots.standings_freeze(user=central_user, rubric=demo_standings)
    return demo_standings


@pytest.fixture(scope="session")
def rendered(django_db_setup, django_db_blocker, tmp_path_factory) -> Rendered:
    """The four documents rendered once a worker from the demo standings, the rows rolled back after: what the
    tests read is files and names, the same for every module that reads them (the quick ones in tests/awards,
    the readers' in tests/processes/awards)."""
    out = Rendered(tmp_path_factory.mktemp("pdf"))
    with django_db_blocker.unblock(), transaction.atomic():
        rubric = ContestPeriod.objects.get(year=2566)
        demo.demo_facts(rubric=rubric)
        standings_recompute(rubric_id=rubric.pk, full=True)
        AwardSignatureFactory(rubric=rubric)
        snapshots.standings_freeze(user=UserFactory(role=Role.CENTRAL), rubric=rubric)  # final, not "ร่าง"
        rubric.refresh_from_db()
        services.certificate_numbers_give(rubric=rubric)  # as the render of the certificates gives them first
        out.awardees = [(r.unit.name_th, b.tier.code) for b in selectors.awardees(rubric) for r in b.results]
        out.names_th = [r.unit.name_th for r in selectors.scoring.standings(rubric)]
        one = Unit.objects.get(code="TH-50")
        for kind in ("announcement", "results", "certificates", "breakdown"):
            with html_sources() as out.html[kind]:
                doc = documents.render(kind, rubric, one if kind == "breakdown" else None)
            (out.dir / f"{kind}.pdf").write_bytes(documents.write(doc))
        transaction.set_rollback(True)
    return out


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Rendered PDFs go to a throw-away directory, never the developer's var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
