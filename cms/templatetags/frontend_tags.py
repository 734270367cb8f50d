"""Template tags of the patient-facing design system: the footer's clinic list, the
breadcrumb trail, the header's appointment link and the language-assistance link.

Each tag costs at most one query; none renders HTML itself (the partials in
templates/includes/ do), so the markup stays in templates."""

import re

from django import template
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.seo import links as seo

register = template.Library()


@register.filter
def phone_display(value):
    """A US number as people read it, "(212) 555-0101", whatever way it is stored
    ("+12125550101", "212.555.0101"); anything else unchanged."""
    text = str(value or "").strip()
    digits = re.sub(r"\D", "", text)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) != 10 or re.search(r"[^\d\s().+\-]", text):
        return text
    return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"


@register.simple_tag(takes_context=True)
def footer_clinics(context):
    """Live clinics in the active language, ordered by name (cms.seo.links.footer_clinics):
    one query, none while the data cache holds them."""
    return seo.footer_clinics(context.get("request"))


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context):
    """(title, url) pairs from the home page down to the current page's parent.

    Empty on the home page itself and outside Wagtail pages: one query otherwise."""
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or page.depth <= 2 or not page.pk:
        return []
    trail = []
    for depth, title, url, _full_url in seo.breadcrumb_ancestors(page, request)[:-1]:
        trail.append((_("Home") if depth == 2 else title, url))
    return trail


@register.simple_tag(takes_context=True)
def appointment_request_url(context):
    """Where the header's "Request an appointment" leads: this clinic's request form
    on a clinic page, else the clinic finder (the locations index)."""
    page = context.get("page")
    appointment_url = getattr(page, "appointment_url", None)
    if callable(appointment_url) and getattr(page, "pk", None):
        try:
            return appointment_url()
        except (TypeError, ValueError):
            pass
    from cms.templatetags.cms_tags import locations_url

    return locations_url(context)


@register.simple_tag(takes_context=True)
def language_assistance_url(context):
    """URL of the live language-assistance page in the active language (else the
    English one), or "" while there is none. One query, none from the data cache."""
    return seo.language_assistance_url(context.get("request"))


@register.simple_tag(takes_context=True)
def page_phone(context):
    """The clinic's own number on a clinic page (the header falls back to the main one)."""
    page = context.get("page")
    return getattr(page, "phone", "") if isinstance(page, Page) else ""
