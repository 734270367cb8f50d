"""English left in a translated page says so, at the element that holds it.

A page other than a clinical one may go live partly translated: its untranslated
segments are shown in English. Every such segment (a string of the page's English
source with no translation in the page's language, or one whose translation differs
from the English the page still shows) is marked where it is rendered: the element
whose whole content it is gets `lang="en" dir="ltr"`, and a JSON-LD string equal to it
becomes `{"@value": ..., "@language": "en"}`. A segment the translator translated
into the same words (a clinic's name, an address) is the translator's choice and is
left alone.

Served pages pass here once (LanguageFallbackMiddleware): the page cache keeps the
marked HTML, and the segments of a page are kept in the data cache until the page or
one of its translations changes."""

import html
import json
import re

from django.conf import settings
from wagtail_localize.models import StringSegment

from cms.caching.dependencies import page_tag
from cms.caching.page_cache import cached_data
from cms.seo.jsonld import render_json_ld

# Inline tags wagtail-localize keeps in a string (attributes moved out, an id left).
_TAG = re.compile(r"(<[^>]+>)")
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")
_JSON_LD = re.compile(
    r'(<script type="application/ld\+json">)(.*?)(</script>)', re.DOTALL | re.IGNORECASE
)
MAX_SEGMENTS = 400  # a page is never rewritten for more (it would cost too much)


def english_segments(request, page):
    """The English strings (as wagtail-localize holds them: HTML) a translated `page`
    shows untranslated, or [] (kept per page until it or a translation changes)."""

    def load():
        found = []
        rows = (
            StringSegment.objects.filter(
                source__object_id=page.translation_key,
                source__locale__language_code=settings.LANGUAGE_CODE,
            )
            .exclude(source__locale_id=page.locale_id)
            .annotate_translation(page.locale_id)
            .select_related("string")
            .order_by("order")
        )  # one query
        for segment in rows[:MAX_SEGMENTS]:
            text = segment.string.data
            # Untranslated, or translated since the page was published: wherever the
            # English still shows, it is English (an identical translation is not).
            if segment.translation != text and len(_plain(text)) > 1 and text not in found:
                found.append(text)
        return found

    key = f"english-segments:{page.pk}"
    return cached_data(request, key, load, depends_on=(page_tag(page.translation_key),))


def _plain(text):
    return html.unescape(_TAG.sub("", text)).strip()


def _pattern(segment):
    """A regex for the segment as rendered: its text exact, its inline tags with any
    attributes (the page's links carry their href, the stored string an id)."""
    pieces = []
    for piece in _TAG.split(segment):
        if not piece:
            continue
        if piece.startswith("<"):
            name = _TAG_NAME.match(piece)
            closing = piece.startswith("</")
            if name is None:
                return None
            pieces.append(f"</{name.group(1)}>" if closing else f"<{name.group(1)}\\b[^>]*>")
        else:
            # The template may escape what the string kept as characters (quotes).
            text = re.escape(piece)
            text = text.replace("'", "(?:'|&\\#x27;|&\\#39;)").replace('"', '(?:"|&quot;)')
            pieces.append(text)
    return "".join(pieces)


# Text the template never escapes: a segment rendered anywhere shows its longest run
# of these as it is, so a page without that run cannot hold the segment.
_UNESCAPED_RUN = re.compile(r"[^<>&\"']+")


def _probe(segment):
    runs = [
        run
        for piece in _TAG.split(segment)
        if not piece.startswith("<")
        for run in _UNESCAPED_RUN.findall(piece)
    ]
    return max(runs, key=len, default="")


def _mark_elements(content, segments):
    for segment in segments:
        # A plain substring test first: a regex over the whole page for every segment
        # cost more than rendering the page.
        if _probe(segment) not in content:
            continue
        inner = _pattern(segment)
        if not inner:
            continue
        element = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)(\s[^<>]*)?>\s*(" + inner + r")\s*</\1>")

        def add_lang(match):
            attributes = match.group(2) or ""
            if " lang=" in attributes:
                return match.group(0)
            tag = match.group(1)
            whole = match.group(0)
            return f'<{tag}{attributes} lang="en" dir="ltr">' + whole[len(f"<{tag}{attributes}>") :]

        content = element.sub(add_lang, content)
    return content


def _mark_json_ld(content, plain_segments):
    def tag_strings(value):
        if isinstance(value, str) and value.strip() in plain_segments:
            return {"@value": value, "@language": "en"}
        if isinstance(value, list):
            return [tag_strings(item) for item in value]
        if isinstance(value, dict):
            return {
                key: item if key.startswith("@") or key in ("url", "sameAs") else tag_strings(item)
                for key, item in value.items()
            }
        return value

    def rewrite(match):
        try:
            data = json.loads(match.group(2))
        except ValueError:
            return match.group(0)
        tagged = tag_strings(data)
        return match.group(0) if tagged == data else str(render_json_ld(tagged))

    return _JSON_LD.sub(rewrite, content)


def mark_english(content, segments):
    """`content` (a page's HTML) with each English segment marked."""
    if not segments:
        return content
    content = _mark_elements(content, segments)
    return _mark_json_ld(content, {_plain(segment) for segment in segments})
