"""Page routing without walking the tree on every request.

Wagtail finds a page by loading the site, the active locale, the localized home
page and every page on the way down (a query each, plus one more for each page's
specific model), then the view restrictions of the page and its ancestors: about
ten queries before a page starts rendering. This middleware gives Wagtail the same
answers from the data cache (`cms.caching.page_cache.cached_data`, dropped whenever
the site or the page tree changes, and so never stale): the site, its settings, and
which page a URL path leads to, and the page itself (kept until it, its translations,
what its type shows or the tree changes). A steady request then routes without a query.

Wagtail reads what is primed here from the request (`request._wagtail_site`,
`request._wagtail_route_for_request`, the settings' per-request attribute); whatever
this module cannot answer (a custom `route()` above the page, an unknown site) is
left to Wagtail's own routing, unchanged.
"""

import hashlib

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, prefetch_related_objects
from django.http import Http404
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site

from cms.caching.dependencies import TREE, reads_of
from cms.caching.page_cache import cached_data
from cms.models import SiteSettings
from cms.seo.navigation import landmarks

MAX_COMPONENTS = 12


def find_site(request):
    """Site.find_for_request from the data cache (the same answer, cached per host)."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    digest = hashlib.sha256(f"{hostname}:{port}".encode()).hexdigest()[:24]
    site = cached_data(
        request, f"site:{digest}", lambda: Site._find_for_request(request), depends_on=()
    )
    request._wagtail_site = site
    return site


def prime_site_settings(request, site):
    """The site settings for the context processor, from the data cache; the default
    sharing image comes with its renditions so link previews cost no query."""
    attr = SiteSettings.get_cache_attr_name()
    if site is None or hasattr(request, attr):
        return

    def load():
        site_settings = SiteSettings.for_site(site)
        image = site_settings.default_sharing_image
        if image is not None:
            prefetch_related_objects([image], "renditions")
        return site_settings

    site_settings = cached_data(request, f"site-settings:{site.pk}", load, depends_on=())
    site_settings._request = request
    setattr(request, attr, site_settings)


def site_facts(request=None):
    """The site's locales [(pk, language code)] and whether any page has a view
    restriction, in one query kept until a site-wide change."""

    def load():

        rows = list(
            Locale.objects.order_by("pk")
            .annotate(restricted=Exists(PageViewRestriction.objects.all()))
            .values_list("pk", "language_code", "restricted")
        )
        restricted = rows[0][2] if rows else PageViewRestriction.objects.exists()
        return {"locales": [(pk, code) for pk, code, _r in rows], "restricted": restricted}

    return cached_data(request, "site-facts", load, depends_on=())


def view_restrictions_exist(request=None):
    """Whether any page has a view restriction (usually none: then no page needs its
    ancestors checked, and `.public()` filters need no query)."""
    return site_facts(request)["restricted"]


def public(queryset, request=None):
    """`queryset.public()`, skipping its restriction query while no restriction exists."""
    return queryset.public() if view_restrictions_exist(request) else queryset


def site_homes(request, site):
    """{language code: (id, path, depth, url_path, live)} of the site's home page and its
    translations (from cms.seo.navigation.landmarks, one query for all the site's
    landmarks)."""
    return landmarks(request, site)["homes"]


def localized_home(request, site):
    """What `site.root_page.localized` is: the home page in the active language when
    that translation is live, else the site's root page."""
    homes = site_homes(request, site)
    try:
        language = get_supported_content_language_variant(get_language())
    except LookupError:
        language = settings.LANGUAGE_CODE
    home = homes.get(language)
    if home is None or not home[4]:
        home = next((row for row in homes.values() if row[0] == site.root_page_id), None)
    return home


def _model_for(content_type_id):
    return ContentType.objects.get_for_id(content_type_id).model_class()


def _resolve(home, components):
    """(page id, content type id, components consumed) of the deepest page on the
    path, or None when Wagtail must route itself (a custom route() on the way)."""
    home_id, home_path, home_depth, home_url_path, _live = home
    prefixes = [home_url_path]
    for component in components:
        prefixes.append(prefixes[-1] + component + "/")
    rows = (
        Page.objects.filter(path__startswith=home_path, url_path__in=prefixes)
        .order_by("depth")
        .values_list("id", "depth", "content_type_id")
    )
    chain = []
    for index, row in enumerate(rows):
        if row[1] != home_depth + index:
            break
        chain.append(row)
    if not chain or chain[0][0] != home_id:
        return None
    for _id, _depth, content_type_id in chain[:-1]:
        model = _model_for(content_type_id)
        if model is None or model.route is not Page.route:
            return None
    page_id, _depth, content_type_id = chain[-1]
    return page_id, content_type_id, len(chain) - 1


def _no_view_restrictions():
    return PageViewRestriction.objects.none()


def load_page(model, page_id):
    """The specific page, with what its template needs (a model may name that in a
    `routing_queryset(queryset)` classmethod)."""
    queryset = model.objects.all()
    hook = getattr(model, "routing_queryset", None)
    if hook is not None:
        queryset = hook(queryset)
    return queryset.filter(pk=page_id).first()


def cached_page(request, model, page_id):
    """load_page from the data cache. The stored copy is unpickled afresh for each
    request, so what a request sets on it never reaches the next one. It depends on
    what the served page depends on (the page, its translations, what its type reads)
    and the tree (live, URL)."""
    return cached_data(
        request,
        f"routed-page:{model._meta.label_lower}:{page_id}",
        lambda: load_page(model, page_id),
        keep=lambda page: page is not None,
        depends_on=lambda page: reads_of(page) | {TREE} if page is not None else {TREE},
    )


def route(request, path):
    """Prime `request._wagtail_route_for_request` for Wagtail's serve view. Returns
    whether it did (False: Wagtail routes by itself)."""
    site = find_site(request)
    if site is None:
        return False
    home = localized_home(request, site)
    components = [component for component in path.split("/") if component]
    if home is None or len(components) > MAX_COMPONENTS:
        return False
    digest = hashlib.sha256("/".join(components).encode()).hexdigest()[:32]
    key = f"route:{home[0]}:{digest}"
    # Kept only when the path names a page exactly: any other path (a routable page's
    # sub-route, a mistyped URL) costs its one query but fills no cache entry.
    target = cached_data(
        request,
        key,
        lambda: _resolve(home, components),
        keep=lambda found: found is not None and found[2] == len(components),
        depends_on=(TREE,),
    )
    if target is None:
        return False
    page_id, content_type_id, consumed = target
    model = _model_for(content_type_id)
    page = cached_page(request, model, page_id) if model is not None else None
    if page is None:
        return False
    if not view_restrictions_exist(request):
        page.get_view_restrictions = _no_view_restrictions
    try:
        result = page.route(request, components[consumed:])
    except Http404:
        result = None
    request._wagtail_route_for_request = result
    return True


class PageRoutingMiddleware:
    """Primes the site, its settings and Wagtail's page route from the data cache.
    Sits after LocaleMiddleware (the route depends on the active language)."""

    def __init__(self, get_response):
        # deferred: wagtail.views needs every model loaded, and page models import this
        # module while they load.
        from wagtail import views as wagtail_views

        self.serve_view = wagtail_views.serve
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path_info.startswith(settings.PAGE_CACHE_EXCLUDED_PREFIXES):
            return None
        site = find_site(request)
        prime_site_settings(request, site)
        if view_func is self.serve_view:
            path = view_kwargs.get("path", view_args[0] if view_args else None)
            if path is not None:
                route(request, path)
        return None
