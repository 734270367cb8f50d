"""What the translation editor (wagtail-localize's React app) is given to show.

wagtail-localize keeps every string as HTML, so a title typed as "PT & Rehab" is
stored as "PT &amp; Rehab", and the editor prints that HTML as text: translators saw
"&amp;" (in the page's markup, "&amp;amp;"). The props are rewritten here, through a
template override, so source strings and saved translations show the characters the
editor typed. "&lt;" and "&gt;" stay as they are: in rich text the tags (<b>, <a id>)
are real markup that the translator copies, and a typed "<" must stay told apart."""

import html
import json
import re

from django import template
from django.utils.translation import get_language_info

register = template.Library()

ENTITY = re.compile(r"&(?!lt;|gt;)(?:#\d+|#[xX][0-9a-fA-F]+|\w+);")


def as_typed(text):
    return ENTITY.sub(lambda match: html.unescape(match.group(0)), text)


@register.filter
def strings_as_typed(props):
    data = json.loads(props)
    for segment in data.get("segments", []):
        if segment.get("type") == "string" and isinstance(segment.get("source"), str):
            segment["source"] = as_typed(segment["source"])
    for translation in data.get("initialStringTranslations", []):
        if isinstance(translation.get("data"), str):
            translation["data"] = as_typed(translation["data"])
    return json.dumps(data)


@register.filter
def text_direction(language_code):
    try:
        return "rtl" if get_language_info(language_code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"
