"""Shared fixtures. The demo site is loaded once per test session into the test
database; each test runs in a transaction that is rolled back, so tests may change
content freely. Every test starts and ends with empty caches (the in-memory cache
outlives the rollback), and under CI Hypothesis runs derandomized."""

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.db.models import FileField
from django.test import TransactionTestCase
from django.utils import translation
from hypothesis import settings as hypothesis_settings
from wagtail.models import Page, Site

from tests import servers
from tests.require import in_ci
from tests.servers import keep_loaded_demo

# Under CI a skip or xfail outside tests.require fails the run (tests/skip_guard.py).
pytest_plugins = ["tests.skip_guard", "tests.parallel"]

# Re-exported: tests import these from here.
from tests.servers import ROOT, run_manage  # noqa: E402,F401

# CI: the same examples on every run (a failure reproduces), the failing example's
# blob printed. Locally: random examples, the seed printed on failure (Hypothesis's own).
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True, database=None)
if in_ci():
    hypothesis_settings.load_profile("ci")


@pytest.fixture(autouse=True)
def clean_cache():
    """Nothing cached by one test (pages, data, rate-limit counters) is seen by another;
    within a test the cache warms as it would in production."""
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts with no language active, as a new request would: a request
    through the test client leaves its URL's language active in the thread (Django's
    LocaleMiddleware activates it and nothing deactivates it), which the next test in
    the same process would otherwise inherit."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)
        # Server-based tests start from a copy of this demo (tests/servers.py), taken
        # now, before any test wrote to the database: the demo is loaded once a run.
        keep_loaded_demo(connection, settings.MEDIA_ROOT, media_names())


# Without the fixture below, a server-based test run before any database test in its
# process would load the demo for its server, and the session would load it again.
servers.REQUIRE_LOADED_DEMO = True


@pytest.fixture(scope="session")
def loaded_demo(request):
    """Requested by every fixture or test that prepares a site for a server
    (tests/servers.py prepare_site): the demo is then loaded once in the process, into
    the test database, and each server's site is a copy of it. pytest-django sets a
    test database up only when a collected test uses one; when none does (only
    server-based tests were chosen), each server's site is built instead."""
    if any(_uses_test_database(item) for item in request.session.items):
        request.getfixturevalue("django_db_setup")
    else:
        servers.REQUIRE_LOADED_DEMO = False


def _uses_test_database(item):
    """What makes pytest-django set the test database up for `item`: the mark, a
    fixture that needs it, or a Django test case class."""
    return (
        item.get_closest_marker("django_db") is not None
        or "django_db_setup" in item.fixturenames
        or issubclass(getattr(item, "cls", None) or object, TransactionTestCase)
    )


def media_names():
    """Every file the database names (images, their renditions, documents)."""
    names = set()
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, FileField):
                names.update(
                    model.objects.exclude(**{field.name: ""}).values_list(field.name, flat=True)
                )
    return sorted(names)


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(site):
    return site.root_page.specific


@pytest.fixture
def page_by_path(db):
    """Look a live page up by its English URL path, e.g. "/conditions/neck-spasms/"."""

    def find(url_path):
        return Page.objects.get(url_path="/home" + url_path).specific

    return find


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.com", "pw-for-tests")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    """A throwaway Redis server for the module's app servers to share."""
    import os

    from tests.require import require
    from tests.servers import REDIS_BINARY, redis_server

    require(
        os.path.exists(REDIS_BINARY),
        "redis-server is missing (Debian: apt-get install redis-server)",
    )
    with redis_server(tmp_path_factory.mktemp("redis")) as url:
        yield url
