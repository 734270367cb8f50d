"""An editor builds condition pages in the Wagtail admin: every block through the
real page form (the HTTP path an editor takes), and bad input is refused kindly."""

import datetime

import pytest
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import Clinician
from conditions.models import BodyArea, ConditionIndexPage, ConditionPage
from home.models import HomePage

pytestmark = pytest.mark.django_db


def list_block(items):
    """Form data for a ListBlock (Wagtail's count/order/deleted/value format)."""
    data = {
        str(index): {"value": value, "order": str(index), "deleted": "", "id": ""}
        for index, value in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def condition_form(title, slug, body, **extra):
    data = {
        "title": title,
        "slug": slug,
        "condition_name": extra.pop("condition_name", title),
        "intro": "A test condition.",
        "hero_image": "",
        "hero_image_alt": "",
        "body_area": "",
        "reviewer": "",
        "last_reviewed": "",
        "body": streamfield(body),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "action-publish": "action-publish",
    }
    related = extra.pop("related_conditions", [])
    data["related_conditions"] = inline_formset([{"condition": pk} for pk in related])
    data.update(extra)
    return nested_form_data(data)


def every_block(linked_page, image):
    return [
        (
            "causes",
            {
                "heading": "What causes it",
                "intro": "Strain, mostly.",
                "items": list_block(
                    [
                        {"text": "Lifting heavy boxes", "detail": "Especially with a twist."},
                        {"text": "Sitting all day", "detail": ""},
                    ]
                ),
            },
        ),
        (
            "underlying_conditions",
            {
                "heading": "Underlying conditions",
                "intro": "Sometimes another condition is behind it.",
                "items": list_block(
                    [
                        {"name": "", "condition_page": str(linked_page.pk)},
                        {"name": "Gout", "condition_page": ""},
                    ]
                ),
            },
        ),
        (
            "symptoms",
            {
                "heading": "Symptoms",
                "intro": "",
                "items": list_block(["Aching", "Stiffness in the morning"]),
            },
        ),
        (
            "physical_therapy",
            {
                "heading": "How physical therapy helps",
                "intro": "",
                "approach": rich_text("<p>Your therapist eases pain first.</p>"),
                "treatments": list_block(
                    [{"name": "Manual therapy", "description": "Hands-on work."}]
                ),
                "home_program": rich_text("<p>Daily stretches.</p>"),
                "expected_course": rich_text("<p>About six weeks.</p>"),
            },
        ),
        (
            "seek_care",
            {
                "heading": "When to seek care right away",
                "intro": "Call 911 if you have:",
                "urgency": "emergency",
                "red_flags": list_block(["Numbness in the groin"]),
            },
        ),
        (
            "faq",
            {
                "heading": "Questions",
                "intro": "",
                "items": list_block(
                    [{"question": "Do I need a referral?", "answer": rich_text("<p>No.</p>")}]
                ),
            },
        ),
        (
            "call_to_action",
            {
                "heading": "Book now",
                "text": "We can see you this week.",
                "button_label": "Request an appointment",
                "link_page": "",
                "show_phone": "on",
            },
        ),
        ("rich_text", rich_text("<p>Some <b>extra</b> words.</p>")),
        (
            "image",
            {
                "image": {"image": str(image.pk), "alt_text": "A therapist", "decorative": ""},
                "caption": "In the clinic",
            },
        ),
        ("quote", {"text": "Much better now.", "attribution": "A patient"}),
    ]


@pytest.fixture
def image():
    return Image.objects.create(title="Test", file=get_test_image_file())


@pytest.fixture
def index(page_by_path):
    return page_by_path("/conditions/")


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["conditions", "conditionpage", parent.pk])


def test_editor_builds_a_condition_page_from_every_block(admin_client, index, image, page_by_path):
    linked = page_by_path("/conditions/sciatica/")
    area = BodyArea.objects.get(slug="knee", locale=index.locale)
    reviewer = Clinician.objects.filter(locale=index.locale).first()
    data = condition_form(
        "Patellar tendinopathy",
        "patellar-tendinopathy",
        every_block(linked, image),
        body_area=str(area.pk),
        reviewer=str(reviewer.pk),
        last_reviewed="2026-11-01",
        related_conditions=[str(linked.pk)],
        hero_image=str(image.pk),
        hero_image_alt="A runner holding her knee",
    )
    response = admin_client.post(add_url(index), data)
    assert response.status_code == 302, response.context["form"].errors
    page = ConditionPage.objects.get(slug="patellar-tendinopathy")
    assert page.live
    assert [block.block_type for block in page.body] == [
        "causes",
        "underlying_conditions",
        "symptoms",
        "physical_therapy",
        "seek_care",
        "faq",
        "call_to_action",
        "rich_text",
        "image",
        "quote",
    ]
    assert page.body_area == area and page.reviewer == reviewer
    assert page.last_reviewed == datetime.date(2026, 11, 1)
    assert [row.condition for row in page.related_conditions.all()] == [linked]
    assert page.body[1].value["items"][0]["condition_page"].pk == linked.pk

    html = admin_client.get(page.url).content.decode()
    for text in (
        "Lifting heavy boxes",
        "Gout",
        "Stiffness in the morning",
        "Daily stretches.",
        "Numbness in the groin",
        "Do I need a referral?",
        "Much better now.",
        'alt="A therapist"',
        'alt="A runner holding her knee"',
    ):
        assert text in html, text
    assert f'<a href="{linked.url}">{linked.title}</a>' in html


def test_edit_form_of_the_demo_page_opens(admin_client, page_by_path):
    page = page_by_path("/conditions/neck-spasms/")
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    assert b"Underlying conditions" in response.content


def test_hero_image_without_alt_text_is_refused(admin_client, index, image):
    data = condition_form("Bursitis", "bursitis", [], hero_image=str(image.pk))
    response = admin_client.post(add_url(index), data)
    assert response.status_code == 200
    assert "hero_image_alt" in response.context["form"].errors
    assert not ConditionPage.objects.filter(slug="bursitis").exists()


def test_underlying_condition_needs_a_name_or_a_page(admin_client, index):
    body = [
        (
            "underlying_conditions",
            {
                "heading": "Underlying",
                "intro": "",
                "items": list_block([{"name": "", "condition_page": ""}]),
            },
        )
    ]
    response = admin_client.post(add_url(index), condition_form("Gout", "gout", body))
    assert response.status_code == 200
    assert "body" in response.context["form"].errors
    assert not ConditionPage.objects.filter(slug="gout").exists()


def test_image_block_requires_alt_text(admin_client, index, image):
    body = [
        (
            "image",
            {
                "image": {"image": str(image.pk), "alt_text": "", "decorative": ""},
                "caption": "",
            },
        )
    ]
    response = admin_client.post(add_url(index), condition_form("Gout", "gout", body))
    assert response.status_code == 200
    assert "body" in response.context["form"].errors


def test_there_is_no_raw_html_block():
    from conditions.blocks import ConditionStreamBlock

    for name, block in ConditionStreamBlock().child_blocks.items():
        assert "html" not in name.lower()
        assert type(block).__name__ != "RawHTMLBlock"


def test_every_block_has_an_admin_preview(admin_client):
    from conditions.blocks import ConditionStreamBlock

    stream = ConditionPage.body.field.stream_block
    assert isinstance(stream, ConditionStreamBlock)
    for name, block in stream.child_blocks.items():
        if name == "image":  # needs an uploaded image; rendering is tested elsewhere
            continue
        assert block.is_previewable, name
        assert block.get_description(), name
        assert block.meta.icon not in ("", "placeholder"), name
        response = admin_client.get(
            reverse("wagtailadmin_block_preview") + f"?id={block.definition_prefix}"
        )
        assert response.status_code == 200, name
        assert b"site.css" in response.content, name


class TestTreeRules(WagtailPageTestCase):
    def test_condition_pages_live_only_under_the_index(self):
        self.assertAllowedParentPageTypes(ConditionPage, {ConditionIndexPage})
        self.assertAllowedSubpageTypes(ConditionPage, set())

    def test_index_lives_only_under_the_home_page(self):
        self.assertAllowedParentPageTypes(ConditionIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ConditionIndexPage, {ConditionPage})
        self.assertCanNotCreateAt(Page, ConditionPage)
        self.assertCanNotCreateAt(HomePage, ConditionPage)
