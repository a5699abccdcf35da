"""Settings come from the environment.

Nothing set: the embedded default (SQLite, Celery tasks run in-process after commit).
DATABASE_URL / REDIS_URL switch to service mode; DJANGO_ENV=production hardens everything.
"""

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from celery.schedules import crontab
from whitenoise.compress import Compressor

from cdd4.object_store import object_store

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("CDD4_VAR_DIR", BASE_DIR / "var"))

PRODUCTION = os.environ.get("DJANGO_ENV", "development") == "production"
# Off unless a developer asks (DJANGO_DEBUG=1): `make run` is the product a small office runs, and Django's
# debug 404 lists every URL pattern.
DEBUG = not PRODUCTION and os.environ.get("DJANGO_DEBUG", "0") == "1"
if PRODUCTION:
    SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
else:
    SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-not-secret-cdd4")
# Encrypts the uploaded signing certificate's key at rest (awards.signing); SECRET_KEY when unset.
# Set it (and keep it) when SECRET_KEY may rotate: a new value means the certificate is uploaded again.
CDD4_SIGNING_SECRET = os.environ.get("CDD4_SIGNING_SECRET", "")
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o]
# The portal's address as the public reaches it: printed (with a QR code) on every issued document to lead
# to its verification page, so it must be the address people will have for years.
CDD4_PUBLIC_URL = os.environ.get(
    "CDD4_PUBLIC_URL", f"https://{ALLOWED_HOSTS[0]}" if PRODUCTION else "http://localhost:8000"
)
# Look-ups of the public verification page per client address (awards/verify.py): "count/seconds".
CDD4_VERIFY_RATE = os.environ.get("CDD4_VERIFY_RATE", "30/60")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rules",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI served from our static files, not a CDN
    "drf_standardized_errors",
    "cdd4.apps.KnoxConfig",  # knox (API tokens, cdd4/tokens.py) before scoring, whose admin replaces its token admin
    "cdd4.apps.AxesConfig",  # axes: failed-login lockouts (cdd4/auth.py)
    "import_export",
    "core",
    "people",
    "contests",
    "nominees",
    "stages",
    "notices",
    "scoring",
    "builder",
    "submissions",
    "awards",
    "committee",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "accounts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cdd4.middleware.ThaiFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "cdd4.middleware.AdminDigitsMiddleware",  # inside CommonMiddleware, which sets Content-Length after it
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified(): a second factor this session
    "accounts.middleware.SecondFactorMiddleware",  # who set one up confirms it after the password
    "core.gate.GateMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cdd4.middleware.DatabaseUnavailableMiddleware",
    "cdd4.auth.SlowedLoginMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into the login page with the reason (429)
]

# WhiteNoise serves static files in every mode: runserver stops serving them once DEBUG is off. Outside
# production it reads them where they are (no collectstatic), fresh on every request.
MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = not PRODUCTION
# Source maps are fetched by developer tools only: left uncompressed (brotli at its highest quality on the API
# docs' maps was more than half of collectstatic's time).
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "map"]

ROOT_URLCONF = "cdd4.urls"
WSGI_APPLICATION = "cdd4.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

if "DATABASE_URL" not in os.environ:
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # the embedded default keeps its SQLite file here
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# Each app's migrations are one squashed migration (tools/squash_migrations.py); the chain it replaces sits in
# <app>/migrations/replaced/, out of Django's sight. A database stopped partway through that chain finishes it
# with CDD4_REPLACED_MIGRATIONS=1 `manage.py migrate`, then migrates on without it (docs/operations.md).
if os.environ.get("CDD4_REPLACED_MIGRATIONS"):
    MIGRATION_MODULES = {
        path.parent.parent.parent.name: f"{path.parent.parent.parent.name}.migrations.replaced"
        for path in sorted(BASE_DIR.glob("*/migrations/replaced/__init__.py"))
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several uploads at once: a deferred transaction that read first cannot take the write lock
    # later and fails at once with "database is locked". IMMEDIATE takes it at BEGIN, where the busy timeout
    # (seconds) makes a writer wait its turn; WAL lets readers go on while one writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # First: refuses a locked (username, address) pair or a slowed address before any password is checked.
    "cdd4.auth.PortalAxesBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "accounts.passwords.MinimumLengthValidator"},  # its number in the page's digits
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "th"
LANGUAGES = [("th", "ไทย"), ("en", "English")]
# locale/: the portal's own words (English message ids, Thai translations; makemessages writes here, the first).
# locale_packages/: Thai for Django's and the packages' strings their own catalogues lack or get wrong; kept
# apart so that makemessages, which marks every id the code no longer holds as obsolete, leaves them alone.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_packages"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
# Evidence is private: kept outside static/, served only through permission-checking views.
MEDIA_ROOT = Path(os.environ.get("CDD4_MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "cdd4.static_storage.ForgivingManifestStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Service mode may keep stored files in an S3-compatible object store (cdd4/object_store.py).
CDD4_OBJECT_STORE = object_store(os.environ)
if CDD4_OBJECT_STORE:
    STORAGES["default"] = CDD4_OBJECT_STORE

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # Short timeouts: a Redis that is restarting must not hold a request (the login throttle fails open).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        }
    }
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL  # a parallel recompute's chord gathers its chunks' points
    CELERY_TASK_ALWAYS_EAGER = False
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CELERY_BROKER_URL = "memory://localhost/"
    # Embedded default: tasks run in-process; services queue them with delay_on_commit.
    CELERY_TASK_ALWAYS_EAGER = True
    CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_IGNORE_RESULT = True
CELERY_BEAT_SCHEDULE: dict[str, Any] = {
    # Heals standings after a broker or worker outage: anything marked dirty is recomputed.
    "recompute-dirty": {"task": "scoring.recompute_dirty", "schedule": crontab(minute="*/2")},
    # A month not yet begun is not scored (seed 004): on its first day it is.
    "periods-begun": {"task": "scoring.periods_begun", "schedule": crontab(hour=0, minute=10)},
}

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "core.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # No HTTP Basic: a browser that cached Basic credentials would send them with a foreign site's
        # form post, and Basic skips CSRF. Scripts send "Authorization: Token ..."; browsers use the
        # session (CSRF-checked). Token first: an anonymous call gets 401 with "WWW-Authenticate: Token",
        # which no browser answers with a password prompt.
        "cdd4.tokens.RoleTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # DRF's own three, the JSON one with a nesting limit (core.parsers.JSON_MAX_DEPTH).
    "DEFAULT_PARSER_CLASSES": [
        "core.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    # One error shape, Thai first, every status documented (core.api, core.openapi, docs/api.md "Errors").
    "EXCEPTION_HANDLER": "drf_standardized_errors.handler.exception_handler",
}
DRF_STANDARDIZED_ERRORS = {
    "EXCEPTION_HANDLER_CLASS": "core.api.ThaiFirstExceptionHandler",
    "EXCEPTION_FORMATTER_CLASS": "core.api.ThaiFirstFormatter",
    # The library's own list less 429 (the API has no throttle); 409, 413, 503 and 507 are declared by the
    # operations that answer them (core.openapi.refusal).
    "ALLOWED_ERROR_STATUS_CODES": ["400", "401", "403", "404", "405", "406", "415", "500"],
}
REST_KNOX = {
    "TOKEN_TTL": timedelta(days=int(os.environ.get("CDD4_API_TOKEN_DAYS", "90"))),
    "TOKEN_PREFIX": "cdd4_",  # recognisable in a leaked file or a secret scanner
    "AUTO_REFRESH": False,
}
SPECTACULAR_SETTINGS: dict[str, Any] = {
    "TITLE": "CDD 4.0 awards portal API",
    "DESCRIPTION": "พอร์ทัลประกวดการพัฒนาชุมชนดิจิทัล ๔.๐ / Digital Community Development 4.0 awards portal",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Staff only: the schema and the docs need a login (the docs page sends anonymous users to it).
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # drf-standardized-errors' copy of the enum hook: its per-operation error components keep their own enums.
    "POSTPROCESSING_HOOKS": ["drf_standardized_errors.openapi_hooks.postprocess_schema_enums"],
    "ENUM_NAME_OVERRIDES": {
        "ClientErrorTypeEnum": ["client_error"],
        "ServerErrorTypeEnum": ["server_error"],
        "BadRequestTypeEnum": ["validation_error", "client_error"],
    },
}

IMPORT_EXPORT_USE_TRANSACTIONS = True
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
LOGIN_URL = "admin:login"

LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # One line per eager task in the embedded default is noise.
    "loggers": {"celery": {"level": "WARNING"}},
}

if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SSL_REDIRECT", "1") == "1"
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_REFERRER_POLICY = "same-origin"
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    X_FRAME_OPTIONS = "DENY"

# --- accounts ---
# "required": central staff and organisers confirm a second factor before they freeze, publish, withdraw,
# change an open contest or make an API token; "offered": anyone may set one up, nobody is made to.
CDD4_SECOND_FACTOR = os.environ.get("CDD4_SECOND_FACTOR", "required")
OTP_TOTP_ISSUER = "CDD 4.0"
# Passkeys (django-otp-webauthn) are a second factor beside the app, never a way in without the password
# (django-axes counts password guesses); the site's name and origin come from the request (accounts.passkeys).
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_NAME = "พอร์ทัลพัฒนาชุมชนดิจิทัล ๔.๐ / CDD 4.0 portal"
OTP_WEBAUTHN_RP_ID_CALLABLE = "accounts.passkeys.relying_party"
OTP_WEBAUTHN_HELPER_CLASS = "accounts.passkeys.PortalHelper"
SILENCED_SYSTEM_CHECKS = ["otp_webauthn.E030"]  # no list of origins: PortalHelper takes the checked host's
CDD4_INVITATION_DAYS = int(os.environ.get("CDD4_INVITATION_DAYS", "7"))
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # a reset link lives one day; used once (Django's token)
CDD4_PASSWORD_RESET_RATE = os.environ.get("CDD4_PASSWORD_RESET_RATE", "5/3600")  # per address, per hour
# Mails one account may cause whatever addresses it comes from: reset links to it, confirmation mails of its
# e-mail change; and mails any one address receives from e-mail changes (accounts.services), per hour.
CDD4_PASSWORD_RESET_ACCOUNT_RATE = os.environ.get("CDD4_PASSWORD_RESET_ACCOUNT_RATE", "3/3600")
CDD4_EMAIL_CHANGE_ACCOUNT_RATE = os.environ.get("CDD4_EMAIL_CHANGE_ACCOUNT_RATE", "3/3600")
CDD4_EMAIL_CHANGE_ADDRESS_RATE = os.environ.get("CDD4_EMAIL_CHANGE_ADDRESS_RATE", "3/3600")
CDD4_UNUSED_DAYS = 365  # the year-end list: accounts not signed in for this long
# LINE (docs/line.md): the Official Account's Messaging API channel. Without a token and a secret LINE is off:
# "บัญชีของฉัน" says so and the webhook answers 404. The host is LINE's; the tests point it at a local stand-in.
CDD4_LINE_CHANNEL_ACCESS_TOKEN = os.environ.get("CDD4_LINE_CHANNEL_ACCESS_TOKEN", "")
CDD4_LINE_CHANNEL_SECRET = os.environ.get("CDD4_LINE_CHANNEL_SECRET", "")
CDD4_LINE_API_HOST = os.environ.get("CDD4_LINE_API_HOST", "https://api.line.me")
CDD4_LINE_BASIC_ID = os.environ.get("CDD4_LINE_BASIC_ID", "")  # the OA's LINE ID as people search it, "@123abcde"
CDD4_LINE_MONTHLY_QUOTA = int(os.environ.get("CDD4_LINE_MONTHLY_QUOTA", "300"))  # the plan's free messages a month
CDD4_LINE_LINK_MINUTES = 10  # a link code lives this long, once
CDD4_LINE_LINK_RATE = os.environ.get("CDD4_LINE_LINK_RATE", "10/3600")  # codes one LINE user may try an hour
# A private calendar address (docs/calendar.md) read this often at most: calendars poll every few hours, and one
# set to refresh each minute still gets its dates; a copied address hammered from a script does not.
CDD4_CALENDAR_RATE = os.environ.get("CDD4_CALENDAR_RATE", "60/3600")

# --- submissions ---
# The builder posts a whole contest as one form: seed 003's eight missions are about 1,640 boxes.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "submissions:home"
LOGOUT_REDIRECT_URL = "login"
# Size limit per file kind in MB; central staff override them with UploadLimit rows in the admin.
CDD4_UPLOAD_LIMITS_MB = {"pdf": 50, "image": 20, "office": 50, "video": 1024}
# Files sent in pieces (tus, submissions/resumable.py): an unfinished one is removed this long after it began;
# a person may have this many unfinished at once.
CDD4_RESUMABLE_HOURS = int(os.environ.get("CDD4_RESUMABLE_HOURS", "72"))
CDD4_RESUMABLE_OPEN = int(os.environ.get("CDD4_RESUMABLE_OPEN", "3"))
# Service mode: nginx serves evidence from an `internal` location mapped onto MEDIA_ROOT.
CDD4_X_ACCEL = os.environ.get("CDD4_X_ACCEL", "0") == "1"
CDD4_X_ACCEL_PREFIX = os.environ.get("CDD4_X_ACCEL_PREFIX", "/protected-media/")
CDD4_LOGIN_MAX_FAILURES = int(os.environ.get("CDD4_LOGIN_MAX_FAILURES", "5"))
CDD4_LOGIN_LOCKOUT_SECONDS = int(os.environ.get("CDD4_LOGIN_LOCKOUT_SECONDS", "900"))
# Failures from one address (any usernames) within the lockout window before it is slowed: one attempt
# per (failures over the threshold + 1) seconds, at most CDD4_LOGIN_ADDRESS_DELAY_MAX. Never locked.
CDD4_LOGIN_ADDRESS_SLOW_AFTER = int(os.environ.get("CDD4_LOGIN_ADDRESS_SLOW_AFTER", "50"))
CDD4_LOGIN_ADDRESS_DELAY_MAX = int(os.environ.get("CDD4_LOGIN_ADDRESS_DELAY_MAX", "30"))
# The client's address: REMOTE_ADDR, or this request header when REMOTE_ADDR is one of the trusted
# proxies (deploy/nginx.conf sets X-Real-IP from the connection). Empty: no proxy is trusted.
_ip_header = os.environ.get("CDD4_CLIENT_IP_HEADER", "").strip()
CDD4_CLIENT_IP_HEADER = "HTTP_" + _ip_header.upper().replace("-", "_") if _ip_header else ""
CDD4_TRUSTED_PROXIES = [n for n in os.environ.get("CDD4_TRUSTED_PROXIES", "127.0.0.1/32,::1/128").split(",") if n]
AXES_FAILURE_LIMIT = CDD4_LOGIN_MAX_FAILURES
AXES_COOLOFF_TIME = timedelta(seconds=CDD4_LOGIN_LOCKOUT_SECONDS)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]  # the pair, never the account or the address alone
AXES_USERNAME_FORM_FIELD = "username"  # the login form's field (axes' default: the user model's USERNAME_FIELD)
AXES_USERNAME_CALLABLE = "cdd4.auth.axes_username"
AXES_CLIENT_IP_CALLABLE = "cdd4.auth.client_ip"
AXES_WHITELIST_CALLABLE = "cdd4.auth.slowed_not_counted"
AXES_LOCKOUT_CALLABLE = "cdd4.auth.lockout_response"
AXES_RESET_ON_SUCCESS = True
# Counts in PostgreSQL (the default database handler): a Redis restart neither opens nor blocks logins.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
# Uploads never sit in memory: every file streams to disk from the first byte.
FILE_UPLOAD_MAX_MEMORY_SIZE = 0
FILE_UPLOAD_PERMISSIONS = 0o640

# --- awards ---
# WeasyPrint logs every layout step at INFO; only its warnings (e.g. a font that failed) matter.
LOGGING["loggers"].update({"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}})
LOGGING["loggers"]["pikepdf"] = {"level": "WARNING"}  # one INFO line at import otherwise
# axes: each failed login and lockout at WARNING (usernames and addresses masked, AXES_SENSITIVE_PARAMETERS);
# its INFO lines repeat them. The full records are the AccessAttempt/AccessLog rows (central staff's admin).
LOGGING["loggers"]["axes"] = {"level": "WARNING"}

# --- recompute ---
# A burst of events within this window becomes one recompute (scoring/coalesce.py).
CDD4_RECOMPUTE_DEBOUNCE_MS = int(os.environ.get("CDD4_RECOMPUTE_DEBOUNCE_MS", "300"))
CDD4_RECOMPUTE_PENDING_TTL_MS = int(os.environ.get("CDD4_RECOMPUTE_PENDING_TTL_MS", "10000"))
CDD4_RECOMPUTE_LOCK_TTL_S = float(os.environ.get("CDD4_RECOMPUTE_LOCK_TTL_S", "10"))
CDD4_RECOMPUTE_LOCK_WAIT_S = float(os.environ.get("CDD4_RECOMPUTE_LOCK_WAIT_S", "3"))
# How many entrants a rubric file may list: room for a contest among every village (some 75,000).
CDD4_MOST_ENTRANTS = int(os.environ.get("CDD4_MOST_ENTRANTS", "100000"))
# A recompute of at least this many stale entrants is split into chunks scored by every worker in parallel,
# then ranked once; service mode only (the chord needs CELERY_RESULT_BACKEND). CHUNKS: the worker
# processes there are (docker-compose runs `--concurrency 2`); 1 keeps every recompute in one task.
CDD4_RECOMPUTE_PARALLEL_FROM = int(os.environ.get("CDD4_RECOMPUTE_PARALLEL_FROM", "2000"))
CDD4_RECOMPUTE_CHUNKS = int(os.environ.get("CDD4_RECOMPUTE_CHUNKS", "2"))
# How long a running parallel recompute keeps others of its year from starting (a dead chord frees it).
CDD4_RECOMPUTE_PARALLEL_TTL_S = int(os.environ.get("CDD4_RECOMPUTE_PARALLEL_TTL_S", "120"))
CDD4_DASHBOARD_POLL_SECONDS = int(os.environ.get("CDD4_DASHBOARD_POLL_SECONDS", "2"))
# An upload must not hang while the broker is down: fail fast, the beat job heals the standings.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
CELERY_BROKER_CONNECTION_TIMEOUT = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 1, "socket_timeout": 5}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
if os.environ.get("CDD4_HEAL_EVERY_SECONDS"):  # the service tests run beat with a short healing period
    CELERY_BEAT_SCHEDULE["recompute-dirty"]["schedule"] = int(os.environ["CDD4_HEAL_EVERY_SECONDS"])
# The schedule's daily reminders (schedule/reminders.py); schedule is a package, not an app: its tasks named here.
CELERY_IMPORTS = ["schedule.tasks"]
CELERY_BEAT_SCHEDULE["send-reminders"] = {"task": "schedule.send_reminders", "schedule": crontab(hour=8, minute=0)}
CELERY_BEAT_SCHEDULE["media-sweep"] = {"task": "submissions.media_sweep", "schedule": crontab(hour=3, minute=30)}
# Notices (notices/): what the outbox holds and is due is sent again; the daily digest in the morning.
CELERY_BEAT_SCHEDULE["notices-send-due"] = {"task": "notices.send_due", "schedule": crontab(minute="*")}
CELERY_BEAT_SCHEDULE["notices-digest"] = {"task": "notices.send_digests", "schedule": crontab(hour=7, minute=0)}
CDD4_NOTICE_CHANNELS = [  # dotted paths: notices/channels/base.py
    "notices.channels.email.EmailChannel",
    "accounts.line_channel.LineChannel",  # reaches only people who linked LINE, when LINE is set (docs/line.md)
]
CELERY_BEAT_SCHEDULE["resumable-expire"] = {"task": "submissions.resumable_expire", "schedule": crontab(minute=17)}
# A file sent in pieces whose saving broke off (its web process killed) is saved minutes later, not at the sweep.
CELERY_BEAT_SCHEDULE["resumable-recover"] = {"task": "submissions.resumable_recover", "schedule": crontab(minute="*")}
# Evidence enums get stable names in the OpenAPI schema (another app also has a field named "kind").
SPECTACULAR_SETTINGS.setdefault("ENUM_NAME_OVERRIDES", {}).update(
    {
        "EvidenceKindEnum": "submissions.models.EvidenceKind",
        "EvidenceFileKindEnum": "submissions.models.FileKind",
        "SubmissionStatusEnum": "submissions.models.SubmissionStatus",
        # Named here because the collision only appears once evidence also has a "kind".
        "DocumentKindEnum": "awards.models.DocumentKind",
    }
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")

# --- security ---
# Headers on every response (cdd4.middleware.SecurityHeadersMiddleware), in every mode, so a page that
# breaks under the policy breaks in development first. HSTS and SSL redirect stay production-only.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1, "cdd4.middleware.SecurityHeadersMiddleware"
)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "core.api.csrf_failure"  # JSON under /api/, the 403_csrf.html page elsewhere
CDD4_CSP = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
]
CDD4_CSP_API_DOCS_PATH = "/api/v1/docs/"
# Swagger UI comes from drf-spectacular-sidecar's static files and SpectacularSwaggerSplitView serves its
# start-up script as a file: no CDN and no inline script. Only its styles are inline.
CDD4_CSP_API_DOCS = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
]
CDD4_PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
# Evidence downloads (submissions/downloads.py): kept at INFO whatever LOG_LEVEL says; ship to the audit store.
LOGGING["loggers"]["cdd4.evidence_access"] = {"level": "INFO"}
# Largest body anyone without a session or API token may send (a login form is far smaller); checked
# from Content-Length before a byte is read (cdd4.middleware.UploadGateMiddleware).
CDD4_ANONYMOUS_BODY_BYTES = int(os.environ.get("CDD4_ANONYMOUS_BODY_BYTES", str(64 * 1024)))
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.csrf.CsrfViewMiddleware"), "cdd4.middleware.UploadGateMiddleware")
# The most each import route takes (MB, plus 64 KB for the form around the file), refused from
# Content-Length after the sender is authorised and before a byte is read (core.http.check_body_size).
# A full year of facts (50,000 rows) is about 4 MB of CSV; the largest rubric so far is 40 KB of JSON.
CDD4_IMPORT_LIMITS_MB = {"facts": 5, "rubric": 2, "judgments": 1, "register": 5, "stage_file": 1024, "accounts": 5}
# CPU seconds any one upload's content check may use (core/validators/budget.py: its thread's CPU time, so a busy
# machine's waiting does not count); past it, refused.
CDD4_UPLOAD_CHECK_SECONDS = float(os.environ.get("CDD4_UPLOAD_CHECK_SECONDS", "0.8"))

# --- operations (ops/: backup and restore, health, metrics, retention) ---
INSTALLED_APPS.append("ops")
MIDDLEWARE.insert(0, "ops.middleware.RequestMetricsMiddleware")  # first: times the whole request
# /readyz: a worker heartbeat (beat's ops.heartbeat every 30 s) older than this is red; so are stale
# standings with no recompute for this long, and less free space under MEDIA_ROOT than this.
CDD4_HEARTBEAT_MAX_AGE_S = int(os.environ.get("CDD4_HEARTBEAT_MAX_AGE_S", "120"))
CDD4_BACKLOG_MAX_AGE_S = int(os.environ.get("CDD4_BACKLOG_MAX_AGE_S", "300"))
CDD4_MIN_FREE_MB = int(os.environ.get("CDD4_MIN_FREE_MB", "1024"))
# Operators are e-mailed once per incident when a check has stayed red this long (ADMINS if none given).
CDD4_ALERT_AFTER_S = int(os.environ.get("CDD4_ALERT_AFTER_S", "180"))
CDD4_OPERATORS = [a for a in os.environ.get("CDD4_OPERATORS", "").split(",") if a.strip()]
CELERY_BEAT_SCHEDULE["ops-heartbeat"] = {"task": "ops.heartbeat", "schedule": 30}
CELERY_BEAT_SCHEDULE["ops-check-alerts"] = {"task": "ops.check_alerts", "schedule": 60}
if os.environ.get("CDD4_HEARTBEAT_EVERY_SECONDS"):  # the service tests beat faster
    CELERY_BEAT_SCHEDULE["ops-heartbeat"]["schedule"] = int(os.environ["CDD4_HEARTBEAT_EVERY_SECONDS"])
# /metrics (Prometheus): from these networks, or with `Authorization: Bearer CDD4_METRICS_TOKEN`.
CDD4_METRICS_NETWORKS = os.environ.get("CDD4_METRICS_NETWORKS", "127.0.0.1/32,::1/128").split(",")
CDD4_METRICS_TOKEN = os.environ.get("CDD4_METRICS_TOKEN", "")
# PDPA: evidence files are kept this many fiscal years after their contest year, then removed
# (`manage.py retention`); the rows, audit trail and a tombstone stay.
CDD4_RETENTION_YEARS = int(os.environ.get("CDD4_RETENTION_YEARS", "5"))
