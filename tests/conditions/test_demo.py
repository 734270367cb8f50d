"""Demo content: twelve condition pages with every section filled, a reviewer and a
review date; snippets are created once."""

import pytest
from django.core.management import call_command

from cms.models import Clinician
from conditions.models import BodyArea, ConditionPage

from .test_views import DEMO_SLUGS

pytestmark = pytest.mark.django_db

SECTIONS = {
    "causes",
    "underlying_conditions",
    "symptoms",
    "physical_therapy",
    "seek_care",
    "call_to_action",
}


def test_every_demo_condition_is_complete():
    pages = {page.slug: page for page in ConditionPage.objects.live().filter(slug__in=DEMO_SLUGS)}
    assert set(pages) == DEMO_SLUGS
    for slug, page in pages.items():
        assert page.intro and page.body_area and page.reviewer and page.last_reviewed, slug
        assert SECTIONS <= {block.block_type for block in page.body}, slug
        for block in page.body:
            value = block.value
            if block.block_type in ("causes", "underlying_conditions", "symptoms", "faq"):
                assert len(value["items"]) >= 2 or block.block_type == "faq", slug
            if block.block_type == "physical_therapy":
                assert value["approach"].source.strip(), slug
        if slug != "neck-spasms":  # the seed page has no FAQ, treatments list or home program
            pt = next(block.value for block in page.body if block.block_type == "physical_therapy")
            assert pt["treatments"] and pt["home_program"].source and pt["expected_course"].source
            assert "faq" in {block.block_type for block in page.body}, slug
        assert page.related_conditions.exists(), slug


def test_underlying_condition_links_point_at_demo_pages():
    neck = ConditionPage.objects.get(slug="neck-spasms", locale__language_code="en")
    underlying = next(
        block.value for block in neck.body if block.block_type == "underlying_conditions"
    )
    assert underlying["items"][0]["condition_page"].slug == "herniated-disc"


def test_snippets_are_not_duplicated_by_a_second_run():
    areas, reviewers = BodyArea.objects.count(), Clinician.objects.count()
    call_command("load_demo_content", verbosity=0)
    assert BodyArea.objects.count() == areas >= 10
    assert Clinician.objects.count() == reviewers


def test_demo_content_repairs_an_edited_page():
    page = ConditionPage.objects.get(slug="sciatica")
    page.intro = "Changed by someone"
    page.save_revision().publish()
    call_command("load_demo_content", verbosity=0)
    page.refresh_from_db()
    assert page.intro.startswith("Sciatica is pain")
