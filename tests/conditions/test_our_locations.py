"""A condition page's "Our Locations" keeps its size as the chain grows: a few clinics
that treat the condition, spread across the boroughs, how many treat it, and a ZIP
form and a link to the location index for the rest (at ten times the clinics:
tests/performance/test_growth.py, on the grown site it shares). Its cards, the related
conditions and the body come from the data cache, and a change to any of them still
reaches the page (never stale); a preview renders from the page object."""

import re

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Locale

from conditions.models import CLINICS_SHOWN, ConditionPage
from locations.models import LocationCondition, LocationPage
from locations.treating import clinics_treating
from tests.admin_forms import edit_form_data

pytestmark = pytest.mark.django_db

CARD = re.compile(r'<a class="card__link" href="([^"]+)">([^<]+)</a>')


@pytest.fixture
def data_cache_on():
    """The data cache as in production (the page cache off: every request renders)."""
    with override_settings(PAGE_DATA_CACHE=True, PAGE_CACHE_SECONDS=0):
        yield


def neck():
    return ConditionPage.objects.get(locale=Locale.get_default(), slug="neck-spasms")


def our_locations(client, page):
    html = client.get(page.url).content.decode()
    start = html.index('id="our-locations"')
    return html[start : html.index("</section>", start)]


def test_the_page_shows_every_clinic_that_treats_it_while_they_are_few(client):
    page = neck()
    treating = list(clinics_treating(page))
    assert 0 < len(treating) <= CLINICS_SHOWN, "the demo has a few clinics treating it"
    section = our_locations(client, page)
    assert sorted(href for href, _title in CARD.findall(section)) == sorted(
        clinic.url for clinic in treating
    )
    assert "Clinics that treat this condition" not in section
    assert 'name="zip"' not in section


def test_a_clinics_change_reaches_the_condition_page(client, data_cache_on):
    page = neck()
    section = our_locations(client, page)
    href, _title = CARD.findall(section)[0]
    clinic = next(clinic for clinic in clinics_treating(page) if clinic.url == href)
    clinic = LocationPage.objects.get(pk=clinic.pk)

    clinic.phone = "+12125559876"
    clinic.title = f"{clinic.title} Renamed"
    clinic.save_revision().publish()
    section = our_locations(client, page)
    assert "(212) 555-9876" in section
    assert f">{clinic.title}</a>" in section

    LocationCondition.objects.filter(
        page=clinic, condition__translation_key=page.translation_key
    ).delete()
    assert f'href="{href}"' not in our_locations(client, page)


def test_a_new_clinic_treating_it_reaches_the_count(client, data_cache_on):
    page = neck()
    demo = LocationPage.objects.live().filter(locale=page.locale).count()
    our_locations(client, page)  # the cache is warm
    call_command("seed_scale_content", clinics=demo, conditions=0, languages="", verbosity=0)
    treating = len(list(clinics_treating(page)))
    assert treating > CLINICS_SHOWN
    assert f"Clinics that treat this condition: {treating}" in our_locations(client, page)


def test_a_renamed_related_condition_and_an_edited_body_reach_the_page(client, data_cache_on):
    page = neck()
    html = client.get(page.url).content.decode()
    assert ">Herniated disc</a>" in html
    herniated = ConditionPage.objects.get(locale=page.locale, slug="herniated-disc")
    herniated.condition_name = "Slipped disc"
    herniated.save_revision().publish()
    page.refresh_from_db()
    page.body[0].value["heading"] = "Why the neck spasms"
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert ">Slipped disc</a>" in html and ">Herniated disc</a>" not in html
    assert 'id="why-the-neck-spasms"' in html
    assert '<a href="#why-the-neck-spasms">Why the neck spasms</a>' in html


def test_a_preview_renders_from_the_page_object_not_the_cache(admin_client, client, data_cache_on):
    page = neck()
    assert "What causes neck spasms" in client.get(page.url).content.decode()  # cached
    data = edit_form_data(admin_client, page)
    heading = page.body[0].value["heading"]
    [key] = [k for k, v in data.items() if k.endswith("-value-heading") and v == heading]
    data[key] = "Previewed heading"
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    assert admin_client.post(url, data).json()["is_valid"]
    preview = admin_client.get(url).content.decode()
    assert 'id="previewed-heading"' in preview
    public = client.get(page.url).content.decode()
    assert "Previewed heading" not in public and "What causes neck spasms" in public
