"""Settings for samsmu-intl, read from the environment (see .env.example).

A fresh checkout runs with nothing set: no SECRET_KEY and no DJANGO_DEBUG means local work, in
debug. A server sets SECRET_KEY (debug is then off unless DJANGO_DEBUG=true says otherwise);
with DJANGO_DEBUG=false and no SECRET_KEY the site refuses to start.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.templatetags.static import static
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django_prose_editor.config import html_tags
from import_export.formats import base_formats

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    if value.strip().lower() in _TRUE:
        return True
    if value.strip().lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_list(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DJANGO_DEBUG", default=not SECRET_KEY)

if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set: set it in the environment, or DJANGO_DEBUG=true for local work."
        )
    SECRET_KEY = "insecure-local-development-key-never-used-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# Absolute links (canonical, hreflang, feeds, sitemaps, emails): samsmu_intl/serving/origin.py.
# Required in production, where a link to the request's host or to 127.0.0.1 in an email sent
# by a timer would be wrong; locally, pages use the request's host and emails the PORT.
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")
if not SITE_URL and not DEBUG:
    raise ImproperlyConfigured(
        "SITE_URL is not set: set it to the site's address (https://...), or DJANGO_DEBUG=true."
    )

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before it.
    "modeltranslation",
    # Django's admin, on the staff's admin site: sign-in with a second factor (accounts/sites.py).
    "samsmu_intl.accounts.apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "csp",
    "django_countries",
    "imagekit",
    "django_prose_editor",
    "import_export",
    "reversion",
    "reversion_compare",
    "samsmu_intl.accounts.apps.AxesConfig",  # django-axes, named for the admin
    # Second factors: codes from an authenticator app (TOTP) and single-use recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "samsmu_intl.serving",
    "samsmu_intl.content",
    "samsmu_intl.accounts",
    "samsmu_intl.department",
    "samsmu_intl.news",
    "samsmu_intl.applicants",
    "samsmu_intl.certificates",
    "samsmu_intl.editorial",
    "samsmu_intl.operations",
    "partners",
    "events",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "samsmu_intl.serving.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETags for every page, cached or not: a 304 when the visitor already has it.
    "django.middleware.http.ConditionalGetMiddleware",
    "samsmu_intl.serving.pagecache.StorePageMiddleware",
    "samsmu_intl.serving.pagecache.ServeCachedPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Which second factor, if any, this session was confirmed with (user.is_verified()).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Superusers set up a second factor before anything else (samsmu_intl/accounts/).
    "samsmu_intl.accounts.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "samsmu_intl.serving.middleware.DatabaseUnavailableMiddleware",
    # Last, as its documentation asks: it answers a locked-out login with the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "samsmu_intl.urls"
WSGI_APPLICATION = "samsmu_intl.wsgi.application"

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
                "csp.context_processors.nonce",
                "samsmu_intl.seo.context_processors.site",
                "samsmu_intl.department.context_processors.department",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Take the write lock when a transaction starts, so that counting places and registering
    # happen as one step (PostgreSQL uses a row lock for the same purpose).
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Anonymous pages are cached this long at most; content edits drop them at once.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "60"))
PAGE_CACHE_PATH_PREFIXES = ("/uz/", "/ru/", "/en/", "/sitemap.xml")

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "samsmu_intl.serving.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "samsmu-intl",
            # A cache that does not answer quickly is treated as down (pages go uncached).
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Axes first: it refuses a locked-out login before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Staff passwords (the admin's "add user" and "change password" forms) must pass all four.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# A password reset link works once, for an hour (Django's default is three days).
PASSWORD_RESET_TIMEOUT = 60 * 60

# The name an authenticator app shows beside the staff member's six-digit codes.
OTP_TOTP_ISSUER = "SamSMU International"

# Languages: Uzbek (Latin script) first. Path segments are shared; only the prefix changes.
LANGUAGE_CODE = "uz"
LANGUAGES = [
    ("uz", _("Uzbek")),
    ("ru", _("Russian")),
    ("en", _("English")),
]
# The languages' own names, for the switcher: a visitor looks for the language they read.
LANGUAGE_AUTONYMS = {"uz": "Oʻzbekcha", "ru": "Русский", "en": "English"}
LOCALE_PATHS = [
    BASE_DIR / "locale",
    # Uzbek for Django's admin and auth and the libraries, which ship little or none.
    BASE_DIR / "locale" / "vendor",
]
# Where a language's way of writing dates differs from Django's (Uzbek: the year first).
FORMAT_MODULE_PATH = ["samsmu_intl.content.formats"]
TIME_ZONE = "Asia/Tashkent"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "uz"
MODELTRANSLATION_LANGUAGES = ("uz", "ru", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("uz", "ru", "en"),
    "uz": ("ru", "en"),
    "ru": ("en", "uz"),
    "en": ("ru", "uz"),
}
# Tabs in the admin use jQuery UI; served from our static files, never a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedStaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "international@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Who is emailed about contact-form inquiries; default: the department's email in the admin.
INQUIRY_RECIPIENTS = env_list("INQUIRY_RECIPIENTS", [])
# The purge_personal_data command deletes registrations and inquiries older than this.
PERSONAL_DATA_RETENTION_DAYS = int(os.environ.get("PERSONAL_DATA_RETENTION_DAYS", "365"))

# Security: strict by default, relaxed only for local work over plain HTTP.
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_HTTPONLY = True  # no script of ours reads it; forms carry the token
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
# The language choice the admin's form sets: the same flags as the session cookie. (The public
# switcher's script writes the cookie for visitors, with Secure on HTTPS: static/js/site.js.)
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many proxies in front of the app servers append to X-Forwarded-For (1 for one nginx with
# `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for`). 0, the default, trusts no
# header: every visitor is REMOTE_ADDR, which behind a proxy is the proxy, so that the hourly
# form limits and login lockouts would then apply to all visitors together.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
# HTTPS only, for this host and below it; set these to false before the first deployment if
# some subdomain still serves plain HTTP.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# The TLS proxy redirects http to https (README, Deployment); SECURE_SSL_REDIRECT=true makes
# Django do it too. Without it, `check --deploy` would warn about a job done elsewhere.
SILENCED_SYSTEM_CHECKS = [] if SECURE_SSL_REDIRECT else ["security.W008"]
X_FRAME_OPTIONS = "DENY"

# The nonce is sent only on responses that use it (the admin's rich-text editor has an inline
# import map); public pages use none, so they stay cacheable.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        # The rich-text editor (ProseMirror, in django-prose-editor) injects its core CSS as
        # one <style> element: that exact text, by its hash, and no other inline style.
        # tests/browser/test_admin_console.py fails if an upgrade changes it.
        "style-src": [SELF, "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# The rich-text editor's menu, its English tooltips and labels translated (content/text.py).
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [lazy(static, str)("js/prose-editor-language.js")],  # its address once collected
        "extensions": {"MenuInLanguage": html_tags([])},  # it writes no HTML of its own
    }
]

# Agreement documents: outside MEDIA_ROOT, never served by URL, only through a staff-only view.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))

IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY = "imagekit.cachefiles.strategies.Optimistic"
IMAGEKIT_CACHEFILE_DIR = "renditions"

# Failed admin logins: after AXES_FAILURE_LIMIT tries for one username from one address, that
# pair is locked out until the cool-off has passed; a successful login clears the count.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The admin's own page, in the language chosen, saying how long to wait.
AXES_LOCKOUT_CALLABLE = "samsmu_intl.accounts.lockout.lockout_response"
# The visitor's address, also for the public forms' limits: behind proxies, from the
# X-Forwarded-For entry the trusted ones appended (samsmu_intl/serving/client.py).
AXES_CLIENT_IP_CALLABLE = "samsmu_intl.serving.client.client_address"
# What axes keeps of a failed attempt's form leaves out the code typed at the second step, as it
# leaves out the password (a mistyped recovery code is close to a real one).
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "code"]
# Successful logins are not logged (the history already says who changed what).
AXES_DISABLE_ACCESS_LOG = True

IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_FORMATS = [base_formats.CSV, base_formats.XLSX]
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
COUNTRIES_FIRST_REPEAT = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint tells every step of every certificate's PDF at INFO.
    "loggers": {"weasyprint.progress": {"level": "WARNING"}},
}
