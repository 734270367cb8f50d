"""Site-wide models every app uses: the editable site settings and the clinician
snippet shared by condition pages (medical reviewer) and clinics (team lists)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from cms.i18n import taglines
from cms.security.enrolment import EnrolmentCode  # noqa: F401 - a model of this app

# Who the patient is told reviewed a translated page: a role or a team, never a person.
TRANSLATION_REVIEWERS = [
    ("clinical_reviewers", _("our clinical reviewers")),
    ("translation_team", _("our translation team")),
    ("physical_therapist", _("a licensed physical therapist")),
]


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    brand_name = models.CharField(max_length=120, default="Clinic")
    main_phone = models.CharField(
        max_length=32, blank=True, help_text="Shown in the header as a click-to-call link."
    )
    facebook_url = models.URLField(blank=True)
    instagram_url = models.URLField(blank=True)
    linkedin_url = models.URLField(blank=True)
    default_sharing_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Used in link previews when a page has no image of its own.",
    )
    readability_target_grade = models.PositiveSmallIntegerField(
        default=8,
        validators=[MinValueValidator(1), MaxValueValidator(18)],
        help_text=(
            "US school grade patient pages should read at or below (NIH advises 8, the "
            "AMA 6). Editors see each page's grade; pages above it are listed in "
            "Reports › Reading grade. Publishing is never blocked."
        ),
    )
    condition_review_months = models.PositiveSmallIntegerField(
        "review interval of condition pages (months)",
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=(
            "A condition page's next medical review is due this many months after its "
            "last one, unless the reviewer sets the date on the page. Overdue pages are "
            "listed on the dashboard and marked in the page listing; patients see the "
            "dates and the page as always."
        ),
    )
    notice_languages = models.CharField(
        "language-assistance notice languages",
        max_length=300,
        default=taglines.NEW_YORK,
        validators=[taglines.validate_notice_languages],
        help_text=(
            "Comma-separated language codes: the one-line notices of free language help "
            "on the language-assistance page (Section 1557: at least the state's 15 most "
            "common languages besides English, which is always shown). Default: New "
            "York's list, see docs/languages.md."
        ),
    )

    translation_reviewer = models.CharField(
        "translations reviewed by",
        max_length=40,
        choices=TRANSLATION_REVIEWERS,
        default="clinical_reviewers",
        help_text=(
            'Named to patients on each translated page a review approved ("translated '
            'from English and reviewed by …", in their language, with a link to the '
            "English original)."
        ),
    )

    panels = [
        FieldPanel("brand_name"),
        FieldPanel("main_phone"),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("instagram_url"), FieldPanel("linkedin_url")],
            heading="Social links",
        ),
        FieldPanel("default_sharing_image"),
        FieldPanel("readability_target_grade"),
        FieldPanel("condition_review_months"),
        FieldPanel("notice_languages"),
        FieldPanel("translation_reviewer"),
    ]

    class Meta:
        verbose_name = "Site settings"


@register_snippet
class Clinician(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(max_length=120)
    credentials = models.CharField(
        max_length=80, blank=True, help_text='For example "PT, DPT, OCS".'
    )
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    languages = models.CharField(
        max_length=200, blank=True, help_text="Languages spoken, comma-separated."
    )
    bio = RichTextField(blank=True, features=["bold", "italic", "link"])

    panels = [
        FieldPanel("name"),
        FieldPanel("credentials"),
        FieldPanel("photo"),
        FieldPanel("languages"),
        FieldPanel("bio"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name
