"""The translation lifecycle, driven over HTTP as the demo's roles (tests/roles/conftest.py),
and board users: one per role, translators in the per-language groups cms.editorial.roles makes
("Translators: <language>", with page permissions on their language's home page)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, WorkflowState
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from cms.editorial import roles
from cms.i18n.translations import translate_from_catalog
from demo.loader import SHOWCASE_LANGUAGES
from localization.segments import KEPT
from tests.roles.conftest import login, translate_page, users  # noqa: F401

# The languages the demo translates condition and clinic pages into.
LANGUAGES = SHOWCASE_LANGUAGES


def translated_text(page):
    """Every field a translator owns (all but the synchronized facts), as stored."""
    page = type(page).objects.get(pk=page.pk)
    return {
        declared.field_name: declared.get_field(type(page)).value_to_string(page)
        for declared in get_translatable_fields(type(page))
        if not isinstance(declared, SynchronizedField)
        and getattr(declared.get_field(type(page)), "concrete", False)
    }


def body_text(page):
    """The visible text of each block of a page's body (the HTML a translation is saved
    with may differ in markup, e.g. Draftail's block keys, but not in text)."""
    from django.utils.html import strip_tags

    page = type(page).objects.get(pk=page.pk)
    return [(block.block_type, strip_tags(str(block.value))) for block in page.body]


def fake_catalog(page, code):
    """A translation of every string of `page`, recognisable as this test's."""
    source, _created = TranslationSource.update_or_create_from_instance(page)
    segments = StringSegment.objects.filter(source=source).select_related("string")
    return {s.string.data: f"[{code}] {s.string.data}" for s in segments}


def retranslate(page, code):
    """Translate `page` afresh into `code` with this test's catalog, and publish it."""
    locale = Locale.objects.get(language_code=code)
    return translate_from_catalog(page, locale, fake_catalog(page, code)).specific


def translation_record(page, code):
    return Translation.objects.get(
        source__object_id=page.translation_key,
        source__locale=Locale.get_default(),
        target_locale__language_code=code,
    )


def publish_clinic_partly_translated(translator, english, code):
    """`translator` (a signed-in client) publishes `english`'s translation into `code`
    with its intro and parking directions never translated (their strings deleted),
    through the editor's own Publish. Run inside
    django_capture_on_commit_callbacks(execute=True), where wagtail-localize's publish
    lands. Returns the translated page."""
    translation = translation_record(english, code)
    StringTranslation.objects.filter(
        context__object_id=english.translation_key,
        context__path__in=["intro", "parking"],
        locale=translation.target_locale,
    ).delete()
    page = translation.get_target_instance()
    response = translator.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"}
    )
    assert response.status_code in (200, 302)
    return page


def translate_missing_strings(client, page, code, text=lambda source: f"[new] {source}"):
    """Through the translation editor's own endpoint, as its JavaScript does: translate
    every string of the current source that has no translation yet, or only the one
    kept from before its English changed. Returns them."""
    from urllib.parse import urlencode

    translation = translation_record(page, code)
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .annotate_translation(translation.target_locale)
        .select_related("string")
    )
    kept = set(
        StringTranslation.objects.filter(
            locale=translation.target_locale, tool_name=KEPT
        ).values_list("translation_of_id", "context_id")
    )
    done = []
    for segment in segments:
        if segment.translation and (segment.string_id, segment.context_id) not in kept:
            continue
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        response = client.put(
            url,
            urlencode({"value": text(segment.string.data)}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201), response.content
        done.append(segment.string.data)
    return done


def current_task_state(page):
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    return state.current_task_state


def workflow_action(client, page, action):
    task_state = current_task_state(page)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": ""})


@pytest.fixture
def neck_spasms(page_by_path):
    english = page_by_path("/conditions/neck-spasms/")
    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
    return english, {code: english.get_translation(loc).specific for code, loc in locales.items()}


@pytest.fixture
def midtown(page_by_path):
    """Midtown with a body of its own, translated into every showcase language (the
    demo's clinics have none, so a body overwritten with English would not show)."""
    from wagtail.rich_text import RichText

    english = page_by_path("/locations/midtown/")
    english.body = [
        ("rich_text", RichText("<p>Enter from 34th Street; the lift is on the left.</p>")),
        ("rich_text", RichText("<p>Ask the front desk for a locker.</p>")),
    ]
    english.save_revision().publish()
    english.refresh_from_db()
    return english, {code: retranslate(english, code) for code in LANGUAGES}


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
    from locations.models import LocationPage

    midtown = LocationPage.objects.get(locale=Locale.get_default(), slug="midtown")
    return {
        "editor": make_user("ed", group(name=roles.MARKETING_EDITORS)),
        "reviewer": make_user("rev", group(name=roles.CLINICAL_REVIEWERS)),
        "spanish": make_user(
            "tr-es", roles.translators_group(Locale.objects.get(language_code="es"))
        ),
        "arabic": make_user(
            "tr-ar", roles.translators_group(Locale.objects.get(language_code="ar"))
        ),
        "translator": make_user("tr-all", group(name=roles.TRANSLATORS)),
        "manager": make_user("mgr", roles.clinic_managers_group(midtown)),
        "nobody": make_user("nobody"),
    }
