import gettext
import json
import re
import shutil
from collections import Counter
from functools import cached_property
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.commands import makemessages

from tools import pofile

# What `make messages` leaves out (Makefile, I18N_IGNORE).
I18N_IGNORE = [".venv", "node_modules", "var", "tests", "tools", "static", "bench"]


@pytest.mark.django_db
def test_locale_thai_even_when_browser_prefers_english(client):
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.headers["Content-Language"] == "th"
    assert "ชื่อผู้ใช้" in response.content.decode()


@pytest.mark.django_db
def test_locale_english_after_choosing_it(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/admin/login/"})
    response = client.get("/admin/login/")
    assert response.headers["Content-Language"] == "en"
    assert "Username" in response.content.decode()


@pytest.mark.django_db
def test_the_admins_selection_counter_is_thai(client, central_user):
    """Django's Thai catalogue says "0 จาก 24 selected" under a list's actions."""
    client.force_login(central_user)
    catalogue = client.get("/admin/jsi18n/").content.decode()
    assert json.dumps("เลือก %(sel)s จาก %(cnt)s") in catalogue  # as the catalogue writes it, \u-escaped
    assert json.dumps("%(sel)s จาก %(cnt)s selected") not in catalogue


# The catalogues (docs/translations.md): every message has its Thai, the .po holds what the code asks for,
# and each committed .mo holds what its .po says.
CATALOGUES = sorted(
    [*settings.BASE_DIR.glob("locale/*/LC_MESSAGES/*.po"), *settings.BASE_DIR.glob("locale_packages/*/*/*.po")]
)
OURS = settings.BASE_DIR / "locale/th/LC_MESSAGES/django.po"


class WorkOutside(makemessages.BuildFile):
    """A template's text for xgettext written under the test's own folder, not beside the template as Django
    writes it: a test of another worker reading the tree's *.py (tests/test_layers.py) never meets it."""

    @cached_property
    def work_path(self) -> str:
        if not self.is_templatized:
            return self.path
        folder = self.translatable.dirpath.removeprefix("./").replace("/", "__")
        return str(self.command.outside / f"{folder}__{self.translatable.file}.py")


class IntoCopy(makemessages.Command):
    """makemessages writing into a copy of the catalogue (it picks the catalogue by each file's folder)."""

    build_file_class = WorkOutside
    copy: Path
    outside: Path

    def find_files(self, root):
        files = super().find_files(root)
        for f in files:
            f.locale_dir = str(self.copy)
        return files


def _texts(entries) -> dict:
    return {e.key: (e.msgstr, tuple(sorted(e.plurals.items()))) for e in entries if not e.obsolete}


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_every_message_has_its_thai(po):
    _header, entries = pofile.read(po)
    missing = [e.msgid for e in entries if not e.obsolete and (not e.translated or e.fuzzy)]
    assert missing == []


# "ไทย / English" or "ไทย · English": a label once written in both languages, cut at the wrong place when it moved to
# the catalogue, its English tail kept in the Thai (the crawl asks the same of every page's text).
ENGLISH_TAIL = re.compile(r"[\u0E00-\u0E7F][^/\n<>·]{0,60} [/·] [A-Za-z][A-Za-z ]{2,}")


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_no_thai_message_keeps_an_english_tail(po):
    _header, entries = pofile.read(po)
    tails = {
        e.msgid: text
        for e in entries
        if not e.obsolete
        for text in (e.msgstr or "", *e.plurals.values())
        if ENGLISH_TAIL.search(text)
    }
    assert tails == {}


# A message's values ("%(label)s", "{count}"): a Thai text naming every one exactly twice as often as its English
# is the sentence written twice, as two versions of it merged into one entry leave it (a page then prints it twice,
# run together).
PLACEHOLDER = re.compile(r"%\([a-z_0-9]+\)[sd]|\{[a-z_0-9]+\}")


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_no_thai_message_says_its_sentence_twice(po):
    _header, entries = pofile.read(po)
    doubled = []
    for e in entries:
        named = Counter(PLACEHOLDER.findall(e.msgid))
        if e.obsolete or e.msgid_plural is not None or not named:
            continue
        if Counter(PLACEHOLDER.findall(e.msgstr)) == Counter({k: 2 * n for k, n in named.items()}):
            doubled.append(e.msgid)
    assert doubled == []


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_each_committed_mo_holds_what_its_po_says(po):
    with po.with_suffix(".mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)._catalog
    _header, entries = pofile.read(po)
    written = {}
    for e in entries:
        if e.obsolete or not e.translated or e.fuzzy:
            continue
        key = e.msgid if e.msgctxt is None else f"{e.msgctxt}\x04{e.msgid}"
        if e.msgid_plural is None:
            written[key] = e.msgstr
        else:
            written.update({(key, n): text for n, text in e.plurals.items()})
    assert {k: v for k, v in compiled.items() if k != ""} == written


def test_the_catalogue_holds_every_message_the_code_has(tmp_path, monkeypatch):
    """makemessages, run on a copy of the .po, would neither add an id nor drop one (nor lose a Thai)."""
    copy = tmp_path / "th/LC_MESSAGES/django.po"
    copy.parent.mkdir(parents=True)
    shutil.copy(OURS, copy)
    monkeypatch.chdir(settings.BASE_DIR)
    command = IntoCopy()
    command.copy = tmp_path
    command.outside = tmp_path / "templatized"
    command.outside.mkdir()
    call_command(command, locale=["th"], no_location=True, ignore_patterns=I18N_IGNORE, verbosity=0)
    assert _texts(pofile.read(copy)[1]) == _texts(pofile.read(OURS)[1])


@pytest.mark.django_db
def test_an_empty_list_of_recent_actions_says_none_not_busy(client, central_user):
    """Django's Thai says "ไม่ว่าง" (busy) for "None available" on the admin's index."""
    client.force_login(central_user)
    page = client.get("/admin/").content.decode()
    assert "ไม่มี" in page
    assert "ไม่ว่าง" not in page


# Thai written straight into a template shows in Thai on the English page too: a template's words go through
# {% translate %}/{% blocktranslate %}. These templates keep Thai in their markup on purpose.
THAI_BY_DESIGN = {
    # The award documents are rendered in Thai whatever the page's language (awards/documents.py).
    "templates/awards/pdf/_verify.html": "printed on the department's Thai documents",
    "templates/awards/pdf/announcement.html": "the department's official announcement, in Thai only",
    "templates/awards/pdf/base.html": "the Thai documents' draft mark",
    "templates/awards/pdf/breakdown.html": "an official score sheet, in Thai only",
    "templates/awards/pdf/certificates.html": "the Thai certificates themselves",
    "templates/awards/pdf/results.html": "an official results table, in Thai only",
    # {% box b name "ไทย" "English" %} takes its label as a pair; one translated label once builder_tags.box
    # stops calling bi().
    "templates/builder/builder.html": "the builder's {% box %} labels, a Thai and English pair",
    "templates/builder/_builder_own.html": "the builder's {% box %} labels, a Thai and English pair",
}
THAI = re.compile(r"[\u0E00-\u0E7F]")
# Only a comment may hold Thai: the translation tags' message ids (and contexts) are English too.
NOT_MARKUP = re.compile(r"\{#.*?#\}|\{%\s*comment\s*%\}.*?\{%\s*endcomment\s*%\}", re.DOTALL)


def _templates() -> list[Path]:
    base = settings.BASE_DIR
    folders = [Path(folder) for folder in settings.TEMPLATES[0]["DIRS"]] + sorted(base.glob("*/templates"))
    found = [path for folder in folders for path in folder.glob("**/*")]
    return sorted(p for p in found if p.is_file() and p.suffix in {".html", ".txt", ".xml"})


def test_no_template_writes_thai_but_in_its_comments():
    thai = {}
    for path in _templates():
        name = str(path.relative_to(settings.BASE_DIR))
        if name in THAI_BY_DESIGN:
            continue
        markup = NOT_MARKUP.sub(_blank, path.read_text()).splitlines()
        lines = [n for n, line in enumerate(markup, 1) if THAI.search(line)]
        if lines:
            thai[name] = lines
    assert thai == {}


def _blank(match: re.Match) -> str:
    """The match's newlines alone, so the line numbers stay right."""
    return "\n" * match.group(0).count("\n")


def test_the_thai_by_design_templates_still_exist():
    assert [name for name in THAI_BY_DESIGN if not (settings.BASE_DIR / name).exists()] == []


# A script's words come from its page, written there with {% translate %} (data- attributes), so a script holds
# no Thai outside its comments.
JS_COMMENT = re.compile(r"/\*.*?\*/|^\s*//.*?$|\s//\s.*?$", re.DOTALL | re.MULTILINE)


def test_no_script_of_ours_writes_thai():
    folders = [Path(folder) for folder in settings.STATICFILES_DIRS]
    scripts = [p for folder in folders for p in folder.glob("**/*.js") if "vendor" not in p.parts]
    thai = {}
    for path in sorted(scripts):
        code = JS_COMMENT.sub(_blank, path.read_text()).splitlines()
        lines = [n for n, line in enumerate(code, 1) if THAI.search(line)]
        if lines:
            thai[str(path.relative_to(settings.BASE_DIR))] = lines
    assert scripts and thai == {}
