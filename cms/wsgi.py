"""WSGI entry point: `gunicorn cms.wsgi:application` (production settings unless told otherwise)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()

# Django runs system checks for management commands only: a worker whose cache would
# not be shared with the others refuses to boot, saying what to set.
from cms.checks import refuse_incoherent_start  # noqa: E402 - needs the apps loaded

refuse_incoherent_start()
