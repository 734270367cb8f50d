"""Production: behind a TLS-terminating proxy, served by gunicorn, configured
only from the environment. Refuses to start without SECRET_KEY."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, STORAGES, env_bool, os

if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production settings need a long random SECRET_KEY in the "
        "environment, e.g. from: "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

DEBUG = False

# Hashed, compressed static files served by the app itself (whitenoise).
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}

# The proxy terminates TLS and says so in X-Forwarded-Proto; plain HTTP is redirected,
# except the health check, which load balancers call over plain HTTP.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Several workers, cron and manage.py serve and change content: the cache must be one
# they share (cms/checks.py refuses local memory).
REQUIRE_SHARED_CACHE = True

# Staff must confirm every admin sign-in with a one-time code.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", True)
