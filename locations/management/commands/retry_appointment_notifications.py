"""Send the clinic notifications that failed (mail server down, say). Operators run
it every few minutes beside publish_scheduled; requests are never lost meanwhile,
and staff see unsent ones in the admin listing."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from locations.appointments.notification import notify_clinic
from locations.models import AppointmentRequest


class Command(BaseCommand):
    help = "Retry clinic notifications of appointment requests whose email failed."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than-minutes",
            type=int,
            default=2,
            help="Leave requests younger than this to the first attempt (default 2).",
        )

    def handle(self, *args, older_than_minutes, **options):
        cutoff = timezone.now() - datetime.timedelta(minutes=older_than_minutes)
        pending = AppointmentRequest.objects.filter(
            notified_at__isnull=True, created_at__lte=cutoff, location__isnull=False
        ).select_related("location")
        sent = failed = 0
        for appointment_request in pending.iterator():
            if notify_clinic(appointment_request):
                sent += 1
            else:
                failed += 1
        self.stdout.write(f"Notifications sent: {sent}; still failing: {failed}.")
        return None
