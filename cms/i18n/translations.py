"""Translation helpers built on wagtail-localize's own records (TranslationSource,
Translation, StringTranslation), so the admin shows every translation's status."""

import json
import logging
from pathlib import Path

import polib
from django.conf import settings
from django.db import transaction
from django.db.models import ManyToOneRel
from django.dispatch import Signal
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.models import Page, TranslatableMixin
from wagtail.signals import page_published
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

logger = logging.getLogger(__name__)


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
        elif existing.data != text or existing.tool_name != tool_name:
            # The catalog's text is the translator's word now, even where it matches a
            # translation kept from before the English changed (its tool name says so).
            existing.data = text
            existing.tool_name = tool_name
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


# Sent when a source-language publish changes the text there is to translate, before
# any translation gets the new facts: sender=the page class, page=the published page,
# previous and current={(field path, source string)}. Feature apps (localization) use
# it to mark translations as behind; cms itself needs nothing from it.
source_text_changed = Signal()


def source_strings(source):
    """{(context path, text)} of the strings wagtail-localize holds for a source."""
    if source is None:
        return set()
    return set(
        StringSegment.objects.filter(source=source).values_list("context__path", "string__data")
    )


def sync_facts_to_translations(page):
    """Copy the synchronized fields (phone, address, hours, exceptions, reviewer,
    dates, ...) of a source-language page to every translation, so facts are the
    same in every language without anyone copying them. Nothing else: titles, slugs,
    SEO texts, intros and every StreamField keep their translated values.

    Live translations are republished from their live content with the new facts;
    a translator's unpublished draft gets the facts too and stays the latest draft.
    The translation source is refreshed so the translation editor builds a
    translation from the new facts (and shows new English text as untranslated),
    never from old facts; changed text is announced with `source_text_changed`."""
    page = page.specific
    previous = TranslationSource.objects.filter(
        object_id=page.translation_key, locale_id=page.locale_id
    ).first()
    previous_strings = source_strings(previous) if previous is not None else None
    source, _created = TranslationSource.update_or_create_from_instance(page)
    current_strings = source_strings(source)
    if previous_strings is not None and previous_strings != current_strings:
        for receiver, error in source_text_changed.send_robust(
            sender=type(page), page=page, previous=previous_strings, current=current_strings
        ):
            if isinstance(error, Exception):
                logger.error("%s failed for page %s", receiver, page.pk, exc_info=error)
    for translation in page.get_translations().filter(alias_of__isnull=True):
        translation = translation.specific
        draft = None
        if translation.has_unpublished_changes and translation.latest_revision_id:
            draft = translation.get_latest_revision_as_object()
        if translation.live and translation.live_revision_id:
            live = translation.live_revision.as_object()
            if copy_facts(page, live):
                FactsPublish(live.save_revision(log_action=True)).execute()
        if draft is not None or not translation.live:
            draft = draft or translation.get_latest_revision_as_object()
            if copy_facts(page, draft):
                draft.save_revision(log_action=True)


class FactsPublish(PublishPageRevisionAction):
    """Publishes a live translation with its source's new facts, and nothing else:
    a review under way on the translation goes on (Wagtail cancels a page's workflow
    on every publish, right for an editor's publish, not for a phone number)."""

    def _after_publish(self):
        # Wagtail reads the workflow to cancel through this prefetch slot; empty, it
        # sees none (listed in tests/cms/test_private_api.py).
        self.object._current_workflow_states = []
        super()._after_publish()


def copy_facts(source, target):
    """Copy the fields a model declares `SynchronizedField` from `source` to `target`
    (same model), and nothing else; whether that changed any of them in `target` (an
    English publish that changed only English text leaves every translation as it
    is: nothing to republish, no revision to add).

    wagtail-localize's `copy_synchronised_fields` is not used: it also copies every
    StreamField, child relation and emptied text field declared `TranslatableField`
    (it syncs their structure before a translator fills them in), which would put
    the source language into a published translation."""
    before = facts_of(target)
    for field in _fact_fields(source):
        if isinstance(field, ManyToOneRel) and isinstance(field.remote_field, ParentalKey):
            source.copy_child_relation(field.name, target)
            if issubclass(field.related_model, TranslatableMixin):
                for child in getattr(target, field.name).all():
                    child.locale = target.locale
        elif isinstance(field, ParentalManyToManyField):
            # All of them, including none: an emptied list is a fact too.
            setattr(target, field.name, list(getattr(source, field.name).all()))
        else:
            setattr(target, field.attname, getattr(source, field.attname))
    # A page model may mend what new facts leave incomplete in the translation.
    if hasattr(target, "after_facts_synced"):
        target.after_facts_synced(source)
    return facts_of(target) != before


def _fact_fields(page):
    """The model fields (and child relations) of `page` declared `SynchronizedField`."""
    for declared in get_translatable_fields(type(page)):
        if isinstance(declared, SynchronizedField) and declared.is_synchronized(page):
            yield declared.get_field(type(page))


def facts_of(page):
    """The values of `page`'s synchronized fields, comparable between a page and its
    copy: child rows by their own fields (not their ids or their page), many-to-many
    by the objects chosen."""
    values = []
    for field in _fact_fields(page):
        if isinstance(field, ManyToOneRel) and isinstance(field.remote_field, ParentalKey):
            values.append([_row_facts(row) for row in getattr(page, field.name).all()])
        elif isinstance(field, ParentalManyToManyField):
            values.append(sorted(item.pk for item in getattr(page, field.name).all()))
        else:
            values.append(field.value_from_object(page))
    return values


def _row_facts(row):
    return [
        (field.attname, field.value_from_object(row))
        for field in row._meta.concrete_fields
        if not field.primary_key and not isinstance(field, ParentalKey)
    ]


def sync_facts_on_publish(sender, instance, **kwargs):
    """Publishing a source-language page carries its facts to every translation."""
    if instance.locale.language_code != settings.LANGUAGE_CODE:
        return
    if not instance.get_translations().exists():
        return
    try:
        with transaction.atomic():  # a failure rolls back the copies only
            sync_facts_to_translations(instance)
    except Exception:  # the English page is published; never undo that for the copies
        logger.exception("Could not carry the facts of page %s to its translations", instance.pk)


def connect():
    page_published.connect(sync_facts_on_publish, dispatch_uid="cms-sync-facts")
