"""Model rules: translation settings for wagtail-localize, hero image alt text, and a
condition page rendered in another language."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields

from conditions.models import BodyArea, ConditionIndexPage, ConditionPage

pytestmark = pytest.mark.django_db


def kinds(model):
    return {field.field_name: type(field) for field in get_translatable_fields(model)}


def test_condition_page_translation_settings():
    fields = kinds(ConditionPage)
    for name in ("title", "slug", "seo_title", "search_description", "intro", "body"):
        assert fields[name] is TranslatableField, name
    for name in ("reviewer", "last_reviewed", "body_area", "hero_image", "related_conditions"):
        assert fields[name] is SynchronizedField, name
    assert kinds(ConditionIndexPage)["intro"] is TranslatableField


def test_body_area_name_is_translated_and_its_slug_is_not():
    fields = kinds(BodyArea)
    assert fields["name"] is TranslatableField
    assert fields["slug"] is SynchronizedField


def test_hero_image_needs_alt_text(page_by_path):
    page = page_by_path("/conditions/whiplash/")
    page.hero_image = Image.objects.create(title="Hero", file=get_test_image_file())
    page.hero_image_alt = "  "
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "hero_image_alt" in error.value.message_dict
    page.hero_image_alt = "A driver holding the back of his neck"
    page.full_clean()


def test_name_falls_back_to_the_title():
    assert ConditionPage(title="Bursitis").name == "Bursitis"
    assert ConditionPage(title="Best Bursitis PT", condition_name="Bursitis").name == "Bursitis"


def test_a_translated_condition_page_renders_in_its_language(client, page_by_path):
    neck = page_by_path("/conditions/neck-spasms/")
    spanish, _ = Locale.objects.get_or_create(language_code="es")
    # The demo already translates this page; make the test's own copy otherwise.
    translated = neck.get_translation_or_none(spanish)
    if translated is None:
        translated = neck.copy_for_translation(spanish, copy_parents=True)
    translated = translated.specific
    translated.title = "Espasmos de cuello"
    translated.save_revision().publish()
    area = neck.body_area
    BodyArea.objects.update_or_create(
        locale=spanish,
        translation_key=area.translation_key,
        defaults={"name": "Cuello", "slug": area.slug},
    )
    response = client.get(translated.url)
    assert response.status_code == 200, translated.url
    html = response.content.decode()
    assert '<html lang="es"' in html
    assert ">Cuello</a>" in html  # the body area in Spanish, linking the Spanish index
    assert f'href="{translated.get_parent().url}?area=neck"' in html
    # Untranslated linked pages fall back to the English page rather than vanish.
    assert 'href="/conditions/herniated-disc/"' in html
