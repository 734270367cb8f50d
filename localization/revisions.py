"""A revision built from a translation's current strings, for review before it goes live."""

from django.db import transaction
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationLog


def synced_translation(page):
    """wagtail-localize's record that keeps `page` (a translated page) in step with its
    source, or None when the page is edited on its own."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            source__locale=Locale.get_default(),
            target_locale_id=page.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


@transaction.atomic
def save_translation_revision(page, user=None):
    """Save a draft revision of `page` holding its translation's current strings (the
    source's text where a string is not translated yet), and return it.

    Like wagtail-localize's `Translation.save_target(publish=False)`, except that it
    never writes into the page's row: `save_target` saves the translated content into
    the row too, which for a live page is what patients see, before anyone approved
    it. Returns None when the page is not a synced translation."""
    translation = synced_translation(page)
    if translation is None:
        return None
    source = translation.source
    draft = source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    draft.slug = find_available_slug(
        draft.get_parent(), slugify(draft.slug), ignore_page_id=draft.pk
    )
    revision = draft.save_revision(user=user)
    TranslationLog.objects.create(
        source=source, locale=translation.target_locale, revision=revision
    )
    return revision
