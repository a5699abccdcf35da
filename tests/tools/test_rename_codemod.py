"""tools/rename_codemod.py renames the models' and role's names where they are code, never a word on screen, a
table, a column or a stored value, and a second run changes nothing."""

# rename-codemod: leave (its examples are the old names)

import subprocess
import textwrap

from tools.rename_codemod import NAMES, Codemod, keep_standing_table, rewrite_python, rewrite_text

MODULE = textwrap.dedent('''\
    from contests.models import Province  # the `Province` model
    from people.models import Role
    from scoring.models import ProvinceResult

    LABEL = bi("จังหวัด", "Province")
    ADMIN = reverse("admin:contests_province_changelist"), "/admin/scoring/provinceresult/"


    def office(province: Province) -> bool:
        """Province.objects holds every unit; a ProvinceResult any entrant's."""
        rows = ProvinceResult.objects.filter(province=province, role="provincial")
        return rows.exists() and Role.PROVINCIAL == "provincial" and "contests.Province" != "scoring_province"
    ''')

RENAMED = textwrap.dedent('''\
    from contests.models import Unit  # the `Unit` model
    from people.models import Role
    from scoring.models import Standing

    LABEL = bi("จังหวัด", "Province")
    ADMIN = reverse("admin:contests_unit_changelist"), "/admin/scoring/standing/"


    def office(province: Unit) -> bool:
        """Unit.objects holds every unit; a Standing any entrant's."""
        rows = Standing.objects.filter(province=province, role="provincial")
        return rows.exists() and Role.OFFICE_STAFF == "provincial" and "contests.Unit" != "scoring_province"
    ''')


def test_names_are_renamed_where_they_are_code_and_words_tables_and_values_stay():
    assert rewrite_python(MODULE, NAMES) == RENAMED
    assert rewrite_python(RENAMED, NAMES) == RENAMED


def test_a_template_keeps_its_words_and_follows_the_admins_url_names():
    page = '<th>{% t "จังหวัด" "Province" %}</th><a href="{% url "admin:scoring_provinceresult_change" r.pk %}">'
    assert rewrite_text(page) == page.replace("scoring_provinceresult_change", "scoring_standing_change")


def test_the_standing_model_keeps_its_old_table_once():
    model = 'class Standing(models.Model):\n    class Meta:\n        ordering = ["rank"]\n'
    kept = keep_standing_table(model)
    assert kept.splitlines()[2] == '        db_table = "scoring_provinceresult"  # the table from before the rename'
    assert keep_standing_table(kept) == kept


def test_the_lifecycles_standing_moves_aside_for_the_model_and_a_second_run_changes_nothing(tmp_path):
    files = {
        "contests/lifecycle.py": "@dataclass(frozen=True)\nclass Standing:\n    frozen: bool\n\n\n"
        "def standing_of() -> Standing:\n    return Standing(frozen=False)\n",
        "scoring/lifecycle.py": "from contests.lifecycle import Standing, standing_of\n\n\n"
        "def standing() -> Standing:\n    return standing_of()\n",
        "scoring/models.py": "class ProvinceResult(models.Model):\n    class Meta:\n        ordering = []\n",
        "scoring/migrations/0001_initial.py": 'migrations.CreateModel(name="ProvinceResult")\n',
        "tests/test_rename.py": '# rename-codemod: leave\nOLD = apps.get_model("scoring", "ProvinceResult")\n',
    }
    for path, text in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)

    codemod = Codemod(tmp_path)
    assert sorted(codemod.run()) == ["contests/lifecycle.py", "scoring/lifecycle.py", "scoring/models.py"]
    codemod.write()

    assert (tmp_path / "scoring/lifecycle.py").read_text() == (
        "from contests.lifecycle import DocumentBasis, basis_of\n\n\n"
        "def standing() -> DocumentBasis:\n    return basis_of()\n"
    )
    assert "class DocumentBasis:" in (tmp_path / "contests/lifecycle.py").read_text()
    assert (tmp_path / "scoring/models.py").read_text().startswith("class Standing(models.Model):")
    for left in ("scoring/migrations/0001_initial.py", "tests/test_rename.py"):
        assert (tmp_path / left).read_text() == files[left]
    assert Codemod(tmp_path).run() == {}
