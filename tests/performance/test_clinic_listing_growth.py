"""The location index and the finder list every clinic, yet cost the same queries
with ten times the clinics: a card's URLs, address, hours and "open now" come from
work done once for all clinics, not per card."""

import re

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from locations.models import LocationPage
from tests.performance.conftest import HTTPS, measure

pytestmark = pytest.mark.django_db

URLS = {"location index": "/locations/", "finder ?zip=": "/locations/?zip=10001"}


def cards_shown(client, url):
    html = client.get(url, **HTTPS).content.decode()
    return len(re.findall(r'<li class="clinic-card" data-clinic ', html))


def live_clinics():
    return LocationPage.objects.live().filter(locale=Locale.get_default()).count()


def test_clinic_listings_cost_the_same_queries_with_ten_times_the_clinics(client):
    demo = live_clinics()
    before = {name: measure(client, url) for name, url in URLS.items()}
    assert {name: cards_shown(client, url) for name, url in URLS.items()} == dict.fromkeys(
        URLS, demo
    )

    call_command("seed_scale_content", clinics=9 * demo, conditions=0, languages="", verbosity=0)

    assert live_clinics() >= 10 * demo
    after = {name: measure(client, url) for name, url in URLS.items()}
    assert after == before
    assert {name: cards_shown(client, url) for name, url in URLS.items()} == dict.fromkeys(
        URLS, live_clinics()
    )
