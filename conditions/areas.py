"""The body areas condition pages are grouped by: a translatable snippet of its own
module, so the listing (conditions/listing.py) can read it without importing the page
models, which import the listing. Registered with the app through conditions/models.py."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField


@register_snippet
class BodyArea(TranslatableMixin, models.Model):
    """A part of the body condition pages are grouped by (neck, lower back, knee, ...)."""

    name = models.CharField(max_length=80)
    slug = models.SlugField(
        max_length=80,
        allow_unicode=False,
        help_text="Used in links such as /conditions/?area=neck; the same in every language.",
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text="Areas are listed from lowest to highest (head to foot)."
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    override_translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("locale", "slug")]
        verbose_name = "body area"

    def __str__(self):
        return self.name
