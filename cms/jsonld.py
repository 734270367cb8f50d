"""JSON-LD (schema.org) helpers shared by every page type. Pages build plain
dicts from their own fields and blocks; this module renders them safely and
supplies the pieces every page has, such as the breadcrumb trail."""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe

# Escapes that keep a JSON document from closing its <script> element early.
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def render_json_ld(data):
    """A <script type="application/ld+json"> element for `data` (a dict or list)."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload.translate(_SCRIPT_ESCAPES)),  # noqa: S308 - escaped above
    )


def breadcrumb_list(page, request=None):
    """A BreadcrumbList from the site's home page down to `page`."""
    # Titles and URLs need no specific models: one query for the whole trail.
    ancestors = page.get_ancestors(inclusive=True).filter(depth__gte=2)
    items = []
    for position, crumb in enumerate(ancestors, start=1):
        items.append(
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": crumb.get_full_url(request),
            }
        )
    return {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items}
