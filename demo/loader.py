"""Helpers for `load_demo_content`: create-or-update pages so that running the
command twice changes and duplicates nothing."""

from django.db import transaction
from wagtail.models import Page


def _differs(page, fields):
    for name, value in fields.items():
        current = getattr(page, name)
        if hasattr(current, "raw_data"):  # StreamValue: compare its JSON form
            current = list(current.raw_data)
            value = list(value.raw_data) if hasattr(value, "raw_data") else value
            current = [{k: v for k, v in block.items() if k != "id"} for block in current]
            value = [{k: v for k, v in block.items() if k != "id"} for block in value]
        elif hasattr(current, "source"):  # RichText
            current = current.source
        if current != value:
            return True
    return False


@transaction.atomic
def upsert_child_page(parent, model, slug, **fields):
    """Return the live child `slug` of `parent`, creating or updating it with `fields`.

    A new page or a changed one is saved as a revision and published; an unchanged
    one is left alone, so no revision piles up on repeated runs."""
    existing = Page.objects.child_of(parent).filter(slug=slug).first()
    if existing is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page
    page = existing.specific
    if not isinstance(page, model):
        raise TypeError(f"{page.url_path} is a {type(page).__name__}, expected {model.__name__}")
    if _differs(page, fields) or not page.live:
        for name, value in fields.items():
            setattr(page, name, value)
        page.save_revision().publish()
    return page


def upsert_snippet(model, lookup, fields):
    """Return the object matching `lookup`, creating it or saving only the fields that
    differ from `fields`, so repeated demo loads write nothing."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **fields)
    changed = [name for name, value in fields.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, fields[name])
        obj.save(update_fields=changed)
    return obj
