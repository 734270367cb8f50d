"""Wagtail's content checker (the accessibility checker in the userbar, the preview
panel and the editor's "Checks" panel), configured for our content.

Editors control the text, headings, links and images inside <main>; the header,
footer and colours are the design system's and are tested in the browser suite
(tests/browser/). So the checker looks at <main> only and runs the rules an editor
can act on: alt text present and meaningful, heading order, empty headings and
links, link text, and lists built correctly."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.userbar import ContentCheckerItem


class ClinicContentCheckerItem(ContentCheckerItem):
    # Wagtail 8 deprecates subclassing AccessibilityItem (an alias kept until Wagtail 9);
    # ContentCheckerItem is the same item under its new name.
    axe_include = ["main"]

    axe_run_only = [
        # Wagtail's defaults
        "button-name",
        "empty-heading",
        "empty-table-header",
        "frame-title",
        "heading-order",
        "input-button-name",
        "link-name",
        "p-as-heading",
        "alt-text-quality",
        "empty-meta-description",
        # Alt text: every image needs one (or is explicitly decorative), and it must
        # not repeat the caption or the link next to it.
        "image-alt",
        "image-redundant-alt",
        "role-img-alt",
        "svg-img-alt",
        "object-alt",
        # Structure editors build in rich text and tables
        "list",
        "listitem",
        "td-headers-attr",
        "th-has-data-cells",
        "duplicate-id-aria",
    ]

    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "image-alt": {
            "error_name": _("Image has no alt text"),
            "help_text": _(
                "Describe what the image shows for people who cannot see it, or mark "
                "it as decorative"
            ),
        },
        "image-redundant-alt": {
            "error_name": _("Alt text repeats nearby text"),
            "help_text": _("Say what the image shows, not the caption or link again"),
        },
        "heading-order": {
            "error_name": _("Incorrect heading hierarchy"),
            "help_text": _(
                "The page title is the only level-1 heading; sections start at level 2 "
                "and subsections at level 3. Avoid skipping levels"
            ),
        },
        "list": {
            "error_name": _("List is not built correctly"),
            "help_text": _("Use the editor's list buttons rather than typed dashes"),
        },
    }
