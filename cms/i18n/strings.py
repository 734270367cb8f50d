"""Strings as translators typed them.

wagtail-localize keeps every string as HTML, so a title typed as "PT & Rehab" is held
as "PT &amp; Rehab". Translators (its editor, a downloaded PO file) get the characters
instead. "&lt;" and "&gt;" stay as they are: in rich text the tags (<b>, <a id>) are
real markup that the translator copies, and a typed "<" must stay told apart."""

import html
import re

ENTITY = re.compile(r"&(?!lt;|gt;)(?:#\d+|#[xX][0-9a-fA-F]+|\w+);")


def as_typed(text):
    return ENTITY.sub(lambda match: html.unescape(match.group(0)), text)
