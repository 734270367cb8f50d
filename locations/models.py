"""Clinics: the location index (with the ZIP finder), location pages with their
hours, transit, team and insurance, and the appointment requests patients send."""

from datetime import time, timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import BaseStreamBlock
from locations import geo, hours, phone, subway
from locations.closures import (
    ClosureReason,
    HoursExceptionManager,
    reason_label,
    source_language_reasons,
)
from search.analysis.fields import analysed

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]
SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@register_snippet
class Insurance(TranslatableMixin, index.Indexed, models.Model):
    """An insurance plan or payer; one shared list that every clinic picks from."""

    name = models.CharField(max_length=120)
    note = models.CharField(
        max_length=200, blank=True, help_text='Optional, for example "Referral required".'
    )

    panels = [FieldPanel("name"), FieldPanel("note")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("insurance plan")
        verbose_name_plural = _("insurance plans")

    def __str__(self):
        return self.name


class LocationIndexPage(Page):
    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["locations.LocationPage"]
    max_count_per_parent = 1

    def clinics(self):
        from cms.routing import public

        return (
            public(LocationPage.objects.child_of(self).live())
            .order_by("title")
            .prefetch_related("opening_hours", upcoming_exceptions_prefetch())
        )

    def get_context(self, request, *args, **kwargs):
        from locations.views import finder_context

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


class LocationPage(RoutablePageMixin, Page):
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
    # The read-only API (/api/v2/pages/?type=locations.LocationPage&fields=*).
    api_fields = [
        APIField("neighborhood"),
        APIField("borough"),
        APIField("address", serializer=serializers.DictField(source="api_address")),
        APIField("coordinates", serializer=serializers.DictField(source="api_coordinates")),
        APIField("phone"),
        APIField("email"),
        APIField("hours", serializer=serializers.DictField(source="api_hours")),
        APIField("languages", serializer=serializers.ListField(source="languages_list")),
        APIField("accepting_new_patients"),
    ]
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

    # -- routes ---------------------------------------------------------------

    @path("appointment/")
    def appointment(self, request):
        from locations.views import appointment_view

        return appointment_view(request, self)

    @path("appointment/thanks/")
    def appointment_thanks(self, request):
        from locations.views import appointment_thanks_view

        return appointment_thanks_view(request, self)

    def appointment_url(self, condition=None):
        """Where a patient requests an appointment at this clinic, optionally with a
        condition page preselected as the reason."""
        url = self.url + "appointment/"
        return f"{url}?condition={condition.pk}" if condition is not None else url

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

    # -- search index and API ------------------------------------------------------

    @property
    def borough_name(self):
        """The borough's name in the page's language (for the search index)."""
        from django.utils import translation

        with translation.override(self.locale.language_code if self.locale_id else None):
            return str(dict(geo.BOROUGHS).get(self.borough, self.borough))

    @property
    def subway_text(self):
        """Stations and their routes, e.g. "34 St-Penn Station A C E" (for the search index)."""
        return " ".join(f"{row.station} {row.routes}" for row in self.subway_stations.all())

    @property
    def api_address(self):
        return {
            "street_address": self.street_address,
            "address_line_2": self.address_line_2,
            "locality": self.locality,
            "region": "NY",
            "postal_code": self.postal_code,
            "country": "US",
            "formatted": self.full_address,
        }

    @property
    def api_coordinates(self):
        return {"latitude": float(self.latitude), "longitude": float(self.longitude)}

    @property
    def api_hours(self):
        """Weekly hours by weekday (0 = Monday) and dated exceptions for the next 60 days,
        as 24-hour New York times."""
        data = self.schedule.as_data()
        today = timezone.localdate().isoformat()
        return {
            "timezone": settings.TIME_ZONE,
            "weekly": [
                {
                    "weekday": day,
                    "day": SCHEMA_DAYS[day],
                    "intervals": data["weekly"].get(str(day), []),
                }
                for day in range(7)
            ],
            "exceptions": [
                {"date": date, "label": item["label"], "intervals": item["intervals"]}
                for date, item in data["exceptions"].items()
                if date >= today
            ],
        }

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

    def localized_related(self, objects):
        """Translatable snippets or pages linked from this page, in this page's
        language where a translation exists (links are synchronized, so a translated
        page still points at the English objects)."""
        objects = list(objects)
        foreign = [obj for obj in objects if obj.locale_id != self.locale_id]
        if not foreign:
            return objects
        model = type(foreign[0])
        translations = model.objects.filter(
            translation_key__in=[obj.translation_key for obj in foreign], locale_id=self.locale_id
        )
        if hasattr(model, "live"):
            translations = translations.filter(live=True)
        by_key = {obj.translation_key: obj for obj in translations}
        return [by_key.get(obj.translation_key, obj) for obj in objects]

    def conditions_treated(self):
        rows = [row for row in self.treated_conditions.all() if row.condition.live]
        return self.localized_related(row.condition for row in rows)

    def insurance_list(self):
        return self.localized_related(row.insurance for row in self.insurance_plans.all())

    def team(self):
        return self.localized_related(row.clinician for row in self.team_members.all())

    def prefetch_for_render(self):
        """Everything the clinic's page shows beside its own fields: hours, exceptions,
        transit, photos, insurance, conditions and team (with the images' renditions).
        Nine queries, kept in the data cache for the content generation so a warm page
        needs none (never in a preview, whose rows live on the page object)."""
        if getattr(self, "_prefetched_for_render", False):
            return
        if not self.pk or getattr(self, "_cluster_related_objects", None):
            self._prefetch_rows()
        else:
            from cms.page_cache import cached_data

            def load():
                self._prefetch_rows()
                return self._prefetched_objects_cache

            rows = cached_data(None, f"location-rows:{self.pk}", load)
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
            "photos__image__renditions",
            Prefetch("insurance_plans", LocationInsurance.objects.select_related("insurance")),
            Prefetch("treated_conditions", LocationCondition.objects.select_related("condition")),
            Prefetch("team_members", LocationTeamMember.objects.select_related("clinician__photo")),
            "team_members__clinician__photo__renditions",
        )

    def get_context(self, request, *args, **kwargs):
        from locations.views import location_context

        context = super().get_context(request, *args, **kwargs)
        context.update(location_context(request, self))
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


class SubwayStation(Orderable):
    page = ParentalKey(LocationPage, on_delete=models.CASCADE, related_name="subway_stations")
    station = models.CharField(max_length=80, help_text='For example "34 St-Penn Station".')
    routes = models.CharField(max_length=60, help_text='Route letters and numbers, e.g. "A C E".')
    walk_minutes = models.PositiveSmallIntegerField(null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("station"), FieldPanel("routes"), FieldPanel("walk_minutes")])
    ]

    def clean(self):
        self.routes = " ".join(subway.parse_routes(self.routes))
        unknown = subway.unknown_routes(self.routes)
        if unknown:
            raise ValidationError(
                {
                    "routes": _("Unknown subway route: %(routes)s. Known: %(known)s.")
                    % {"routes": ", ".join(unknown), "known": " ".join(subway.ROUTES)}
                }
            )

    @property
    def bullets(self):
        return subway.bullets(self.routes)


class LocationInsurance(Orderable):
    page = ParentalKey(LocationPage, on_delete=models.CASCADE, related_name="insurance_plans")
    insurance = models.ForeignKey(Insurance, on_delete=models.CASCADE, related_name="+")
    panels = [FieldPanel("insurance")]


class LocationCondition(Orderable):
    page = ParentalKey(LocationPage, on_delete=models.CASCADE, related_name="treated_conditions")
    condition = models.ForeignKey(
        "conditions.ConditionPage", on_delete=models.CASCADE, related_name="+"
    )
    panels = [FieldPanel("condition")]


class LocationTeamMember(Orderable):
    page = ParentalKey(LocationPage, on_delete=models.CASCADE, related_name="team_members")
    clinician = models.ForeignKey("cms.Clinician", on_delete=models.CASCADE, related_name="+")
    panels = [FieldPanel("clinician")]


class LocationPhoto(Orderable):
    page = ParentalKey(LocationPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")
    alt_text = models.CharField(
        max_length=200, help_text="What the photo shows, for people who cannot see it."
    )
    caption = models.CharField(max_length=200, blank=True)
    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]


def clinics_treating(condition):
    """Live clinics in the condition page's language that treat it; every clinic
    until clinics say which conditions they treat, or when none lists this one (so a
    condition page's "Our Locations" is never empty). A clinic may list the condition
    in any language: a page and its translations share a translation_key."""
    from cms.page_cache import cached_data
    from cms.routing import public

    clinics = public(LocationPage.objects.live()).filter(locale_id=condition.locale_id)
    clinics_list_conditions = cached_data(
        None,
        "clinics-list-conditions",
        lambda: LocationCondition.objects.filter(page__live=True).exists(),
    )
    fields = ["id", "title", "street_address", "phone", "url_path", "path", "depth", "locale_id"]
    clinics = clinics.order_by("title").only(*fields)
    if clinics_list_conditions:
        # One query when some clinic treats it; a second only for the fallback.
        treating = list(
            clinics.filter(
                treated_conditions__condition__translation_key=condition.translation_key
            ).distinct()
        )
        if treating:
            return treating
    return clinics


class AppointmentRequest(models.Model):
    """A patient's request for an appointment. Saved before anything else happens;
    visible only to the clinic's staff and administrators (see permissions.py)."""

    class ContactMethod(models.TextChoices):
        PHONE = "phone", _("Phone call")
        TEXT = "text", _("Text message")
        EMAIL = "email", _("Email")

    class PatientStatus(models.TextChoices):
        NEW = "new", _("New patient")
        RETURNING = "returning", _("Returning patient")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        CONTACTED = "contacted", _("Contacted")
        SCHEDULED = "scheduled", _("Scheduled")
        CLOSED = "closed", _("Closed")

    location = models.ForeignKey(
        LocationPage,
        null=True,
        on_delete=models.SET_NULL,
        related_name="appointment_requests",
    )
    clinic_name = models.CharField(max_length=255)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    name = models.CharField(max_length=120)
    phone = models.CharField(max_length=16)
    email = models.EmailField(blank=True)
    contact_method = models.CharField(max_length=10, choices=ContactMethod.choices)
    preferred_times = models.CharField(max_length=120, blank=True)
    condition = models.ForeignKey(
        "conditions.ConditionPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason_other = models.CharField("other reason", max_length=300, blank=True)
    insurance = models.ForeignKey(
        Insurance, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    insurance_other = models.CharField(max_length=120, blank=True)
    patient_status = models.CharField(max_length=10, choices=PatientStatus.choices)
    consent_at = models.DateTimeField()
    language = models.CharField(max_length=12, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    staff_notes = models.TextField(blank=True)
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("appointment request")
        verbose_name_plural = _("appointment requests")

    def __str__(self):
        return f"{self.clinic_name}: {self.name} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def phone_display(self):
        return phone.format_phone(self.phone)

    @property
    def reason(self):
        return self.condition.title if self.condition_id else self.reason_other

    @property
    def insurance_display(self):
        return self.insurance.name if self.insurance_id else self.insurance_other

    def get_admin_url(self):
        from django.urls import reverse

        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "appointment_requests:inspect", args=[self.pk]
        )
