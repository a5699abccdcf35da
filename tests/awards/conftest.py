import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.db import transaction

from awards import documents, selectors
from scoring import demo, services
from scoring.models import Province, Rubric


def pdftext(path: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdffonts(path: Path) -> list[tuple[str, str]]:
    """(font name without the subset prefix, embedded yes/no) per font."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    return [(row[0].split("+", 1)[-1], row[-5]) for row in rows]


MARKS = re.compile(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\s]")


def squash(text: str) -> str:
    """The text without Thai marks and spaces, for comparing with pdftotext's output.

    WeasyPrint's text layer loses SARA AM (ำ is drawn as ํ + า and read back as "า") and pdftotext
    places stacked tone marks by position ("ทีม ่ ี"); consonants, vowels on the line and digits are
    exact, so this compares everything a reader could misread on paper except the marks.
    """
    return MARKS.sub("", text.replace("ำ", "า"))


@dataclass
class Rendered:
    dir: Path
    awardees: list[tuple[str, str]] = field(default_factory=list)  # (province name_th, tier code)
    names_th: list[str] = field(default_factory=list)  # every province in rank order


@pytest.fixture
def demo_standings(rubric) -> Rubric:
    """The demo facts, scored and ranked: 13 awardees, as `make run` shows them."""
    demo.demo_facts(rubric=rubric)
    services.standings_recompute(rubric_id=rubric.pk, full=True)
    rubric.refresh_from_db()
    return rubric


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker, tmp_path_factory) -> Rendered:
    """The four documents rendered once for the module from the demo standings (rolled back after)."""
    out = Rendered(tmp_path_factory.mktemp("pdf"))
    with django_db_blocker.unblock(), transaction.atomic():
        rubric = Rubric.objects.get(year=2566)
        demo.demo_facts(rubric=rubric)
        services.standings_recompute(rubric_id=rubric.pk, full=True)
        rubric.refresh_from_db()
        out.awardees = [(r.province.name_th, b.tier.code) for b in selectors.awardees(rubric) for r in b.results]
        out.names_th = [r.province.name_th for r in selectors.scoring.standings(rubric)]
        for kind in ("announcement", "results", "certificates"):
            (out.dir / f"{kind}.pdf").write_bytes(documents.render(kind, rubric).write_pdf())
        one = Province.objects.get(code="TH-50")
        (out.dir / "breakdown.pdf").write_bytes(documents.render("breakdown", rubric, one).write_pdf())
        transaction.set_rollback(True)
    return out


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Rendered PDFs go to a throw-away directory, never the developer's var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
