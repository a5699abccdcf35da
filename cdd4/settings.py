"""Django's settings, each name assigned once, in order.

What a deployer sets comes from the environment through one typed table, `cdd4/options.py` (read once,
below, as OPTIONS); everything else here is the portal's own choice. Nothing set: the embedded default
(SQLite, Celery tasks run in-process after commit). DATABASE_URL / REDIS_URL switch to service mode;
DJANGO_ENV=production hardens everything.
"""

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from whitenoise.compress import Compressor

from cdd4 import options
from cdd4.object_store import object_store

OPTIONS = options.read(os.environ)
BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(OPTIONS.CDD4_VAR_DIR or BASE_DIR / "var")

PRODUCTION = OPTIONS.production
# Off unless a developer asks (DJANGO_DEBUG=1): `make run` is the product a small office runs, and Django's
# debug 404 lists every URL pattern.
DEBUG = not PRODUCTION and OPTIONS.DJANGO_DEBUG
if PRODUCTION and (missing := [name for name in options.PRODUCTION_REQUIRED if not getattr(OPTIONS, name)]):
    raise ImproperlyConfigured(f"{', '.join(missing)} must be set in production")
SECRET_KEY = OPTIONS.DJANGO_SECRET_KEY or "dev-only-not-secret-cdd4"
# Encrypts the uploaded signing certificate's key at rest (awards.signing); SECRET_KEY when unset.
# Set it (and keep it) when SECRET_KEY may rotate: a new value means the certificate is uploaded again.
CDD4_SIGNING_SECRET = OPTIONS.CDD4_SIGNING_SECRET
ALLOWED_HOSTS = list(OPTIONS.DJANGO_ALLOWED_HOSTS)
CSRF_TRUSTED_ORIGINS = list(OPTIONS.DJANGO_CSRF_TRUSTED_ORIGINS)
# The portal's address as the public reaches it: printed (with a QR code) on every issued document to lead
# to its verification page, so it must be the address people will have for years.
CDD4_PUBLIC_URL = OPTIONS.CDD4_PUBLIC_URL or (f"https://{ALLOWED_HOSTS[0]}" if PRODUCTION else "http://localhost:8000")
# Look-ups of the public verification page per client address (awards/verify.py): "count/seconds".
CDD4_VERIFY_RATE = OPTIONS.CDD4_VERIFY_RATE

INSTALLED_APPS = [
    "cdd4.apps.PortalAdminConfig",  # django.contrib.admin on the portal's site (cdd4/admin_site.py)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "cdd4.apps.StaticFilesConfig",  # django.contrib.staticfiles, less what no page serves
    "rules",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI served from our static files, not a CDN
    "drf_standardized_errors",
    "cdd4.apps.KnoxConfig",  # knox (API tokens, cdd4/tokens.py; their admin cdd4/access_admin.py)
    "cdd4.apps.AxesConfig",  # axes: failed-login lockouts (cdd4/auth.py)
    "import_export",
    "core",
    "people",
    "contests",
    "nominees",
    "stages",
    "notices",
    "rubrics",
    "scoring",
    "schedule",
    "builder",
    "submissions",
    "awards",
    "committee",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "accounts",
    "ops",  # backup and restore, health, metrics, retention
]

MIDDLEWARE = [
    "ops.middleware.RequestMetricsMiddleware",  # first: times the whole request
    "django.middleware.security.SecurityMiddleware",
    # Headers on every response, in every mode, so a page that breaks under the policy breaks in development
    # first. HSTS and SSL redirect stay production-only.
    "cdd4.middleware.SecurityHeadersMiddleware",
    # WhiteNoise serves static files in every mode: runserver stops serving them once DEBUG is off.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cdd4.middleware.ThaiFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "cdd4.middleware.AdminDigitsMiddleware",  # inside CommonMiddleware, which sets Content-Length after it
    # Refuses an anonymous body over CDD4_ANONYMOUS_BODY_BYTES from Content-Length before a byte is read.
    "cdd4.middleware.UploadGateMiddleware",
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

# Outside production WhiteNoise reads static files where they are (no collectstatic), fresh on every request.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = not PRODUCTION
# Source maps are fetched by developer tools only: left uncompressed (brotli at its highest quality on the API
# docs' maps was more than half of collectstatic's time).
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "map"]
# Every page names its files through {% static %}, which gives the hashed name: the unhashed copies are left
# out of the build (half of collectstatic's compressing, 18.4 → 9.8 CPU-s; 36 → 18 MB of static files).
WHITENOISE_KEEP_ONLY_HASHED_FILES = True

ROOT_URLCONF = "cdd4.urls"
WSGI_APPLICATION = "cdd4.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates", BASE_DIR / "notices" / "channels" / "line" / "templates"],
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

if not OPTIONS.DATABASE_URL:
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # the embedded default keeps its SQLite file here
_database = environ.Env.db_url_config(OPTIONS.DATABASE_URL or f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
if _database["ENGINE"] == "django.db.backends.sqlite3":
    # Several uploads at once: a deferred transaction that read first cannot take the write lock
    # later and fails at once with "database is locked". IMMEDIATE takes it at BEGIN, where the busy timeout
    # (seconds) makes a writer wait its turn; WAL lets readers go on while one writes.
    _database["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }
DATABASES = {"default": {**_database, "CONN_MAX_AGE": OPTIONS.DB_CONN_MAX_AGE, "CONN_HEALTH_CHECKS": True}}
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
STATICFILES_DIRS = [BASE_DIR / "static", BASE_DIR / "notices" / "channels" / "line" / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
# Evidence is private: kept outside static/, served only through permission-checking views.
MEDIA_ROOT = Path(OPTIONS.CDD4_MEDIA_ROOT or VAR_DIR / "media")
MEDIA_URL = "/media/"
# Service mode may keep stored files in an S3-compatible object store (cdd4/object_store.py).
CDD4_OBJECT_STORE = object_store(OPTIONS)
STORAGES = {
    "default": CDD4_OBJECT_STORE or {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "cdd4.static_storage.ForgivingManifestStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

REDIS_URL = OPTIONS.REDIS_URL
# Service mode: Redis is the cache every process shares and the broker, with short timeouts (a Redis that is
# restarting must not hold a request; the login throttle fails open). Embedded default: a cache per process,
# and tasks run in-process (services queue them with delay_on_commit).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
    }
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
CELERY_BROKER_URL = REDIS_URL or "memory://localhost/"
CELERY_RESULT_BACKEND = REDIS_URL or None  # a parallel recompute's chord gathers its chunks' points
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = not REDIS_URL
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_IGNORE_RESULT = True
CELERY_BEAT_SCHEDULE: dict[str, Any] = {
    # Heals standings after a broker or worker outage: anything marked dirty is recomputed (the service tests
    # set a short period).
    "recompute-dirty": {
        "task": "scoring.recompute_dirty",
        "schedule": OPTIONS.CDD4_HEAL_EVERY_SECONDS or crontab(minute="*/2"),
    },
    # A month not yet begun is not scored (seed 004): on its first day it is.
    "periods-begun": {"task": "scoring.periods_begun", "schedule": crontab(hour=0, minute=10)},
    # The schedule's daily reminders (schedule/reminders.py), through the notices.
    "send-reminders": {"task": "schedule.send_reminders", "schedule": crontab(hour=8, minute=0)},
    "media-sweep": {"task": "submissions.media_sweep", "schedule": crontab(hour=3, minute=30)},
    # Notices (notices/): what the outbox holds and is due is sent again; the daily digest in the morning.
    "notices-send-due": {"task": "notices.send_due", "schedule": crontab(minute="*")},
    "notices-digest": {"task": "notices.send_digests", "schedule": crontab(hour=7, minute=0)},
    "resumable-expire": {"task": "submissions.resumable_expire", "schedule": crontab(minute=17)},
    # What was sent from the LINE chat and never filed (a choice never tapped) is dropped a day after.
    "line-expire": {"task": "submissions.line_expire", "schedule": crontab(minute=43)},
    # A file sent in pieces whose saving broke off (its web process killed) is saved minutes later, not at the
    # sweep.
    "resumable-recover": {"task": "submissions.resumable_recover", "schedule": crontab(minute="*")},
    # /readyz reads the worker's heartbeat (the service tests beat faster).
    "ops-heartbeat": {"task": "ops.heartbeat", "schedule": OPTIONS.CDD4_HEARTBEAT_EVERY_SECONDS or 30},
    "ops-check-alerts": {"task": "ops.check_alerts", "schedule": 60},
    # Expired sessions removed (accounts.tasks.sessions_clear): none is kept past its end.
    "sessions-clear": {"task": "accounts.sessions_clear", "schedule": crontab(minute=41)},
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
    "TOKEN_TTL": timedelta(days=OPTIONS.CDD4_API_TOKEN_DAYS),
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
    # drf-standardized-errors' copy of the enum hook: its per-operation error components keep their own enums.
    "POSTPROCESSING_HOOKS": ["drf_standardized_errors.openapi_hooks.postprocess_schema_enums"],
    "ENUM_NAME_OVERRIDES": {
        "ClientErrorTypeEnum": ["client_error"],
        "ServerErrorTypeEnum": ["server_error"],
        "BadRequestTypeEnum": ["validation_error", "client_error"],
        # Evidence enums get stable names (another app also has a field named "kind").
        "EvidenceKindEnum": "submissions.models.EvidenceKind",
        "EvidenceFileKindEnum": "submissions.models.FileKind",
        "SubmissionStatusEnum": "submissions.models.SubmissionStatus",
        # Named because the collision only appears once evidence also has a "kind".
        "DocumentKindEnum": "awards.models.DocumentKind",
    },
}

IMPORT_EXPORT_USE_TRANSACTIONS = True
EMAIL_BACKEND = OPTIONS.EMAIL_BACKEND
EMAIL_HOST = OPTIONS.EMAIL_HOST
EMAIL_PORT = OPTIONS.EMAIL_PORT
EMAIL_TIMEOUT = 20  # seconds: an SMTP server that stops answering never holds a send past the outbox's lease
DEFAULT_FROM_EMAIL = OPTIONS.DEFAULT_FROM_EMAIL
# The outbox (notices/outbox.py): a notice to many is sent by this many worker processes side by side; a message
# a sender claimed and did not send (the sender killed) is anyone's again after the lease.
CDD4_NOTICE_SENDERS = OPTIONS.CDD4_NOTICE_SENDERS
CDD4_NOTICE_LEASE_SECONDS = OPTIONS.CDD4_NOTICE_LEASE_SECONDS

LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": OPTIONS.LOG_LEVEL},
    "loggers": {
        # Django's own logger, without the handler its default adds (AdminEmailHandler: an e-mail to ADMINS at every
        # error, outside the notices' outbox and its limits): its records reach the console through the root.
        "django": {"handlers": [], "level": "INFO"},
        "celery": {"level": "WARNING"},  # one line per eager task in the embedded default is noise
        # WeasyPrint logs every layout step at INFO; only its warnings (e.g. a font that failed) matter.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "pikepdf": {"level": "WARNING"},  # one INFO line at import otherwise
        # axes: each failed login and lockout at WARNING (usernames and addresses masked); its INFO lines repeat
        # them. The full records are the AccessAttempt/AccessLog rows (central staff's admin).
        "axes": {"level": "WARNING"},
        # Evidence downloads (submissions/downloads.py): kept at INFO whatever LOG_LEVEL says; ship to the
        # audit store.
        "cdd4.evidence_access": {"level": "INFO"},
        # The digital ID's client: its debug lines may carry a token, and a token the citizen ID.
        "authlib": {"level": "WARNING"},
    },
}

if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = OPTIONS.DJANGO_SSL_REDIRECT
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    X_FRAME_OPTIONS = "DENY"

# --- accounts ---
# "required": central staff and organisers confirm a second factor before they freeze, publish, withdraw,
# change an open contest or make an API token; "offered": anyone may set one up, nobody is made to.
CDD4_SECOND_FACTOR = OPTIONS.CDD4_SECOND_FACTOR
OTP_TOTP_ISSUER = "CDD 4.0"
# Passkeys (django-otp-webauthn) are a second factor beside the app, never a way in without the password
# (django-axes counts password guesses); the site's name and origin come from the request (accounts.passkeys).
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_NAME = "พอร์ทัลพัฒนาชุมชนดิจิทัล ๔.๐ / CDD 4.0 portal"
OTP_WEBAUTHN_RP_ID_CALLABLE = "accounts.passkeys.relying_party"
OTP_WEBAUTHN_HELPER_CLASS = "accounts.passkeys.PortalHelper"
SILENCED_SYSTEM_CHECKS = ["otp_webauthn.E030"]  # no list of origins: PortalHelper takes the checked host's
CDD4_INVITATION_DAYS = OPTIONS.CDD4_INVITATION_DAYS
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # a reset link lives one day; used once (Django's token)
CDD4_PASSWORD_RESET_RATE = OPTIONS.CDD4_PASSWORD_RESET_RATE  # per address, per hour
# Mails one account may cause whatever addresses it comes from: reset links to it, confirmation mails of its
# e-mail change; and mails any one address receives from e-mail changes (accounts.services), per hour.
CDD4_PASSWORD_RESET_ACCOUNT_RATE = OPTIONS.CDD4_PASSWORD_RESET_ACCOUNT_RATE
CDD4_EMAIL_CHANGE_ACCOUNT_RATE = OPTIONS.CDD4_EMAIL_CHANGE_ACCOUNT_RATE
CDD4_EMAIL_CHANGE_ADDRESS_RATE = OPTIONS.CDD4_EMAIL_CHANGE_ADDRESS_RATE
CDD4_UNUSED_DAYS = 365  # the year-end list: accounts not signed in for this long
# LINE (docs/line.md): the Official Account's Messaging API channel. Without a token and a secret LINE is off:
# "บัญชีของฉัน" says so and the webhook answers 404. The host is LINE's; the tests point it at a local stand-in.
CDD4_LINE_CHANNEL_ACCESS_TOKEN = OPTIONS.CDD4_LINE_CHANNEL_ACCESS_TOKEN
CDD4_LINE_CHANNEL_SECRET = OPTIONS.CDD4_LINE_CHANNEL_SECRET
CDD4_LINE_API_HOST = OPTIONS.CDD4_LINE_API_HOST
CDD4_LINE_BASIC_ID = OPTIONS.CDD4_LINE_BASIC_ID  # the OA's LINE ID as people search it, "@123abcde"
CDD4_LINE_MONTHLY_QUOTA = OPTIONS.CDD4_LINE_MONTHLY_QUOTA  # the plan's free messages a month
CDD4_LINE_LINK_MINUTES = 10  # a link code lives this long, once
CDD4_LINE_LINK_RATE = OPTIONS.CDD4_LINE_LINK_RATE  # codes one LINE user may try an hour
CDD4_LINE_EVIDENCE_RATE = OPTIONS.CDD4_LINE_EVIDENCE_RATE  # files one person may send from LINE an hour
CDD4_LINE_CHOICE_MINUTES = 30  # a quick reply's choice of what files are evidence of is taken this long
# A private calendar address (docs/calendar.md) read this often at most: calendars poll every few hours, and one
# set to refresh each minute still gets its dates; a copied address hammered from a script does not.
CDD4_CALENDAR_RATE = OPTIONS.CDD4_CALENDAR_RATE
# Government digital ID (docs/accounts.md): each provider whose discovery URL is set, by its key in the portal's
# addresses (/accounts/digital-id/<key>/…); none set, the login page shows no button and nothing changes.
CDD4_DIGITAL_IDS = {
    key: {
        "discovery_url": getattr(OPTIONS, f"{prefix}_DISCOVERY_URL"),
        "client_id": getattr(OPTIONS, f"{prefix}_CLIENT_ID"),
        "client_secret": getattr(OPTIONS, f"{prefix}_CLIENT_SECRET"),
        "scopes": getattr(OPTIONS, f"{prefix}_SCOPES"),
        "citizen_id_claim": getattr(OPTIONS, f"{prefix}_CITIZEN_ID_CLAIM"),
        "name_claims": getattr(OPTIONS, f"{prefix}_NAME_CLAIMS"),
        "vouched_acr": getattr(OPTIONS, f"{prefix}_VOUCHED_ACR"),
        "vouched_amr": getattr(OPTIONS, f"{prefix}_VOUCHED_AMR"),
    }
    for key, prefix in (("thaid", "CDD4_THAID"), ("digitalid", "CDD4_DIGITALID"))
    if getattr(OPTIONS, f"{prefix}_DISCOVERY_URL")
}
# The citizen ID is kept as an HMAC under this key only (PDPA: the least the portal needs to know the person again).
CDD4_DIGITAL_ID_HASH_KEY = OPTIONS.CDD4_DIGITAL_ID_HASH_KEY
CDD4_DIGITAL_ID_TIMEOUT_SECONDS = OPTIONS.CDD4_DIGITAL_ID_TIMEOUT_SECONDS
CDD4_DIGITAL_ID_LEEWAY_SECONDS = OPTIONS.CDD4_DIGITAL_ID_LEEWAY_SECONDS

# --- submissions ---
# The builder posts a whole contest as one form: seed 003's eight missions are about 1,640 boxes.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000
LOGIN_URL = "login"
# The second factor's page, where core's gate sends one whose act asks a code (as Django sends one to LOGIN_URL),
# and where a form it interrupted is sent again.
SECOND_FACTOR_URL = "accounts:second_factor"
SECOND_FACTOR_CONTINUE_URL = "accounts:second_factor_continue"
LOGIN_REDIRECT_URL = "submissions:home"
LOGOUT_REDIRECT_URL = "login"
# Size limit per file kind in MB; central staff override them with UploadLimit rows in the admin.
CDD4_UPLOAD_LIMITS_MB = {"pdf": 50, "image": 20, "office": 50, "video": 1024}
# Files sent in pieces (tus, submissions/resumable.py): an unfinished one is removed this long after it began;
# a person may have this many unfinished at once.
CDD4_RESUMABLE_HOURS = OPTIONS.CDD4_RESUMABLE_HOURS
CDD4_RESUMABLE_OPEN = OPTIONS.CDD4_RESUMABLE_OPEN
# Service mode: nginx serves evidence from an `internal` location mapped onto MEDIA_ROOT.
CDD4_X_ACCEL = OPTIONS.CDD4_X_ACCEL
CDD4_X_ACCEL_PREFIX = OPTIONS.CDD4_X_ACCEL_PREFIX
CDD4_LOGIN_MAX_FAILURES = OPTIONS.CDD4_LOGIN_MAX_FAILURES
CDD4_LOGIN_LOCKOUT_SECONDS = OPTIONS.CDD4_LOGIN_LOCKOUT_SECONDS
# Failures from one address (any usernames) within the lockout window before it is slowed: one attempt
# per (failures over the threshold + 1) seconds, at most CDD4_LOGIN_ADDRESS_DELAY_MAX. Never locked.
CDD4_LOGIN_ADDRESS_SLOW_AFTER = OPTIONS.CDD4_LOGIN_ADDRESS_SLOW_AFTER
CDD4_LOGIN_ADDRESS_DELAY_MAX = OPTIONS.CDD4_LOGIN_ADDRESS_DELAY_MAX
# The client's address: REMOTE_ADDR, or this request header when REMOTE_ADDR is one of the trusted
# proxies (deploy/nginx.conf sets X-Real-IP from the connection). Empty: no proxy is trusted.
CDD4_CLIENT_IP_HEADER = (
    "HTTP_" + OPTIONS.CDD4_CLIENT_IP_HEADER.strip().upper().replace("-", "_")
    if OPTIONS.CDD4_CLIENT_IP_HEADER.strip()
    else ""
)
CDD4_TRUSTED_PROXIES = list(OPTIONS.CDD4_TRUSTED_PROXIES)
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

# --- recompute ---
# A burst of events within this window becomes one recompute (scoring/coalesce.py).
CDD4_RECOMPUTE_DEBOUNCE_MS = OPTIONS.CDD4_RECOMPUTE_DEBOUNCE_MS
CDD4_RECOMPUTE_PENDING_TTL_MS = OPTIONS.CDD4_RECOMPUTE_PENDING_TTL_MS
CDD4_RECOMPUTE_LOCK_TTL_S = OPTIONS.CDD4_RECOMPUTE_LOCK_TTL_S
CDD4_RECOMPUTE_LOCK_WAIT_S = OPTIONS.CDD4_RECOMPUTE_LOCK_WAIT_S
# How many entrants a rubric file may list: room for a contest among every village (some 75,000).
CDD4_MOST_ENTRANTS = OPTIONS.CDD4_MOST_ENTRANTS
# A recompute of at least this many stale entrants is split into chunks scored by every worker in parallel,
# then ranked once; service mode only (the chord needs CELERY_RESULT_BACKEND). CHUNKS: the worker
# processes there are (docker-compose runs `--concurrency 2`); 1 keeps every recompute in one task.
CDD4_RECOMPUTE_PARALLEL_FROM = OPTIONS.CDD4_RECOMPUTE_PARALLEL_FROM
CDD4_RECOMPUTE_CHUNKS = OPTIONS.CDD4_RECOMPUTE_CHUNKS
# How long a running parallel recompute keeps others of its year from starting (a dead chord frees it).
CDD4_RECOMPUTE_PARALLEL_TTL_S = OPTIONS.CDD4_RECOMPUTE_PARALLEL_TTL_S
CDD4_DASHBOARD_POLL_SECONDS = OPTIONS.CDD4_DASHBOARD_POLL_SECONDS
# An upload must not hang while the broker is down: fail fast, the beat job heals the standings.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
CELERY_BROKER_CONNECTION_TIMEOUT = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 1, "socket_timeout": 5}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CDD4_NOTICE_CHANNELS = [  # dotted paths: notices/channels/base.py
    "notices.channels.email.EmailChannel",
    "notices.channels.line.channel.LineChannel",  # reaches only people who linked LINE, when LINE is set (docs/line.md)
]

# --- security ---
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_ENGINE = "accounts.session_store"  # database sessions indexed by person (accounts.models.PersonSession)
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
# Largest body anyone without a session or API token may send (a login form is far smaller); checked
# from Content-Length before a byte is read (cdd4.middleware.UploadGateMiddleware).
CDD4_ANONYMOUS_BODY_BYTES = OPTIONS.CDD4_ANONYMOUS_BODY_BYTES
# The most each import route takes (MB, plus 64 KB for the form around the file), refused from
# Content-Length after the sender is authorised and before a byte is read (core.http.check_body_size).
# A full year of facts (50,000 rows) is about 4 MB of CSV; the largest rubric so far is 40 KB of JSON.
CDD4_IMPORT_LIMITS_MB = {
    **{"facts": 5, "rubric": 2, "judgments": 1, "register": 5, "stage_file": 1024, "accounts": 5},
    "letter": 20,  # a scanned letter a deadline moves by (schedule.deadline_views)
}
# CPU seconds any one upload's content check may use (core/validators/budget.py: its thread's CPU time, so a busy
# machine's waiting does not count); past it, refused.
CDD4_UPLOAD_CHECK_SECONDS = OPTIONS.CDD4_UPLOAD_CHECK_SECONDS

# --- operations (ops/: backup and restore, health, metrics, retention) ---
# /readyz: a worker heartbeat (beat's ops.heartbeat every 30 s) older than this is red; so are stale
# standings with no recompute for this long, and less free space under MEDIA_ROOT than this.
CDD4_HEARTBEAT_MAX_AGE_S = OPTIONS.CDD4_HEARTBEAT_MAX_AGE_S
CDD4_BACKLOG_MAX_AGE_S = OPTIONS.CDD4_BACKLOG_MAX_AGE_S
CDD4_MIN_FREE_MB = OPTIONS.CDD4_MIN_FREE_MB
# Operators are e-mailed once per incident when a check has stayed red this long (ADMINS if none given).
CDD4_ALERT_AFTER_S = OPTIONS.CDD4_ALERT_AFTER_S
CDD4_OPERATORS = list(OPTIONS.CDD4_OPERATORS)
# /metrics (Prometheus): from these networks, or with `Authorization: Bearer CDD4_METRICS_TOKEN`.
CDD4_METRICS_NETWORKS = list(OPTIONS.CDD4_METRICS_NETWORKS)
CDD4_METRICS_TOKEN = OPTIONS.CDD4_METRICS_TOKEN
# PDPA: evidence files are kept this many fiscal years after their contest year, then removed
# (`manage.py retention`); the rows, audit trail and a tombstone stay.
CDD4_RETENTION_YEARS = OPTIONS.CDD4_RETENTION_YEARS
