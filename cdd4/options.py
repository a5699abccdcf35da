"""Every option a deployer sets, in one typed table: its name in the environment, its type, its default and
what it does. `cdd4/settings.py` reads them from here and nowhere else; `docs/operations.md` lists the same
table (`tests/cdd4/test_options.py` compares the two).

The values are read and cast by django-environ (`environ.Env`): "1"/"true"/"on" for a yes, a comma-separated
list for a list, a number checked as a number. A value that cannot be read stops the start with the option's
name, rather than a traceback from deep inside a setting.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from dataclasses import dataclass, field, fields

import environ
from django.core.exceptions import ImproperlyConfigured


def option(default: object, doc: str):  # a dataclass field of whatever type its annotation says
    return field(default=default, metadata={"doc": doc})


@dataclass(frozen=True)
class Options:
    # --- modes ---
    DJANGO_ENV: str = option("development", "`production` hardens everything (HTTPS, HSTS, secure cookies)")
    DJANGO_DEBUG: bool = option(False, "Django's debug pages, outside production only")
    DJANGO_SECRET_KEY: str = option("", "Django's secret key; required in production")
    DJANGO_ALLOWED_HOSTS: tuple[str, ...] = option(("localhost", "127.0.0.1", "[::1]"), "host names the portal answers")
    DJANGO_CSRF_TRUSTED_ORIGINS: tuple[str, ...] = option((), "origins trusted for forms sent across origins")
    DJANGO_SSL_REDIRECT: bool = option(True, "production only: plain HTTP is redirected to HTTPS")
    CDD4_VAR_DIR: str = option("", "the embedded mode's data folder (SQLite, files); `var/` beside the code")
    CDD4_MEDIA_ROOT: str = option("", "where uploaded files are kept on disk; `<CDD4_VAR_DIR>/media`")
    DATABASE_URL: str = option("", "service mode's database (`postgres://…`); SQLite in CDD4_VAR_DIR when empty")
    DB_CONN_MAX_AGE: int = option(60, "seconds a database connection is kept for the next request")
    REDIS_URL: str = option("", "service mode's Redis (broker and cache); tasks run in-process when empty")
    LOG_LEVEL: str = option("INFO", "the root logger's level")
    # --- the public ---
    CDD4_PUBLIC_URL: str = option(
        "", "the address printed on every issued document; https://<first allowed host> in production"
    )
    CDD4_SIGNING_SECRET: str = option("", "encrypts the signing certificate's key at rest; DJANGO_SECRET_KEY if empty")
    CDD4_VERIFY_RATE: str = option("30/60", "look-ups of the verification page per address, `count/seconds`")
    # --- e-mail ---
    EMAIL_BACKEND: str = option("django.core.mail.backends.console.EmailBackend", "Django's e-mail backend")
    EMAIL_HOST: str = option("localhost", "the SMTP server")
    EMAIL_PORT: int = option(25, "the SMTP server's port")
    DEFAULT_FROM_EMAIL: str = option("webmaster@localhost", "the sender of every e-mail")
    # --- notices' outbox (notices/outbox.py) ---
    CDD4_NOTICE_SENDERS: int = option(2, "outbox senders one notice's messages are shared among: the worker processes")
    CDD4_NOTICE_LEASE_SECONDS: int = option(60, "seconds a sender holds a message it claimed: longer than one send")
    # --- accounts ---
    CDD4_SECOND_FACTOR: str = option("required", "`required` for central staff and organisers, or `offered`")
    CDD4_INVITATION_DAYS: int = option(7, "days an invitation link works")
    CDD4_PASSWORD_RESET_RATE: str = option("5/3600", "reset mails per address, `count/seconds`")
    CDD4_PASSWORD_RESET_ACCOUNT_RATE: str = option("3/3600", "reset mails per account, `count/seconds`")
    CDD4_EMAIL_CHANGE_ACCOUNT_RATE: str = option("3/3600", "e-mail change mails per account, `count/seconds`")
    CDD4_EMAIL_CHANGE_ADDRESS_RATE: str = option("3/3600", "e-mail change mails per address, `count/seconds`")
    CDD4_API_TOKEN_DAYS: int = option(90, "days an API token works")
    CDD4_LOGIN_MAX_FAILURES: int = option(5, "failed logins of one username from one address before a lockout")
    CDD4_LOGIN_LOCKOUT_SECONDS: int = option(900, "how long a lockout lasts")
    CDD4_LOGIN_ADDRESS_SLOW_AFTER: int = option(50, "failures from one address before it is slowed, never locked")
    CDD4_LOGIN_ADDRESS_DELAY_MAX: int = option(30, "the longest wait, in seconds, of a slowed address")
    CDD4_CLIENT_IP_HEADER: str = option("", "the header a trusted proxy puts the client's address in (`X-Real-IP`)")
    CDD4_TRUSTED_PROXIES: tuple[str, ...] = option(
        ("127.0.0.1/32", "::1/128"), "networks whose address header is believed"
    )
    # --- LINE (docs/line.md) ---
    CDD4_LINE_CHANNEL_ACCESS_TOKEN: str = option("", "the Messaging API channel's token; LINE is off without it")
    CDD4_LINE_CHANNEL_SECRET: str = option("", "the channel's secret, which signs the webhook")
    CDD4_LINE_API_HOST: str = option("https://api.line.me", "LINE's API; the tests point it at a local stand-in")
    CDD4_LINE_BASIC_ID: str = option("", "the Official Account's LINE ID as people search it (`@123abcde`)")
    CDD4_LINE_MONTHLY_QUOTA: int = option(300, "messages the plan sends a month")
    CDD4_LINE_LINK_RATE: str = option("10/3600", "link codes one LINE user may try, `count/seconds`")
    CDD4_LINE_EVIDENCE_RATE: str = option(
        "120/3600", "files one person may send as evidence from LINE, `count/seconds`"
    )
    CDD4_CALENDAR_RATE: str = option("60/3600", "reads of one private calendar address, `count/seconds`")
    # --- government digital ID (docs/accounts.md, "ThaID / Digital ID"): a provider is shown once its URL is set ---
    CDD4_THAID_DISCOVERY_URL: str = option("", "ThaID's `/.well-known/openid-configuration`; ThaID is off when empty")
    CDD4_THAID_CLIENT_ID: str = option("", "the portal's client id registered with ThaID")
    CDD4_THAID_CLIENT_SECRET: str = option("", "the client secret ThaID gave for it")
    CDD4_THAID_SCOPES: tuple[str, ...] = option(("openid", "pid", "given_name", "family_name"), "scopes asked of ThaID")
    CDD4_THAID_CITIZEN_ID_CLAIM: str = option("pid", "the ID token's claim that carries the citizen ID")
    CDD4_THAID_NAME_CLAIMS: tuple[str, ...] = option(("given_name", "family_name"), "the claims of the person's name")
    CDD4_THAID_VOUCHED_ACR: tuple[str, ...] = option((), "`acr` values that count as the second factor (DGS 1-2)")
    CDD4_THAID_VOUCHED_AMR: tuple[str, ...] = option((), "`amr` methods that count as the second factor")
    CDD4_DIGITALID_DISCOVERY_URL: str = option("", "DGA Digital ID's discovery URL; Digital ID is off when empty")
    CDD4_DIGITALID_CLIENT_ID: str = option("", "the portal's client id registered with Digital ID")
    CDD4_DIGITALID_CLIENT_SECRET: str = option("", "the client secret Digital ID gave for it")
    CDD4_DIGITALID_SCOPES: tuple[str, ...] = option(("openid", "profile"), "scopes asked of Digital ID")
    CDD4_DIGITALID_CITIZEN_ID_CLAIM: str = option("pid", "the ID token's claim that carries the citizen ID")
    CDD4_DIGITALID_NAME_CLAIMS: tuple[str, ...] = option(
        ("given_name", "family_name"), "the claims of the person's name"
    )
    CDD4_DIGITALID_VOUCHED_ACR: tuple[str, ...] = option((), "`acr` values that count as the second factor")
    CDD4_DIGITALID_VOUCHED_AMR: tuple[str, ...] = option((), "`amr` methods that count as the second factor")
    CDD4_DIGITAL_ID_HASH_KEY: str = option("", "keys the citizen IDs' hashes; derived from DJANGO_SECRET_KEY if empty")
    CDD4_DIGITAL_ID_TIMEOUT_SECONDS: float = option(5.0, "seconds the portal waits for a provider's answer")
    CDD4_DIGITAL_ID_LEEWAY_SECONDS: int = option(60, "clock skew allowed on an ID token's times")
    # --- files ---
    CDD4_RESUMABLE_HOURS: int = option(72, "hours an unfinished upload in pieces is kept")
    CDD4_RESUMABLE_OPEN: int = option(3, "unfinished uploads in pieces one person may have")
    CDD4_X_ACCEL: bool = option(False, "nginx serves evidence from an internal location")
    CDD4_X_ACCEL_PREFIX: str = option("/protected-media/", "that internal location")
    CDD4_ANONYMOUS_BODY_BYTES: int = option(64 * 1024, "the largest body anyone without a session may send")
    CDD4_UPLOAD_CHECK_SECONDS: float = option(0.8, "CPU seconds one upload's content check may use")
    CDD4_S3_BUCKET: str = option("", "service mode keeps files in this S3 bucket (cdd4/object_store.py)")
    CDD4_S3_ENDPOINT_URL: str = option("", "where the web machines and workers reach the store; AWS if empty")
    CDD4_S3_PUBLIC_URL: str = option("", "the store's address as browsers reach it (signed download links)")
    CDD4_S3_ACCESS_KEY: str = option("", "the store's access key")
    CDD4_S3_SECRET_KEY: str = option("", "the store's secret key")
    CDD4_S3_REGION: str = option("us-east-1", "the store's region")
    CDD4_S3_LINK_SECONDS: int = option(300, "seconds a download link works")
    # --- recompute ---
    CDD4_RECOMPUTE_DEBOUNCE_MS: int = option(300, "a burst of events within this window is one recompute")
    CDD4_RECOMPUTE_PENDING_TTL_MS: int = option(10000, "how long a queued recompute's mark lives")
    CDD4_RECOMPUTE_LOCK_TTL_S: float = option(10.0, "how long one recompute holds its contest's lock")
    CDD4_RECOMPUTE_LOCK_WAIT_S: float = option(3.0, "how long a recompute waits for that lock")
    CDD4_MOST_ENTRANTS: int = option(100000, "the most entrants a rubric file may list")
    CDD4_RECOMPUTE_PARALLEL_FROM: int = option(2000, "stale entrants from which a recompute is split in chunks")
    CDD4_RECOMPUTE_CHUNKS: int = option(2, "chunks of a parallel recompute: the worker processes there are")
    CDD4_RECOMPUTE_PARALLEL_TTL_S: int = option(120, "how long a parallel recompute keeps others of its contest off")
    CDD4_DASHBOARD_POLL_SECONDS: int = option(2, "how often the live dashboard asks for news")
    CDD4_HEAL_EVERY_SECONDS: int = option(0, "beat's healing period in seconds (the service tests); 2 minutes if 0")
    # --- operations ---
    CDD4_HEARTBEAT_MAX_AGE_S: int = option(120, "/readyz turns red when the worker's heartbeat is older")
    CDD4_HEARTBEAT_EVERY_SECONDS: int = option(0, "the worker's heartbeat period (the service tests); 30 s if 0")
    CDD4_BACKLOG_MAX_AGE_S: int = option(300, "/readyz turns red when stale standings wait longer")
    CDD4_MIN_FREE_MB: int = option(1024, "/readyz turns red with less free space where uploads arrive")
    CDD4_ALERT_AFTER_S: int = option(180, "operators are e-mailed when a check stays red this long")
    CDD4_OPERATORS: tuple[str, ...] = option((), "the operators' e-mail addresses, each a central staff account's")
    CDD4_METRICS_NETWORKS: tuple[str, ...] = option(("127.0.0.1/32", "::1/128"), "networks /metrics answers")
    CDD4_METRICS_TOKEN: str = option("", "or a bearer token /metrics answers")
    CDD4_RETENTION_YEARS: int = option(5, "fiscal years evidence files are kept after their contest")

    @property
    def production(self) -> bool:
        return self.DJANGO_ENV == "production"


# What production refuses to start without.
PRODUCTION_REQUIRED = ("DJANGO_SECRET_KEY",)


def read(environ_: Mapping[str, str]) -> Options:
    """The table's values from `environ_`, each cast to its type; a value that does not read stops the start."""
    env = environ.Env()
    env.ENVIRON = environ_  # django-environ reads os.environ unless told
    types = typing.get_type_hints(Options)
    values: dict[str, typing.Any] = {}
    for f in fields(Options):
        kind = types[f.name]
        listed = typing.get_origin(kind) is tuple
        try:
            value = env.get_value(f.name, cast=list if listed else kind, default=f.default)
        except (ValueError, ImproperlyConfigured) as error:
            raise ImproperlyConfigured(f"{f.name}: {error}") from error
        values[f.name] = tuple(item.strip() for item in value if item.strip()) if listed else value
    return Options(**values)


def documented() -> list[tuple[str, str, str]]:
    """Each option's name, default as written in the environment, and what it does, in the table's order."""
    rows = []
    for f in fields(Options):
        default = f.default
        if isinstance(default, bool):
            shown = "1" if default else "0"
        elif isinstance(default, tuple):
            shown = ",".join(default)
        else:
            shown = str(default)
        rows.append((f.name, shown, f.metadata["doc"]))
    return rows


def markdown() -> str:
    """The table as docs/operations.md holds it (its section "Options")."""
    lines = ["| option | default | what it does |", "|---|---|---|"]
    lines += [f"| `{name}` | {f'`{shown}`' if shown else '—'} | {doc} |" for name, shown, doc in documented()]
    return "\n".join(lines)
