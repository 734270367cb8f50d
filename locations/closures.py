"""Why a clinic is closed or keeps special hours on a date ("Thanksgiving", "Closed
for staff training"): a translatable list of reasons. A dated exception points at the
English reason (the rows are facts synchronized to every translation); each page shows
the reason in its own language, fetched with the rows (an English clinic shown to a
reader of another language before it is translated: in the reader's language)."""

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
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
        """Each row with `reason_name` and `reason_language`: its reason in the language
        of the row's page, or for an English page in the language being read (the
        fallback of a clinic not translated yet), else the English reason; in the same
        query."""
        reasons = ClosureReason.objects.filter(translation_key=OuterRef("reason__translation_key"))
        in_page_language = reasons.filter(locale_id=OuterRef("page__locale_id")).exclude(
            locale__language_code=settings.LANGUAGE_CODE
        )
        in_reader_language = reasons.filter(
            locale__language_code=get_language() or settings.LANGUAGE_CODE
        )

        def first(column, otherwise):
            return Coalesce(
                Subquery(in_page_language.values(column)[:1]),
                Subquery(in_reader_language.values(column)[:1]),
                otherwise,
            )

        return self.annotate(
            reason_name=first("name", "reason__name"),
            reason_language=first("locale__language_code", Value(settings.LANGUAGE_CODE)),
        )


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


def reason_language(row):
    """The language code of `reason_label(row)`."""
    if row.reason_id is None:
        return settings.LANGUAGE_CODE
    code = getattr(row, "reason_language", None)
    if code is None:
        code = row.reason.localized.locale.language_code
    return code
