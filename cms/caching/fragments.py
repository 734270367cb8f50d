"""HTML rendered once and kept, with holes for what differs per request.

A template is rendered with a marker in place of each value that changes per request
(the "open now" sentence, a link the language fallback points elsewhere, a distance);
the result is split at the markers and kept (in the data cache, by whoever holds it).
A request then joins the kept parts with its own values, escaped as the template
would have escaped them, instead of rendering the template again. The markers are
private-use characters that escaping leaves alone, with a random token so that no
text an editor writes can be mistaken for one."""

import re
import secrets
from dataclasses import dataclass

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe


class Holes:
    """Markers for one rendering: `mark(name)` goes where the value `name` belongs."""

    def __init__(self):
        self.token = secrets.token_hex(8)

    def mark(self, name):
        return f"\ue000{self.token}:{name}\ue001"

    def split(self, html):
        """(text, name, text, name, ..., text): the kept parts of `html`. Only this
        rendering's markers split it (they carry its random token)."""
        return tuple(re.split(f"\ue000{self.token}:(\\w+)\ue001", str(html)))


def fill(parts, values):
    """The kept `parts` with each hole filled from `values` ({name: text}), escaped
    (a value marked safe, e.g. by format_html, is used as it is)."""
    escaped = {name: conditional_escape(value) for name, value in values.items()}
    out = list(parts)
    out[1::2] = [escaped[name] for name in parts[1::2]]
    return mark_safe("".join(out))  # noqa: S308 - parts are rendered templates, values escaped


@dataclass(frozen=True)
class Kept:
    """Where a page's `{% kept %}` blocks (cms/templatetags/kept_html.py) are kept:
    a data cache key (everything the HTML varies by: page, site, language, day) and the
    tags the HTML depends on. A context without one (a preview) renders as usual."""

    key: str
    depends_on: tuple


def renders_from_memory(page, request):
    """Whether `page` renders from the object in hand, so nothing of it may be kept: no
    request, a preview, a page never saved, or rows edited and not saved yet."""
    return (
        request is None
        or getattr(request, "is_preview", False)
        or not page.pk
        or bool(getattr(page, "_cluster_related_objects", None))
    )
