"""Where a translated page's text came from, and who approved it.

Each translated page keeps one `TranslationProvenance` row: `machine_assisted` is set
for good the moment a machine translator writes any of its strings (wagtail-localize
records the translation type per string, but a translator confirming a string makes
it "manual", so the fact is caught when it is written), and the reviewer and the
approved workflow state are recorded when a review approves the page. The patient
reads a short line in their language (localization_tags.translation_provenance):
translated from English, with machine help if any, reviewed by the role or team the
site settings name (never a person), with a link to the English original."""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from wagtail.models import Page
from wagtail.signals import workflow_approved
from wagtail_localize.models import StringTranslation

from localization.models import TranslationProvenance
from localization.outdated import on_row_changed


def on_string_translated(sender, instance, **kwargs):
    """A string written by a machine translator marks the page it belongs to."""
    if instance.translation_type != instance.TRANSLATION_TYPE_MACHINE:
        return
    pages = Page.objects.filter(
        translation_key=instance.context.object_id, locale_id=instance.locale_id
    ).values_list("pk", flat=True)
    for page_id in pages:
        TranslationProvenance.objects.update_or_create(
            page_id=page_id, defaults={"machine_assisted": True}
        )


def on_workflow_approved(sender, instance, user=None, **kwargs):
    """A review approved a translated page: who and which review."""
    page = instance.content_object
    if not isinstance(page, Page) or page.locale.language_code == settings.LANGUAGE_CODE:
        return
    TranslationProvenance.objects.update_or_create(
        page_id=page.pk,
        defaults={"reviewed_by": user, "reviewed_at": timezone.now(), "workflow_state": instance},
    )


def connect():
    post_save.connect(on_string_translated, sender=StringTranslation, dispatch_uid="provenance")
    workflow_approved.connect(on_workflow_approved, dispatch_uid="provenance-approved")
    post_save.connect(on_row_changed, sender=TranslationProvenance, dispatch_uid="prov-save")
    post_delete.connect(on_row_changed, sender=TranslationProvenance, dispatch_uid="prov-del")
