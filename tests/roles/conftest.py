"""Role users from the demo (demo/users.py) and real wagtail-localize translations."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from demo.users import ensure_demo_users


@pytest.fixture
def users(db):
    """{username: user} for every demo login (admin, editor, moderator, translator,
    manager-<clinic>)."""
    logins = ensure_demo_users()
    User = get_user_model()
    return {username: User.objects.get(username=username) for username, _pw, _role in logins}


@pytest.fixture
def login(client):
    def as_user(user):
        client.force_login(user)
        return client

    return as_user


def translate(page, language_code, publish=False):
    """Translate `page` into a language with wagtail-localize (its parents first, as
    the translation editor does); untranslated strings fall back to English."""
    locale = Locale.objects.get(language_code=language_code)
    existing = page.get_translation_or_none(locale)
    if existing is not None and existing.alias_of_id is None:
        return existing.specific
    parent = page.get_parent().specific
    if parent.depth > 1 and parent.get_translation_or_none(locale) is None:
        translate(parent, language_code, publish=publish)
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    translation.save_target(publish=publish)
    return page.get_translation(locale).specific


@pytest.fixture
def translate_page():
    return translate
