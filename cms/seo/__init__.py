"""What search engines, shared links and every page's frame read: the landmark pages
and the footer's clinics (navigation), canonical/hreflang links, the language switcher
and the breadcrumb trail (links), structured data (jsonld), the sitemap (sitemap)."""
