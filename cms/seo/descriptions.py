"""The meta description every page carries (and its Open Graph and Twitter twins): the
page's own search description, else its intro cut to whole sentences, else a sentence
for its type from the interface catalogs.

A page type names its sentence in `meta_description_default` (a lazy gettext string
that may use `%(title)s`); a view without a page passes `meta_description` in its
context. On a page served in another language than its own (an English clinic read in
Bengali: localization/fallback.py sets `request.language_fallback`) the page's texts
are English, so the sentence for its type is used, in the reader's language."""

import re
from html import unescape

from django.utils.html import strip_tags

MAX_LENGTH = 160
ELLIPSIS = "…"
# Where a sentence ends: Latin and Cyrillic stops (before a space or the end, closing
# quotes and brackets kept), the CJK full-width stops, the Arabic and Urdu question
# mark and full stop, the Bengali dari.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s|$)|[。！？؟۔।]")


def plain(text):
    """`text` (plain or rich text) as one line of plain text."""
    return " ".join(unescape(strip_tags(str(text or ""))).split())


def trimmed(text, limit=MAX_LENGTH):
    """`text` as one line of at most `limit` characters: whole sentences when the first
    one fits, else the first sentence cut at the last whole word, with an ellipsis."""
    text = plain(text)
    if len(text) <= limit:
        return text
    ends = [match.end() for match in _SENTENCE_END.finditer(text) if match.end() <= limit]
    if ends:
        return text[: ends[-1]].strip()
    cut = text[: limit - len(ELLIPSIS) + 1]
    space = cut.rfind(" ")
    # A language written without spaces (Chinese) is cut between characters.
    head = cut[:space] if space > 0 else cut[:-1]
    return head.rstrip(" ,;:—-") + ELLIPSIS


def page_description(page, own_language=True):
    """The description of `page`; `own_language` is False when the page is served in
    another language than its own."""
    if own_language:
        for text in (page.search_description, getattr(page, "intro", "")):
            if plain(text):
                return trimmed(text)
    default = getattr(page, "meta_description_default", None)
    if default is None:
        return ""
    title = getattr(page, "name", None) or page.title
    try:
        return trimmed(str(default) % {"title": title})
    except (KeyError, TypeError, ValueError):  # a stray "%" in a translation
        return trimmed(str(default))
