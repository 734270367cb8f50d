"""StreamField blocks shared by every page type. App-specific blocks live in
each app's blocks.py and build on these. There is deliberately no raw-HTML
block: staff cannot break the layout."""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

BODY_RICH_TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class ImageWithCaptionBlock(blocks.StructBlock):
    # ImageBlock carries its own alt text (required unless marked decorative).
    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        label = "Image with caption"
        description = "A photo or illustration with an optional caption."
        template = "blocks/image_with_caption.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = "Quote"
        description = "A patient's or clinician's words, with who said them."
        template = "blocks/quote.html"
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


class BaseStreamBlock(blocks.StreamBlock):
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
