"""The prose a page shows patients, read from its fields: its text, rich-text and
StreamField fields (one line per block, so headings stay sentences of their own),
without the title and search metadata that Page itself defines."""

from django.db import models
from django.utils.html import strip_tags
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

_PAGE_FIELDS = {f.name for f in Page._meta.get_fields()}


def page_text(page):
    chunks = []
    for model_field in page._meta.get_fields():
        if model_field.name in _PAGE_FIELDS or not model_field.concrete:
            continue
        value = getattr(page, model_field.name, None)
        if not value:
            continue
        if isinstance(model_field, StreamField):
            chunks += model_field.stream_block.get_searchable_content(value)
        elif isinstance(model_field, RichTextField):
            chunks.append(strip_tags(value.replace("</p>", "</p>\n")))
        elif isinstance(model_field, models.TextField):
            chunks.append(value)
    return "\n".join(str(chunk) for chunk in chunks if str(chunk).strip())
