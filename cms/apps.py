import logging

from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Site-wide"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from cms.caching.page_cache import connect_invalidation
        from cms.editorial import roles
        from cms.images import renditions

        connect_invalidation()
        roles.connect_signals()  # new clinics, languages and condition indexes get their roles
        renditions.connect()
        page_published.connect(_sync_facts_on_publish, dispatch_uid="cms-sync-facts")


def _sync_facts_on_publish(sender, instance, **kwargs):
    """Publishing a source-language page carries its facts to every translation."""
    from django.conf import settings
    from django.db import transaction

    from cms.i18n.translations import sync_facts_to_translations

    if instance.locale.language_code != settings.LANGUAGE_CODE:
        return
    if not instance.get_translations().exists():
        return
    try:
        with transaction.atomic():  # a failure rolls back the copies only
            sync_facts_to_translations(instance)
    except Exception:  # the English page is published; never undo that for the copies
        logging.getLogger(__name__).exception(
            "Could not carry the facts of page %s to its translations", instance.pk
        )
