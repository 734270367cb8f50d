"""Board users: one per role, translators in per-language groups as the core makes
them ("Translators: <language>", with the Translators group's permissions and page
permissions on their language's home page)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from wagtail.models import Locale

from cms import roles
from home.models import HomePage
from tests.roles.conftest import login  # noqa: F401 - login(user) -> a signed-in client


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


def language_translators_group(language_name, code):
    group = roles.ensure_group(
        f"Translators: {language_name}",
        roles.MODEL_PERMISSIONS[roles.TRANSLATORS],
        roles.COLLECTION_PERMISSIONS[roles.TRANSLATORS],
    )
    home = HomePage.objects.get(locale=Locale.objects.get(language_code=code))
    roles.grant_page(group, home, roles.TRANSLATOR_PAGE_ACTIONS)
    return group


@pytest.fixture
def make_user(db):
    def make(username, *groups):
        user = get_user_model().objects.create_user(username, f"{username}@example.com", "pw")
        user.groups.set(groups)
        return user

    return make


@pytest.fixture
def people(db, make_user):
    roles.apply_roles()
    group = Group.objects.get
    spanish = language_translators_group("Spanish", "es")
    arabic = language_translators_group("Arabic", "ar")
    from locations.models import LocationPage

    midtown = LocationPage.objects.get(locale=Locale.get_default(), slug="midtown")
    return {
        "editor": make_user("ed", group(name=roles.MARKETING_EDITORS)),
        "reviewer": make_user("rev", group(name=roles.CLINICAL_REVIEWERS)),
        "spanish": make_user("tr-es", spanish),
        "arabic": make_user("tr-ar", arabic),
        "translator": make_user("tr-all", group(name=roles.TRANSLATORS)),
        "manager": make_user("mgr", roles.clinic_managers_group(midtown)),
        "nobody": make_user("nobody"),
    }
