"""JSON-LD (schema.org) helpers shared by every page type. Pages build plain
dicts from their own fields and blocks; this module renders them safely and
supplies the pieces every page has, such as the breadcrumb trail."""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from cms.seo.links import breadcrumb_ancestors

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
    # Titles and URLs need no specific models: one query for the whole trail, shared
    # with the visible breadcrumbs and kept in the data cache.
    # A title in another language than the page's (a page served to a reader of
    # another language) says which.
    items = []
    for position, (_depth, title, _url, full_url, *lang) in enumerate(
        breadcrumb_ancestors(page, request), start=1
    ):
        name = {"@value": title, "@language": lang[0]} if lang and lang[0] else title
        items.append({"@type": "ListItem", "position": position, "name": name, "item": full_url})
    if items and not isinstance(items[-1]["name"], dict):
        items[-1]["name"] = page.title  # a preview shows the title being edited
    return {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items}
