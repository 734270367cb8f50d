"""A publish drops only what depends on it (cms/caching/dependencies.py): the page
and its translations, the pages that list or link it, never an unrelated page; and it
is never stale: what changed reaches every page that shows it, in every language. A
CDN in front is purged of the same pages, in every language."""

import pytest
from django.test import override_settings
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import Locale, Page

from tests.performance.conftest import HTTPS
from tests.require import require

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("caches_on")]

PURGED = []


class RecordingBackend(BaseBackend):
    """A CDN that writes down what it is asked to purge."""

    def purge(self, url):
        PURGED.append(url)

    def purge_batch(self, urls):
        PURGED.extend(urls)


@pytest.fixture
def caches_on():
    with override_settings(PAGE_CACHE_SECONDS=600, PAGE_DATA_CACHE=True):
        yield


@pytest.fixture
def cdn():
    PURGED.clear()
    backend = {"default": {"BACKEND": f"{__name__}.RecordingBackend"}}
    with override_settings(WAGTAILFRONTENDCACHE=backend):
        yield PURGED
    PURGED.clear()


def get(client, url):
    response = client.get(url, **HTTPS)
    assert response.status_code == 200, url
    return response


def served(client, url):
    """Where the page came from: "hit" (the page cache) or "miss" (rendered)."""
    return get(client, url)["X-Page-Cache"]


def english(model, **filters):
    return model.objects.get(locale=Locale.get_default(), **filters)


def every_language(page):
    return list(Page.objects.live().filter(translation_key=page.translation_key))


def edit_intro(page, text):
    page.intro = text
    page.save_revision().publish()


def test_a_publish_keeps_unrelated_pages_cached_and_drops_the_page_its_translations_and_index(
    client,
):
    from conditions.models import ConditionIndexPage, ConditionPage
    from home.models import LanguageAssistancePage

    neck = english(ConditionPage, slug="neck-spasms")
    translations = every_language(neck)
    require(len(translations) > 1, "neck spasms is not translated in the demo")
    indexes = [index.url for index in ConditionIndexPage.objects.live()]
    unrelated = [
        "/locations/midtown/",
        english(LanguageAssistancePage).url,
        *[
            p.url
            for p in ConditionPage.objects.live().exclude(translation_key=neck.translation_key)
        ][:3],
    ]
    dropped = [page.url for page in translations] + indexes
    for url in unrelated + dropped:
        get(client, url)
        assert served(client, url) == "hit", url

    edit_intro(neck, "Freshly reviewed: neck spasms explained.")

    for url in unrelated:
        assert served(client, url) == "hit", f"{url} went cold on an unrelated publish"
    for url in dropped:
        assert served(client, url) == "miss", f"{url} was not dropped"
    assert "Freshly reviewed" in get(client, neck.url).content.decode()


def test_a_clinics_new_phone_reaches_every_page_that_shows_it_in_every_language(client):
    from conditions.models import ConditionPage
    from locations.models import LocationIndexPage, LocationPage

    midtown = english(LocationPage, slug="midtown")
    old = f"({midtown.phone[2:5]}) {midtown.phone[5:8]}-{midtown.phone[8:]}"
    clinic_pages = [page.url for page in every_language(midtown)]
    require(len(clinic_pages) > 1, "midtown is not translated in the demo")
    indexes = [index.url for index in LocationIndexPage.objects.live()]
    treated = midtown.treated_conditions.values_list("condition__translation_key", flat=True)
    conditions = [
        page.url for page in ConditionPage.objects.live().filter(translation_key__in=treated)
    ]
    candidates = clinic_pages + indexes + conditions + ["/locations/?zip=10001"]
    showing = [url for url in candidates if old in get(client, url).content.decode()]
    require(len(showing) > len(clinic_pages), "the phone shows on no other page in the demo")

    midtown = LocationPage.objects.get(pk=midtown.pk)
    midtown.phone = "+12125559876"
    midtown.save_revision().publish()

    for url in showing:
        html = get(client, url).content.decode()
        assert "(212) 555-9876" in html, f"{url} lacks the new phone"
        assert old not in html, f"{url} still shows the old phone"


def test_the_cdn_is_purged_of_the_pages_the_page_cache_drops_in_every_language(
    client, cdn, django_capture_on_commit_callbacks
):
    from conditions.models import ConditionIndexPage, ConditionPage
    from locations.models import LocationPage

    neck = english(ConditionPage, slug="neck-spasms")
    expected = {page.full_url for page in every_language(neck)}
    expected |= {index.full_url for index in ConditionIndexPage.objects.live()}
    require(len(expected) > 2, "neck spasms is not translated in the demo")
    unrelated = {page.full_url for page in every_language(english(LocationPage, slug="midtown"))}

    with django_capture_on_commit_callbacks(execute=True):
        edit_intro(neck, "Freshly reviewed: neck spasms explained.")

    purged = set(cdn)
    assert expected <= purged, expected - purged
    assert not unrelated & purged
    assert any(url.endswith("/sitemap.xml") for url in purged)
    assert len(cdn) == len(purged), "a URL was sent twice"
    # The page cache dropped exactly the pages purged.
    for url in expected:
        assert served(client, url) == "miss", url


def test_a_clinics_change_purges_the_conditions_it_treats_in_every_language(
    cdn, django_capture_on_commit_callbacks
):
    from conditions.models import ConditionPage
    from locations.models import LocationIndexPage, LocationPage

    midtown = english(LocationPage, slug="midtown")
    treated = list(midtown.treated_conditions.values_list("condition__translation_key", flat=True))
    require(treated, "midtown lists no condition in the demo")
    expected = {page.full_url for page in every_language(midtown)}
    expected |= {index.full_url for index in LocationIndexPage.objects.live()}
    expected |= {
        p.full_url for p in ConditionPage.objects.live().filter(translation_key__in=treated)
    }

    with django_capture_on_commit_callbacks(execute=True):
        midtown.phone = "+12125559876"
        midtown.save_revision().publish()

    assert expected <= set(cdn), expected - set(cdn)
