"""Lay terms: the words patients type for what our pages call otherwise, per language."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin


class LayTerm(TranslatableMixin, models.Model):
    """ "crick in the neck" → "neck spasms": a search for the patient's words also
    looks for the page's words (and, both ways, the other way round). Applied to
    queries in the row's language only; marketing edits them under Snippets."""

    patient_words = models.CharField(
        max_length=120, help_text="What patients type, e.g. “crick in the neck” or “sciatica”."
    )
    page_words = models.CharField(
        max_length=120,
        help_text="The words our pages use, e.g. “neck spasms” or “pinched nerve in the back”.",
    )
    both_ways = models.BooleanField(
        default=False,
        help_text="Also look for the patient's words when someone types the page words.",
    )

    panels = [FieldPanel("patient_words"), FieldPanel("page_words"), FieldPanel("both_ways")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["patient_words"]
        verbose_name = "lay term"
        verbose_name_plural = "lay terms"

    def __str__(self):
        arrow = "\u2194" if self.both_ways else "\u2192"
        return f"{self.patient_words} {arrow} {self.page_words}"
