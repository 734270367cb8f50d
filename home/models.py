from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import BaseStreamBlock
from cms.editorial.concurrent_edits import EditorialPageForm


class HomePage(Page):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    body = StreamField(BaseStreamBlock(), blank=True)

    base_form_class = EditorialPageForm  # refuses saving over a colleague's newer draft
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    # The meta description when the page has none of its own (cms/seo/descriptions.py).
    meta_description_default = _(
        "Physical therapy and rehabilitation in clinics across New York City: find a "
        "clinic near you, read about the conditions we treat and request an appointment."
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "conditions.ConditionIndexPage",
        "locations.LocationIndexPage",
        "home.LanguageAssistancePage",
    ]

    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
        TranslatableField("body"),
    ]

    class Meta:
        verbose_name = "Home page"


class LanguageAssistancePage(Page):
    """Tells patients, in their own language, that free language help is available and
    how to get it. The phone number comes from the site settings."""

    intro = models.TextField(help_text="One or two sentences: free help in your language.")
    body = RichTextField(features=["bold", "italic", "ul", "ol", "link"])

    base_form_class = EditorialPageForm  # refuses saving over a colleague's newer draft
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    meta_description_default = _(
        "Free language help: an interpreter in your language, by phone or in person, "
        "at every clinic."
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
        TranslatableField("body"),
        SynchronizedField("show_in_menus"),
    ]

    class Meta:
        verbose_name = "Language assistance page"
