"""Why a clinic is closed or keeps special hours on a date ("Thanksgiving", "Closed
for staff training"): a translatable list of reasons. A dated exception points at the
English reason (the rows are facts synchronized to every translation); each page shows
the reason in its own language, fetched with the rows."""

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet


@register_snippet
class ClosureReason(TranslatableMixin, index.Indexed, models.Model):
    """A reason a manager picks for a dated exception; translators translate it in
    wagtail-localize like any snippet."""

    name = models.CharField(
        max_length=80, help_text='For example "Thanksgiving" or "Closed for staff training".'
    )

    panels = [FieldPanel("name")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("locale", "name")]
        verbose_name = _("closure reason")
        verbose_name_plural = _("closure reasons")

    def __str__(self):
        return self.name


def source_language_reasons():
    """The reasons a dated exception may point at: those in the source language (the
    rows are facts copied from the English page to its translations)."""
    return {"locale__language_code": settings.LANGUAGE_CODE}


class HoursExceptionQuerySet(models.QuerySet):
    def with_reason_names(self):
        """Each row with `reason_name`: its reason in the language of the row's page
        (the reason's translation there, else the reason itself), in the same query."""
        translated = ClosureReason.objects.filter(
            translation_key=OuterRef("reason__translation_key"),
            locale_id=OuterRef("page__locale_id"),
        ).values("name")[:1]
        return self.annotate(reason_name=Coalesce(Subquery(translated), "reason__name"))


class HoursExceptionManager(models.Manager.from_queryset(HoursExceptionQuerySet)):
    """Rows always come with their reason's name in their page's language, so every
    page, list and prefetch shows it without a query per row."""

    def get_queryset(self):
        return super().get_queryset().with_reason_names()


def reason_label(row):
    """What patients read for a dated exception: the reason in the page's language
    (fetched with the row), else the row's free-text note (written once, in English)."""
    if row.reason_id is None:
        return row.label
    name = getattr(row, "reason_name", None)
    if name is None:  # a row built in memory (a preview): look its reason up
        name = row.reason.localized.name
    return name
