"""StreamField blocks shared by every page type. App-specific blocks live in
each app's blocks.py and build on these. There is deliberately no raw-HTML
block: staff cannot break the layout."""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock
from wagtail.rich_text import RichText

BODY_RICH_TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]
# Shows a block preview with the site's own stylesheet.
PREVIEW_TEMPLATE = "blocks/preview.html"


class ImageWithCaptionBlock(blocks.StructBlock):
    # ImageBlock carries its own alt text (required unless marked decorative).
    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        label = "Image with caption"
        description = "A photo or illustration with an optional caption."
        template = "blocks/image_with_caption.html"
        # No preview: there is no image to show before one is uploaded.


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = "Quote"
        description = "A patient's or clinician's words, with who said them."
        template = "blocks/quote.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "text": "I was back to running in six weeks.",
            "attribution": "A patient at our Midtown clinic",
        }


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="Ready to feel better?")
    text = blocks.TextBlock(required=False)
    button_label = blocks.CharBlock(max_length=60, default="Request an appointment")
    link_page = blocks.PageChooserBlock(
        required=False, help_text="Where the button leads; the locations list when empty."
    )
    show_phone = blocks.BooleanBlock(
        required=False, default=True, help_text="Also offer the main phone number."
    )

    class Meta:
        icon = "pick"
        label = "Call to action"
        description = "Invites the reader to request an appointment or call."
        template = "blocks/call_to_action.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "heading": "Ready to feel better?",
            "text": "Most patients see a physical therapist within a few days.",
            "button_label": "Request an appointment",
            "show_phone": True,
        }


class ParagraphBlock(blocks.RichTextBlock):
    """Rich text limited to what keeps the layout intact (no h1/h2, no embeds, no HTML)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", BODY_RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = "Text"
        description = "Paragraphs, lists and links."
        template = "blocks/rich_text.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = RichText(
            "<p>Physical therapy helps you move with less pain. Your therapist explains "
            "what is going on and builds a plan with you.</p>"
        )


class BaseStreamBlock(blocks.StreamBlock):
    # Kept as a plain RichTextBlock so home's migration stays as it is; new stream
    # blocks should use ParagraphBlock, which also has a preview.
    rich_text = blocks.RichTextBlock(
        features=BODY_RICH_TEXT_FEATURES,
        icon="pilcrow",
        label="Text",
        description="Paragraphs, lists and links.",
        template="blocks/rich_text.html",
    )
    image = ImageWithCaptionBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
