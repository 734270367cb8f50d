"""The pytest suite: SQLite unless DATABASE_URL says otherwise, fast hashing, mail in memory."""

import atexit
import shutil
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
# The page cache is off for the suite (tests render pages after changing data in
# ways a visitor cannot); tests/cms/test_page_cache.py turns it on.
PAGE_CACHE_SECONDS = 0
# The data cache too (cms.caching.page_cache.cached_data): tests roll the database back
# without starting a new content generation. tests/performance/ turns it on.
PAGE_DATA_CACHE = env_bool("PAGE_DATA_CACHE", False)
# Each test process (pytest-xdist runs one per core) loads the demo's images into a
# folder of its own, removed when it ends; the checkout's media/ is the dev server's.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="cms-test-media-"))
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
