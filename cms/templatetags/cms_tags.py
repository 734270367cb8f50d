import re

from django import template
from django.conf import settings
from django.urls import reverse

from cms.seo import links as seo

register = template.Library()


@register.filter
def tel_href(phone):
    """A phone number as a tel: URI body: digits and a leading plus only."""
    digits = re.sub(r"[^\d+]", "", str(phone or ""))
    if digits and not digits.startswith("+") and len(digits) == 10:
        digits = "+1" + digits
    return digits


@register.simple_tag(takes_context=True)
def locations_url(context):
    return seo.index_url(context.get("request"), "locations.LocationIndexPage", "/locations/")


@register.simple_tag(takes_context=True)
def conditions_url(context):
    return seo.index_url(context.get("request"), "conditions.ConditionIndexPage", "/conditions/")


@register.simple_tag(takes_context=True)
def canonical_url(context):
    request = context.get("request")
    page = context.get("page")
    if page is not None and hasattr(page, "get_full_url"):
        return page.get_full_url(request)
    return request.build_absolute_uri(request.path) if request else ""


@register.simple_tag(takes_context=True)
def hreflang_alternates(context):
    page = context.get("page")
    request = context.get("request")
    if page is None or not hasattr(page, "get_translations") or request is None:
        return []
    return seo.hreflang_alternates(page, request)


@register.simple_tag(takes_context=True)
def language_links(context):
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    if page is not None and not hasattr(page, "get_translations"):
        page = None
    return seo.language_links(request, page)


@register.simple_tag
def search_url():
    return reverse("search")


@register.simple_tag
def json_ld(data):
    """Render a dict or list as a JSON-LD script element."""
    from cms.seo.jsonld import render_json_ld

    return render_json_ld(data) if data else ""


@register.simple_tag
def admin_site_name():
    """The admin's one title (WAGTAIL_SITE_NAME) for every role: Wagtail's dashboard
    otherwise names the site of each user's explorable root, which differs by role."""
    return settings.WAGTAIL_SITE_NAME
