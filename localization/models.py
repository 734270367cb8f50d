from django.conf import settings
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


class TranslationProvenance(models.Model):
    """Where a translated page's text came from and who approved it (MedlinePlus asks
    multilingual health content to say so; Section 1557, 45 CFR 92.201(c)(3), asks a
    human to review machine translation). Kept by localization/provenance.py."""

    page = models.OneToOneField(Page, on_delete=models.CASCADE, related_name="provenance")
    machine_assisted = models.BooleanField(
        _("machine assisted"),
        default=False,
        help_text=_("Some of its text came from a machine translator."),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    workflow_state = models.ForeignKey(
        "wagtailcore.WorkflowState",
        verbose_name=_("review"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("translation provenance")
        verbose_name_plural = _("translation provenance")

    def __str__(self):
        return f"{self.page} translation provenance"
