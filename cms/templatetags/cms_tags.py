import re

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from cms.i18n.languages import native_name
from cms.i18n.taglines import notices
from cms.models import SiteSettings
from cms.phone import format_phone, normalize_phone
from cms.seo import links as seo
from cms.seo.descriptions import page_description
from cms.seo.jsonld import render_json_ld

register = template.Library()


@register.filter
def tel_href(phone):
    """A phone number as a tel: URI body: its E.164 form (cms.phone), else digits and a
    leading plus only."""
    normalized = normalize_phone(phone)
    if normalized is not None:
        return normalized
    digits = re.sub(r"[^\d+]", "", str(phone or ""))
    if digits and not digits.startswith("+") and len(digits) == 10:
        digits = "+1" + digits
    return digits


@register.simple_tag(takes_context=True)
def locations_url(context):
    return seo.landmark_url(context.get("request"), "locations", "/locations/")


@register.simple_tag(takes_context=True)
def conditions_url(context):
    return seo.landmark_url(context.get("request"), "conditions", "/conditions/")


@register.simple_tag(takes_context=True)
def canonical_url(context):
    request = context.get("request")
    page = context.get("page")
    if page is not None and hasattr(page, "get_full_url"):
        return page.get_full_url(request)
    return request.build_absolute_uri(request.path) if request else ""


@register.simple_tag(takes_context=True)
def meta_description(context):
    """The page's meta description (cms/seo/descriptions.py), or the one a view
    without a page puts in its context as `meta_description`."""
    if context.get("meta_description"):
        return context["meta_description"]
    page = context.get("page")
    if not isinstance(page, Page):
        return ""
    # An English page served to a reader of another language (localization/fallback.py
    # marks the request): its own texts are English.
    served_from_english = getattr(context.get("request"), "language_fallback", None)
    return page_description(page, own_language=served_from_english is None)


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
    return render_json_ld(data) if data else ""


@register.simple_tag
def admin_site_name():
    """The admin's one title (WAGTAIL_SITE_NAME) for every role: Wagtail's dashboard
    otherwise names the site of each user's explorable root, which differs by role."""
    return settings.WAGTAIL_SITE_NAME


def _text_language(context, obj):
    """The language code of a page or translatable snippet (from its locale, no query:
    the site's locales are read once per request), or the code itself when given one."""
    if isinstance(obj, str):
        return obj
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None:
        return None
    request = context.get("request")
    codes = getattr(request, "_locale_codes", None)
    if codes is None:
        codes = dict(seo.site_locales(request))
        if request is not None:
            request._locale_codes = codes
    return codes.get(locale_id)


@register.simple_tag(takes_context=True)
def lang_attr(context, obj, kind=""):
    """` lang="…" dir="…"` for an element showing text of `obj` (a page, a snippet or a
    language code) when that text is in another language than the page being read: an
    English clinic's own prose on a page served in Bengali, an untranslated related
    page. `"link"` adds `hreflang` when the link leads to that language's page;
    `"target"` gives only that `hreflang` (the link's words are the reader's)."""

    code = _text_language(context, obj)
    current = get_language() or settings.LANGUAGE_CODE
    if not code or code == current:
        return ""
    try:
        direction = "rtl" if get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        direction = "ltr"
    attributes = format_html(' lang="{}" dir="{}"', code, direction)
    if kind == "target":  # a link whose words are the reader's, to a page in `code`
        attributes = mark_safe("")
    if kind in ("link", "target") and getattr(obj, "reader_url", None) is None:
        attributes += format_html(' hreflang="{}"', code)
    return attributes


@register.simple_tag(takes_context=True)
def language_note(context, obj, kind=""):
    """ " (English)" after a link to a page in another language than the page being read
    (none for a page that leads to the reader's own language, unless `kind` is "name":
    the name shown is still in the other language)."""

    code = _text_language(context, obj)
    if not code or code == (get_language() or settings.LANGUAGE_CODE):
        return ""
    if getattr(obj, "reader_url", None) is not None and kind != "name":
        return ""
    note = ' <span class="language-note" lang="{}">({})</span>'
    return format_html(note, code, native_name(code))


@register.inclusion_tag("includes/language_notices.html", takes_context=True)
def language_notices(context):
    """The Section 1557 one-line notices (cms/i18n/taglines.py), each in its
    own language and direction, with the site's main number as a call link."""

    request = context.get("request")
    own = SiteSettings.for_request(request) if request is not None else None
    phone = own.main_phone if own else ""
    shown, href = format_phone(phone), tel_href(phone)
    lines = []
    for tagline in notices(getattr(own, "notice_languages", None)):
        before, _, after = tagline.text.partition("{phone}")
        number = format_html('<a href="tel:{}" dir="ltr">{}</a>', href, shown) if phone else ""
        lines.append(
            {
                "code": tagline.code,
                "dir": "rtl" if tagline.rtl else "ltr",
                "html": format_html("{}{}{}", before, number, after),
            }
        )
    return {"notices": lines}
