"""Clinics: the location index (with the ZIP finder), location pages with their
hours, transit, team and insurance. What the pages show beside their own fields is
worked out in the modules named for it (hours, finder, clinic_page, locator, jsonld); appointment
requests live in locations/appointments/. Nothing those import comes back here.

locations depends on conditions (a clinic lists the conditions it treats), never the
reverse: condition pages get their clinics through the hook conditions defines
(conditions.models.CLINICS_HOOK, registered in locations/wagtail_hooks.py)."""

from datetime import time, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms import phone
from cms.blocks import BaseStreamBlock
from cms.caching.dependencies import TREE, page_tag
from cms.caching.page_cache import cached_data
from cms.caching.routing import public
from cms.editorial.concurrent_edits import EditorialPageForm
from cms.i18n.in_locale import in_locale
from cms.references import ReferencesIndexedOnce
from cms.seo.jsonld import breadcrumb_list
from locations import api, clinic_page, geo, hours
from locations.appointments.models import AppointmentRequest
from locations.appointments.routes import AppointmentRoutes
from locations.clinic_lists import (
    Insurance,
    LocationCondition,
    LocationInsurance,
    LocationPhoto,
    LocationTeamMember,
    SubwayStation,
)
from locations.closures import (
    ClosureReason,
    HoursExceptionManager,
    reason_label,
    reason_language,
    source_language_reasons,
)
from locations.finder import finder_context
from locations.hours import WEEKDAYS
from text_analysis.fields import analysed

# Models defined beside this module, registered with this app (label, tables) by
# being imported here; import them from here.
__all__ = [
    "AppointmentRequest",
    "HoursException",
    "Insurance",
    "LocationCondition",
    "LocationIndexPage",
    "LocationInsurance",
    "LocationPage",
    "LocationPhoto",
    "LocationTeamMember",
    "OpeningHours",
    "SubwayStation",
]


class LocationIndexPage(Page):
    intro = models.TextField(blank=True)

    base_form_class = EditorialPageForm  # refuses saving over a colleague's newer draft
    content_panels = Page.content_panels + [FieldPanel("intro")]
    # The meta description when the page has none of its own (cms/seo/descriptions.py).
    meta_description_default = _(
        "Our physical therapy clinics across New York City: addresses, opening hours, "
        "subway directions, languages spoken and insurance. Find the one nearest you."
    )
    parent_page_types = ["home.HomePage"]
    subpage_types = ["locations.LocationPage"]
    max_count_per_parent = 1

    def clinics(self):
        clinics = LocationPage.objects.child_of(self).live()
        for hook in hooks.get_hooks("untranslated_children"):  # localization/fallback.py
            clinics = hook(self, clinics)
        return (
            public(clinics)
            .order_by("title")
            .prefetch_related("opening_hours", upcoming_exceptions_prefetch())
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(finder_context(request, self))
        return context


def upcoming_exceptions_prefetch(days=60):
    today = timezone.localdate()
    return Prefetch(
        "hours_exceptions",
        queryset=HoursException.objects.filter(
            date__gte=today - timedelta(days=1), date__lte=today + timedelta(days=days)
        ),
        to_attr="upcoming_exception_rows",
    )


class LocationPage(ReferencesIndexedOnce, AppointmentRoutes, Page):
    neighborhood = models.CharField(max_length=80, help_text='For example "Midtown".')
    borough = models.CharField(max_length=20, choices=geo.BOROUGHS)
    intro = models.TextField(blank=True, help_text="One or two sentences about the clinic.")
    street_address = models.CharField(max_length=200, help_text='"350 West 38th Street"')
    address_line_2 = models.CharField(
        "suite or floor", max_length=80, blank=True, help_text='For example "Suite 1200".'
    )
    postal_code = models.CharField(
        "ZIP code",
        max_length=5,
        validators=[RegexValidator(r"^\d{5}$", _("Enter a five-digit ZIP code."))],
    )
    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        validators=[geo.validate_latitude],
        help_text="Decimal degrees, for example 40.755512 (right-click the spot in a map app).",
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        validators=[geo.validate_longitude],
        help_text="Decimal degrees, negative in New York, for example -73.993952.",
    )
    phone = models.CharField(
        max_length=32,
        validators=[phone.validate_phone],
        help_text="Any US format; saved as +12125550101 and shown as (212) 555-0101.",
    )
    email = models.EmailField(
        blank=True, help_text="The clinic's inbox; appointment-request notices go here."
    )
    accepting_new_patients = models.BooleanField(default=True)
    buses = models.CharField(max_length=200, blank=True, help_text='For example "M34-SBS, M11".')
    parking = models.TextField(blank=True)
    step_free_entrance = models.BooleanField(default=False)
    elevator = models.BooleanField(default=False)
    accessible_restroom = models.BooleanField(default=False)
    accessibility_notes = models.TextField(blank=True)
    languages = models.CharField(
        "languages spoken",
        max_length=250,
        blank=True,
        help_text='Comma-separated, for example "English, Spanish, Mandarin".',
    )
    body = StreamField(BaseStreamBlock(), blank=True)

    base_form_class = EditorialPageForm  # refuses saving over a colleague's newer draft
    meta_description_default = _(
        "Physical therapy at our %(title)s clinic: address, opening hours, directions, "
        "languages spoken and insurance. Request an appointment online."
    )
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("neighborhood"),
                FieldPanel("borough"),
                FieldPanel("intro"),
                FieldPanel("accepting_new_patients"),
            ],
            heading="Clinic",
        ),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("address_line_2"),
                FieldPanel("postal_code"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading="Address and map position",
        ),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading="Contact"),
        InlinePanel(
            "opening_hours",
            heading="Weekly hours",
            label="Opening interval",
            help_text="Add one row per interval; several rows on one day for a lunch break. "
            "Days without rows are closed.",
        ),
        InlinePanel(
            "hours_exceptions",
            heading="Holiday closures and special hours",
            label="Exception",
            help_text="A dated row replaces that day's weekly hours. Rows are put in date "
            "order when you save; past dates are archived (kept in the page's history).",
        ),
        MultiFieldPanel(
            [InlinePanel("subway_stations", label="Subway station"), FieldPanel("buses")],
            heading="Transit",
        ),
        FieldPanel("parking"),
        MultiFieldPanel(
            [
                FieldPanel("step_free_entrance"),
                FieldPanel("elevator"),
                FieldPanel("accessible_restroom"),
                FieldPanel("accessibility_notes"),
            ],
            heading="Accessibility",
        ),
        FieldPanel("languages"),
        InlinePanel("insurance_plans", heading="Insurance accepted", label="Insurance plan"),
        InlinePanel("treated_conditions", heading="Conditions treated", label="Condition"),
        InlinePanel("team_members", heading="Team", label="Team member"),
        InlinePanel("photos", heading="Photos", label="Photo"),
        FieldPanel("body"),
    ]
    search_fields = analysed(
        Page.search_fields
        + [
            index.SearchField("neighborhood", boost=2),
            index.SearchField("borough_name"),
            index.SearchField("street_address"),
            index.SearchField("postal_code"),
            index.SearchField("subway_text"),
            index.SearchField("languages"),
            index.SearchField("intro"),
            index.FilterField("borough"),
        ]
    )
    api_fields = api.API_FIELDS  # /api/v2/pages/?type=locations.LocationPage
    parent_page_types = ["locations.LocationIndexPage"]
    subpage_types = []

    # Translators localize the prose; facts that must match in every language stay
    # synchronized with the English page (wagtail-localize).
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("neighborhood"),
        TranslatableField("intro"),
        TranslatableField("parking"),
        TranslatableField("accessibility_notes"),
        TranslatableField("languages"),
        TranslatableField("body"),
        SynchronizedField("borough"),
        SynchronizedField("street_address"),
        SynchronizedField("address_line_2"),
        SynchronizedField("postal_code"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
        SynchronizedField("accepting_new_patients"),
        SynchronizedField("buses"),
        SynchronizedField("step_free_entrance"),
        SynchronizedField("elevator"),
        SynchronizedField("accessible_restroom"),
        SynchronizedField("opening_hours"),
        SynchronizedField("hours_exceptions"),
        SynchronizedField("subway_stations"),
        SynchronizedField("insurance_plans"),
        SynchronizedField("treated_conditions"),
        SynchronizedField("team_members"),
        SynchronizedField("photos"),
    ]

    class Meta:
        verbose_name = _("location page")

    def clean(self):
        super().clean()
        normalized = phone.normalize_phone(self.phone)
        if normalized:
            self.phone = normalized
        if self.postal_code and self.borough:
            zip_borough = geo.nyc_zip_borough(self.postal_code)
            if zip_borough is None:
                raise ValidationError({"postal_code": _("That is not a New York City ZIP code.")})
            if zip_borough != self.borough:
                raise ValidationError(
                    {"postal_code": _("That ZIP code is not in the borough chosen above.")}
                )

    def save_revision(self, *args, **kwargs):
        self.tidy_hours_exceptions()
        return super().save_revision(*args, **kwargs)

    def tidy_hours_exceptions(self, today=None):
        """Dated exceptions in date order, past ones dropped (the page's revision history
        keeps them), so the editor's list stays short and reads like a calendar. Runs on
        every save and daily (manage.py archive_past_hours_exceptions). Returns how many
        past rows were dropped."""
        today = today or timezone.localdate()
        rows = sorted(
            self.hours_exceptions.all(), key=lambda row: (row.date, row.opens or time.min)
        )
        kept = [row for row in rows if row.date >= today]
        for position, row in enumerate(kept):
            row.sort_order = position
        self.hours_exceptions = kept
        return len(rows) - len(kept)

    # -- what templates use -----------------------------------------------------

    @property
    def phone_display(self):
        return phone.format_phone(self.phone)

    @property
    def languages_list(self):
        return [item.strip() for item in self.languages.split(",") if item.strip()]

    @property
    def locality(self):
        """The postal town: Queens addresses use the neighborhood."""
        return {
            "manhattan": "New York",
            "brooklyn": "Brooklyn",
            "bronx": "Bronx",
            "staten-island": "Staten Island",
        }.get(self.borough, self.neighborhood)

    @property
    def full_address(self):
        line = self.street_address
        if self.address_line_2:
            line = f"{line}, {self.address_line_2}"
        return f"{line}, {self.locality}, NY {self.postal_code}"

    @property
    def coordinates(self):
        return (self.latitude, self.longitude)

    # -- search index and hours ------------------------------------------------------

    @property
    def borough_name(self):
        """The borough's name in the page's language (for the search index)."""
        with translation.override(self.locale.language_code if self.locale_id else None):
            return str(dict(geo.BOROUGHS).get(self.borough, self.borough))

    @property
    def subway_text(self):
        """Stations and their routes, e.g. "34 St-Penn Station A C E" (for the search index)."""
        return " ".join(f"{row.station} {row.routes}" for row in self.subway_stations.all())

    @cached_property
    def schedule(self):
        exceptions = getattr(self, "upcoming_exception_rows", None)
        if exceptions is None:
            exceptions = self.hours_exceptions.all()
        return hours.Schedule.from_rows(self.opening_hours.all(), exceptions)

    def status(self, now=None):
        return self.schedule.status(now)

    @property
    def directions_url(self):
        """A maps link the patient clicks; nothing is fetched before that."""
        return (
            "https://www.openstreetmap.org/directions?route=%3B"
            f"{self.latitude}%2C{self.longitude}#map=17/{self.latitude}/{self.longitude}"
        )

    @property
    def geo_uri(self):
        return f"geo:{self.latitude},{self.longitude}?q={self.latitude},{self.longitude}"

    # Links are synchronized, so a translated clinic still points at the English
    # conditions, plans and clinicians: each is shown in the page's language.

    def conditions_treated(self):
        conditions = [row.condition for row in self.treated_conditions.all()]
        return in_locale([condition for condition in conditions if condition.live], self.locale_id)

    def insurance_list(self):
        return in_locale([row.insurance for row in self.insurance_plans.all()], self.locale_id)

    def team(self):
        return in_locale([row.clinician for row in self.team_members.all()], self.locale_id)

    def prefetch_for_render(self):
        """Everything the clinic's page shows beside its own fields: hours, exceptions,
        transit, photos, insurance, conditions and team (with the images' renditions).
        Eight queries, kept in the data cache for the content generation so a warm page
        needs none (never in a preview, whose rows live on the page object)."""
        if getattr(self, "_prefetched_for_render", False):
            return
        if not self.pk or getattr(self, "_cluster_related_objects", None):
            self._prefetch_rows()
        else:

            def load():
                self._prefetch_rows()
                return self._prefetched_objects_cache

            # Its rows, and the names of the conditions and team it shows (the tree, snippets).
            tags = (TREE, page_tag(self.translation_key))
            # Per language: the closure reasons are fetched in the language being read.
            key = f"location-rows:{self.pk}:{translation.get_language() or ''}"
            rows = cached_data(None, key, load, depends_on=tags)
            self._prefetched_objects_cache = {
                **rows,
                **getattr(self, "_prefetched_objects_cache", {}),
            }
        self._prefetched_for_render = True

    def _prefetch_rows(self):
        prefetch_related_objects(
            [self],
            "opening_hours",
            "hours_exceptions",
            "subway_stations",
            Prefetch("photos", LocationPhoto.objects.select_related("image")),
            Prefetch("insurance_plans", LocationInsurance.objects.select_related("insurance")),
            Prefetch("treated_conditions", LocationCondition.objects.select_related("condition")),
            Prefetch("team_members", LocationTeamMember.objects.select_related("clinician__photo")),
        )
        # The photos' and the team's renditions in one query, not one each.
        images = [photo.image for photo in self.photos.all() if photo.image is not None]
        images += [
            member.clinician.photo
            for member in self.team_members.all()
            if member.clinician.photo is not None
        ]
        prefetch_related_objects(images, "renditions")

    def get_context(self, request, *args, **kwargs):
        """The page's HTML is kept per day (locations/clinic_page.py); a request works
        out the "open now" sentence and the links to the conditions it treats."""
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        kept_in = clinic_page.kept(self, request, now.astimezone(hours.NEW_YORK).date())
        schedule, conditions = clinic_page.request_facts(self, request, kept_in)
        context.update(
            kept=kept_in,
            status_text=hours.status_text(schedule.status(now)),
            conditions_treated=conditions,
            details=clinic_page.ClinicDetails(self, request, now, schedule),
            breadcrumbs_json_ld=breadcrumb_list(self, request),
        )
        return context


class OpeningHours(Orderable):
    page = ParentalKey(LocationPage, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(choices=WEEKDAYS)
    opens = models.TimeField(help_text="New York time, e.g. 08:00")
    closes = models.TimeField(help_text="e.g. 19:00")

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        ordering = ["weekday", "opens"]
        verbose_name = _("opening interval")

    def clean(self):
        if self.opens is not None and self.closes is not None and self.opens >= self.closes:
            raise ValidationError({"closes": _("Closing time must be after opening time.")})


class HoursException(Orderable):
    page = ParentalKey(LocationPage, on_delete=models.CASCADE, related_name="hours_exceptions")
    date = models.DateField()
    reason = models.ForeignKey(
        ClosureReason,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to=source_language_reasons,
        help_text="Shown in each page's language (translators translate the reasons).",
    )
    label = models.CharField(
        "note",
        max_length=80,
        blank=True,
        help_text="Only for a one-off with no reason in the list; shown in English "
        "in every language.",
    )
    closed = models.BooleanField("closed all day", default=True)
    opens = models.TimeField(null=True, blank=True, help_text="Special hours, if open.")
    closes = models.TimeField(null=True, blank=True)

    objects = HoursExceptionManager()

    panels = [
        # A short list, picked from a menu (the rows of an English page point at the
        # English reasons; each page shows them in its own language).
        FieldRowPanel(
            [FieldPanel("date"), FieldPanel("reason", widget=forms.Select), FieldPanel("label")]
        ),
        FieldRowPanel([FieldPanel("closed"), FieldPanel("opens"), FieldPanel("closes")]),
    ]

    class Meta(Orderable.Meta):
        ordering = ["date", "opens"]
        verbose_name = _("hours exception")

    @property
    def display_label(self):
        return reason_label(self)

    @property
    def display_language(self):
        return reason_language(self)

    def clean(self):
        if self.reason_id is None and not self.label.strip():
            raise ValidationError({"reason": _("Choose a reason, or write a note.")})
        if self.closed:
            self.opens = self.closes = None
            return
        if self.opens is None or self.closes is None:
            raise ValidationError(
                _('Give the special opening and closing times, or tick "closed all day".')
            )
        if self.opens >= self.closes:
            raise ValidationError({"closes": _("Closing time must be after opening time.")})
