"""Kept HTML (cms/caching/fragments.py: the clinic cards of the index and finder, the
clinic page's {% kept %} blocks, a condition page's body) with the data cache on and
warm: the same markup as a fresh render in every kind of page (a translation, the language
fallback, the finder), the "open now" sentence of the moment of each request, and a
clinic's new hours on the very next request in every language."""

from datetime import datetime, time, timedelta

import pytest
from django.test import override_settings
from django.utils import timezone, translation
from wagtail.models import Locale, Page

from locations.hours import NEW_YORK, status_text
from locations.models import HoursException, LocationPage
from tests.performance.conftest import HTTPS

pytestmark = pytest.mark.django_db

FALLBACK = "fr"  # the demo's clinics are not translated into French
URLS = [
    "/locations/",
    "/locations/?zip=10001",
    "/locations/midtown/",
    f"/{FALLBACK}/locations/",
    f"/{FALLBACK}/locations/?zip=11201",
    f"/{FALLBACK}/locations/midtown/",
]


@pytest.fixture
def moment(monkeypatch):
    """Pin the clock to a New York wall-clock time of today (or of `day`)."""
    today = timezone.localdate()

    def set_to(clock, day=None):
        pinned = datetime.combine(day or today, clock, tzinfo=NEW_YORK)
        monkeypatch.setattr(timezone, "now", lambda: pinned)
        return pinned

    return set_to


def body(client, url):
    response = client.get(url, **HTTPS)
    assert response.status_code == 200, url
    return response.content.decode()


def translated_urls():
    """Each clinic page and index in every language the demo translates it into."""
    midtown = LocationPage.objects.get(locale=Locale.get_default(), slug="midtown")
    pages = Page.objects.live().filter(translation_key=midtown.translation_key)
    indexes = Page.objects.live().filter(translation_key=midtown.get_parent().translation_key)
    return [page.url for page in [*pages, *indexes]]


def condition_urls():
    """A condition page (its body is a {% kept %} block) in every language it has."""
    english = Page.objects.get(url_path="/home/conditions/neck-spasms/")
    pages = Page.objects.live().filter(translation_key=english.translation_key)
    return [page.url for page in pages]


def test_kept_html_is_what_a_fresh_render_gives(client, moment):
    moment(time(12, 0))
    urls = URLS + translated_urls() + condition_urls()
    assert len(condition_urls()) > 3
    with override_settings(PAGE_DATA_CACHE=False, PAGE_CACHE_SECONDS=0):
        fresh = {url: body(client, url) for url in urls}
    with override_settings(PAGE_DATA_CACHE=True, PAGE_CACHE_SECONDS=0):
        # English first: the fallback must not reuse what English readers were given.
        for _warm in range(2):
            for url in urls:
                assert body(client, url) == fresh[url], url
    assert f'href="/{FALLBACK}/locations/midtown/"' in fresh[f"/{FALLBACK}/locations/"]


@override_settings(PAGE_DATA_CACHE=True, PAGE_CACHE_SECONDS=0)
def test_open_now_is_worked_out_per_request(client, moment, midtown):
    midtown.prefetch_for_render()
    day = timezone.localdate()
    while not midtown.schedule.intervals_on(day):  # a day the clinic opens
        day += timedelta(days=1)
    opens, closes = midtown.schedule.intervals_on(day)[0]
    sentences = []
    for clock in (time(0, 5), opens, closes, time(23, 59)):
        now = moment(clock, day)
        with translation.override("en"):
            expected = status_text(midtown.schedule.status(now))
        for url in ("/locations/midtown/", "/locations/", "/locations/?zip=10001"):
            assert f'role="status">{expected}</p>' in body(client, url), (url, clock)
        sentences.append(expected)
    assert len(set(sentences)) > 1, "the demo's Midtown keeps the same sentence all day"


@override_settings(PAGE_DATA_CACHE=True, PAGE_CACHE_SECONDS=0)
def test_a_new_closure_shows_at_once_in_every_language(client, moment):
    moment(time(12, 0))
    urls = translated_urls() + ["/locations/?zip=10001", f"/{FALLBACK}/locations/midtown/"]
    for url in urls:
        assert "Boiler replacement" not in body(client, url)
    midtown = LocationPage.objects.get(locale=Locale.get_default(), slug="midtown")
    tomorrow = timezone.localdate() + timedelta(days=1)
    midtown.hours_exceptions.add(
        HoursException(date=tomorrow, label="Boiler replacement", closed=True)
    )
    midtown.save_revision().publish()
    for url in urls:
        assert "Boiler replacement" in body(client, url), url
