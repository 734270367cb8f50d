"""What the translation editor (wagtail-localize's React app) is given to show.

wagtail-localize keeps every string as HTML, so a title typed as "PT & Rehab" is
stored as "PT &amp; Rehab", and the editor prints that HTML as text: translators saw
"&amp;" (in the page's markup, "&amp;amp;"). The props are rewritten here, through a
template override, so source strings and saved translations show the characters the
editor typed (cms/i18n/strings.py)."""

import json

from django import template
from django.utils.translation import get_language_info

from cms.i18n.strings import as_typed

register = template.Library()


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
