"""A translation knows it is behind its source.

When a source-language page is published with translatable text that differs from
what wagtail-localize last held for it (cms.i18n.translations.source_text_changed), every
translation of the page gets an `OutdatedTranslation` row (the earliest date kept,
the new and changed source strings listed) and its translators get an email. The row
goes when the translation is published with every current source string translated
(the translator synced it and translated the new strings; for condition pages, a
clinical reviewer approved that). Facts-only publishes leave the text alone, so they
neither create nor clear a row."""

import json
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from wagtail.admin.mail import send_mail
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.signals import page_published
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import MissingTranslationError, Translation, TranslationSource

from cms.caching import page_cache
from cms.caching.dependencies import page_tag
from cms.editorial.roles import translators_group
from cms.i18n.translations import source_text_changed
from localization.models import OutdatedTranslation
from localization.segments import has_kept_translations, keep_previous_translations

logger = logging.getLogger(__name__)


def changed_strings(previous, current):
    """The source strings of `current` ({(path, text)}) that `previous` lacks, in a
    stable order, each once."""
    return sorted({text for path, text in current - previous})


def mark_outdated(page, previous, current, when=None):
    """Create or extend the row of every translation of `page`. Returns the rows
    that are new (their translations just became outdated)."""
    when = when or timezone.now()
    new_strings = changed_strings(previous, current)
    created_rows = []
    for translation in page.get_translations().filter(alias_of__isnull=True):
        row, created = OutdatedTranslation.objects.get_or_create(
            page=translation, defaults={"since": when, "changed_strings": new_strings}
        )
        if created:
            created_rows.append(row)
            continue
        merged = list(row.changed_strings) + [
            s for s in new_strings if s not in row.changed_strings
        ]
        # Strings the source no longer has are no longer to translate.
        still_there = {text for _path, text in current}
        merged = [s for s in merged if s in still_there]
        if merged != row.changed_strings:
            row.changed_strings = merged
            row.save(update_fields=["changed_strings"])
    return created_rows


def on_source_text_changed(sender, page, previous, current, **kwargs):
    source = TranslationSource.objects.filter(
        object_id=page.translation_key, locale_id=page.locale_id
    ).first()
    if source is not None:
        keep_previous_translations(source)
    rows = mark_outdated(page, previous, current)
    if rows:
        ids = [row.pk for row in rows]
        transaction.on_commit(lambda: notify_translators(ids))


# --- Catching up ----------------------------------------------------------------------


def _translated_content(page):
    """The values of the fields a translator translates, comparable across copies."""
    values = {}
    for declared in get_translatable_fields(type(page)):
        if isinstance(declared, SynchronizedField) or declared.field_name == "slug":
            continue
        field = declared.get_field(type(page))
        if not getattr(field, "concrete", False):
            continue
        value = field.get_prep_value(field.value_from_object(page))
        if isinstance(field, StreamField) and isinstance(value, str):
            value = json.loads(value)
        values[declared.field_name] = value
    return values


def is_caught_up(page):
    """Whether the published `page` (a translation) holds the translation of every
    current source string, exactly as wagtail-localize would build it now."""
    source = TranslationSource.objects.filter(
        object_id=page.translation_key, locale=Locale.get_default()
    ).first()
    if (
        source is None
        or not Translation.objects.filter(
            source=source, target_locale_id=page.locale_id, enabled=True
        ).exists()
    ):
        return False
    try:
        expected = source.get_ephemeral_translated_instance(page.locale, fallback=False)
    except MissingTranslationError:
        return False
    except Exception:  # an unreadable source must not break a publish
        logger.exception("Could not build the translation of page %s", page.pk)
        return False
    if _translated_content(expected) != _translated_content(page):
        return False
    # A translation kept from before the English changed is still to be updated.
    return not has_kept_translations(page)


def on_page_published(sender, instance, **kwargs):
    """A published translation that has caught up is no longer outdated."""
    if not OutdatedTranslation.objects.filter(page_id=instance.pk).exists():
        return
    page = Page.objects.get(pk=instance.pk).specific  # the published content, fresh
    if is_caught_up(page):
        OutdatedTranslation.objects.filter(page_id=page.pk).delete()


# --- Telling translators ----------------------------------------------------------------


def translators_of(locale):
    """Active users with an email address who may edit pages in `locale`'s language
    (the "Translators: <language>" group, cms/editorial/roles.py) and who have not turned off
    Wagtail's "submitted for moderation" notifications, which cover work waiting for
    them."""
    group = translators_group(locale)
    users = (
        get_user_model()
        .objects.filter(groups=group, is_active=True)
        .exclude(email="")
        .exclude(wagtail_userprofile__submitted_notifications=False)
    )
    return list(users.distinct())


def notify_translators(row_ids):
    """Email each outdated translation's translators (one email per translation)."""
    rows = OutdatedTranslation.objects.filter(pk__in=row_ids).select_related("page__locale")
    for row in rows:
        page = row.page.specific
        recipients = [user.email for user in translators_of(page.locale)]
        if not recipients:
            continue
        source = page.get_translation_or_none(Locale.get_default()) or page
        context = {
            "page": page,
            "source": source,
            "row": row,
            "edit_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            + reverse("wagtailadmin_pages:edit", args=[page.pk]),
        }
        with override(settings.LANGUAGE_CODE):  # staff emails are in English
            subject = render_to_string("localization/email/outdated_subject.txt", context).strip()
            body = render_to_string("localization/email/outdated.txt", context)
        try:
            send_mail(subject, body, recipients)
        except Exception:  # mail trouble must not stop anything else
            logger.exception("Could not email translators about page %s", page.pk)


def on_row_changed(sender, instance, **kwargs):
    """A patient notice comes from the row (this one's, the provenance line): a new,
    changed or removed row means new pages (the page and its translations share the
    tag)."""
    key = Page.objects.filter(pk=instance.page_id).values_list("translation_key", flat=True)
    page_cache.invalidate(*(page_tag(found) for found in key))


def connect():
    source_text_changed.connect(on_source_text_changed, dispatch_uid="localization-outdated")
    page_published.connect(on_page_published, dispatch_uid="localization-caught-up")
    post_save.connect(on_row_changed, sender=OutdatedTranslation, dispatch_uid="outdated-save")
    post_delete.connect(on_row_changed, sender=OutdatedTranslation, dispatch_uid="outdated-del")
