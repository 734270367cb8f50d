"""What search engines, shared links and every page's frame read: the landmark pages
and the footer's clinics (navigation), canonical/hreflang links, the language switcher
and the breadcrumb trail (links), structured data (jsonld), the sitemap (sitemap)."""

# cms/routing.py imports `landmarks` from the package (the caching work changes that
# import to cms.seo.navigation).
from cms.seo.navigation import landmarks  # noqa: F401
