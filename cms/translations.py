"""Translation helpers built on wagtail-localize's own records (TranslationSource,
Translation, StringTranslation), so the admin shows every translation's status."""

import json
from pathlib import Path

import polib
from django.db import transaction
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail.models import Page
from wagtail_localize.fields import copy_synchronised_fields, get_translatable_fields
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
        if not isinstance(instance, Page):
            translation.save_target(publish=True)  # snippets have no drafts here
            return instance.get_translation(locale)
        translation.save_target(publish=False)
        target = instance.get_translation(locale)
        if publish:
            target.get_latest_revision().publish()
            target.refresh_from_db()
    return target


def sync_facts_to_translations(page):
    """Copy the synchronized fields (phone, address, hours, exceptions, reviewer,
    dates, ...) of a source-language page to every translation, so facts are the
    same in every language without anyone copying them.

    Live translations are republished from their live content with the new facts;
    a translator's unpublished draft gets the facts too and stays the latest draft.
    The translation source is refreshed so the translation editor shows new text to
    translate and never writes old facts back."""
    page = page.specific
    TranslationSource.update_or_create_from_instance(page)
    for translation in page.get_translations().select_related("locale"):
        translation = translation.specific
        draft = None
        if translation.has_unpublished_changes and translation.latest_revision_id:
            draft = translation.get_latest_revision_as_object()
        if translation.live and translation.live_revision_id:
            live = translation.live_revision.as_object()
            _copy_facts(page, live)
            live.save_revision(log_action=True).publish()
        if draft is not None or not translation.live:
            draft = draft or translation.get_latest_revision_as_object()
            _copy_facts(page, draft)
            draft.save_revision(log_action=True)


def _copy_facts(source, target):
    copy_synchronised_fields(source, target)
    # A page model may mend what new facts leave incomplete in the translation.
    if hasattr(target, "after_facts_synced"):
        target.after_facts_synced(source)
    # wagtail-localize skips an emptied many-to-many field; facts include "none".
    for field in source._meta.get_fields():
        if isinstance(field, ParentalManyToManyField):
            is_synchronized = any(
                f.field_name == field.name and f.is_synchronized(source)
                for f in get_translatable_fields(type(source))
            )
            if is_synchronized and not getattr(source, field.name).all():
                setattr(target, field.name, [])
