from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from wagtail import hooks

from locations.appointments.models import AppointmentRequest
from locations.appointments.purge import purge_requests_before


class Command(BaseCommand):
    help = (
        "Delete appointment requests older than a number of days (--days, else the "
        "LOCATIONS_APPOINTMENT_RETENTION_DAYS setting, from the environment, 90 by "
        "default), and strip their names from the audit log; then what other apps keep "
        "of visitors for that long (the search counts). Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, days=None, dry_run=False, **options):
        if days is None:
            days = settings.LOCATIONS_APPOINTMENT_RETENTION_DAYS
        if days < 0:
            raise CommandError("The retention period cannot be negative.")
        cutoff = timezone.now() - timedelta(days=days)
        if dry_run:
            count = AppointmentRequest.objects.filter(created_at__lt=cutoff).count()
        else:
            count = purge_requests_before(cutoff)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"{verb} {count} appointment request(s) older than {days} days.")
        # Other apps' records of visitors (search/wagtail_hooks.py: the search counts).
        for purge in hooks.get_hooks("purge_personal_data"):
            self.stdout.write(purge(days=days, dry_run=dry_run))
