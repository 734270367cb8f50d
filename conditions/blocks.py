"""StreamField blocks for condition pages. They follow the way a clinician explains a
condition: what causes it, which conditions lie underneath, how it feels, how
physical therapy treats it, and when to get help at once. Each section block has a
heading (an h2 with an in-page anchor) and lists its points as items, so pages stay
consistent and the structured data (JSON-LD) can be read straight from them."""

from html import unescape

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.text import slugify
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.rich_text import RichText

from cms.blocks import (
    PREVIEW_TEMPLATE,
    CallToActionBlock,
    ImageWithCaptionBlock,
    ParagraphBlock,
    QuoteBlock,
)
from conditions.links import live_in_locale

SECTION_RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]
GROUP = "Condition sections"


def plain_text(value):
    """Text of a rich-text or plain value, without markup and with single spaces."""
    if value is None:
        return ""
    source = value.source if isinstance(value, RichText) else str(value)
    return " ".join(unescape(strip_tags(source.replace("</p>", "</p> "))).split())


def heading_block(default):
    return blocks.CharBlock(
        max_length=120,
        default=default,
        help_text="Shown as the section's heading and in the page's contents.",
    )


class SectionBlock(blocks.StructBlock):
    """A section with a heading (an h2 with an anchor) and an optional intro."""

    heading = heading_block("")
    intro = blocks.TextBlock(
        required=False, help_text="A sentence or two before the list. Plain text."
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # The page passes a unique anchor; a preview or a lone render makes its own.
        context.setdefault("anchor", slugify(value.get("heading") or "", allow_unicode=True))
        return context

    class Meta:
        group = GROUP
        preview_template = PREVIEW_TEMPLATE


class CauseItemBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=250, help_text="One cause, as a short sentence or phrase.")
    detail = blocks.TextBlock(
        required=False, help_text="Optional: a sentence or two that explains this cause."
    )

    class Meta:
        icon = "list-ul"
        label = "Cause"


class CausesBlock(SectionBlock):
    heading = heading_block("Causes")
    items = blocks.ListBlock(CauseItemBlock(), min_num=1, label="Causes")

    class Meta:
        icon = "warning"
        label = "Causes"
        description = "What brings the condition on: injuries, habits, strain. Shown as a list."
        template = "conditions/blocks/causes.html"
        preview_value = {
            "heading": "What causes neck spasms?",
            "intro": "Neck spasms often follow strain or an awkward position.",
            "items": [
                {"text": "Sleeping on a pillow that is too high", "detail": ""},
                {
                    "text": "Poor posture at a desk",
                    "detail": "Holding the head forward loads the muscles at the back of the neck.",
                },
            ],
        }


class UnderlyingConditionItemBlock(blocks.StructBlock):
    name = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text="The condition as patients call it. Leave empty to use the linked page's title.",
    )
    condition_page = blocks.PageChooserBlock(
        required=False,
        page_type="conditions.ConditionPage",
        help_text="Optional: link to our page about this condition.",
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("name") and not value.get("condition_page"):
            raise StructBlockValidationError(
                block_errors={
                    "name": ValidationError("Give the condition a name or choose its page.")
                }
            )
        return value

    class Meta:
        icon = "link"
        label = "Underlying condition"


class UnderlyingConditionsBlock(SectionBlock):
    heading = heading_block("Underlying conditions")
    items = blocks.ListBlock(UnderlyingConditionItemBlock(), min_num=1, label="Conditions")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        entries = []
        current_page = (parent_context or {}).get("page")
        linked_pages = [item.get("condition_page") for item in value["items"]]
        localized = live_in_locale(linked_pages, getattr(current_page, "locale_id", None))
        for item, linked in zip(value["items"], linked_pages, strict=True):
            page = localized.get(linked.pk) if linked is not None else None
            source = page or linked
            name = item.get("name") or (source.title if source is not None else "")
            entries.append({"name": name, "page": page})
        context["entries"] = entries
        return context

    class Meta:
        icon = "site"
        label = "Underlying conditions"
        description = (
            "Other conditions that can cause or add to this one; each can link to its own page."
        )
        template = "conditions/blocks/underlying_conditions.html"
        preview_value = {
            "heading": "Underlying conditions",
            "intro": "Sometimes the spasms come from a problem in the spine.",
            "items": [{"name": "Disc herniations"}, {"name": "Arthritis"}],
        }


class SymptomsBlock(SectionBlock):
    heading = heading_block("Symptoms")
    items = blocks.ListBlock(
        blocks.CharBlock(max_length=250, label="Symptom"), min_num=1, label="Symptoms"
    )

    class Meta:
        icon = "view"
        label = "Symptoms"
        description = "How the condition feels and shows itself. Shown as a list."
        template = "conditions/blocks/symptoms.html"
        preview_value = {
            "heading": "Symptoms",
            "intro": "",
            "items": ["Loss of neck and shoulder mobility", "Tension headaches"],
        }


class TreatmentItemBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=120, help_text='For example "Manual therapy".')
    description = blocks.TextBlock(required=False, help_text="What it is and why it helps.")

    class Meta:
        icon = "plus-inverse"
        label = "Treatment"


class PhysicalTherapyBlock(SectionBlock):
    heading = heading_block("How physical therapy helps")
    approach = blocks.RichTextBlock(
        features=SECTION_RICH_TEXT_FEATURES,
        label="What the therapist does",
        help_text="How physical therapy treats this condition, in a paragraph or two.",
    )
    # Empty by default: a new block must not start with a required, blank treatment.
    treatments = blocks.ListBlock(TreatmentItemBlock(), default=[], label="Treatments")
    home_program = blocks.RichTextBlock(
        features=SECTION_RICH_TEXT_FEATURES,
        required=False,
        label="Home program",
        help_text="Exercises and habits the patient keeps up between visits.",
    )
    expected_course = blocks.RichTextBlock(
        features=SECTION_RICH_TEXT_FEATURES,
        required=False,
        label="Expected course",
        help_text="How often and how long; what recovery usually looks like.",
    )

    class Meta:
        icon = "group"
        label = "Physical-therapy approach"
        description = (
            "How physical therapy helps: what the therapist does, the treatments, the home "
            "program and the expected course."
        )
        template = "conditions/blocks/physical_therapy.html"
        preview_value = {
            "heading": "How physical therapy helps",
            "intro": "",
            "approach": RichText(
                "<p>Your physical therapist eases the spasm, restores movement and builds "
                "strength so it does not come back.</p>"
            ),
            "treatments": [
                {"name": "Manual therapy", "description": "Hands-on work on stiff joints."},
                {"name": "Therapeutic exercise", "description": "Stretching and strengthening."},
            ],
            "home_program": RichText("<p>A few minutes of exercises every day.</p>"),
            "expected_course": RichText("<p>Most people improve within four to eight weeks.</p>"),
        }


class SeekCareBlock(SectionBlock):
    URGENCY_CHOICES = [
        ("doctor", "See a doctor promptly"),
        ("emergency", "Call 911 or go to an emergency room"),
    ]
    urgency = blocks.ChoiceBlock(
        choices=URGENCY_CHOICES,
        default="doctor",
        help_text="How urgently these signs need care; sets the callout's tone.",
    )
    red_flags = blocks.ListBlock(
        blocks.CharBlock(max_length=250, label="Warning sign"), min_num=1, label="Warning signs"
    )
    heading = heading_block("When to seek care right away")

    class Meta:
        icon = "warning"
        label = "When to seek care now"
        description = "Red-flag symptoms that need a doctor or emergency care, shown as a callout."
        template = "conditions/blocks/seek_care.html"
        preview_value = {
            "heading": "When to seek care right away",
            "intro": "Call your doctor or 911 if neck pain comes with:",
            "urgency": "emergency",
            "red_flags": ["Fever and a stiff neck", "Weakness in an arm or leg"],
        }


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200)
    answer = blocks.RichTextBlock(features=SECTION_RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = "Question"


class FAQBlock(SectionBlock):
    items = blocks.ListBlock(FAQItemBlock(), min_num=1, label="Questions")
    heading = heading_block("Frequently asked questions")

    class Meta:
        icon = "help"
        label = "FAQ"
        description = "Questions patients often ask, each with a short answer."
        template = "conditions/blocks/faq.html"
        preview_value = {
            "heading": "Frequently asked questions",
            "intro": "",
            "items": [
                {
                    "question": "Do I need a referral?",
                    "answer": RichText(
                        "<p>In New York you can see a physical therapist "
                        "without one for a limited number of visits.</p>"
                    ),
                }
            ],
        }


class ConditionStreamBlock(blocks.StreamBlock):
    causes = CausesBlock()
    underlying_conditions = UnderlyingConditionsBlock()
    symptoms = SymptomsBlock()
    physical_therapy = PhysicalTherapyBlock()
    seek_care = SeekCareBlock()
    faq = FAQBlock()
    call_to_action = CallToActionBlock(group="Shared")
    rich_text = ParagraphBlock(group="Shared")
    image = ImageWithCaptionBlock(group="Shared")
    quote = QuoteBlock(group="Shared")
