"""/sitemap.xml: every live, public page of the site in every language, each with
`<xhtml:link rel="alternate" hreflang="..">` links to all its live translations plus
x-default (the English page), absolute URLs and last-modified dates.

Wagtail's own sitemap lists only the default site's tree (English here) and has no
alternates. This one builds on it: the items are the pages under the site's root
*and under every translation of that root*, fetched in one query with their locale;
translations are grouped by `translation_key` from that same list, so no page costs
an extra query (no N+1). Django's sitemap template writes the alternates.
"""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from cms.i18n.languages import SOURCE_LANGUAGE


class TranslatedSitemap(Sitemap):
    # Django's sitemap template writes url.alternates when present.
    i18n = False

    def __init__(self, request=None):
        super().__init__(request)
        self._pages = None

    def _roots(self):
        root = self.get_wagtail_site().root_page
        return Page.objects.filter(translation_key=root.translation_key).only("path")

    def items(self):
        if self._pages is None:
            under_a_root = Q()
            for root in self._roots():
                under_a_root |= Q(path__startswith=root.path)
            if not under_a_root:
                self._pages = []
                return self._pages
            pages = (
                Page.objects.live()
                .public()
                .filter(under_a_root)
                .select_related("locale")
                .order_by("path")
            )
            self._pages = list(pages)
        return self._pages

    def _translations(self):
        """{translation_key: [(language code, page), ...]} of every listed page."""
        if not hasattr(self, "_by_key"):
            by_key = {}
            for page in self.items():
                by_key.setdefault(page.translation_key, []).append(
                    (page.locale.language_code, page)
                )
            self._by_key = by_key
        return self._by_key

    def _alternates(self, page):
        versions = sorted(self._translations().get(page.translation_key, []), key=lambda v: v[0])
        alternates = []
        default = None
        for code, version in versions:
            url = self._url(version)
            if url:
                alternates.append({"lang_code": code, "location": url})
                if code == SOURCE_LANGUAGE:
                    default = url
        if default:
            alternates.append({"lang_code": "x-default", "location": default})
        return alternates

    def _url(self, page):
        if not hasattr(page, "_sitemap_url"):
            page._sitemap_url = page.get_full_url(self.request)
        return page._sitemap_url

    def _urls(self, page, protocol, domain):
        urls = []
        last_mods = set()
        for item in self.paginator.page(page).object_list:
            location = self._url(item)
            if not location:
                continue
            lastmod = item.last_published_at or item.latest_revision_created_at
            urls.append(
                {
                    "item": item,
                    "location": location,
                    "lastmod": lastmod,
                    "changefreq": None,
                    "priority": None,
                    "alternates": self._alternates(item),
                }
            )
            last_mods.add(lastmod)
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
