from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from locations.models import LocationPage


class Command(BaseCommand):
    help = (
        "Archive clinics' dated hours exceptions whose day has passed: each clinic page "
        "(every language) gets a new revision without them, published when the page had "
        "no unpublished changes. Run it daily."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        pages = LocationPage.objects.filter(hours_exceptions__date__lt=today).distinct()
        archived = 0
        for page in pages:
            with transaction.atomic():
                draft = page.get_latest_revision_as_object()
                had_draft = page.has_unpublished_changes
                dropped = draft.tidy_hours_exceptions(today)
                if not dropped:
                    continue
                revision = draft.save_revision(log_action=True, clean=False)
                if page.live and not had_draft:
                    revision.publish(log_action=True)
                archived += dropped
        self.stdout.write(f"Archived {archived} past hours exception(s).")
