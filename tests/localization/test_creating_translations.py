"""Creating a translation, by any path, makes a draft; a translated condition page goes
live only when a clinical reviewer approves the revision built from its strings."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization, StringSegment
from wagtail_localize.operations import TranslationCreator

from tests.localization.conftest import (
    translate_missing_strings,
    translated_text,
    translation_record,
    workflow_action,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def new_condition(page_by_path):
    """A newly published English condition page nobody has translated yet."""
    neck = page_by_path("/conditions/neck-spasms/")
    page = neck.copy(
        to=neck.get_parent(),
        update_attrs={"slug": "stiff-neck", "title": "Stiff neck"},
        keep_live=True,
    ).specific
    page.condition_name = "Stiff neck"
    page.intro = "A stiff neck is hard to turn; it usually eases within days."
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def other_language_pages(code):
    return Page.objects.filter(locale__language_code=code)


def assert_no_live_copy_in(code):
    """Nothing in `code` is live unless it was translated and published by a person
    (the demo's own home and language-assistance pages)."""
    live = other_language_pages(code).filter(live=True)
    assert not live.filter(alias_of__isnull=False).exists()
    for page in live:
        assert page.get_latest_revision() is not None


def assert_not_published(response, draft):
    """A draft's URL does not serve the draft: it answers 404, or the language fallback
    (issue 19: noindex, the English page or a "not yet translated" page), never the
    draft's own revision."""
    if response.status_code == 404:
        return
    assert response.status_code == 200
    assert "noindex" in response["X-Robots-Tag"]
    served = (response.context or {}).get("page")
    assert served is None or served.pk != draft.pk


def test_the_setting_is_off():
    assert settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is False


def test_translate_this_page_makes_a_draft(login, users, new_condition, client):
    spanish = Locale.objects.get(language_code="es")
    translator = login(users["translator-es"])
    url = reverse("wagtail_localize:submit_page_translation", args=[new_condition.pk])
    assert translator.get(url).status_code == 200
    response = translator.post(url, {"locales": [spanish.pk]})
    assert response.status_code == 302
    draft = new_condition.get_translation(spanish)
    assert not draft.live and draft.alias_of_id is None
    client.logout()
    assert_not_published(client.get(f"/es/conditions/{draft.slug}/"), draft)


def test_a_missing_parent_becomes_a_draft_too(login, users, new_condition, client):
    french = Locale.objects.get(language_code="fr")
    index = new_condition.get_parent()
    assert index.get_translation_or_none(french) is None
    editor = login(users["editor"])
    url = reverse("wagtail_localize:submit_page_translation", args=[new_condition.pk])
    assert editor.post(url, {"locales": [french.pk]}).status_code == 302
    french_index = index.get_translation(french)
    assert french_index.alias_of_id is None and not french_index.live
    assert translation_record(index, "fr").enabled  # the translation editor opens it
    assert not new_condition.get_translation(french).live
    # Publishing the English index later does not publish the French copy.
    index.specific.save_revision().publish()
    assert not Page.objects.get(pk=french_index.pk).live
    client.logout()
    assert_not_published(client.get("/fr/conditions/"), french_index)
    assert_no_live_copy_in("fr")


def test_subtree_translation_makes_drafts(login, users, page_by_path):
    korean = Locale.objects.get(language_code="ko")
    index = page_by_path("/locations/")
    editor = login(users["editor"])
    url = reverse("wagtail_localize:submit_page_translation", args=[index.pk])
    response = editor.post(url, {"locales": [korean.pk], "include_subtree": "on"})
    assert response.status_code == 302
    created = other_language_pages("ko").filter(path__startswith=index.get_translation(korean).path)
    assert created.count() == 1 + index.get_children().count()
    assert not created.filter(live=True).exists()
    assert_no_live_copy_in("ko")


def test_the_api_makes_drafts(new_condition):
    russian = Locale.objects.get(language_code="ru")
    TranslationCreator(None, [russian]).create_translations(new_condition)
    assert not new_condition.get_translation(russian).live
    assert_no_live_copy_in("ru")


def test_synchronised_locales_get_drafts_not_live_aliases(login, users, page_by_path, client):
    polish = Locale.objects.get(language_code="pl")
    LocaleSynchronization.objects.create(locale=polish, sync_from=Locale.get_default())
    call_command("sync_locale_trees")
    assert other_language_pages("pl").filter(locale=polish).count() >= 8
    assert_no_live_copy_in("pl")
    client.logout()
    polish_page = Page.objects.get(locale=polish, url_path__endswith="/neck-spasms/")
    assert_not_published(client.get("/pl/conditions/neck-spasms/"), polish_page)
    # A page created in English later is copied into Polish as a draft as well.
    editor = login(users["editor"])
    index = page_by_path("/locations/")
    midtown = page_by_path("/locations/midtown/")
    new = midtown.copy(to=index, update_attrs={"slug": "harlem", "title": "Harlem"})
    from wagtail_localize.synctree import create_aliases_for_new_page

    create_aliases_for_new_page(new)  # what the admin's after_create_page hook does
    assert not new.get_translation(polish).live
    assert_no_live_copy_in("pl")
    assert editor.get("/admin/").status_code == 200


def test_syncing_translated_pages_never_publishes_them(login, users, page_by_path):
    english = page_by_path("/language-assistance/")
    english.intro = "Free language help, now also by video call."
    english.save_revision().publish()
    spanish = english.get_translation(Locale.objects.get(language_code="es")).specific
    live_intro = spanish.intro
    source = translation_record(english, "es").source
    editor = login(users["editor"])
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    form = editor.get(url).content.decode()
    assert 'name="publish_translations"' not in form
    assert editor.post(url, {"publish_translations": "on"}).status_code == 302
    assert type(spanish).objects.get(pk=spanish.pk).intro == live_intro


def test_a_translator_translates_submits_and_a_reviewer_approves(
    login, users, new_condition, client
):
    spanish = Locale.objects.get(language_code="es")
    translator = login(users["translator-es"])
    url = reverse("wagtail_localize:submit_page_translation", args=[new_condition.pk])
    translator.post(url, {"locales": [spanish.pk]})
    draft = new_condition.get_translation(spanish).specific
    assert not draft.live
    # The Spanish translator has no say over other languages' pages.
    french_home = Page.objects.get(depth=2, locale__language_code="fr")
    assert not french_home.permissions_for_user(users["translator-es"]).can_edit()

    translated = translate_missing_strings(translator, new_condition, "es", lambda s: f"ES: {s}")
    assert new_condition.intro in translated
    submit = reverse("conditions_submit_for_review", args=[draft.pk])
    assert translator.post(submit).status_code == 302
    assert not type(draft).objects.get(pk=draft.pk).live

    reviewer = login(users["moderator"])
    state = draft.current_workflow_state
    preview = reviewer.get(
        reverse(
            "wagtailadmin_pages:workflow_preview", args=[draft.pk, state.current_task_state.task_id]
        )
    )
    assert preview.status_code == 200
    assert f"ES: {new_condition.intro}" in preview.content.decode()
    submitted = state.current_task_state.revision
    assert workflow_action(reviewer, draft, "approve").status_code == 302

    live = type(draft).objects.get(pk=draft.pk)
    assert live.live and live.intro == f"ES: {new_condition.intro}"
    assert live.live_revision_id == submitted.pk  # exactly what was reviewed
    client.logout()
    html = client.get(live.url).content.decode()
    assert f"ES: {new_condition.intro}" in html and 'lang="es"' in html


def test_a_rejected_translation_leaves_the_live_page_as_it_was(login, users, page_by_path, client):
    english = page_by_path("/conditions/neck-spasms/")
    spanish = english.get_translation(Locale.objects.get(language_code="es")).specific
    before = translated_text(spanish)
    client.logout()
    live_html = client.get(spanish.url).content.decode()
    assert spanish.intro in live_html

    translator = login(users["translator-es"])
    translation = translation_record(english, "es")
    segment = StringSegment.objects.get(source=translation.source, context__path="intro")
    from urllib.parse import urlencode

    response = translator.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        urlencode({"value": "Una introducción revisada."}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert (
        translator.post(reverse("conditions_submit_for_review", args=[spanish.pk])).status_code
        == 302
    )
    # Submitting wrote nothing into the live page.
    assert type(spanish).objects.get(pk=spanish.pk).intro == spanish.intro

    reviewer = login(users["moderator"])
    revision = spanish.current_workflow_state.current_task_state.revision
    assert revision.as_object().intro == "Una introducción revisada."
    compare = reviewer.get(
        reverse("wagtailadmin_pages:revisions_compare", args=[spanish.pk, "live", revision.pk])
    )
    assert compare.status_code == 200 and "revisada" in compare.content.decode()
    state = spanish.current_workflow_state
    preview = reviewer.get(
        reverse(
            "wagtailadmin_pages:workflow_preview",
            args=[spanish.pk, state.current_task_state.task_id],
        )
    )
    assert "Una introducción revisada." in preview.content.decode()
    assert workflow_action(reviewer, spanish, "reject").status_code == 302

    fresh = type(spanish).objects.get(pk=spanish.pk)
    assert fresh.live and fresh.intro == spanish.intro
    assert translated_text(fresh) == before
    client.logout()
    assert client.get(spanish.url).content.decode() == live_html
