"""tools/i18n_codemod.py turns the old Thai/English pairs into catalogue calls, writes each Thai into the .po,
keeps both Thai of one English apart by a context, lists what it cannot convert, and a second run changes
nothing."""

import subprocess
import textwrap

from tools import pofile
from tools.i18n_codemod import CATALOGUE, run

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'


def _tree(tmp_path, files: dict[str, str]):
    for path, text in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(textwrap.dedent(text), encoding="utf-8")
    (tmp_path / CATALOGUE).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / CATALOGUE).write_text(HEADER, encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)


def _convert(tmp_path) -> int:
    return run(tmp_path, check=False, makemessages=False, ruff=False)


def _catalogue(tmp_path) -> dict:
    return {e.key: e.msgstr for e in pofile.read(tmp_path / CATALOGUE)[1]}


def test_a_bi_label_becomes_its_english_id_and_the_thai_goes_to_the_catalogue(tmp_path):
    _tree(tmp_path, {"app/models.py": 'from core.labels import bi\n\nLABEL = bi("สถานะ", "status")\n'})
    _convert(tmp_path)
    assert (tmp_path / "app/models.py").read_text() == (
        'from core.labels import bi\nfrom django.utils.translation import gettext_lazy as _\n\nLABEL = _("status")\n'
    )
    assert _catalogue(tmp_path) == {(None, "status"): "สถานะ"}


def test_a_refusals_pair_and_a_slashed_message_keep_their_other_arguments(tmp_path):
    _tree(
        tmp_path,
        {
            "app/services.py": """\
                from core.errors import PortalError


                def check(n):
                    if n:
                        raise PortalError("ไฟล์ว่าง", "the file is empty", field="file")
                    raise PortalError("กรุณาเลือกไฟล์ / choose a file", code="no_file")
                """
        },
    )
    _convert(tmp_path)
    source = (tmp_path / "app/services.py").read_text()
    assert 'raise PortalError(_("the file is empty"), field="file")' in source
    assert 'raise PortalError(_("choose a file"), code="no_file")' in source
    assert _catalogue(tmp_path) == {(None, "the file is empty"): "ไฟล์ว่าง", (None, "choose a file"): "กรุณาเลือกไฟล์"}


def test_an_f_string_with_a_value_becomes_format_lazy_with_the_same_placeholder_in_the_thai(tmp_path):
    _tree(
        tmp_path,
        {
            "app/views.py": """\
                def done(request, ids):
                    messages.success(request, f"ส่งคำเชิญ {len(ids):,} บัญชี / {len(ids):,} invitations sent")
                    problems.append(f"{name}: ไม่พบไฟล์ / missing")
                    return "left" if is_en() else "เหลือ"
                """
        },
    )
    _convert(tmp_path)
    source = (tmp_path / "app/views.py").read_text()
    assert 'messages.success(request, format_lazy(_("{count:,} invitations sent"), count=len(ids)))' in source
    assert 'problems.append(format_lazy(_("{name}: missing"), name=name))' in source
    assert 'return _("left")' in source
    assert "from django.utils.text import format_lazy" in source
    assert _catalogue(tmp_path) == {
        (None, "{count:,} invitations sent"): "ส่งคำเชิญ {count:,} บัญชี",
        (None, "{name}: missing"): "{name}: ไม่พบไฟล์",
        (None, "left"): "เหลือ",
    }


def test_one_english_with_two_thai_keeps_both_the_other_under_its_modules_context(tmp_path):
    _tree(
        tmp_path,
        {
            "a/models.py": 'A = bi("เปิด", "open")\nB = bi("เปิด", "open")\n',
            "b/lifecycle.py": 'C = bi("เปิดรับ", "open")\n',
        },
    )
    _convert(tmp_path)
    assert 'C = pgettext_lazy("b.lifecycle", "open")' in (tmp_path / "b/lifecycle.py").read_text()
    assert _catalogue(tmp_path) == {(None, "open"): "เปิด", ("b.lifecycle", "open"): "เปิดรับ"}


def test_a_module_that_binds_underscore_gets_gettext_lazy_by_name(tmp_path):
    _tree(tmp_path, {"app/forms.py": 'for _ in range(2):\n    pass\nX = bi("ชื่อ", "name")\n'})
    _convert(tmp_path)
    source = (tmp_path / "app/forms.py").read_text()
    assert 'X = gettext_lazy("name")' in source
    assert "from django.utils.translation import gettext_lazy\n" in source


def test_what_it_cannot_convert_is_listed_and_left_as_it_was(tmp_path, capsys):
    original = 'def f(done, n):\n    return f"{done[0]} {n} บัญชี / {n} accounts {done[1]}"\n'
    _tree(tmp_path, {"app/admin.py": original, "tests/test_x.py": 'X = bi("ก", "a")\n'})
    assert run(tmp_path, check=True, makemessages=False, ruff=False) == 0
    assert "app/admin.py:2: LEFT text: the Thai and the English show different values" in capsys.readouterr().out
    _convert(tmp_path)
    assert (tmp_path / "app/admin.py").read_text() == original
    assert (tmp_path / "tests/test_x.py").read_text() == 'X = bi("ก", "a")\n'


def test_a_second_run_changes_nothing(tmp_path):
    _tree(
        tmp_path,
        {
            "app/models.py": 'A = bi("เปิด", "open")\nB = f"ไม่พบ {code} / no {code}"\n',
            "b/lifecycle.py": 'C = bi("เปิดรับ", "open")\n',
        },
    )
    _convert(tmp_path)
    first = {p: (tmp_path / p).read_text() for p in ("app/models.py", "b/lifecycle.py", str(CATALOGUE))}
    assert run(tmp_path, check=True, makemessages=False, ruff=False) == 0
    _convert(tmp_path)
    assert {p: (tmp_path / p).read_text() for p in first} == first
