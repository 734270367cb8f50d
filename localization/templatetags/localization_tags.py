"""The patient's notices on a translated page: behind its English source, and where
its text came from (localization/provenance.py)."""

from django import template
from django.conf import settings
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import get_language
from wagtail.models import Page

from cms.caching.dependencies import page_tag
from cms.caching.page_cache import cached_data
from cms.i18n.languages import native_name
from cms.models import SiteSettings
from cms.seo.links import translation_urls

register = template.Library()


def _translation_facts(page):
    """{"since": when its English changed or None, "machine": bool, "reviewed": bool}
    of a translated page, or None (a source page). One query, cached for the content
    generation; a notice or provenance row saved or deleted starts a new one
    (localization/outdated.py)."""
    row = (
        Page.objects.filter(pk=page.pk)
        .exclude(locale__language_code=settings.LANGUAGE_CODE)
        .values(
            "outdated_translation__since",
            "provenance__machine_assisted",
            "provenance__reviewed_at",
        )
        .first()
    )
    if row is None:
        return None
    return {
        "since": row["outdated_translation__since"],
        "machine": bool(row["provenance__machine_assisted"]),
        "reviewed": row["provenance__reviewed_at"] is not None,
    }


def _facts_for(context, page):
    page = page or context.get("page")
    if not isinstance(page, Page) or page.pk is None or page.alias_of_id:
        return None
    # A page served in the source language has none: decided without a query. Nor
    # has an English page served in another language (localization/fallback.py).
    request = context.get("request")
    if get_language() == settings.LANGUAGE_CODE or getattr(request, "language_fallback", None):
        return None
    # Both notices of a page read it: once per request.
    memo = getattr(request, "_translation_facts", None) if request is not None else None
    if memo is not None and memo[0] == page.pk:
        return memo[1]
    found = cached_data(
        request,
        f"translation-facts:{page.pk}",
        lambda: _translation_facts(page),
        depends_on=(page_tag(page.translation_key),),
    )
    # The English original's URL comes from the page's live translations, which the
    # switcher and hreflang links already read: no query of its own. None while the
    # English page is not live.
    if found is not None:
        source = translation_urls(page, request).get(settings.LANGUAGE_CODE)
        found = {**found, "source_url": source[0]} if source else None
    if request is not None:
        request._translation_facts = (page.pk, found)
    return found


@register.inclusion_tag("localization/outdated_notice.html", takes_context=True)
def outdated_translation_notice(context, page=None):
    found = _facts_for(context, page)
    if found is None or found["since"] is None:
        return {}
    return {
        "since": date_format(localtime(found["since"]), "DATE_FORMAT"),
        "source_url": found["source_url"],
    }


@register.inclusion_tag("localization/provenance.html", takes_context=True)
def translation_provenance(context, page=None):
    """One line: the page was translated from English (with a machine translator's
    help, checked by a translator, if any of its text came from one) and reviewed by
    the role or team the site settings name, when a review approved it."""
    found = _facts_for(context, page)
    if found is None:
        return {}
    reviewer = ""
    request = context.get("request")
    if found["reviewed"] and request is not None:
        reviewer = SiteSettings.for_request(request).get_translation_reviewer_display()
    return {**found, "reviewer": reviewer}


@register.inclusion_tag("localization/fallback_notice.html", takes_context=True)
def language_fallback_notice(context):
    """On an English page served in another language (localization/fallback.py): a
    short note in the reader's language that the page's own text is English."""
    request = context.get("request")
    fallback = getattr(request, "language_fallback", None)
    if fallback is None or fallback.kind != "facts":
        return {}
    return {"language_name": native_name(fallback.language), "english_url": fallback.english_url}


@register.simple_tag(takes_context=True)
def language_fallback_robots(context):
    """`noindex` on a fallback page (the English page is the one to index)."""
    request = context.get("request")
    if getattr(request, "language_fallback", None) is None:
        return ""
    return mark_safe('<meta name="robots" content="noindex">')
