"""tools/i18n_templates.py turns the templates' {% t %} and {% bi %} pairs into {% translate %} and
{% blocktranslate %}, each Thai into the catalogue (with a context where the English already has another Thai),
lists what it cannot convert, and a second run changes nothing."""

import textwrap

import pytest

from tools import pofile
from tools.i18n_templates import main

HEADER = textwrap.dedent("""\
    msgid ""
    msgstr ""
    "Content-Type: text/plain; charset=UTF-8\\n"
    "Language: th\\n"

    msgid "status"
    msgstr "สถานะ"
    """)

PAGE = textwrap.dedent("""\
    {% extends "base.html" %}{% load thai %}
    {% block content %}<h1>{% t "ภาวะ" "status" %}</h1>
    <input aria-label="{% t 'ค้นหา' 'search' %}">
    <p>{% bi %}ปี {{ rubric.year|thai_digits }} ส่ง {{ n }} ราย{% en %}year {{ rubric.year }}: {{ n }} sent{% endbi %}</p>
    <p>{% bi %}เลย
      ๕๐%{% en %}late,
      50%{% endbi %}</p>
    <p>{% t unit.name_th unit.name_en %} {% t closed.th closed.en %}</p>
    {% endblock %}
    """)


@pytest.fixture
def sample(tmp_path):
    page = tmp_path / "app/templates/app/page.html"
    page.parent.mkdir(parents=True)
    page.write_text(PAGE, encoding="utf-8")
    po = tmp_path / "django.po"
    po.write_text(HEADER, encoding="utf-8")
    return tmp_path, page, po


def _convert(root, po, *more):
    return main(["--root", str(root), "--po", str(po), "--no-makemessages", *more])


def _catalogue(po):
    return {e.key: e.msgstr for e in pofile.read(po)[1]}


def test_i18n_templates_a_t_tag_becomes_translate_with_its_thai_in_the_catalogue(sample):
    root, page, po = sample
    _convert(root, po)
    text = page.read_text(encoding="utf-8")
    assert "<input aria-label=\"{% translate 'search' %}\">" in text
    assert _catalogue(po)[(None, "search")] == "ค้นหา"


def test_i18n_templates_loads_i18n_after_extends_and_keeps_thai_while_loc_is_used(sample):
    root, page, po = sample
    _convert(root, po)
    assert page.read_text(encoding="utf-8").startswith('{% extends "base.html" %}{% load i18n thai %}\n')


def test_i18n_templates_a_bi_block_names_its_dotted_variable_and_keeps_thai_digits(sample):
    root, page, po = sample
    _convert(root, po)
    text = page.read_text(encoding="utf-8")
    assert (
        "{% blocktranslate with year=rubric.year|thai_digits %}year {{ year }}: {{ n }} sent{% endblocktranslate %}"
    ) in text
    assert _catalogue(po)[(None, "year %(year)s: %(n)s sent")] == "ปี %(year)s ส่ง %(n)s ราย"


def test_i18n_templates_a_block_over_lines_is_trimmed_and_doubles_its_percent_signs(sample):
    root, page, po = sample
    _convert(root, po)
    assert "{% blocktranslate trimmed %}late,\n  50%{% endblocktranslate %}" in page.read_text(encoding="utf-8")
    assert _catalogue(po)[(None, "late, 50%%")] == "เลย ๕๐%%"


def test_i18n_templates_an_english_with_another_thai_gets_the_templates_context(sample):
    root, page, po = sample
    _convert(root, po)
    assert '{% translate "status" context "app/page" %}' in page.read_text(encoding="utf-8")
    catalogue = _catalogue(po)
    assert (catalogue[(None, "status")], catalogue[("app/page", "status")]) == ("สถานะ", "ภาวะ")


def test_i18n_templates_a_models_two_fields_become_loc(sample):
    root, page, po = sample
    _convert(root, po)
    assert '{{ unit|loc:"name" }}' in page.read_text(encoding="utf-8")


def test_i18n_templates_check_lists_what_is_left_and_writes_nothing(sample, capsys):
    root, page, po = sample
    assert _convert(root, po, "--check") == 1
    out = capsys.readouterr().out
    assert "left for a person: " in out and ":8: {% t %} with variables: {% t closed.th closed.en %}" in out
    assert page.read_text(encoding="utf-8") == PAGE
    assert po.read_text(encoding="utf-8") == HEADER


def test_i18n_templates_a_second_run_changes_nothing(sample):
    root, page, po = sample
    _convert(root, po)
    once = page.read_text(encoding="utf-8"), po.read_text(encoding="utf-8")
    assert _convert(root, po, "--check") == 0
    _convert(root, po)
    assert (page.read_text(encoding="utf-8"), po.read_text(encoding="utf-8")) == once


def test_i18n_templates_drops_thai_from_load_when_nothing_else_of_it_is_used(tmp_path):
    page = tmp_path / "templates/_nav.html"
    page.parent.mkdir(parents=True)
    page.write_text('{% load thai %}\n<nav aria-label="{% t "เมนู" "Menu" %}"></nav>\n', encoding="utf-8")
    po = tmp_path / "django.po"
    po.write_text(HEADER, encoding="utf-8")
    _convert(tmp_path, po)
    assert page.read_text(encoding="utf-8") == '{% load i18n %}\n<nav aria-label="{% translate "Menu" %}"></nav>\n'
