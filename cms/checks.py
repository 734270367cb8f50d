"""System checks for a deployment that cannot be coherent: production refuses to start
with a message that says what to set (`cms/wsgi.py` runs these before serving)."""

import os

from django.conf import settings
from django.core import checks
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured

# Backends whose entries live in one process only (or nowhere): under several gunicorn
# workers, cron jobs and scripts, what one process invalidates the others keep
# serving, and each counts its own appointment requests.
PER_PROCESS_BACKENDS = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.caches)
def check_shared_cache(app_configs=None, **kwargs):
    if not getattr(settings, "REQUIRE_SHARED_CACHE", False):
        return []
    errors = []
    for alias, config in settings.CACHES.items():
        backend = config.get("BACKEND", "")
        if backend in PER_PROCESS_BACKENDS:
            errors.append(
                Error(
                    f"The '{alias}' cache ({backend.rsplit('.', 1)[-1]}) is not shared "
                    "between processes: gunicorn's workers, cron's publish_scheduled and "
                    "manage.py would each serve and count on their own (an unpublished or "
                    "password-protected page stays public in the others).",
                    hint="Leave CACHES to the settings: unset REDIS_URL for the disk "
                    "cache every process on this machine shares (CACHE_DIR), or set "
                    "REDIS_URL=redis://host:6379/0 for several machines.",
                    id="cms.E001",
                )
            )
        elif backend == "cms.caching.disk.SharedDiskCache":
            directory = config.get("LOCATION", "")
            try:
                os.makedirs(directory, exist_ok=True)
                writable = os.access(directory, os.W_OK | os.X_OK)
            except OSError:
                writable = False
            if not writable:
                errors.append(
                    Error(
                        f"The cache directory {directory} cannot be written by this user.",
                        hint="Set CACHE_DIR to a local directory that the app server, "
                        "cron jobs and manage.py all run as a user able to write.",
                        id="cms.E002",
                    )
                )
    return errors


def refuse_incoherent_start():
    """Raise, naming what to set, when the cache checks find an error (called by the
    WSGI entry point: Django runs system checks for management commands only)."""
    serious = [m for m in checks.run_checks(tags=[Tags.caches]) if m.is_serious()]
    if serious:
        raise ImproperlyConfigured(
            "Refusing to start:\n" + "\n".join(f"{m.id}: {m.msg} HINT: {m.hint}" for m in serious)
        )
