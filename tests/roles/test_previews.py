"""Live preview of every page type in every language, and StreamField block previews,
for the people who use them (not only administrators)."""

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils.html import escape
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from cms.i18n.languages import SITE_LANGUAGES
from tests.admin_forms import edit_form_data

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    ("/", "homepage"),
    ("/language-assistance/", "languageassistancepage"),
    ("/conditions/", "conditionindexpage"),
    ("/conditions/neck-spasms/", "conditionpage"),
    ("/locations/", "locationindexpage"),
    ("/locations/midtown/", "locationpage"),
]
OTHER_LANGUAGES = [(code, rtl) for code, _name, _local, rtl in SITE_LANGUAGES if code != "en"]


def test_every_page_model_is_covered():
    page_models = {
        model._meta.model_name
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page and not model._meta.abstract
    }
    assert page_models == {model for _path, model in PAGE_TYPES}


def preview_on_edit(client, page):
    """What the editor's live preview panel does: POST the form, then GET the page."""
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    response = client.post(url, edit_form_data(client, page))
    assert response.status_code == 200
    assert response.json() == {"is_valid": True, "is_available": True}, page
    return client.get(url)


@pytest.mark.parametrize("url_path, model", PAGE_TYPES)
def test_live_preview_in_english(login, users, page_by_path, url_path, model):
    page = page_by_path(url_path)
    assert page._meta.model_name == model
    client = login(users["editor"])
    response = preview_on_edit(client, page)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html and escape(page.title) in html


@pytest.mark.parametrize("code, rtl", OTHER_LANGUAGES)
def test_live_preview_of_every_page_type_in_every_language(
    login, users, page_by_path, translate_page, code, rtl
):
    """Translations are edited in wagtail-localize's editor, whose preview renders the
    translation as it stands (English where a string is not translated yet)."""
    locale = Locale.objects.get(language_code=code)
    client = login(users["translator"])
    for url_path, _model in PAGE_TYPES:
        english = page_by_path(url_path)
        translated = translate_page(english, code)
        source = TranslationSource.objects.get(
            object_id=english.translation_key, locale=english.locale
        )
        translation = Translation.objects.get(source=source, target_locale=locale)
        response = client.get(
            reverse("wagtail_localize:preview_translation", args=[translation.pk])
        )
        assert response.status_code == 200, (code, url_path)
        html = response.content.decode()
        direction = "rtl" if rtl else "ltr"
        assert f'lang="{code}" dir="{direction}"' in html, (code, url_path)
        # The page's own draft preview ("View draft") works too.
        draft = client.get(reverse("wagtailadmin_pages:view_draft", args=[translated.pk]))
        assert draft.status_code == 200, (code, url_path)


@pytest.mark.parametrize("code", ["es", "ar"])
@pytest.mark.parametrize("url_path", ["/conditions/neck-spasms/", "/locations/midtown/"])
def test_live_preview_of_a_translation_edited_in_wagtails_editor(
    login, users, page_by_path, translate_page, code, url_path
):
    """After "Stop synced translation" a translation is edited (and previewed) in
    Wagtail's own editor."""
    client = login(users["translator"])
    english = page_by_path(url_path)
    translated = translate_page(english, code)
    Translation.objects.filter(
        source__object_id=english.translation_key, target_locale__language_code=code
    ).update(enabled=False)
    response = preview_on_edit(client, translated)
    assert response.status_code == 200
    assert f'lang="{code}"' in response.content.decode()


def stream_blocks():
    seen = {}
    for model in apps.get_models():
        if not issubclass(model, Page):
            continue
        for field in model._meta.get_fields():
            if isinstance(field, StreamField) and field.model is model:
                for name, block in field.stream_block.child_blocks.items():
                    seen.setdefault(block.definition_prefix, (model.__name__, name, block))
    return list(seen.values())


def test_every_streamfield_block_preview_opens_for_editors(login, users):
    client = login(users["editor"])
    blocks = stream_blocks()
    assert len(blocks) > 5
    for model, name, block in blocks:
        if not block.is_previewable:
            # An image block's preview needs an uploaded image. The shared rich-text
            # block (cms/blocks.py) has no preview value yet: reported, not ours to change.
            assert name == "image" or (model, name) == ("HomePage", "rich_text"), (model, name)
            continue
        response = client.get(
            reverse("wagtailadmin_block_preview") + f"?id={block.definition_prefix}"
        )
        assert response.status_code == 200, (model, name)
        assert "site.css" in response.content.decode(), (model, name)
