"""Template tags of the patient-facing design system: the footer's boroughs, the
breadcrumb trail, the header's appointment link and the language-assistance link.

Each tag costs at most one query; none renders HTML itself (the partials in
templates/includes/ do), so the markup stays in templates."""

from django import template
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.phone import format_phone
from cms.seo import links as seo
from cms.seo import navigation

register = template.Library()


@register.filter
def phone_display(value):
    """A US number as people read it, "(212) 555-0101", however it is stored
    ("+12125550101", "212.555.0101"); anything else unchanged (cms.phone)."""
    return format_phone(value)


@register.simple_tag(takes_context=True)
def footer_boroughs(context):
    """The boroughs with a live clinic, linking to the location index
    (cms.seo.navigation.footer_boroughs): one query, none while the data cache holds them."""
    request = context.get("request")
    index_url = seo.landmark_url(request, "locations", "") if request is not None else ""
    return navigation.footer_boroughs(request, index_url)


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context):
    """(title, url, title's language or "") from the home page down to the current
    page's parent (a page served in another language may carry English titles).

    Empty on the home page itself and outside Wagtail pages: one query otherwise."""
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or page.depth <= 2 or not page.pk:
        return []
    trail = []
    for depth, title, url, _full_url, *lang in seo.breadcrumb_ancestors(page, request)[:-1]:
        trail.append((_("Home"), url, "") if depth == 2 else (title, url, "".join(lang)))
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
    return seo.landmark_url(context.get("request"), "locations", "/locations/")


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
