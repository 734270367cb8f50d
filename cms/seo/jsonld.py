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
    from cms.seo.links import breadcrumb_ancestors

    # Titles and URLs need no specific models: one query for the whole trail, shared
    # with the visible breadcrumbs and kept in the data cache.
    items = []
    for position, (_depth, title, _url, full_url) in enumerate(
        breadcrumb_ancestors(page, request), start=1
    ):
        items.append({"@type": "ListItem", "position": position, "name": title, "item": full_url})
    if items:
        items[-1]["name"] = page.title  # a preview shows the title being edited
    return {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items}
