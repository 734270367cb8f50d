"""What editors list on a clinic's page beside its hours: subway stations, insurance
plans (and the shared list of plans every clinic picks from), conditions treated,
team and photos. Rows of LocationPage (locations/models.py, which re-exports them)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from locations import subway

CLINIC = "locations.LocationPage"


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


class SubwayStation(Orderable):
    page = ParentalKey(
        "locations.LocationPage", on_delete=models.CASCADE, related_name="subway_stations"
    )
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
        return subway.parse_routes(self.routes)


class LocationInsurance(Orderable):
    page = ParentalKey(
        "locations.LocationPage", on_delete=models.CASCADE, related_name="insurance_plans"
    )
    insurance = models.ForeignKey(Insurance, on_delete=models.CASCADE, related_name="+")
    panels = [FieldPanel("insurance")]


class LocationCondition(Orderable):
    page = ParentalKey(
        "locations.LocationPage", on_delete=models.CASCADE, related_name="treated_conditions"
    )
    condition = models.ForeignKey(
        "conditions.ConditionPage", on_delete=models.CASCADE, related_name="+"
    )
    panels = [FieldPanel("condition")]


class LocationTeamMember(Orderable):
    page = ParentalKey(
        "locations.LocationPage", on_delete=models.CASCADE, related_name="team_members"
    )
    clinician = models.ForeignKey("cms.Clinician", on_delete=models.CASCADE, related_name="+")
    panels = [FieldPanel("clinician")]


class LocationPhoto(Orderable):
    page = ParentalKey(CLINIC, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")
    alt_text = models.CharField(
        max_length=200, help_text="What the photo shows, for people who cannot see it."
    )
    caption = models.CharField(max_length=200, blank=True)
    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]
