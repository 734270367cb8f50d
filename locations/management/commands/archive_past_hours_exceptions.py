from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from locations.models import HoursException, LocationPage


class Command(BaseCommand):
    help = (
        "Archive clinics' dated hours exceptions whose day has passed, in every language: "
        "the page gets a new revision without them (published when it had no unpublished "
        "changes; the history keeps them) and the live page stops listing them. Run daily."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        pages = LocationPage.objects.filter(hours_exceptions__date__lt=today).distinct()
        touched = 0
        for page in pages:
            with transaction.atomic():
                had_draft = page.has_unpublished_changes
                draft = page.get_latest_revision_as_object()
                if draft.tidy_hours_exceptions(today):
                    revision = draft.save_revision(log_action=True, clean=False)
                    if page.live and not had_draft:
                        revision.publish(log_action=True)
                # A draft in progress is left unpublished; the live page drops the rows.
                HoursException.objects.filter(page=page, date__lt=today).delete()
                touched += 1
        self.stdout.write(f"Archived past hours exceptions on {touched} clinic page(s).")
