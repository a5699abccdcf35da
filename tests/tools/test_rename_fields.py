"""tools/rename_fields.py renames the fields, lookups and variables called for a province that hold any unit, and
keeps what truly means a province, the columns, the JSON keys, the URL parameters and the words on screen; a
second run changes nothing."""

# rename-fields: leave (its examples are the old names)

import subprocess
import textwrap

import pytest

from tools.rename_fields import (
    KEEP,
    NAMES,
    Codemod,
    clashes,
    rewrite_markdown,
    rewrite_python,
    rewrite_template,
)

MODEL = textwrap.dedent("""\
    class Standing(models.Model):
        province = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
        visible_to_provinces = models.BooleanField(default=False)

        class Meta:
            ordering = ["rubric", "rank", "province__code"]
            constraints = [models.UniqueConstraint(fields=["rubric", "province"], name="result_unique")]
    """)


def test_a_model_field_is_renamed_and_keeps_its_column_its_label_and_its_constraints_name():
    assert rewrite_python(MODEL) == textwrap.dedent("""\
        class Standing(models.Model):
            unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", db_column="province_id")
            visible_to_provinces = models.BooleanField(default=False)

            class Meta:
                ordering = ["rubric", "rank", "unit__code"]
                constraints = [models.UniqueConstraint(fields=["rubric", "unit"], name="result_unique")]
        """)


def test_lookups_attributes_and_variables_are_renamed_the_76_provinces_and_words_are_not():
    source = textwrap.dedent("""\
        def rows(province, provinces, province_ids):
            other_province = Unit.objects.provinces().exclude(pk=province.pk)
            found = Standing.objects.filter(role__province=province, province__code__in=provinces).filter(
                at_or_under(province, "province__")
            )
            found = found.select_related("province").values_list("province_id", "province__name_th")
            label = _("province") if Level.PROVINCE else gettext("provinces")
            return found, f"{province.code}-{other_province}", {"province": province.code}, province_ids
        """)
    assert rewrite_python(source) == textwrap.dedent("""\
        def rows(unit, units, unit_ids):
            other_unit = Unit.objects.provinces().exclude(pk=unit.pk)
            found = Standing.objects.filter(role__unit=unit, unit__code__in=units).filter(
                at_or_under(unit, "unit__")
            )
            found = found.select_related("unit").values_list("unit_id", "unit__name_th")
            label = _("province") if Level.PROVINCE else gettext("provinces")
            return found, f"{unit.code}-{other_unit}", {"province": unit.code}, unit_ids
        """)


def test_a_serializers_and_a_plain_forms_field_names_stay_their_source_follows_the_model():
    source = textwrap.dedent("""\
        class JudgmentSerializer(serializers.ModelSerializer):
            province = serializers.CharField(source="province.code")

            class Meta:
                fields = ["province", "points"]


        class DocumentForm(forms.Form):
            province = forms.CharField()
        """)
    assert rewrite_python(source) == source.replace('source="province.code"', 'source="unit.code"')


def test_admin_lists_a_cells_keys_and_a_fields_name_are_field_names():
    source = textwrap.dedent("""\
        class JudgmentAdmin(admin.ModelAdmin):
            list_display = ["province", "points"]
            autocomplete_fields = ["province"]

            def formfield_for_foreignkey(self, db_field, request, **kwargs):
                return db_field.name == "province"


        cell = {"rubric": rubric, "province": province}
        obj.save(update_fields=["province"])
        """)
    assert rewrite_python(source) == source.replace('"province"', '"unit"').replace("province}", "unit}")


def test_a_line_marked_keep_and_a_name_kept_in_its_function_stay():
    source = textwrap.dedent("""\
        PARAMETER = "province"
        x = obj.province  # rename-fields: keep


        def above(unit):
            province = province_of(unit)
            return province
        """)
    assert rewrite_python(source, "stages/selectors.py") == source.replace("PARAMETER", "PARAMETER")
    assert (
        rewrite_python(source, "elsewhere.py")
        == source.replace("province = province_of", "unit = province_of")[:-1].replace("return province", "return unit")
        + "\n"
    )


def test_a_rename_meeting_a_name_already_there_is_refused():
    source = "def f(unit):\n    province = unit.parent\n    return province\n"
    assert clashes(source, "x.py") == ["x.py:1: f has both province and unit"]


def test_templates_rename_attributes_and_keep_words_and_the_search_boxs_parameter():
    text = '{% translate "province" %} {{ r.province.name_th }} {{ r.province_id }} {{ filters.province }} province'
    assert rewrite_template(text) == (
        '{% translate "province" %} {{ r.unit.name_th }} {{ r.unit_id }} {{ filters.province }} province'
    )


def test_markdown_renames_code_in_backticks_only():
    text = "Each province's `Standing.province` and `role__province__code`; the province's page."
    assert rewrite_markdown(text) == "Each province's `Standing.unit` and `role__unit__code`; the province's page."


def test_a_modules_all_names_its_renamed_functions():
    source = '__all__ = ["provinces_for_member", "seat"]\n'
    assert rewrite_python(source) == '__all__ = ["units_for_member", "seat"]\n'


def test_names_kept_are_never_renamed():
    assert not set(KEEP) & set(NAMES)
    assert "provinces" in NAMES and "PROVINCE" in KEEP


@pytest.mark.parametrize(
    ("relative", "source", "expected"),
    [
        ("app/models.py", MODEL, "db_column"),
        ("app/views.py", "def v(request, province):\n    return province.code\n", "unit.code"),
        ("app/migrations/0001_initial.py", "province = 1\n", None),
    ],
)
def test_a_second_run_changes_nothing_and_migrations_stay(tmp_path, relative, source, expected):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    path = tmp_path / relative
    path.parent.mkdir(parents=True)
    path.write_text(source, encoding="utf-8")
    codemod = Codemod(tmp_path)
    changed = codemod.run()
    if expected is None:
        assert changed == {}
        return
    assert expected in changed[relative]
    codemod.write()
    assert Codemod(tmp_path).run() == {}
