"""Translation helpers built on wagtail-localize's own records (TranslationSource,
Translation, StringTranslation), so the admin shows every translation's status."""

import json
from pathlib import Path

import polib
from django.db import transaction
from django.utils import timezone
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


class MissingTranslations(Exception):
    """A catalog lacks strings that the source needs; nothing was saved."""

    def __init__(self, instance, locale, missing):
        self.missing = missing
        listed = "\n  ".join(repr(text) for text in missing)
        super().__init__(
            f"{len(missing)} string(s) of {instance!r} have no {locale.language_code} "
            f"translation:\n  {listed}"
        )


def load_catalog(path: Path):
    """A PO file as {source text: translation}, skipping untranslated entries."""
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(path)) if entry.msgstr}


# Page bookkeeping that changes when the tree or publishing state changes, not the content.
_BOOKKEEPING_FIELDS = {
    "path",
    "depth",
    "numchild",
    "url_path",
    "draft_title",
    "live",
    "has_unpublished_changes",
    "latest_revision",
    "live_revision",
    "latest_revision_created_at",
    "last_published_at",
    "first_published_at",
    "locked",
    "locked_at",
    "locked_by",
}


def _content(content_json):
    data = json.loads(content_json)
    return {key: value for key, value in data.items() if key not in _BOOKKEEPING_FIELDS}


@transaction.atomic
def translate_from_catalog(instance, locale, catalog, *, publish=True, tool_name="catalog"):
    """Translate `instance` into `locale` from {source text: translation}.

    Every string of the source must be in the catalog (no English is left behind).
    Returns the translated instance. Saves nothing when the source, its string
    translations and the target are already up to date, so repeated runs add no
    revisions."""
    previous = TranslationSource.objects.filter(
        object_id=instance.translation_key, locale_id=instance.locale_id
    ).first()
    previous_content = _content(previous.content_json) if previous else None
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    changed = _content(source.content_json) != previous_content

    translation, created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    changed |= created

    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    missing = [seg.string.data for seg in segments if seg.string.data not in catalog]
    if missing:
        raise MissingTranslations(instance, locale, missing)

    for segment in segments:
        text = catalog[segment.string.data]
        existing = StringTranslation.objects.filter(
            translation_of=segment.string, locale=locale, context=segment.context
        ).first()
        if existing is None:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=text,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                tool_name=tool_name,
                updated_at=timezone.now(),
            )
            changed = True
        elif existing.data != text:
            existing.data = text
            existing.updated_at = timezone.now()
            existing.save()
            changed = True

    target = instance.get_translation_or_none(locale)
    if changed or target is None:
        # wagtail-localize defers publishing to transaction commit with the page object
        # it held when saving; by then that object's tree counters may be stale (children
        # added since), and publishing would write them back. Publish a fresh copy now.
        translation.save_target(publish=False)
        target = instance.get_translation(locale)
        if publish:
            target.get_latest_revision().publish()
            target.refresh_from_db()
    return target
