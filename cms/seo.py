"""What every public page's <head> carries: canonical URL, hreflang alternates and
the language switcher's links, derived from the page's live translations."""

from dataclasses import dataclass

from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from cms.languages import SOURCE_LANGUAGE, native_name


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    is_translation: bool  # False when the link falls back to the language's home page


def live_translations(page):
    """The page's live versions in every locale, itself included, keyed by language code."""
    versions = page.get_translations(inclusive=True).live().select_related("locale")
    return {version.locale.language_code: version for version in versions}


def hreflang_alternates(page, request):
    """(hreflang, absolute URL) pairs for every live translation plus x-default."""
    versions = live_translations(page)
    alternates = []
    for code, version in sorted(versions.items()):
        url = version.get_full_url(request)
        if url:
            alternates.append((code, url))
    default = versions.get(SOURCE_LANGUAGE)
    if default is not None:
        alternates.append(("x-default", default.get_full_url(request)))
    return alternates


def language_links(request, page=None):
    """One link per site language: the page's translation where it is live, else that
    language's home page (or, outside Wagtail pages, the same view in that language)."""
    current = get_language()
    versions = live_translations(page) if page is not None else {}
    homes = {}
    if page is None or len(versions) < Locale.objects.count():
        site = Site.find_for_request(request)
        if site is not None:
            root = site.root_page
            for home in Page.objects.filter(translation_key=root.translation_key).live():
                homes[home.locale_id] = home
    links = []
    for locale in Locale.objects.all().order_by("pk"):
        code = locale.language_code
        version = versions.get(code)
        if version is not None:
            url, is_translation = version.get_url(request), True
        elif page is None:
            url, is_translation = translate_url(request.path, code), True
        else:
            home = homes.get(locale.pk)
            if home is None:
                continue
            url, is_translation = home.get_url(request), False
        links.append(LanguageLink(code, native_name(code), url, code == current, is_translation))
    return links
