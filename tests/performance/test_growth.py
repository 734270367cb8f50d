"""The query count of every page type does not grow with the number of clinics,
conditions or languages: each page type is counted on the demo content, then again
after more clinics, more condition pages and more translations were published."""

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
    from conditions.models import ConditionPage
    from locations.models import LocationPage

    call_command("seed_scale_content", clinics=3, conditions=4, languages="es", verbosity=0)
    english = Locale.get_default()
    neck = ConditionPage.objects.get(locale=english, slug="neck-spasms")
    midtown = LocationPage.objects.get(locale=english, slug="midtown")
    for code in ("fr", "ko"):  # languages these pages were not in before
        for page in (neck, midtown):
            if page.get_translation_or_none(Locale.objects.get(language_code=code)) is None:
                publish_translation(page, code)


def test_every_page_type_costs_the_same_queries_at_two_content_sizes(client):
    from conditions.models import ConditionPage
    from locations.models import LocationPage

    urls = page_urls()
    # The search is for a clinic's neighbourhood the scale content does not mention,
    # so both sizes find the same kinds of page (one query per kind of page shown;
    # tests/search/test_search_cost.py).
    urls["search"] = "/search/?q=Astoria"
    counts_before = {name: measure(client, url) for name, url in urls.items()}
    pages_before = (ConditionPage.objects.count(), LocationPage.objects.count())

    grow_content()

    assert ConditionPage.objects.count() > pages_before[0]
    assert LocationPage.objects.count() > pages_before[1]
    counts_after = {name: measure(client, url) for name, url in urls.items()}
    assert counts_after == counts_before
