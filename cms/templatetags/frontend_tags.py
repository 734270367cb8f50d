"""Template tags of the patient-facing design system: the footer's clinic list, the
breadcrumb trail, the header's appointment link and the language-assistance link.

Each tag costs at most one query; none renders HTML itself (the partials in
templates/includes/ do), so the markup stays in templates."""

import re

from django import template
from django.apps import apps
from django.conf import settings
from django.db.models import F
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

register = template.Library()


def _model(label):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


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


@register.simple_tag
def footer_clinics():
    """Live clinics in the active language, ordered by name: one query (two while the
    clinics are not translated into the active language: then the English ones).

    Only the fields the footer shows (and what a page URL needs) are loaded."""
    location_model = _model("locations.LocationPage")
    if location_model is None:
        return []
    field_names = {field.name for field in location_model._meta.get_fields()}
    wanted = ["title", "street_address", "phone", "neighborhood", "borough"]
    columns = ["id", "url_path", "path", "depth", "locale_id"]
    columns += [name for name in wanted if name in field_names]
    clinics = location_model.objects.live().only(*columns).order_by("title")
    language = get_language() or settings.LANGUAGE_CODE
    in_language = list(clinics.filter(locale__language_code=language))
    if in_language or language == settings.LANGUAGE_CODE:
        return in_language
    # Clinic pages not translated into this language yet: a patient still needs the
    # addresses and phone numbers, so list the source-language pages (one more query).
    return list(clinics.filter(locale__language_code=settings.LANGUAGE_CODE))


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context):
    """(title, url) pairs from the home page down to the current page's parent.

    Empty on the home page itself and outside Wagtail pages: one query otherwise."""
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or page.depth <= 2 or not page.pk:
        return []
    ancestors = (
        Page.objects.ancestor_of(page)
        .filter(depth__gte=2)
        .only("id", "title", "url_path", "path", "depth", "locale_id")
    )
    trail = []
    for ancestor in ancestors.order_by("depth"):
        title = _("Home") if ancestor.depth == 2 else ancestor.title
        trail.append((title, ancestor.get_url(request)))
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
    English one), or "" while there is none. One query."""
    model = _model("home.LanguageAssistancePage")
    if model is None:
        return ""
    language = get_language() or settings.LANGUAGE_CODE
    pages = (
        model.objects.live()
        .filter(locale__language_code__in={language, settings.LANGUAGE_CODE})
        .annotate(language_code=F("locale__language_code"))
        .only("id", "url_path", "path", "depth", "locale_id")
    )
    by_language = {page.language_code: page for page in pages}
    chosen = by_language.get(language) or by_language.get(settings.LANGUAGE_CODE)
    if chosen is None:
        return ""
    return chosen.get_url(context.get("request")) or ""


@register.simple_tag(takes_context=True)
def page_phone(context):
    """The clinic's own number on a clinic page (the header falls back to the main one)."""
    page = context.get("page")
    return getattr(page, "phone", "") if isinstance(page, Page) else ""
