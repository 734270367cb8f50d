"""Translatable objects in one language, in bulk: the one helper for "show these
linked pages or snippets in the reader's language".

Links between translatable objects are synchronized, so a Spanish clinic page still
points at the English insurance plans, conditions and clinicians. `in_locale` swaps
each for its translation with one query for the lot (none when all are already in
that language), instead of one `get_translation_or_none` per object."""

from wagtail.models import Page


def in_locale(objects, locale, *, queryset=None, fallback=True):
    """`objects` (translatable pages or snippets of one model; None entries are kept
    as None) as a list in the same order, each replaced by its translation in
    `locale` (a Locale or its pk).

    `queryset` says which translations count (default: live pages of the objects' own
    model, or all its snippets); pass it to narrow the fields or the pages fetched.
    An object without such a translation stays as it is, or becomes None when
    `fallback` is false. An object already in `locale` stays as it is either way."""
    objects = list(objects)
    locale_id = getattr(locale, "pk", locale)
    foreign = [obj for obj in objects if obj is not None and obj.locale_id != locale_id]
    if not foreign or locale_id is None:
        return objects
    if queryset is None:
        model = type(foreign[0])
        queryset = model.objects.live() if issubclass(model, Page) else model.objects.all()
    keys = {obj.translation_key for obj in foreign}
    found = {
        obj.translation_key: obj
        for obj in queryset.filter(locale_id=locale_id, translation_key__in=keys)
    }
    localized = []
    for obj in objects:
        if obj is not None and obj.locale_id != locale_id:
            obj = found.get(obj.translation_key, obj if fallback else None)
        localized.append(obj)
    return localized
