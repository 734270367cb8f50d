"""What search engines and shared links read: canonical/hreflang links and the
language switcher (links), structured data (jsonld), the sitemap (sitemap)."""

# cms/routing.py imports `landmarks` from the package (it belongs to the caching
# work, which changes that import).
from cms.seo.links import landmarks  # noqa: F401
