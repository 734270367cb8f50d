from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from locations.models import AppointmentRequest

DEFAULT_RETENTION_DAYS = 90


class Command(BaseCommand):
    help = (
        "Delete appointment requests older than a number of days (--days, else the "
        "LOCATIONS_APPOINTMENT_RETENTION_DAYS setting, else 90). Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, days=None, dry_run=False, **options):
        if days is None:
            days = getattr(settings, "LOCATIONS_APPOINTMENT_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)
        if days < 1:
            raise CommandError("--days must be at least 1.")
        cutoff = timezone.now() - timedelta(days=days)
        old = AppointmentRequest.objects.filter(created_at__lt=cutoff)
        count = old.count()
        if not dry_run:
            old.delete()
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"{verb} {count} appointment request(s) older than {days} days.")
