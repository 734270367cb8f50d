"""Query counts do not grow with the content, and a condition page's "Our Locations"
keeps its size: every page type, the clinic listings and search are counted on the
demo content, then on one grown site: ten times the clinics
and the condition pages (the first twelve clinics and thirty conditions also in
Spanish, Chinese and Arabic), and the measured pages in all twelve languages. Seeding
takes minutes, so the site is grown once for this module, inside a transaction that is
rolled back after it; each test asserts on the counts taken before and after."""

import re

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from wagtail.models import Locale

from conditions.models import CLINICS_SHOWN
from tests.conditions.test_our_locations import CARD, neck, our_locations
from tests.performance.conftest import HTTPS, measure, page_urls
from tests.performance.test_query_budgets import BUDGETS

# The mark makes pytest-django set the test database up; the tests themselves only
# read the counts the module's fixture took.
pytestmark = pytest.mark.django_db

# The search is for a clinic's neighbourhood the scale content does not mention, so
# both sizes find the same kinds of page (one query per kind of page shown;
# tests/search/test_search_cost.py).
PAGE_TYPE_SEARCH = "/search/?q=Astoria"
LISTINGS = {"location index": "/locations/", "finder ?zip=": "/locations/?zip=10001"}
SEARCHES = {
    "many hits": "/search/?q=neck",
    "second page": "/search/?q=neck&page=2",
    "every word or some": "/search/?q=neck+zzyzzx",
    "lay term": "/search/?q=crick+in+the+neck",
    "clinic": "/search/?q=Astoria",
    "Spanish": "/es/search/?q=cuello",
    "Chinese": "/zh-hans/search/?q=%E9%A2%88%E9%83%A8",  # 颈部
    "Arabic": "/ar/search/?q=%D8%A7%D9%84%D8%B1%D9%82%D8%A8%D8%A9",  # الرقبة
}
# Translated growth for the searches: every page seeded is a copy of a demo clinic or
# of the neck-spasms page.
TRANSLATED_GROWTH = {"clinics": 12, "conditions": 30, "languages": "es,zh-hans,ar"}


def publish_translation(page, code):
    """The page in another language, published (its parents translated first)."""
    translated = page.copy_for_translation(
        Locale.objects.get(language_code=code), copy_parents=True
    )
    translated.save_revision().publish()
    return translated


def english_counts():
    from conditions.models import ConditionPage
    from locations.models import LocationPage

    english = Locale.get_default()
    return {
        "clinics": LocationPage.objects.filter(locale=english).count(),
        "live clinics": LocationPage.objects.live().filter(locale=english).count(),
        "conditions": ConditionPage.objects.filter(locale=english).count(),
    }


def grow_content(demo):
    """The translated growth, then ten times the clinics and condition pages in English
    (seed_scale_content finds pages by slug, so the second call adds only the rest),
    and the measured pages in all twelve languages."""
    from django.conf import settings

    from conditions.models import ConditionPage
    from locations.models import LocationPage

    call_command("seed_scale_content", verbosity=0, **TRANSLATED_GROWTH)
    call_command(
        "seed_scale_content",
        clinics=9 * demo["clinics"],
        conditions=9 * demo["conditions"],
        languages="",
        verbosity=0,
    )
    english = Locale.get_default()
    neck_page = ConditionPage.objects.get(locale=english, slug="neck-spasms")
    midtown = LocationPage.objects.get(locale=english, slug="midtown")
    for code, _name in settings.LANGUAGES:
        locale, _made = Locale.objects.get_or_create(language_code=code)
        for page in (neck_page, midtown):
            if page.get_translation_or_none(locale) is None:
                publish_translation(page, code)
    return neck_page


def cards_shown(client, url):
    html = client.get(url, **HTTPS).content.decode()
    return len(re.findall(r'<li class="clinic-card" data-clinic ', html))


def hits(client, url):
    html = client.get(url, **HTTPS).content.decode()
    return int(re.search(r"(\d+) results? for", html).group(1))


def measure_everything(client):
    urls = {**page_urls(), "search": PAGE_TYPE_SEARCH}
    return {
        "page types": {name: measure(client, url) for name, url in urls.items()},
        "listings": {name: measure(client, url) for name, url in LISTINGS.items()},
        "cards": {name: cards_shown(client, url) for name, url in LISTINGS.items()},
        "searches": {name: measure(client, url) for name, url in SEARCHES.items()},
        "hits": hits(client, SEARCHES["many hits"]),
        **english_counts(),
    }


def our_locations_facts(client):
    """The neck-spasms page's "Our Locations" and what it should show."""
    from locations.models import LocationIndexPage
    from locations.treating import clinics_treating

    page = neck()
    index_url = LocationIndexPage.objects.live().get(locale=page.locale).url
    finder = client.get(index_url, {"zip": "10001"})
    return {
        "page pk": page.pk,
        "treating": [(c.url, c.title, c.borough) for c in clinics_treating(page)],
        "section": our_locations(client, page),
        "index url": index_url,
        "finder": (finder.status_code, finder.content.decode()),
    }


@pytest.fixture(scope="module")
def growth(django_db_setup, django_db_blocker):
    """{"before": counts on the demo, "after": counts on the grown site, "demo": ...}."""
    client = Client()
    with django_db_blocker.unblock(), transaction.atomic():
        before = measure_everything(client)
        neck_page = grow_content(before)
        after = measure_everything(client)
        after["locales"] = Locale.objects.count()
        after["neck translations"] = neck_page.get_translations(inclusive=True).live().count()
        after["our locations"] = our_locations_facts(client)
        transaction.set_rollback(True)
    return {"before": before, "after": after}


def test_every_page_type_costs_the_same_queries_at_two_content_sizes(growth):
    before, after = growth["before"], growth["after"]
    assert after["clinics"] == 10 * before["clinics"]
    assert after["conditions"] == 10 * before["conditions"]
    assert after["locales"] == 12
    assert after["neck translations"] == 12
    # No count grows. A page now translated into all twelve languages may cost fewer
    # (its language switcher needs no fallback links), in every mode.
    for name, counts in before["page types"].items():
        grown = after["page types"][name]
        for mode in ("warm", "cold", "off"):
            assert grown[mode] <= counts[mode], (name, mode, counts, grown)
    # So the README's budgets hold at ten times the content too (the search's for
    # ?q=neck, which grown content has pages of results for).
    grown = {**after["page types"], "search": after["searches"]["many hits"]}
    for name, budget in BUDGETS.items():
        counts = grown[name]
        assert all(
            counts[mode] <= n for mode, n in zip(("warm", "cold", "off"), budget, strict=True)
        ), (
            name,
            counts,
            budget,
        )


def test_clinic_listings_cost_the_same_queries_with_ten_times_the_clinics(growth):
    """The location index and the finder list every clinic, yet cost the same queries
    with ten times the clinics: a card's URLs, address, hours and "open now" come from
    work done once for all clinics, not per card."""
    before, after = growth["before"], growth["after"]
    assert before["cards"] == dict.fromkeys(LISTINGS, before["live clinics"])
    assert after["live clinics"] >= 10 * before["live clinics"]
    assert after["listings"] == before["listings"]
    assert after["cards"] == dict.fromkeys(LISTINGS, after["live clinics"])


def test_a_search_costs_the_same_queries_on_grown_content(growth):
    """More clinics, more condition pages (so "neck" has pages of results instead of a
    few), more languages. Counted with the data cache off, cold (after a publish) and
    warm."""
    before, after = growth["before"], growth["after"]
    assert after["hits"] >= before["hits"] + TRANSLATED_GROWTH["conditions"], (before, after)
    for name, counts in before["searches"].items():
        grown = after["searches"][name]
        # A page of results costs a query per kind of page it shows: grown content may
        # show fewer kinds (all conditions), never more queries.
        # (The budgets themselves: test_search_cost.py and tests/performance/.)
        assert all(grown[mode] <= counts[mode] for mode in counts), (name, counts, grown)


def test_at_ten_times_the_clinics_the_page_shows_a_few_and_leads_to_all(growth):
    demo, facts = growth["before"]["live clinics"], growth["after"]["our locations"]
    treating = facts["treating"]
    assert len(treating) >= 9 * demo > CLINICS_SHOWN  # the copies treat what midtown treats

    section = facts["section"]
    shown = CARD.findall(section)
    assert len(shown) == CLINICS_SHOWN
    by_url = {url: (title, borough) for url, title, borough in treating}
    for href, title in shown:
        assert by_url[href][0] == title
        assert f'href="{href}appointment/?condition={facts["page pk"]}"' in section
    # Spread across the boroughs: as many boroughs as there is room for.
    boroughs = {by_url[href][1] for href, _title in shown}
    assert len(boroughs) == min(CLINICS_SHOWN, len({borough for *_, borough in treating}))
    # How many treat it, and the way to all of them: the finder's ZIP form and the index.
    assert f"Clinics that treat this condition: {len(treating)}" in section
    index_url = facts["index url"]
    assert f'action="{index_url}"' in section
    assert re.search(r'<label for="our-locations-zip">[^<]+</label>', section)
    assert 'id="our-locations-zip" name="zip"' in section
    assert f'class="our-locations__all" href="{index_url}"' in section
    status, finder = facts["finder"]
    assert status == 200
    assert "Clinics nearest to 10001" in finder
