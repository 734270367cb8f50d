"""Links from a condition page to other condition pages (related conditions, the
underlying conditions block, their structured data), in the reader's language."""

import hashlib

from cms.caching.page_cache import cached_data
from cms.i18n.in_locale import in_locale

# What a link to a condition page needs (its URL, name, language and state).
LINK_FIELDS = (
    "id",
    "title",
    "condition_name",
    "url_path",
    "path",
    "depth",
    "locale_id",
    "live",
    "translation_key",
)


def live_in_locale(pages, locale_id):
    """{pk: page} for each live page of `pages` in the locale `locale_id` (its translation
    when the page is in another locale, the page itself when untranslated); pages that
    are not live are left out. No query when every page is already in that locale."""
    pages = [page for page in pages if page is not None]
    foreign = [page for page in pages if locale_id and page.locale_id != locale_id]
    translations = {}
    if foreign:
        keys = sorted({str(page.translation_key) for page in foreign})
        live = type(foreign[0]).objects.live().only(*LINK_FIELDS)

        def load():
            found = in_locale(foreign, locale_id, queryset=live, fallback=False)
            return {str(page.translation_key): page for page in found if page is not None}

        # One query, kept for the content generation: the structured data and the block
        # both ask for the same links.
        digest = hashlib.sha256(",".join(keys).encode()).hexdigest()[:24]
        translations = cached_data(None, f"live-in-locale:{locale_id}:{digest}", load)
    result = {}
    for original in pages:
        page = original
        if original in foreign:
            page = translations.get(str(original.translation_key), original)
        if page.live:
            result[original.pk] = page
    return result
