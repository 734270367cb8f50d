"""What the locations app plugs into the core (cms), from LocationsConfig.ready()."""

from cms.api.endpoints import register_page_queryset
from cms.editorial import roles
from cms.images import renditions
from cms.seo import navigation
from locations.closures import ClosureReason
from locations.models import (
    Insurance,
    LocationIndexPage,
    LocationPage,
    upcoming_exceptions_prefetch,
)


def clinic_images(page):
    """The body's images, the photos (the first also for sharing and the clinic's
    structured data) and the team's portraits."""
    wanted = renditions.body_images(page)
    for position, photo in enumerate(page.photos.all().select_related("image")):
        specs = renditions.FIRST_CLINIC_PHOTO if position == 0 else renditions.CLINIC_PHOTO
        wanted.append((photo.image, specs))
    for member in page.team_members.all().select_related("clinician__photo"):
        if member.clinician.photo is not None:
            wanted.append((member.clinician.photo, renditions.PORTRAIT))
    return wanted


def clinic_api_queryset(pages):
    return pages.prefetch_related(
        "opening_hours", upcoming_exceptions_prefetch(), "subway_stations"
    )


def register():
    roles.register_role_pages(
        roles.CLINIC,
        LocationPage,
        manager_permissions=[
            "locations.view_appointmentrequest",
            "locations.change_appointmentrequest",
        ],
    )
    roles.register_snippet(Insurance)
    roles.register_snippet(ClosureReason)
    navigation.register_landmark("locations", LocationIndexPage)
    navigation.register_footer_clinics(LocationPage, "borough")
    renditions.register_page_images(LocationPage, clinic_images)
    register_page_queryset(LocationPage, clinic_api_queryset)
