"""Helpers for the query budgets: every page type, rendered through the test client
with the full-page cache off, counted with Django's CaptureQueriesContext."""

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from cms.caching.page_cache import invalidate_all

HTTPS = {"HTTP_X_FORWARDED_PROTO": "https"}


def page_urls():
    """{page type: URL} for every page type a patient reaches."""
    from conditions.models import ConditionPage
    from home.models import LanguageAssistancePage

    english = Locale.get_default()
    neck = ConditionPage.objects.get(locale=english, slug="neck-spasms")
    spanish = neck.get_translation(Locale.objects.get(language_code="es"))
    assistance = LanguageAssistancePage.objects.live().get(locale=english)
    return {
        "home": "/",
        "condition index": "/conditions/",
        "condition page": "/conditions/neck-spasms/",
        "location index": "/locations/",
        "finder ?zip=": "/locations/?zip=10001",
        "location page": "/locations/midtown/",
        "search": "/search/?q=neck",
        "language assistance": assistance.url,
        "Spanish condition page": spanish.url,
    }


# Statements that exist only because a test runs inside a transaction: the savepoint
# around a search's time bound on PostgreSQL, and resetting that bound for the rest of
# the transaction (search/ranking.py). Production runs in autocommit, where none runs.
TEST_TRANSACTION_ONLY = ("SAVEPOINT", "RELEASE SAVEPOINT", "SET LOCAL statement_timeout = DEFAULT")


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **HTTPS)
    assert response.status_code == 200, url
    return sum(
        not query["sql"].startswith(TEST_TRANSACTION_ONLY) for query in captured.captured_queries
    )


def measure(client, url):
    """Queries for one request with the data cache off, then on and cold (the first
    request of a new content generation, as after any publish), then on and warm.
    A first request warms what lives for the process (content types, Wagtail's site
    root paths), so the figures are the same in any test order."""
    with override_settings(PAGE_DATA_CACHE=False, PAGE_CACHE_SECONDS=0):
        count_queries(client, url)
        off = count_queries(client, url)
    with override_settings(PAGE_DATA_CACHE=True, PAGE_CACHE_SECONDS=0):
        invalidate_all()
        cold = count_queries(client, url)
        warm = count_queries(client, url)
    return {"off": off, "cold": cold, "warm": warm}
