"""The condition page's body, rendered once and kept in the data cache.

Parsing the StreamField, fetching the pages its blocks link to and rendering a dozen
block templates cost more than the rest of the page; their result only changes with
the page itself (and its translations), the tree (the names and URLs of linked
pages, the locations link) or the site (settings, images, snippets: every cached
entry depends on it). A preview renders from the page object, never from the cache."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from cms.caching.dependencies import TREE, page_tag
from cms.caching.page_cache import cached_data, origin_key

register = template.Library()


def render_body(page, context):
    """{"contents": [{"anchor", "heading"}] for the page's contents, "html": the body}."""
    flat = context.flatten()
    sections = page.sections()
    html = "".join(
        str(section["block"].render_as_block(context={**flat, "anchor": section["anchor"]}))
        for section in sections
    )
    contents = [
        {"anchor": section["anchor"], "heading": section["heading"]}
        for section in sections
        if section["anchor"]
    ]
    return {"contents": contents, "html": html}


@register.simple_tag(takes_context=True)
def condition_body(context):
    page = context["page"]
    request = context.get("request")
    preview = getattr(request, "is_preview", False)
    if request is None or preview or not page.pk:
        body = render_body(page, context)
    else:
        # Absolute links (structured data aside) follow the host and scheme asked for.
        body = cached_data(
            request,
            f"condition-body:{page.pk}:{origin_key(request)}:{get_language() or ''}",
            lambda: render_body(page, context),
            depends_on=(TREE, page_tag(page.translation_key)),
        )
    html = mark_safe(body["html"])  # noqa: S308 - the blocks' templates, escaped as rendered
    return {"contents": body["contents"], "html": html}
