"""Each condition block renders semantic HTML: an h2 with its anchor per section,
lists as ul/li, the red flags as a callout."""

import pytest
from django.utils import translation
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from conditions.blocks import (
    CausesBlock,
    ConditionStreamBlock,
    FAQBlock,
    PhysicalTherapyBlock,
    SeekCareBlock,
    SymptomsBlock,
    UnderlyingConditionsBlock,
    plain_text,
)

from .helpers import parse


def render(block, raw, **context):
    """The block in English (a request for a translated page earlier in the session can
    leave another language active in this thread)."""
    value = block.to_python(raw)
    with translation.override("en"):
        return block.render(value, context=context)


def test_causes_render_as_a_list_with_optional_detail():
    html = render(
        CausesBlock(),
        {
            "heading": "What causes it",
            "intro": "Mostly strain.",
            "items": [{"text": "Heavy lifting", "detail": "With a twist."}, {"text": "Stress"}],
        },
        anchor="causes-1",
    )
    doc = parse(f"<main>{html}</main>")
    assert doc.headings["h2"] == ["What causes it"]
    assert '<h2 id="causes-1">' in html
    assert doc.list_items == ["Heavy lifting With a twist.", "Stress"]
    assert "<p>Mostly strain.</p>" in html


def test_section_without_page_context_makes_its_own_anchor():
    html = render(SymptomsBlock(), {"heading": "Signs & symptoms", "items": ["Pain"]})
    assert '<h2 id="signs-symptoms">' in html


@pytest.mark.django_db
def test_underlying_conditions_link_live_pages_and_keep_plain_items(page_by_path):
    sciatica = page_by_path("/conditions/sciatica/")
    raw = {
        "heading": "Underlying",
        "intro": "",
        "items": [
            {"name": "", "condition_page": sciatica.pk},
            {"name": "A pinched nerve", "condition_page": sciatica.pk},
            {"name": "Gout", "condition_page": None},
        ],
    }
    html = render(UnderlyingConditionsBlock(), raw, page=sciatica)
    doc = parse(f"<main>{html}</main>")
    assert doc.list_items == [sciatica.title, "A pinched nerve", "Gout"]
    assert html.count(f'href="{sciatica.url}"') == 2

    sciatica.unpublish()  # a link to an unpublished page becomes plain text
    html = render(UnderlyingConditionsBlock(), raw, page=sciatica)
    assert "href=" not in html
    assert parse(f"<main>{html}</main>").list_items == [sciatica.title, "A pinched nerve", "Gout"]


def test_symptoms_render_each_item():
    html = render(SymptomsBlock(), {"heading": "Symptoms", "items": ["Ache", "<b>bold</b>"]})
    assert parse(f"<main>{html}</main>").list_items == ["Ache", "<b>bold</b>"]
    assert "&lt;b&gt;" in html  # plain text is escaped, never markup


def test_physical_therapy_sections_only_show_when_filled():
    full = render(
        PhysicalTherapyBlock(),
        {
            "heading": "How PT helps",
            "approach": "<p>We ease pain.</p>",
            "treatments": [{"name": "Manual therapy", "description": "Hands-on."}],
            "home_program": "<p>Stretch daily.</p>",
            "expected_course": "<p>Six weeks.</p>",
        },
    )
    doc = parse(f"<main>{full}</main>")
    assert doc.headings["h2"] == ["How PT helps"]
    assert doc.headings["h3"] == ["Treatments", "Your home program", "What to expect"]
    assert doc.list_items == ["Manual therapy: Hands-on."]
    bare = render(PhysicalTherapyBlock(), {"heading": "PT", "approach": "<p>We ease pain.</p>"})
    assert "<h3>" not in bare and "<ul" not in bare
    assert "<p>We ease pain.</p>" in bare


@pytest.mark.parametrize(
    ("urgency", "css", "message"),
    [("emergency", "callout--error", "call 911"), ("doctor", "callout--warning", "see a doctor")],
)
def test_seek_care_is_a_callout(urgency, css, message):
    html = render(
        SeekCareBlock(),
        {"heading": "Get help now", "urgency": urgency, "red_flags": ["Fever and a stiff neck"]},
    )
    assert html.lstrip().startswith("<aside") and css in html
    assert message in html
    assert parse(f"<main>{html}</main>").list_items == ["Fever and a stiff neck"]


def test_faq_questions_are_subheadings():
    html = render(
        FAQBlock(),
        {"heading": "FAQ", "items": [{"question": "Referral?", "answer": "<p>No.</p>"}]},
    )
    doc = parse(f"<main>{html}</main>")
    assert doc.headings["h2"] == ["FAQ"] and doc.headings["h3"] == ["Referral?"]


@pytest.mark.django_db
def test_shared_blocks_render_in_the_condition_stream():
    image = Image.objects.create(title="Test", file=get_test_image_file())
    stream = ConditionStreamBlock()
    value = stream.to_python(
        [
            {"type": "rich_text", "value": "<p>Hello <b>there</b></p>"},
            {"type": "quote", "value": {"text": "Better now.", "attribution": "A patient"}},
            {
                "type": "image",
                "value": {
                    "image": {"image": image.pk, "alt_text": "A knee brace", "decorative": False},
                    "caption": "Our gym",
                },
            },
            {
                "type": "call_to_action",
                "value": {"heading": "Book now", "button_label": "Request an appointment"},
            },
        ]
    )
    html = stream.render(value)
    assert "<b>there</b>" in html
    assert "<blockquote><p>Better now.</p></blockquote>" in html
    assert 'alt="A knee brace"' in html and "<figcaption>Our gym</figcaption>" in html
    assert "Request an appointment" in html and "<h2>Book now</h2>" in html


@pytest.mark.django_db
def test_every_condition_block_renders_its_preview():
    for name, block in ConditionStreamBlock().child_blocks.items():
        if name == "image":
            continue
        html = block.render(block.get_preview_value())
        assert html.strip(), name
        assert block.meta.template, name


def test_plain_text_strips_markup_and_entities():
    from wagtail.rich_text import RichText

    assert plain_text(RichText("<p>One &amp; two</p><p>three</p>")) == "One & two three"
    assert plain_text(None) == ""
