"""The condition page editor: related conditions chosen in Wagtail's page chooser from
the page's own language, the slug's help showing the real address, and "Our Locations"
never empty."""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import Locale

from cms.i18n.translations import translate_from_catalog
from conditions.choosers import StartingPageChooser
from conditions.models import CLINICS_SHOWN, ConditionPage
from locations.models import LocationCondition, LocationPage
from locations.treating import clinics_treating
from tests.cms.test_translation_sync import fake_catalog
from tests.conditions.helpers import TextCollector

pytestmark = pytest.mark.django_db


def edit_form(user, page):
    """The page editor's form for `page` (a translation opens in wagtail-localize's
    editor over HTTP, but a page created in Spanish uses this form)."""
    form_class = ConditionPage.get_edit_handler().get_form_class()
    return form_class(instance=page, parent_page=page.get_parent(), for_user=user)


def translate_conditions(locale, count=3):
    """Translate condition pages into `locale` until it has `count` of them (the demo
    translates one into Spanish), as live pages."""
    english = ConditionPage.objects.filter(locale__language_code="en").order_by("path")
    index = english.first().get_parent().specific
    if index.get_translation_or_none(locale) is None:
        translate_from_catalog(index, locale, fake_catalog(index))
    missing = english.exclude(
        translation_key__in=ConditionPage.objects.filter(locale=locale).values("translation_key")
    )
    for source in missing[: max(0, count - ConditionPage.objects.filter(locale=locale).count())]:
        translate_from_catalog(source, locale, fake_catalog(source))
    return ConditionPage.objects.filter(locale=locale)


def related_form(user, page):
    """A row of the related-conditions formset as the editor renders it."""
    return edit_form(user, page).formsets["related_conditions"].empty_form


@pytest.mark.parametrize("language", ["en", "es"])
def test_related_conditions_are_offered_in_the_pages_own_language(admin_user, language):
    locale = Locale.objects.get(language_code=language)
    pages = translate_conditions(locale)
    page = pages.first()
    field = related_form(admin_user, page).fields["condition"]
    offered = field.queryset
    assert offered.exists()
    assert set(offered.values_list("locale_id", flat=True)) == {locale.pk}
    assert page.pk not in offered.values_list("pk", flat=True)
    assert offered.count() == pages.count() - 1
    # Wagtail's page chooser for condition pages, opening at this language's index.
    assert isinstance(field.widget, StartingPageChooser)
    assert field.widget.target_models == [ConditionPage]
    assert field.widget.base_js_init_options["parentId"] == page.get_parent().pk


def test_the_editor_shows_a_multiple_page_chooser_not_a_tick_list(admin_client, page_by_path):
    page = page_by_path("/conditions/neck-spasms/")
    body = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'type="checkbox" name="related_conditions"' not in body
    assert 'id="id_related_conditions-OPEN_MODAL"' in body  # "Add related condition"
    assert "conditions.widgets.StartingPageChooser" in body
    assert "conditions/starting-page-chooser.js" in body
    assert f'"parentId": {page.get_parent().pk}' in body
    rows = list(page.related_conditions.all())
    assert rows
    for row in rows:
        assert f'value="{row.condition_id}"' in body


@pytest.mark.parametrize("view", ["edit", "add"])
def test_the_chooser_script_loads_after_the_wagtail_script_it_extends(
    admin_client, page_by_path, view
):
    page = page_by_path("/conditions/neck-spasms/")
    if view == "edit":
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    else:
        parent = page.get_parent()
        url = reverse("wagtailadmin_pages:add", args=["conditions", "conditionpage", parent.pk])
    body = admin_client.get(url).content.decode()
    scripts = [src.split("?")[0] for src in re.findall(r'<script src="([^"]+)"', body)]
    ours = scripts.index("/static/conditions/starting-page-chooser.js")
    assert scripts.index("/static/wagtailadmin/js/page-chooser-telepath.js") < ours


def chooser_titles(admin_client, url, **params):
    response = admin_client.get(url, {"page_type": "conditions.conditionpage", **params})
    assert response.status_code == 200
    payload = response.json() if response["Content-Type"].startswith("application/json") else None
    html = payload["html"] if payload else response.content.decode()
    return html


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_chooser_offers_the_pages_language_only(admin_client, language):
    locale = Locale.objects.get(language_code=language)
    pages = translate_conditions(locale)
    others = ConditionPage.objects.exclude(locale=locale)
    index = pages.first().get_parent()
    # The chooser opens at the index; the editor sends the page's language as `locale`.
    html = chooser_titles(
        admin_client,
        reverse("wagtailadmin_choose_page_child", args=[index.pk]),
        locale=language,
        multiple="1",
    )
    for page in pages:
        assert f'data-id="{page.pk}"' in html or f'value="{page.pk}"' in html
    for page in others:
        assert f'value="{page.pk}"' not in html and f'data-id="{page.pk}"' not in html
    english_neck = ConditionPage.objects.get(locale__language_code="en", slug="neck-spasms")
    neck = pages.get(translation_key=english_neck.translation_key)
    word = max(neck.title.split(), key=len)
    html = chooser_titles(
        admin_client, reverse("wagtailadmin_choose_page_search"), locale=language, q=word
    )
    assert escape(neck.get_admin_display_title()) in html
    for page in ConditionPage.objects.filter(translation_key=neck.translation_key):
        if page.locale_id != locale.pk:
            assert f'data-id="{page.pk}"' not in html


def test_the_chooser_has_no_locale_menu_and_never_offers_the_page_itself(admin_client):
    spanish = translate_conditions(Locale.objects.get(language_code="es"))
    page = spanish.first()
    index = page.get_parent()
    url = reverse("wagtailadmin_choose_page_child", args=[index.pk])
    params = {"locale": "es", "multiple": "1", "target_pages[]": page.pk}
    html = chooser_titles(admin_client, url, **params)
    assert "data-locale-selector-link" not in html  # Wagtail's menu to other languages
    assert f'value="{page.pk}"' not in html  # the edited page itself
    assert all(f'value="{other.pk}"' in html for other in spanish.exclude(pk=page.pk))
    # Any other page chooser keeps Wagtail's locale menu.
    other = admin_client.get(url, {"page_type": "wagtailcore.page"}).json()["html"]
    assert "data-locale-selector-link" in other


def test_every_row_opens_the_chooser_at_the_pages_own_conditions(admin_user):
    """Also a row whose page lives elsewhere (a translation's synchronized rows point at
    English pages): Wagtail would open at that page's parent."""
    page = translate_conditions(Locale.objects.get(language_code="es")).first()
    widget = related_form(admin_user, page).fields["condition"].widget
    english = ConditionPage.objects.filter(locale__language_code="en").first()
    options = widget.get_js_init_options("id", "name", widget.get_value_data(english.pk))
    assert options["parentId"] == page.get_parent().pk
    assert options["targetPages"] == [page.pk]


def post_related(admin_client, page, chosen):
    """Publish `page` from its editor with the related conditions `chosen` (pages)."""
    from tests.admin_forms import edit_form_data

    data = edit_form_data(admin_client, page)
    prefix = "related_conditions"
    existing = int(data[f"{prefix}-INITIAL_FORMS"])
    assert existing == int(data[f"{prefix}-TOTAL_FORMS"])
    for number in range(existing):  # the rows there were, removed as the editor does
        data[f"{prefix}-{number}-DELETE"] = "1"
    for number, other in enumerate(chosen, start=existing):
        data[f"{prefix}-{number}-condition"] = str(other.pk)
        data[f"{prefix}-{number}-id"] = ""
    data[f"{prefix}-TOTAL_FORMS"] = str(existing + len(chosen))
    data["action-publish"] = "action-publish"
    return admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_bad_related_conditions_are_refused_with_a_message(admin_client, page_by_path):
    page = page_by_path("/conditions/neck-spasms/")
    before = sorted(row.condition_id for row in page.related_conditions.all())
    spanish = translate_conditions(Locale.objects.get(language_code="es")).first()
    whiplash = page_by_path("/conditions/whiplash/")
    for chosen, message in (
        ([spanish], "in this page's language"),
        ([page], "in this page's language"),
        ([whiplash, whiplash], "already in the list"),
    ):
        response = post_related(admin_client, page, chosen)
        assert response.status_code == 200
        assert escape(message) in response.content.decode()
    page.refresh_from_db()
    assert sorted(row.condition_id for row in page.related_conditions.all()) == before


def test_chosen_related_conditions_are_kept_and_shown_alphabetically(
    admin_client, client, page_by_path
):
    page = page_by_path("/conditions/neck-spasms/")
    chosen = [page_by_path(f"/conditions/{slug}/") for slug in ("whiplash", "sciatica")]
    response = post_related(admin_client, page, chosen)
    assert response.status_code == 302
    page = ConditionPage.objects.get(pk=page.pk)
    assert {row.condition_id for row in page.related_conditions.all()} == {p.pk for p in chosen}
    html = client.get(page.url).content.decode()
    related = html.split('id="related-heading"', 1)[1].split("</section>", 1)[0]
    names = sorted(p.name for p in chosen)
    assert related.index(names[0]) < related.index(names[1])


def test_a_translations_related_links_resolve_to_its_own_language(client, page_by_path):
    spanish = Locale.objects.get(language_code="es")
    english = page_by_path("/conditions/neck-spasms/")
    linked = [row.condition for row in english.related_conditions.all()]
    translated_one = linked[0]
    translate_conditions(spanish, count=0)
    translate_from_catalog(translated_one, spanish, fake_catalog(translated_one))
    page = english.get_translation(spanish)
    # The translation's rows are the English page's facts (synchronized)...
    assert {row.condition_id for row in page.related_conditions.all()} == {p.pk for p in linked}
    html = client.get(page.url).content.decode()
    related = html.split('id="related-heading"', 1)[1].split("</section>", 1)[0]
    # ...and each link leads to the Spanish page where there is one, else the English.
    assert f'href="{translated_one.get_translation(spanish).url}"' in related
    assert f'href="{translated_one.url}"' not in related
    for other in linked[1:]:
        own = other.get_translation_or_none(spanish)
        expected = own.url if own is not None and own.live else other.url
        assert f'href="{expected}"' in related


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
    cards, text = clinic_cards(client, page)
    every = LocationPage.objects.live().filter(locale=page.locale).count()
    # Every clinic treats it then: a few are shown, with how many and the way to all.
    assert cards == min(every, CLINICS_SHOWN) > 0
    if every > CLINICS_SHOWN:
        assert f"Clinics that treat this condition: {every}" in text
