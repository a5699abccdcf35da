import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from contests.models import Unit
from people.models import Role
from rubrics.selectors import rubric_spec
from scoring.facts.imports import fact_set, facts_import
from scoring.models import Fact, FactChange, Standing
from tests.factories import PASSWORD, UserFactory

WHO = ("anonymous", "provincial", "committee", "chair", "central")
# Exact status per page and role: provincial staff and anonymous are sent to the login page.
MATRIX = {
    "admin:index": (302, 302, 200, 200, 200),
    "admin:contests_unit_changelist": (302, 302, 200, 200, 200),
    "admin:rubrics_contestperiod_changelist": (302, 302, 200, 200, 200),
    "admin:rubrics_criterion_changelist": (302, 302, 200, 200, 200),
    "admin:scoring_fact_changelist": (302, 302, 200, 200, 200),
    "admin:scoring_standing_changelist": (302, 302, 200, 200, 200),
    "admin:rubrics_awardtier_changelist": (302, 302, 200, 200, 200),
    "admin:scoring_factchange_changelist": (302, 302, 403, 403, 200),
    "admin:rubrics_holidayoverride_changelist": (302, 302, 403, 403, 200),
    "admin:rubrics_holidayoverridechange_changelist": (302, 302, 403, 403, 200),
    "admin:auth_user_changelist": (302, 302, 403, 403, 200),
    "admin:scoring_fact_import": (302, 302, 403, 403, 200),
    "admin:scoring_fact_template": (302, 302, 403, 403, 200),
}
ROLES = {"provincial": Role.OFFICE_STAFF, "committee": Role.COMMITTEE, "chair": Role.CHAIR, "central": Role.CENTRAL}
# Changelist queries do not grow with rows (list_select_related, annotated award names); one of them is
# the navigation bar's latest year for central staff's calendar link.
FACT_QUERIES = 11  # +1: the bell's unread count (notices)
RESULT_QUERIES = 11  # one of them the award filter's: the contests the user sees; +1 the bell


CASES = [(page, who, statuses[i]) for page, statuses in MATRIX.items() for i, who in enumerate(WHO)]


@pytest.mark.parametrize(("page", "who", "status"), CASES)
def test_admin_page_status_by_role(client, chiang_mai, page, who, status):
    if who != "anonymous":
        client.force_login(UserFactory(role=ROLES[who], role__unit=chiang_mai if who == "provincial" else None))
    response = client.get(reverse(page))
    assert response.status_code == status
    if status == 302:
        assert response.url.startswith(reverse("admin:login"))


def test_admin_provincial_staff_refused_at_login_and_even_with_is_staff(client, provincial_user):
    response = client.post(reverse("admin:login"), {"username": provincial_user.username, "password": PASSWORD})
    assert (response.status_code, "_auth_user_id" in client.session) == (200, False)
    provincial_user.is_staff = True
    provincial_user.save()
    client.force_login(provincial_user)
    response = client.get(reverse("admin:scoring_fact_changelist"))
    assert (response.status_code, response.url.startswith(reverse("admin:login"))) == (302, True)


@pytest.fixture
def central_client(client, central_user):
    client.force_login(central_user)
    return client


def test_admin_delete_refused_for_facts_results_and_rubric_with_facts(central_client, rubric, chiang_mai):
    fact_set(rubric=rubric, unit=chiang_mai, criterion_code="1.1", name="done", value="yes")
    fact = Fact.objects.get()
    result = Standing.objects.get(rubric=rubric, unit=chiang_mai)
    urls = [
        reverse("admin:scoring_fact_delete", args=[fact.pk]),
        reverse("admin:scoring_factchange_delete", args=[fact.changes.get().pk]),
        reverse("admin:scoring_standing_delete", args=[result.pk]),
        reverse("admin:rubrics_contestperiod_delete", args=[rubric.pk]),
    ]
    assert [central_client.get(url).status_code for url in urls] == [403, 403, 403, 403]


HEADER = ("province", "criterion", "fact", "value")
GOOD = [("TH-50", "3.3", "computers_total", "40"), ("เชียงใหม่", "3.3", "computers_with_antivirus", "39")]


def _csv(rows, bom=""):
    return (bom + "".join(",".join(r) + "\n" for r in [HEADER, *rows])).encode("utf-8")


def _xlsx(rows):
    book, out = Workbook(), io.BytesIO()
    for r in [HEADER, *rows]:
        book.active.append(list(r))
    book.save(out)
    return out.getvalue()


# name: (builder, file name, index in FactAdmin.import_formats)
FILES = {"csv": (_csv, "facts.csv", "0"), "xlsx": (_xlsx, "facts.xlsx", "1")}
FILES["csv with BOM"] = (lambda rows: _csv(rows, bom="\ufeff"), "facts.csv", "0")


def _upload(client, rubric, kind, rows):
    build, name, fmt = FILES[kind]
    return client.post(
        reverse("admin:scoring_fact_import"),
        {"rubric": rubric.pk, "resource": "0", "format": fmt, "import_file": SimpleUploadedFile(name, build(rows))},
    )


@pytest.mark.parametrize("kind", list(FILES))
def test_fact_import_preview_writes_nothing(central_client, rubric, kind):
    response = _upload(central_client, rubric, kind, GOOD)
    assert response.status_code == 200
    result = response.context["result"]
    assert (result.totals["new"], result.totals["update"], result.has_validation_errors()) == (2, 0, False)
    assert "confirm_form" in response.context
    assert (Fact.objects.count(), FactChange.objects.count()) == (0, 0)


def test_fact_import_bad_row_shows_row_number_and_writes_nothing(central_client, rubric):
    rows = [GOOD[0], ("Atlantis", "1.1", "done", "yes"), ("TH-50", "1.1", "colour", "blue")]
    response = _upload(central_client, rubric, "csv", rows)
    assert response.status_code == 200
    content = response.content.decode()
    assert "แถวที่ ๓: ไม่พบจังหวัด &#x27;Atlantis&#x27;" in content
    assert "แถวที่ ๔: ตัวชี้วัด ๑.๑ ไม่มีข้อมูล" in content
    assert "confirm_form" not in response.context
    assert Fact.objects.count() == 0


def test_fact_import_confirm_creates_facts_and_changes(central_client, central_user, rubric):
    preview = _upload(central_client, rubric, "xlsx", GOOD)
    confirm = preview.context["confirm_form"].initial
    response = central_client.post(reverse("admin:scoring_fact_process_import"), confirm)
    assert (response.status_code, response.url) == (302, reverse("admin:scoring_fact_changelist"))
    facts = dict(Fact.objects.filter(unit__code="TH-50").values_list("name", "value"))
    assert facts == {"computers_total": "40", "computers_with_antivirus": "39"}
    assert list(FactChange.objects.values_list("changed_by", flat=True)) == [central_user.pk, central_user.pk]


def test_fact_export_csv_has_bom_and_codes(central_client, rubric, chiang_mai):
    fact_set(rubric=rubric, unit=chiang_mai, criterion_code="1.1", name="done", value="yes")
    names = ["province", "criterion", "fact", "value", "year", "source", "updated_at"]
    post = {"format": "0", "resource": "0", **{f"factresource_{n}": "on" for n in names}}
    response = central_client.post(reverse("admin:scoring_fact_export"), post)
    lines = response.content.decode("utf-8-sig").splitlines()
    assert response.content.startswith(b"\xef\xbb\xbf")
    assert (lines[0], lines[1][:24]) == (",".join(names), "TH-50,1.1,done,yes,2566,")


@pytest.mark.parametrize("fmt", ["0", "1"])  # the admin's export formats: CSV, XLSX
def test_fact_export_writes_a_stored_formula_as_text(central_client, rubric, chiang_mai, fmt):
    fact_set(rubric=rubric, unit=chiang_mai, criterion_code="1.1", name="done", value="yes")
    Fact.objects.filter(name="done").update(value='=HYPERLINK("http://evil.example")')
    post = {"format": fmt, "resource": "0", "factresource_province": "on", "factresource_value": "on"}
    response = central_client.post(reverse("admin:scoring_fact_export"), post)
    if fmt == "0":
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    else:
        rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert [list(r) for r in rows] == [["province", "value"], ["TH-50", '\'=HYPERLINK("http://evil.example")']]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_fact_template_has_every_province_and_fact_prefilled(central_client, rubric, chiang_mai, fmt):
    fact_set(rubric=rubric, unit=chiang_mai, criterion_code="1.1", name="done", value="yes")
    n_facts = sum(len(c.rule.fact_names()) for c in rubric_spec(rubric).criteria())
    response = central_client.get(reverse("admin:scoring_fact_template") + f"?year=2566&format={fmt}")
    if fmt == "xlsx":
        rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    else:
        assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for Thai
        rows = [tuple(r) for r in csv.reader(io.StringIO(response.content.decode("utf-8-sig")))]
    assert (len(rows), rows[0]) == (1 + 76 * n_facts, HEADER)
    assert ("TH-50", "1.1", "done", "yes") in rows


def test_fact_changelist_query_count_constant(central_client, rubric, chiang_mai, django_assert_num_queries):
    fact_set(rubric=rubric, unit=chiang_mai, criterion_code="1.1", name="done", value="yes")
    url = reverse("admin:scoring_fact_changelist")
    with django_assert_num_queries(FACT_QUERIES):
        assert central_client.get(url).status_code == 200
    others = Unit.objects.exclude(code="TH-50").values_list("code", flat=True)
    rows = [{"province": code, "criterion": "1.1", "fact": "done", "value": "no"} for code in others]
    facts_import(rubric=rubric, rows=rows)
    with django_assert_num_queries(FACT_QUERIES):
        assert len(central_client.get(url).context["cl"].result_list) == 76


def test_standing_changelist_query_count_constant(central_client, rubric, django_assert_num_queries):
    url = reverse("admin:scoring_standing_changelist") + "?year=2566"
    kept = Standing.objects.filter(rubric=rubric).order_by("unit__code").first()
    saved = list(Standing.objects.filter(rubric=rubric).exclude(pk=kept.pk))
    Standing.objects.filter(pk__in=[r.pk for r in saved]).delete()
    with django_assert_num_queries(RESULT_QUERIES):
        assert len(central_client.get(url).context["cl"].result_list) == 1
    Standing.objects.bulk_create(saved)
    with django_assert_num_queries(RESULT_QUERIES):
        assert len(central_client.get(url).context["cl"].result_list) == 76


def _user_post(username, role, unit=""):
    # No password: the new account's owner sets one from the invitation (accounts.admin).
    inline = {"membership-TOTAL_FORMS": "1", "membership-INITIAL_FORMS": "0", "membership-0-role": role}
    return {"username": username, "email": f"{username}@cdd.go.th", **inline, "membership-0-unit": unit}


def test_user_add_provincial_without_province_refused_in_thai(central_client):
    response = central_client.post(reverse("admin:auth_user_add"), _user_post("somchai", Role.OFFICE_STAFF))
    assert response.status_code == 200
    errors = response.context["inline_admin_formsets"][0].formset.errors[0]
    assert errors == {"unit": ["เจ้าหน้าที่จังหวัดต้องระบุจังหวัด"]}
    assert not get_user_model().objects.filter(username="somchai").exists()


@pytest.mark.parametrize(("role", "is_staff"), [(Role.OFFICE_STAFF, False), (Role.COMMITTEE, True)])
def test_user_add_with_role_sets_membership_and_staff_flag(central_client, chiang_mai, role, is_staff):
    unit = str(chiang_mai.pk) if role == Role.OFFICE_STAFF else ""
    response = central_client.post(reverse("admin:auth_user_add"), _user_post("somchai", role, unit))
    assert response.status_code == 302
    user = get_user_model().objects.select_related("membership").get(username="somchai")
    expected = (role, chiang_mai.pk if unit else None, is_staff)
    assert (user.membership.role, user.membership.unit_id, user.is_staff) == expected
