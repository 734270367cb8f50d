"""What every public page's <head> and frame carry: canonical URL, hreflang alternates,
the language switcher's links, the breadcrumb trail, the navigation's index URLs and
the footer's clinics.

Each is derived from live content and kept in the data cache for the current content
generation (`cms.caching.page_cache.cached_data`), so it is never stale and a warm page pays no
query for it; computing one costs a single query whatever the number of clinics,
conditions or languages."""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db.models import F
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page

from cms.caching.page_cache import cached_data
from cms.i18n.languages import SOURCE_LANGUAGE, native_name


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    is_translation: bool  # False when the link leads to a fallback (or the home page)


def _site_id(request):
    if request is None:
        return 0
    from cms.caching.routing import find_site

    site = find_site(request)
    return site.pk if site is not None else 0


def _language():
    return get_language() or settings.LANGUAGE_CODE


def site_locales(request=None):
    """(pk, language code) of every locale, in creation order (cms.caching.routing.site_facts)."""
    from cms.caching.routing import site_facts

    return site_facts(request)["locales"]


LANDMARK_MODELS = {
    "conditions": "conditions.ConditionIndexPage",
    "locations": "locations.LocationIndexPage",
    "assistance": "home.LanguageAssistancePage",
}


def _landmark_kinds():
    """{(app label, model name): kind} of the landmark models that exist."""
    kinds = {}
    for kind, label in LANDMARK_MODELS.items():
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        kinds[(model._meta.app_label, model._meta.model_name)] = kind
    return kinds


def landmarks(request, site):
    """The pages every page links to, for every language at once, from one query kept
    for the content generation: the home page's translations (for routing and the
    language switcher), the condition and location indexes and the language-assistance
    page. {"homes": {code: (id, path, depth, url_path, live)}, "home_urls": {locale pk:
    URL}, "urls": {(kind, code): URL, (kind, None): the first in any language}}."""

    def load():
        from django.db.models import Q

        kinds = _landmark_kinds()
        wanted = Q(pk__in=[])
        for app_label, model_name in kinds:
            wanted |= Q(content_type__app_label=app_label, content_type__model=model_name)
        wanted &= Q(live=True)
        root_key = None
        if site is not None:
            root_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")
            wanted |= Q(translation_key__in=root_key)
        pages = (
            Page.objects.filter(wanted)
            .annotate(
                language_code=F("locale__language_code"),
                app_label=F("content_type__app_label"),
                model_name=F("content_type__model"),
            )
            .only("id", "path", "depth", "url_path", "live", "locale_id", "translation_key")
            .order_by("path")
        )
        homes, home_urls, urls, ids = {}, {}, {}, {}
        for page in pages:
            code = page.language_code
            kind = kinds.get((page.app_label, page.model_name))
            if kind is None:  # the home page or one of its translations
                homes[code] = (page.pk, page.path, page.depth, page.url_path, page.live)
                if page.live:
                    home_urls[page.locale_id] = page.get_url(request)
                continue
            url = page.get_url(request)
            urls.setdefault((kind, code), url)
            urls.setdefault((kind, None), url)
            if code == SOURCE_LANGUAGE:
                ids.setdefault(kind, page.pk)
        return {"homes": homes, "home_urls": home_urls, "urls": urls, "ids": ids}

    return cached_data(request, f"landmarks:{site.pk if site else 0}", load)


def landmark_url(request, kind, fallback):
    """URL of the landmark page `kind` in the active language, else in any language."""
    from cms.caching.routing import find_site

    site = find_site(request) if request is not None else None
    found = landmarks(request, site)
    urls = found["urls"]
    language = _language()
    url = urls.get((kind, language))
    if url is None and kind in found.get("ids", {}):
        url = fallback_urls(request, found["ids"][kind], [language]).get(language)
    return url or urls.get((kind, None)) or fallback


def fallback_urls(request, page_id, languages):
    """{language: URL} where a page not translated into `languages` still leads in
    them, from the feature apps registered for the wagtail hook "language_fallback_urls"
    (a function of request, page id and languages); empty when none answers."""
    from wagtail import hooks

    urls = {}
    for hook in hooks.get_hooks("language_fallback_urls"):
        for code, url in hook(request, page_id, languages).items():
            urls.setdefault(code, url)
    return urls


def live_translations(page):
    """The page's live versions in every locale, itself included, keyed by language code."""
    versions = page.get_translations(inclusive=True).live().select_related("locale")
    return {version.locale.language_code: version for version in versions}


def translation_urls(page, request):
    """{language code: (URL, full URL)} of the page's live translations, itself
    included. One query (by translation key), cached per content generation."""
    translation_key = getattr(page, "translation_key", None)
    if translation_key is None or not page.pk:
        return {}

    def load():
        return {
            code: (version.get_url(request), version.get_full_url(request))
            for code, version in live_translations(page).items()
        }

    key = f"translations:{_site_id(request)}:{page._meta.label_lower}:{translation_key}"
    memo = getattr(page, "_translation_urls", None)
    if memo is None or memo[0] != key:
        memo = (key, cached_data(request, key, load))
        page._translation_urls = memo
    return memo[1]


def hreflang_alternates(page, request):
    """(hreflang, absolute URL) pairs for every live translation plus x-default."""
    versions = translation_urls(page, request)
    alternates = [(code, full) for code, (_url, full) in sorted(versions.items()) if full]
    default = versions.get(SOURCE_LANGUAGE)
    if default is not None:
        alternates.append(("x-default", default[1]))
    return alternates


def home_urls(request):
    """{locale pk: URL} of the live home page in each locale."""
    from cms.caching.routing import find_site

    site = find_site(request)
    return landmarks(request, site)["home_urls"] if site is not None else {}


def language_links(request, page=None):
    """One link per site language: the page's translation where it is live, else that
    language's home page (or, outside Wagtail pages, the same view in that language)."""
    current = get_language()
    versions = translation_urls(page, request) if page is not None else {}
    locales = site_locales(request)
    missing = len(versions) < len(locales)
    homes = home_urls(request) if page is not None and missing else {}
    fallbacks = {}
    if page is not None and missing and page.pk:
        wanted = [code for _pk, code in locales if code not in versions]
        fallbacks = fallback_urls(request, page.pk, wanted)
    links = []
    for locale_pk, code in locales:
        version = versions.get(code)
        if version is not None:
            url, is_translation = version[0], True
        elif page is None:
            url, is_translation = translate_url(request.path, code), True
        else:
            url = fallbacks.get(code) or homes.get(locale_pk)
            if url is None:
                continue
            is_translation = False
        links.append(LanguageLink(code, native_name(code), url, code == current, is_translation))
    return links


def breadcrumb_ancestors(page, request):
    """(depth, title, URL, full URL) of the page and its ancestors from the home page
    down. One query, cached per content generation. A page object may carry its own
    trail (`breadcrumb_override`: a page served in another language)."""
    override = getattr(page, "breadcrumb_override", None)
    if override is not None:
        return override

    def load():
        ancestors = (
            Page.objects.ancestor_of(page, inclusive=True)
            .filter(depth__gte=2)
            .only("id", "title", "url_path", "path", "depth", "locale_id")
            .order_by("depth")
        )
        return [
            (crumb.depth, crumb.title, crumb.get_url(request), crumb.get_full_url(request))
            for crumb in ancestors
        ]

    key = f"trail:{_site_id(request)}:{page.pk}"
    memo = getattr(page, "_breadcrumb_ancestors", None)
    if memo is None or memo[0] != key:
        memo = (key, cached_data(request, key, load))
        page._breadcrumb_ancestors = memo
    return memo[1]


def index_url(request, model_label, fallback):
    """URL of the first live page of a model in the active language (else in any)."""
    kind = next(kind for kind, label in LANDMARK_MODELS.items() if label == model_label)
    return landmark_url(request, kind, fallback)


def footer_clinics(request=None):
    """Live clinics in the active language, ordered by name: one query (two while the
    clinics are not translated into the active language: then the English ones).

    Only the fields the footer shows (and what a page URL needs) are loaded."""
    location_model = apps.get_model("locations", "LocationPage")
    language = _language()

    def load():
        field_names = {field.name for field in location_model._meta.get_fields()}
        wanted = ["title", "street_address", "phone", "neighborhood", "borough"]
        columns = ["id", "url_path", "path", "depth", "locale_id"]
        columns += [name for name in wanted if name in field_names]
        clinics = location_model.objects.live().only(*columns).order_by("title")
        in_language = list(clinics.filter(locale__language_code=language))
        if in_language or language == settings.LANGUAGE_CODE:
            return in_language
        # Clinic pages not translated into this language yet: a patient still needs the
        # addresses and phone numbers, so list the source-language pages.
        return list(clinics.filter(locale__language_code=settings.LANGUAGE_CODE))

    clinics = cached_data(request, f"footer-clinics:{language}", load)
    if clinics and language != settings.LANGUAGE_CODE:
        # English clinics listed in another language lead to that language's pages
        # where a feature app offers them (wagtail hook "language_fallback_relink").
        from wagtail import hooks

        for hook in hooks.get_hooks("language_fallback_relink"):
            hook(request, clinics, language)
    return clinics


def language_assistance_url(request):
    """URL of the live language-assistance page in the active language (else the
    English one), or "" while there is none."""
    from cms.caching.routing import find_site

    site = find_site(request) if request is not None else None
    urls = landmarks(request, site)["urls"]
    return urls.get(("assistance", _language())) or urls.get(
        ("assistance", settings.LANGUAGE_CODE), ""
    )
