"""The patient's notice on a translated page that is behind its English source."""

from django import template
from django.conf import settings
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from cms.caching.dependencies import page_tag
from cms.caching.page_cache import cached_data
from localization.models import OutdatedTranslation

register = template.Library()


def _notice(page, request):
    """(date the source changed, URL of the source page) or None. Cached for the
    content generation; a row saved or deleted starts a new one (localization/outdated.py)."""
    # Only translations have rows, so a source page answers None here too.
    row = OutdatedTranslation.objects.filter(page_id=page.pk).select_related("page").first()
    if row is None:
        return None
    source = (
        Page.objects.live()
        .filter(translation_key=row.page.translation_key, locale=Locale.get_default())
        .first()
    )
    if source is None:
        return None
    return row.since, source.get_url(request)


@register.inclusion_tag("localization/outdated_notice.html", takes_context=True)
def outdated_translation_notice(context, page=None):
    page = page or context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or page.pk is None or page.alias_of_id:
        return {}
    # A page served in the source language has no notice: decided without a query.
    if get_language() == settings.LANGUAGE_CODE:
        return {}
    found = cached_data(
        request,
        f"outdated-notice:{page.pk}",
        lambda: _notice(page, request),
        depends_on=(page_tag(page.translation_key),),
    )
    if found is None:
        return {}
    since, url = found
    return {"since": date_format(localtime(since), "DATE_FORMAT"), "source_url": url}


@register.inclusion_tag("localization/fallback_notice.html", takes_context=True)
def language_fallback_notice(context):
    """On an English page served in another language (localization/fallback.py): a
    short note in the reader's language that the page's own text is English."""
    from cms.i18n.languages import native_name

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
