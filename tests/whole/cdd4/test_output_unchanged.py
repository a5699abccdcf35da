"""Every route's output, as each kind of person asks it, and the OpenAPI schema, digested and compared with
output_digests.json: a change that moves code, templates, acts or admins to their owners, or renames what
lies, leaves every byte a person or an API client receives as it was.

The routes come from Django's resolver, walked with their namespaces (the admin's too), and are filled from
the world below by their keyword names only: the digests know neither the URL names nor the templates' file
names, so renaming those changes nothing here. A new route fails `test_every_route_is_filled_or_skipped` until
its keywords can be filled (KWARGS, PK_OF) or it is skipped with a reason (SKIPPED).

`CDD4_WRITE_OUTPUT_DIGESTS=1` writes the digests anew instead of comparing (docs/testing.md). To see what
differs in a page, `CDD4_OUTPUT_BODIES=<folder>` keeps each normalised body there: run it on the tree before the
change and again, into the same folder, on the tree after it; the second run shows each differing body's first
line that differs (or `diff -r` two folders).
"""

import hashlib
import io
import json
import os
import re
import zipfile
from datetime import UTC, datetime, timedelta
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import models, transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from knox.models import AuthToken

from awards.verification import ALPHABET, LENGTH
from contests.models import Unit
from core.thai import BANGKOK
from notices.announcements import announcement_send
from notices.models import Audience
from rubrics.models import ContestPeriod
from scoring import snapshots
from scoring.models import RecomputeRun
from scoring.recompute import standings_recompute
from submissions.models import ResumableUpload
from tests import factories
from tests.security.conftest import th50_world
from tests.security.office.conftest import KEY as OFFICE_KEY
from tests.security.office.conftest import chonburi_world

DIGESTS = Path(__file__).with_name("output_digests.json")
# The digests are SQLite's, in the embedded mode `make check` runs: on PostgreSQL with Redis the schema's integer
# fields have 32-bit ranges, JSON answers keep their keys in jsonb's order and the status page reports the
# worker and Redis, so the same code answers other bytes there.
SQLITE_ONLY = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3", reason="the digests are SQLite's"
)
WRITE = os.environ.get("CDD4_WRITE_OUTPUT_DIGESTS") == "1"
BODIES = os.environ.get("CDD4_OUTPUT_BODIES")

# The world's clock: a Thursday morning in the national contest's year (B.E. 2566), evidence still taken, some of
# its rounds past due (30 June) and some open (31 July).
NOW = datetime(2023, 7, 20, 10, 30, tzinfo=BANGKOK).astimezone(UTC)  # in UTC, as Django's clock answers

# Who asks each route, once for each of its fillings: (the world it comes from, its user there).
ASKERS = {
    "anonymous": (None, None),
    "central": ("national", "central"),
    "owner_office": ("national", "owner"),
    "other_office": ("national", "other_province"),
    "organiser": ("office", "organiser"),
    "panelist": ("office", "panelist"),
}

# A route's keywords filled from the world, by keyword name; each route with any of CONTEST_KWARGS is asked once
# for the national contest and once for the office's contest (`fillings`).
CONTEST_KWARGS = {"key", "slug", "code", "unit", "criterion"}
KWARGS = {
    "national": {"key": "2566", "slug": "cdd4-2566", "code": "TH-50", "unit": "TH-50", "criterion": "4.1.1"},
    "office": {"key": OFFICE_KEY, "slug": OFFICE_KEY, "code": "{entrant}", "unit": "{entrant}", "criterion": "1.1"},
    "any": {
        "app_label": "submissions",  # the admin's page of one app
        "sheet": "judgments",
        "fmt": "csv",
        "role": "office",  # a help page's role
        "token": "not-a-token",  # an account link's or invitation's: a forged one
        "uidb64": "MQ",
        "secret": "not-a-secret",  # a calendar address's: a forged one
        "provider": "thaid",  # a digital ID's provider: none is configured here
        "url": "nowhere/",  # the admin's catch-all
    },
}
# A route's `pk` (or the admin's `object_id`, `id`) by the words of its path: the world's object of that model.
# The admin's own pages take the model its path names (admin/<app>/<model>/...).
PK_OF = (
    ("committee/clarifications/", "committee.clarification"),
    ("notices/announcements/", "notices.announcement"),
    ("notices/outreach/", "notices.outreach"),
    ("/sent/", "stages.stageupload"),
    ("/changes/", "rubrics.rubricchange"),
    ("evidence/", "submissions.evidence"),
    ("documents/", "awards.generateddocument"),
    ("api/v1/uploads/", "submissions.resumableupload"),
)
# A keyword whose value depends on the route, by the words of its path: a verification page's code.
BY_PATH = (("verify/", "code", "{verification}"),)
SKIPPED = {
    # Its answer depends on the worker and Redis of the run, not on the code (tests/ops/test_health.py).
    "readyz": "the operators' readiness probe",
    # Prometheus' counters: how many requests this process has served so far.
    "metrics": "the process's counters",
    # A model's get_absolute_url; no model here defines one, and its ids are content types'.
    "admin/r/<path:content_type_id>/<path:object_id>/": "the admin's view on site",
}

# What legitimately differs from one run to the next, replaced before digesting (besides the values the world
# draws at random, `random_values`, and the stamps of the data loaded at the real time, `pin_times`):
NORMALISED = (
    # the CSRF token a form carries, masked anew for each response
    (re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")'), r"\1<csrf>\2"),
    # the authenticator app's secret a second-factor page draws for each visit, in words and as a QR code
    (re.compile(r'(id="totp-secret">)[^<]+(<)'), r"\1<secret>\2"),
    (re.compile(r'(<svg[^>]*class="segno">).*?(</svg>)', re.S), r"\1<qr>\2"),
    # the free space of the machine's disk (the operators' status page)
    (re.compile(r"(พื้นที่ว่าง )[๐-๙0-9,]+( MB)"), r"\1<free>\2"),
)
# The headers a client acts on, besides the status.
TOLD = ("Content-Type", "Location", "Content-Disposition")
# An office file's (xlsx) own dates of making, which openpyxl takes from the machine's clock.
XLSX_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)")


def url_routes(resolver=None, prefix=""):
    """Every leaf pattern's route, the prefixes of the resolvers above it joined (namespaces included)."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            yield from url_routes(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


KEYWORD = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)")


def keywords(route: str) -> list[str]:
    """The names of the route's keywords, in both of Django's spellings (`<int:pk>`, `(?P<pk>...)`)."""
    return [a or b for a, b in KEYWORD.findall(route)]


def pk_model(route: str) -> str | None:
    """The model ("app.model") whose object fills the route's `pk`, `object_id` or `id` (PK_OF)."""
    admin = re.match(r"admin/(\w+)/(\w+)/", route)
    if admin and apps.all_models.get(admin[1], {}).get(admin[2]):
        return f"{admin[1]}.{admin[2]}"
    return next((model for words, model in PK_OF if words in route), None)


def unfilled(route: str) -> list[str]:
    """The route's keywords no table fills."""
    known = {*KWARGS["any"], *CONTEST_KWARGS}
    return [k for k in keywords(route) if k not in known and not (k in ("pk", "object_id", "id") and pk_model(route))]


def fillings(route: str) -> list[str]:
    """The world variants a route is asked for: both contests for a route of a contest, else one."""
    return ["national", "office"] if CONTEST_KWARGS & set(keywords(route)) else ["any"]


def fill(route: str, variant: str, world) -> str:
    """The route's path with its keywords filled for the variant ("national", "office" or "any")."""
    values = {**KWARGS["any"], **{k: v.format(**world["format"]) for k, v in KWARGS.get(variant, {}).items()}}
    values |= {key: value.format(**world["format"]) for words, key, value in BY_PATH if words in route}
    model = pk_model(route)
    if model:
        values["pk"] = values["object_id"] = values["id"] = world["pk"](model, variant)
    path = KEYWORD.sub(lambda m: values[m[1] or m[2]], route)
    return "/" + path.removeprefix("^").removesuffix("$")


def body_of(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def normalised(body: bytes, world) -> bytes:
    """The body with NORMALISED's parts and the world's random values replaced; a zip (an export, an xlsx) as
    its members' names and normalised contents, without the times of its entries."""
    if body.startswith(b"PK\x03\x04"):
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            parts = [(info.filename, archive.read(info)) for info in archive.infolist()]
        return b"".join(
            name.encode() + b"\0" + normalised(XLSX_DATES.sub(rb"\1\2", data), world) for name, data in parts
        )
    text = body.decode("utf-8", "surrogateescape")
    for pattern, replacement in NORMALISED:
        text = pattern.sub(replacement, text)
    for value, name in world["random"].items():
        text = text.replace(value, name)
    return text.encode("utf-8", "surrogateescape")


def digest(response, body: bytes, world) -> str:
    """Status, the headers a client acts on (normalised as the body), and the body's SHA-256, in one line."""
    headers = " ".join(f"{h}={response[h]}" for h in TOLD if h in response)
    headers = normalised(headers.encode(), world).decode()
    return f"{response.status_code} {headers} {hashlib.sha256(body).hexdigest()}"


def random_values() -> dict[str, str]:
    """What the world draws at random, each with a stable name: the tus uploads' ids, the API tokens' keys."""
    uploads = ResumableUpload.objects.order_by("user__username", "filename").values_list("pk", flat=True)
    found = {str(pk): f"<upload {n}>" for n, pk in enumerate(uploads)}
    tokens = AuthToken.objects.order_by("user__username", "created").values_list("digest", "token_key")
    for n, (digest_, key) in enumerate(tokens):
        found |= {digest_: f"<token {n}>", key: f"<token key {n}>"}
    return found


def pin_times() -> None:
    """The session's data was loaded at the real time, and a user's joining and a few other stamps take Django's
    own clock as their field's default (not the patched one): every stamp of the real present (a year or more
    after the world's clock) is moved to the world's clock, and each recompute's measured duration to none."""
    present = NOW + timedelta(days=365)
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.DateTimeField):
                model._base_manager.filter(**{f"{field.attname}__gte": present}).update(**{field.attname: NOW})
    RecomputeRun.objects.update(duration_ms=0)


def reset_sequences() -> None:
    """The factories' counters (user names, district codes) from zero, whatever tests ran before in this process."""
    for factory in (factories.UserFactory, factories.DistrictFactory, factories.IssuedDocumentFactory):
        factory.reset_sequence(0)


def more_of(worlds) -> str:
    """What the security worlds leave out: the office's contest frozen and its results published by its organiser,
    an announcement to the national contest's entrants (with its outreach) and an issued document's verification
    code, which it returns."""
    office = worlds["office"]
    rubric, organiser = office.objects["rubrics.contestperiod"], office.users["organiser"]
    standings_recompute(rubric_id=rubric.pk, full=True)  # its scores' recompute waits for a commit that never comes
    frozen = snapshots.standings_freeze(user=organiser, rubric=rubric)
    at = frozen.frozen_at.isoformat()
    snapshots.publication_publish(user=organiser, rubric=rubric, confirmed=True, previewed_frozen_at=at)
    national = ContestPeriod.objects.get(year=2566).contest
    announcement_send(
        user=worlds["national"].users["central"], audience=Audience.ENTRANTS, contest=national,
        subject="ประกาศถึงผู้เข้าประกวด", body="กำหนดส่งหลักฐานรอบที่สอง",
    )  # fmt: skip
    code = "".join(ALPHABET[n % len(ALPHABET)] for n in range(LENGTH))
    return factories.VerificationCodeFactory(code=code, document__version=2).code


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The national contest of B.E. 2566 with TH-50's evidence, judgments, a question, documents and standings
    (tests/security/conftest.py), and Chonburi's district contest with its panel, nominee and scores
    (tests/security/office/conftest.py), at a fixed clock; each asker's session made once. Rolled back at the end."""
    from cdd4.celery import app

    media = tmp_path_factory.mktemp("media")
    eager, app.conf.task_always_eager = app.conf.task_always_eager, True
    try:
        with (
            pytest.MonkeyPatch.context() as patch,
            django_db_blocker.unblock(),
            override_settings(MEDIA_ROOT=media),
            transaction.atomic(),
        ):
            patch.setattr(timezone, "now", lambda: NOW)
            cache.clear()
            reset_sequences()
            rubric = ContestPeriod.objects.get(year=2566)
            worlds = {
                "national": th50_world(rubric, Unit.objects.get(code="TH-50"), Unit.objects.get(code="TH-83")),
                "office": chonburi_world(),
            }
            verification = more_of(worlds)
            pin_times()
            sessions = {}
            for asker, (where, who) in ASKERS.items():
                if where is not None:
                    client = Client()
                    client.force_login(worlds[where].users[who])
                    sessions[asker] = client.cookies[settings.SESSION_COOKIE_NAME].value

            def pk(model: str, variant: str) -> str:
                for name in (variant, "national", "office"):
                    found = worlds[name].objects.get(model) if name in worlds else None
                    if found is not None:
                        return str(found.pk)
                first = apps.get_model(model).objects.order_by("pk").first()
                return str(first.pk) if first else "0"

            yield {
                "sessions": sessions,
                "pk": pk,
                "format": {"entrant": worlds["office"].code, "verification": verification},
                "random": random_values(),
            }
            transaction.set_rollback(True)
    finally:
        app.conf.task_always_eager = eager


def asked(world) -> dict[str, str]:
    """`GET <path> as <asker>` → its digest, for every route, filling and asker; each request rolled back."""
    found = {}
    client = Client()
    for route in url_routes():
        if route in SKIPPED:
            continue
        for variant in fillings(route):
            path = fill(route, variant, world)
            for asker in ASKERS:
                client.cookies = SimpleCookie()
                if asker in world["sessions"]:
                    client.cookies[settings.SESSION_COOKIE_NAME] = world["sessions"][asker]
                cache.clear()  # the rate limits and the per-process caches count nothing from the asks before
                with transaction.atomic():
                    response = client.get(path)
                    body = normalised(body_of(response), world)
                    transaction.set_rollback(True)
                key = normalised(f"GET {path} as {asker}".encode(), world).decode()
                found[key] = digest(response, body, world)
                keep(re.sub(r"[^\w.-]+", "_", key), body, key)
    return found


# The first line of each body that differs from the one kept before in CDD4_OUTPUT_BODIES: key → message.
FIRST_DIFFERENCES: dict[str, str] = {}


def keep(name: str, body: bytes, key: str) -> None:
    """Keeps the body in CDD4_OUTPUT_BODIES, noting first its first line that differs from the body kept there
    before (a run of the tree before the change, into the same folder)."""
    if not BODIES:
        return
    kept = Path(BODIES) / name
    if kept.exists() and kept.read_bytes() != body:
        before, now = kept.read_bytes().splitlines(), body.splitlines()
        line = next(
            (n for n, (a, b) in enumerate(zip(before, now, strict=False)) if a != b), min(len(before), len(now))
        )
        shown = [
            lines[line].decode(errors="replace")[:200] if line < len(lines) else "(end)" for lines in (before, now)
        ]
        FIRST_DIFFERENCES[key] = f"    line {line + 1}: kept {shown[0]!r}\n    now  {shown[1]!r}"
    kept.parent.mkdir(parents=True, exist_ok=True)
    kept.write_bytes(body)


def schema_digests() -> dict[str, str]:
    """The OpenAPI schema as `manage.py spectacular` writes it, in each of the portal's languages."""
    found = {}
    for language, _ in settings.LANGUAGES:
        out = io.StringIO()
        call_command("spectacular", "--lang", language, "--validate", stdout=out)
        text = out.getvalue().encode()
        found[f"schema {language}"] = hashlib.sha256(text).hexdigest()
        keep(f"schema-{language}.yaml", text, f"schema {language}")
    return found


def compared(found: dict[str, str], part: str) -> list[str]:
    """The keys whose digest differs from the recorded one, each with both; writes them instead when asked."""
    recorded = json.loads(DIGESTS.read_text(encoding="utf-8")) if DIGESTS.exists() else {}
    if WRITE:
        recorded[part] = dict(sorted(found.items()))
        DIGESTS.write_text(json.dumps(recorded, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        return []
    before = recorded.get(part, {})
    return [
        f"{key}: recorded {before.get(key, '(none)')}, now {found.get(key, '(none)')}"
        + (f"\n{FIRST_DIFFERENCES[key]}" if key in FIRST_DIFFERENCES else "")
        for key in sorted({*before, *found})
        if before.get(key) != found.get(key)
    ]


def test_every_route_is_filled_or_skipped():
    routes = list(url_routes())
    assert {route: unfilled(route) for route in routes if route not in SKIPPED and unfilled(route)} == {}
    assert sorted(set(SKIPPED) - set(routes)) == []


@SQLITE_ONLY
@pytest.mark.django_db
def test_every_route_answers_each_asker_as_recorded(world):
    differ = compared(asked(world), "routes")
    assert differ == [], "\n".join(differ[:40]) + f"\n({len(differ)} differ)"


@SQLITE_ONLY
def test_the_openapi_schema_is_as_recorded():
    differ = compared(schema_digests(), "schema")
    assert differ == [], "\n".join(differ)
