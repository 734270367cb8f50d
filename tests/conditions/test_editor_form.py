"""The condition page editor: related conditions from the page's own language as a
tick list, the slug's help showing the real address, and "Our Locations" never empty."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from conditions.models import ConditionPage
from locations.models import LocationCondition, LocationPage
from locations.treating import clinics_treating
from tests.conditions.helpers import TextCollector

pytestmark = pytest.mark.django_db


def edit_form(user, page):
    """The page editor's form for `page` (a translation opens in wagtail-localize's
    editor over HTTP, but a page created in Spanish uses this form)."""
    form_class = ConditionPage.get_edit_handler().get_form_class()
    return form_class(instance=page, parent_page=page.get_parent(), for_user=user)


@pytest.mark.parametrize("language", ["en", "es"])
def test_related_conditions_are_offered_in_the_pages_own_language(admin_user, language):
    locale = Locale.objects.get(language_code=language)
    english = ConditionPage.objects.filter(locale__language_code="en")
    # The demo translates one condition page into Spanish; translate two more.
    for source in english.exclude(
        translation_key__in=ConditionPage.objects.filter(locale=locale).values("translation_key")
    )[: max(0, 3 - ConditionPage.objects.filter(locale=locale).count())]:
        source.copy_for_translation(locale)
    page = ConditionPage.objects.filter(locale=locale).first()
    offered = edit_form(admin_user, page).fields["related_conditions"].queryset
    assert offered.exists()
    assert set(offered.values_list("locale_id", flat=True)) == {locale.pk}
    assert page.pk not in offered.values_list("pk", flat=True)
    assert offered.count() == ConditionPage.objects.filter(locale=locale).count() - 1


def test_related_conditions_are_a_tick_list_and_keep_the_chosen_ones(admin_client, page_by_path):
    page = page_by_path("/conditions/neck-spasms/")
    body = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'type="checkbox" name="related_conditions"' in body
    for related in page.related_conditions.all():
        assert f'value="{related.pk}"' in body


def test_the_slug_help_shows_the_sites_real_address(admin_client, admin_user, page_by_path):
    page = page_by_path("/conditions/neck-spasms/")
    help_text = str(edit_form(admin_user, page).fields["slug"].help_text)
    assert help_text.endswith(page.get_parent().full_url + "[slug]/")
    index = page.get_parent()
    add = reverse("wagtailadmin_pages:add", args=["conditions", "conditionpage", index.pk])
    response = admin_client.get(add)
    assert index.full_url + "[slug]/" in str(response.context["form"].fields["slug"].help_text)


def clinic_cards(client, page):
    body = client.get(page.url).content.decode()
    parser = TextCollector()
    parser.feed(body)
    section = body[body.index('id="our-locations"') :]
    section = section[: section.index("</section>")]
    return section.count('class="card"'), parser.text


def test_our_locations_lists_the_clinics_that_treat_the_condition(client, page_by_path):
    page = page_by_path("/conditions/neck-spasms/")
    treating = list(clinics_treating(page))
    every = LocationPage.objects.live().filter(locale=page.locale).count()
    cards, text = clinic_cards(client, page)
    assert 0 < len(treating) == cards
    # The call to action agrees with what is listed (four of the clinics, not all).
    assert cards < every
    assert "at every clinic" not in text
    assert "at the clinics listed below" in text


def test_our_locations_is_never_empty(client, page_by_path):
    page = page_by_path("/conditions/neck-spasms/")
    LocationCondition.objects.filter(condition__translation_key=page.translation_key).delete()
    assert LocationCondition.objects.exists(), "other clinics still list their conditions"
    cards, _text = clinic_cards(client, page)
    assert cards == LocationPage.objects.live().filter(locale=page.locale).count() > 0
