"""Settings shared by every environment. Anything that differs between machines
comes from environment variables (see the README's configuration table)."""

import os
from pathlib import Path

import dj_database_url
import django.conf.locale
from django.core.exceptions import ImproperlyConfigured

from cms.i18n.languages import EXTRA_LANG_INFO, SOURCE_LANGUAGE, language_choices
from cms.security.client_address import parse_trusted_proxies

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms",
    "home",
    "conditions",
    "locations",
    "search",
    "localization",
    "readability",
    "duplicate_pages",
    "explorer_permissions",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    # X-Forwarded-Proto (and -Host, -Port) only from TRUSTED_PROXIES, like the address.
    "cms.security.client_address.ProxyHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "cms.security.middleware.ContentSecurityPolicyMiddleware",
    # An over-long URL gets the site's 414 page (with the headers above), unread.
    "cms.security.middleware.UrlLengthMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, CSRF and auth: a cache hit skips them all. Security headers
    # set further in are stored with the page.
    "cms.caching.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Site, site settings and page routes from the data cache (after the language).
    "cms.caching.routing.PageRoutingMiddleware",
    # A page missing in the reader's language: its English page in their language.
    "localization.middleware.LanguageFallbackMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "cms.security.middleware.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A translated clinical page is approved only fully translated (needs messages).
    "localization.review.ClinicalApprovalGuardMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
# Longer URLs (path and query) get the site's own 414 page; below gunicorn's limit on
# the request line (gunicorn.conf.py), so the app sees them.
MAX_URL_LENGTH = 4096

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# DATABASE_URL selects the database; an SQLite file beside manage.py by default.
# Health checks let a worker recover by itself after the database restarts.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Threaded workers (gunicorn.conf.py) write from several threads at once (search
    # counts, appointment requests): take the write lock when a transaction starts and
    # wait for it, instead of failing with "database is locked" on an upgrade.
    # WAL: readers never wait for a writer (a search's count, an appointment request),
    # and NORMAL sync is safe with it (a power cut may lose the last commit, never
    # corrupt). The file must sit on a local disk, not a network share.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache shared by every process that serves or changes content: the gunicorn
# workers, cron's `publish_scheduled`, any `manage.py` script. Versions of what changed
# live in it (cms/caching/dependencies.py), so a cache of one process's own would keep
# serving what another process unpublished. REDIS_URL: Redis, shared by every app
# server. Otherwise a disk cache (DiskCache: SQLite files under CACHE_DIR) shared by
# every process on this machine, bounded in bytes. Local memory only where one process
# is all there is (the test settings); production refuses it (cms/checks.py).
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_DIR = Path(os.environ.get("CACHE_DIR", "") or BASE_DIR / "var" / "cache")
CACHE_MAX_BYTES = int(os.environ.get("CACHE_MAX_BYTES", str(512 * 1024 * 1024)))
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "cms",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "cms.caching.disk.SharedDiskCache",
            "LOCATION": str(CACHE_DIR),
            # One SQLite file per shard: writers to different shards never wait for
            # each other. A read that cannot get its shard within the timeout is a miss
            # (the page is rendered); a write waits until it lands.
            "SHARDS": 8,
            "DATABASE_TIMEOUT": 0.25,
            "OPTIONS": {
                # Past this many bytes the least recently stored entries go first.
                "size_limit": CACHE_MAX_BYTES,
                "eviction_policy": "least-recently-stored",
            },
        }
    }

AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses logins for a locked-out user and address.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: English is the source and is served without a prefix.
for _code, _info in EXTRA_LANG_INFO.items():
    django.conf.locale.LANG_INFO.setdefault(_code, _info)

LANGUAGE_CODE = SOURCE_LANGUAGE
LANGUAGES = language_choices()
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
# Clinic hours are New York wall-clock times.
TIME_ZONE = "America/New_York"

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "collected-static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Email: console in development; SMTP settings from the environment in production.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Clients' mistakes (4xx, bad Host headers) are one WARNING line, no traceback.
    "filters": {"client_errors": {"()": "cms.logs.ClientErrorFilter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["client_errors"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Every page save logs one line per background task; keep those out of the way.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": os.environ.get("WAGTAIL_LOG_LEVEL", "WARNING")},
    },
}

# Wagtail
# The admin's title on every page and for every role (sidebar, sign-in, dashboard).
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Five Boroughs Physical Therapy")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Security headers. The site makes no third-party request: every directive allows
# this origin only. Pages carry no inline scripts, so no nonce is needed and cached
# pages stay valid (JSON-LD data blocks are not executed and need no allowance).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Permissions-Policy (django-permissions-policy): geolocation only for this site's own
# "Use my location" button, every other powerful feature off.
PERMISSIONS_POLICY = {
    "geolocation": ["self"],
    "camera": [],
    "microphone": [],
    "payment": [],
    "usb": [],
    "browsing-topics": [],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail marks its own preview views SAMEORIGIN; nothing else may be framed (the
# previews' Content-Security-Policy says the same: cms.security.middleware.is_admin_request).
X_FRAME_OPTIONS = "DENY"
# Staff avatars are uploaded or Wagtail's local default picture, never Gravatar: no
# third-party request from the admin, no staff email hashes sent elsewhere.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Staff sessions end after eight hours, or when the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 60 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Behind a proxy: the client's address is read from the proxy's header only when the
# TCP peer is one of these proxies, walking back at most TRUSTED_PROXY_HOPS of them
# (cms/security/client_address.py). Empty: trust no header, REMOTE_ADDR is the client.
TRUSTED_PROXIES = parse_trusted_proxies(env_list("TRUSTED_PROXIES", "127.0.0.1,::1"))
TRUSTED_PROXY_HOPS = max(0, int(os.environ.get("TRUSTED_PROXY_HOPS", "1")))
TRUSTED_PROXY_HEADER = os.environ.get("TRUSTED_PROXY_HEADER", "x-forwarded-for").strip().lower()
if TRUSTED_PROXY_HEADER not in {"x-forwarded-for", "forwarded"}:
    raise ImproperlyConfigured("TRUSTED_PROXY_HEADER must be X-Forwarded-For or Forwarded")

# Login throttling (django-axes): five failures for one user from one address lock
# that pair out for 30 minutes, with a clear page saying so.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.5"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
AXES_RESET_ON_SUCCESS = True
# The same client address as the rest of the site (see "Behind a proxy" below).
AXES_CLIENT_IP_CALLABLE = "cms.security.client_address.client_address"
AXES_VERBOSE = False

# Two-factor authentication (TOTP apps) for everyone who signs in to the admin.
# Production enforces it; development and tests turn it on where they need it.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", False)
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Clinic CMS")
# Setting up the app takes an enrolment code from an administrator, valid this long
# (cms/security/enrolment.py).
TWO_FACTOR_ENROLMENT_CODE_HOURS = float(os.environ.get("TWO_FACTOR_ENROLMENT_CODE_HOURS", "24"))

# Full-page cache for anonymous visitors (cms/caching/page_cache.py); 0 turns it off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/healthz", "/documents/")
# Models whose saves never change a public page (appointment requests are private).
# The query parameters any public page reads (the condition index's area and page, the
# finder's ZIP, the appointment form's condition, search, the sitemap's page): the page
# cache keys on these alone and does not keep a page that read any other. The API
# checks every parameter it is given, so its responses are keyed on the whole query.
PAGE_CACHE_QUERY_PARAMETERS = ("area", "page", "zip", "condition", "q", "p")
PAGE_CACHE_WHOLE_QUERY_PREFIXES = ("/api/",)
PAGE_CACHE_IGNORED_MODELS = ["locations.AppointmentRequest"]
# Data many pages share (footer clinics, languages, index URLs, routes, a page's
# translations) is kept per content generation too, so it is never stale either;
# it also serves pages the page cache does not (search, PAGE_CACHE_SECONDS=0).
PAGE_DATA_CACHE = env_bool("PAGE_DATA_CACHE", True)
PAGE_DATA_CACHE_SECONDS = int(os.environ.get("PAGE_DATA_CACHE_SECONDS", str(24 * 60 * 60)))
# Browsers keep a page a minute; a CDN ten minutes, serving a stale copy while it
# refreshes. Publishing purges the CDN when frontend caching is configured.
PUBLIC_CACHE_CONTROL = os.environ.get(
    "PUBLIC_CACHE_CONTROL", "public, max-age=60, s-maxage=600, stale-while-revalidate=60"
)

# Site search (search/views.py). The database backend uses PostgreSQL full-text search
# in production and SQLite's FTS5 for the demo. SEARCH_BACKEND=opensearch or
# elasticsearch (with SEARCH_URL and the matching client installed) switches to a
# search server; see the README's "Search" section.
SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND", "database").strip().lower()
_SEARCH_BACKENDS = {
    "database": "wagtail.search.backends.database",
    "opensearch": "wagtail.search.backends.opensearch3",
    "opensearch2": "wagtail.search.backends.opensearch2",
    "elasticsearch": "wagtail.search.backends.elasticsearch9",
    "elasticsearch8": "wagtail.search.backends.elasticsearch8",
    "elasticsearch7": "wagtail.search.backends.elasticsearch7",
}
if SEARCH_BACKEND not in _SEARCH_BACKENDS:
    raise ValueError(f"SEARCH_BACKEND must be one of {', '.join(_SEARCH_BACKENDS)}")
# A search server gets the same analysed text and queries as the database. Its index
# settings (the analyzer that keeps the site's terms whole, and one server-side
# analyzer per language) are built by the search app from the analysis plugins the
# server has (search/server_analysis.py, docs/search.md): e.g.
# SEARCH_SERVER_PLUGINS=analysis-icu,analysis-smartcn,analysis-nori,analysis-stempel.
SEARCH_SERVER_PLUGINS = env_list("SEARCH_SERVER_PLUGINS")
if SEARCH_BACKEND != "database":
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": _SEARCH_BACKENDS[SEARCH_BACKEND],
            "URLS": env_list("SEARCH_URL", "http://localhost:9200"),
            "INDEX_PREFIX": os.environ.get("SEARCH_INDEX_PREFIX", "clinic_"),
            "TIMEOUT": int(os.environ.get("SEARCH_TIMEOUT", "5")),
            "INDEX_SETTINGS": {},  # filled in by search/apps.py
        }
    }
# The database backend's search query may run this long (PostgreSQL statement_timeout,
# a progress-handler bound on SQLite) before the visitor is asked to narrow it down.
SEARCH_QUERY_TIMEOUT_MS = int(os.environ.get("SEARCH_QUERY_TIMEOUT_MS", "500"))
# Searches are counted per day (search promotions' query log) for this many days.
WAGTAILSEARCH_HITS_MAX_AGE = int(os.environ.get("SEARCH_HITS_MAX_AGE_DAYS", "90"))

# Slug changes and moves leave a redirect behind (Wagtail's default, stated here).
WAGTAILREDIRECTS_AUTO_CREATE = True

# Read-only API (cms/api/endpoints.py): anonymous, JSON only, at most 50 items per request.
WAGTAILAPI_LIMIT_MAX = 50
WAGTAILAPI_SEARCH_ENABLED = True
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
}

# The largest PO file the translation editor accepts back (cms/i18n/po_files.py): the
# files it hands out are kilobytes; anything far larger is not one of them.
PO_UPLOAD_MAX_BYTES = int(os.environ.get("PO_UPLOAD_MAX_BYTES", str(2 * 1024 * 1024)))

# Clients' mistakes get the site's own page in the URL's language (cms/views.py).
CSRF_FAILURE_VIEW = "cms.views.csrf_failure"

# Appointment requests (patients' data) are deleted this many days after they arrive,
# with every trace of them (manage.py purge_appointment_requests, run daily).
LOCATIONS_APPOINTMENT_RETENTION_DAYS = int(
    os.environ.get("LOCATIONS_APPOINTMENT_RETENTION_DAYS", "90")
)

# Creating a translation (the page action, subtree and bulk translation, the API)
# makes a draft, never a live page: translated text goes live through a translator
# or, for condition pages, a clinical reviewer. The parents it copies along are
# turned into drafts too (localization/drafts.py). The translations board refuses to start a
# translation while this is on.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Machine translation in wagtail-localize's editor: off unless MACHINE_TRANSLATOR
# names a service. Nothing calls an outside service unless an operator asks.
_MACHINE_TRANSLATORS = {
    "deepl": lambda: {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["MACHINE_TRANSLATOR_KEY"]},
    },
    "libretranslate": lambda: {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": os.environ["MACHINE_TRANSLATOR_URL"],
            "API_KEY": os.environ.get("MACHINE_TRANSLATOR_KEY", ""),
        },
    },
    # Reverses text; for trying the workflow without any service.
    "dummy": lambda: {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"},
}
if os.environ.get("MACHINE_TRANSLATOR"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = _MACHINE_TRANSLATORS[os.environ["MACHINE_TRANSLATOR"]]()

# Media (uploaded images, documents, renditions) on S3-compatible object storage
# through django-storages when a bucket is named; local files under MEDIA_ROOT
# otherwise. Every app server then shares the same media; the app stops serving
# media itself unless SERVE_MEDIA says otherwise.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None  # MinIO, R2, ...
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID") or None  # else the instance role
    AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None  # e.g. media.example.org
    AWS_LOCATION = os.environ.get("AWS_LOCATION", "media")
    # Media is public (link previews, patients' browsers): plain URLs, no signatures,
    # and an upload never replaces another file of the same name.
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", False)
    AWS_DEFAULT_ACL = os.environ.get("AWS_DEFAULT_ACL") or None
    AWS_S3_FILE_OVERWRITE = False
    AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "public, max-age=31536000, immutable"}
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
    # The media origin joins the Content-Security-Policy's img-src (it is the clinic's
    # own bucket or media domain, not a third party).
    if AWS_S3_CUSTOM_DOMAIN:
        _MEDIA_ORIGIN = f"https://{AWS_S3_CUSTOM_DOMAIN}"
    elif AWS_S3_ENDPOINT_URL:
        _MEDIA_ORIGIN = AWS_S3_ENDPOINT_URL.rstrip("/")
    else:
        _region = f".{AWS_S3_REGION_NAME}" if AWS_S3_REGION_NAME else ""
        _MEDIA_ORIGIN = f"https://{AWS_STORAGE_BUCKET_NAME}.s3{_region}.amazonaws.com"
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(_MEDIA_ORIGIN)

# A CDN in front of the site: a change purges the URLs whose copies it makes stale, in
# every language, through the frontend cache app's backends (cms/caching/frontend.py).
FRONTEND_CACHE_BACKEND = os.environ.get("FRONTEND_CACHE_BACKEND", "").strip().lower()
_FRONTEND_CACHE_BACKENDS = {
    "cloudflare": lambda: {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["FRONTEND_CACHE_CLOUDFLARE_TOKEN"],
        "ZONEID": os.environ["FRONTEND_CACHE_CLOUDFLARE_ZONE_ID"],
    },
    "cloudfront": lambda: {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"],
    },
    "http-purge": lambda: {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_LOCATION"],  # e.g. http://varnish:6081
    },
}
if FRONTEND_CACHE_BACKEND:
    if FRONTEND_CACHE_BACKEND not in _FRONTEND_CACHE_BACKENDS:
        raise ValueError(
            f"FRONTEND_CACHE_BACKEND must be one of {', '.join(_FRONTEND_CACHE_BACKENDS)}"
        )
    WAGTAILFRONTENDCACHE = {"default": _FRONTEND_CACHE_BACKENDS[FRONTEND_CACHE_BACKEND]()}
