"""The query count of every page type does not grow with the number of clinics,
conditions or languages: each page type is counted on the demo content, then again
at ten times the clinics and ten times the condition pages, with the measured pages
in all twelve languages."""

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from tests.performance.conftest import measure, page_urls

pytestmark = pytest.mark.django_db


def publish_translation(page, code):
    """The page in another language, published (its parents translated first)."""
    translated = page.copy_for_translation(
        Locale.objects.get(language_code=code), copy_parents=True
    )
    translated.save_revision().publish()
    return translated


def grow_content():
    """Ten times the clinics and ten times the condition pages (in English, the
    source), and the measured pages in all twelve languages."""
    from django.conf import settings

    from conditions.models import ConditionPage
    from locations.models import LocationPage

    english = Locale.get_default()
    clinics = LocationPage.objects.filter(locale=english).count()
    conditions = ConditionPage.objects.filter(locale=english).count()
    call_command(
        "seed_scale_content",
        clinics=9 * clinics,
        conditions=9 * conditions,
        languages="",
        verbosity=0,
    )
    neck = ConditionPage.objects.get(locale=english, slug="neck-spasms")
    midtown = LocationPage.objects.get(locale=english, slug="midtown")
    for code, _name in settings.LANGUAGES:
        locale, _made = Locale.objects.get_or_create(language_code=code)
        for page in (neck, midtown):
            if page.get_translation_or_none(locale) is None:
                publish_translation(page, code)
    return clinics, conditions


def test_every_page_type_costs_the_same_queries_at_two_content_sizes(client):
    from conditions.models import ConditionPage
    from locations.models import LocationPage

    urls = page_urls()
    # The search is for a clinic's neighbourhood the scale content does not mention,
    # so both sizes find the same kinds of page (one query per kind of page shown;
    # tests/search/test_search_cost.py).
    urls["search"] = "/search/?q=Astoria"
    counts_before = {name: measure(client, url) for name, url in urls.items()}

    clinics, conditions = grow_content()

    english = Locale.get_default()
    assert LocationPage.objects.filter(locale=english).count() == 10 * clinics
    assert ConditionPage.objects.filter(locale=english).count() == 10 * conditions
    assert Locale.objects.count() == 12
    neck = ConditionPage.objects.get(locale=english, slug="neck-spasms")
    assert neck.get_translations(inclusive=True).live().count() == 12
    counts_after = {name: measure(client, url) for name, url in urls.items()}
    # No count grows. A page now translated into all twelve languages may cost fewer
    # (its language switcher needs no fallback links), in every mode.
    for name, before in counts_before.items():
        after = counts_after[name]
        for mode in ("warm", "cold", "off"):
            assert after[mode] <= before[mode], (name, mode, before, after)
