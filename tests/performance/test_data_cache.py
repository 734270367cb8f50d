"""The data cache (shared page chrome, routes, a page's translations and links) is
never stale: with it on and warm, every kind of change shows on the very next
request, exactly as with the full-page cache."""

import pytest
from django.test import override_settings
from wagtail.models import Locale

from cms.models import SiteSettings
from tests.performance.conftest import HTTPS
from tests.require import require

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("data_cache_on")]


@pytest.fixture
def data_cache_on():
    with override_settings(PAGE_DATA_CACHE=True, PAGE_CACHE_SECONDS=0):
        yield


def body(client, url):
    response = client.get(url, **HTTPS)
    assert response.status_code == 200, url
    return response.content.decode()


def english(model, **filters):
    return model.objects.get(locale=Locale.get_default(), **filters)


def test_a_new_clinic_shows_on_the_location_index_at_once(client):
    from locations.models import LocationPage

    body(client, "/locations/")
    midtown = english(LocationPage, slug="midtown")
    copy = midtown.copy(
        update_attrs={"title": "Hudson Yards Clinic", "slug": "hudson-yards"},
        keep_live=False,
    )
    copy.save_revision().publish()
    assert "Hudson Yards Clinic" in body(client, "/locations/")
    assert body(client, "/locations/hudson-yards/").count("Hudson Yards Clinic") >= 2


def test_a_borough_leaves_every_footer_when_its_last_clinic_closes(client):
    from locations.models import LocationPage

    clinics = LocationPage.objects.live().filter(borough="staten-island")
    require(clinics.exists(), "the demo has no clinic on Staten Island")
    assert "#borough-staten-island" in body(client, "/conditions/")
    for clinic in clinics.filter(locale=Locale.get_default()):
        clinic.unpublish()  # the translations follow (localization)
    for clinic in LocationPage.objects.live().filter(borough="staten-island"):
        clinic.unpublish()
    assert "#borough-staten-island" not in body(client, "/conditions/")
    assert "#borough-staten-island" not in body(client, "/")


def test_renamed_clinic_and_moved_url_route_at_once(client):
    from locations.models import LocationPage

    body(client, "/locations/midtown/")
    midtown = english(LocationPage, slug="midtown")
    midtown.slug = "midtown-west"
    midtown.title = "Midtown West"
    midtown.save_revision().publish()
    assert client.get("/locations/midtown-west/", **HTTPS).status_code == 200
    assert "Midtown West" in body(client, "/locations/")
    assert client.get("/locations/midtown/", **HTTPS).status_code in (301, 302, 404)


def test_unpublished_page_is_gone_at_once(client):
    from conditions.models import ConditionPage

    body(client, "/conditions/neck-spasms/")
    english(ConditionPage, slug="neck-spasms").unpublish()
    assert client.get("/conditions/neck-spasms/", **HTTPS).status_code == 404


def test_site_settings_show_at_once(client, site):
    body(client, "/")
    settings = SiteSettings.for_site(site)
    settings.brand_name = "Brand New Name"
    settings.save()
    assert "Brand New Name" in body(client, "/locations/")


def test_a_new_translation_joins_hreflang_and_the_switcher_at_once(client):
    from conditions.models import ConditionPage

    page = english(ConditionPage, slug="neck-spasms")
    french = Locale.objects.get(language_code="fr")
    require(page.get_translation_or_none(french) is None, "the demo has it in French already")
    before = body(client, page.url)
    assert 'hreflang="fr"' not in before.split("</head>")[0]
    translated = page.copy_for_translation(french, copy_parents=True)
    translated.save_revision().publish()
    after = body(client, page.url)
    assert 'hreflang="fr"' in after.split("</head>")[0]
    assert translated.url in after


def test_a_view_restriction_applies_at_once(client):
    from wagtail.models import PageViewRestriction

    from conditions.models import ConditionPage

    body(client, "/conditions/neck-spasms/")
    page = english(ConditionPage, slug="neck-spasms")
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    response = client.get("/conditions/neck-spasms/", **HTTPS)
    assert response.status_code == 302 and "login" in response["Location"]
    listing = body(client, "/conditions/")
    assert 'href="/conditions/neck-spasms/"' not in listing


def test_a_published_edit_shows_at_once_and_a_draft_never(client):
    """The routed page itself comes from the data cache (cms/caching/routing.py)."""
    from conditions.models import ConditionPage

    page = english(ConditionPage, slug="neck-spasms")
    original = page.intro
    assert original in body(client, page.url)
    page.intro = "A draft sentence nobody has approved."
    page.save_revision()
    served = body(client, page.url)
    assert original in served and "nobody has approved" not in served
    page = english(ConditionPage, slug="neck-spasms")
    page.intro = "A freshly published sentence."
    page.save_revision().publish()
    served = body(client, page.url)
    assert "freshly published sentence" in served and original not in served
