from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class OutdatedTranslation(models.Model):
    """A live or draft translation whose source page has published translatable text
    that no translator has brought into this translation yet.

    One row per translated page; it is created (or extended) when the source page is
    published with changed text, and removed when the translation catches up (the
    translator syncs and the translation is published). Facts-only publishes never
    create a row: synchronized fields reach translations by themselves."""

    page = models.OneToOneField(Page, on_delete=models.CASCADE, related_name="outdated_translation")
    since = models.DateTimeField(
        help_text=_("When the source first published text this translation lacks.")
    )
    changed_strings = models.JSONField(
        default=list,
        blank=True,
        help_text=_("Source strings that are new or changed since the translation."),
    )

    class Meta:
        verbose_name = _("outdated translation")
        verbose_name_plural = _("outdated translations")

    def __str__(self):
        return f"{self.page} outdated since {self.since:%Y-%m-%d}"
