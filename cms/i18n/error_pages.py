"""The language of the error pages. Their words come from the gettext catalogs
(`{% translate %}` in templates/404.html, 500.html and 503.html), so each text has one
translation, the same as in the rest of the site.

The 500 and 503 pages render without the database and without context processors:
the language comes from the URL prefix alone (settings only), and the text from the
compiled catalogs under `translation.override`; where a catalog cannot be read,
gettext falls back to the English text."""

from django.utils.translation import get_language_from_path

from cms.i18n.languages import SITE_LANGUAGES, SOURCE_LANGUAGE

_CODES = {code for code, *_rest in SITE_LANGUAGES}
_RTL = {code for code, _name, _local, rtl in SITE_LANGUAGES if rtl}


def language_for_path(path):
    """The site language a URL path is in: its language prefix, else English. Reads
    settings only (no database)."""
    code = get_language_from_path(path or "/")
    return code if code in _CODES else SOURCE_LANGUAGE


def context_for(code):
    """Template context for an error page in language `code`."""
    code = code if code in _CODES else SOURCE_LANGUAGE
    # English is served without a language prefix (cms/urls.py).
    home = "/" if code == SOURCE_LANGUAGE else f"/{code}/"
    return {"lang": code, "dir": "rtl" if code in _RTL else "ltr", "home_url": home}
