"""Nothing goes live unreviewed: a page created in another language is a draft.

`WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False` makes wagtail-localize save
a new translation as a draft, but a few paths still make live pages in the source
language (wagtail-localize issue #743):

- translating a page whose parent has no translation yet copies the parents as
  *aliases* (Wagtail's `copy_for_translation(copy_parents=True)`), live when the
  source is live, and republished with the source's text on each of its publishes;
- a locale set to "synchronise content from another locale" aliases the whole tree,
  and every page created later, the same way.

Each such alias is turned into an ordinary draft page with a wagtail-localize
translation record (the translation editor opens it; its strings start
untranslated), so it goes live only when someone publishes it."""

import logging

from django.db import transaction
from wagtail.models import Page, PageLogEntry
from wagtail.signals import copy_for_translation_done
from wagtail_localize.models import Translation, TranslationSource

logger = logging.getLogger(__name__)


def is_foreign_alias(page):
    """An alias in another language than the page it follows."""
    if not isinstance(page, Page) or page.alias_of_id is None:
        return False
    original = Page.objects.filter(pk=page.alias_of_id).values_list("locale_id", flat=True)
    return original.first() != page.locale_id


@transaction.atomic
def make_draft_translation(alias):
    """Turn a cross-language alias into a draft translation of the page it follows."""
    original = alias.alias_of.specific
    Page.objects.filter(pk=alias.pk).update(alias_of=None, live=False, has_unpublished_changes=True)
    page = Page.objects.get(pk=alias.pk).specific
    revision = page.save_revision(changed=False, clean=False)
    PageLogEntry.objects.log_action(
        instance=page, revision=revision, action="wagtail.convert_alias"
    )
    source, _created = TranslationSource.get_or_create_from_instance(original)
    Translation.objects.get_or_create(
        source=source, target_locale=page.locale, defaults={"enabled": True}
    )
    return page


def on_copy_for_translation_done(sender, source_obj, target_obj, **kwargs):
    if is_foreign_alias(target_obj):
        make_draft_translation(target_obj)


def connect():
    copy_for_translation_done.connect(
        on_copy_for_translation_done, dispatch_uid="localization-alias-to-draft"
    )
