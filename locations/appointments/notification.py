"""The clinic's email about a new appointment request: no name, no health details,
only a link to the request in the admin."""

import logging

from django.core.mail import send_mail
from django.utils import timezone, translation

logger = logging.getLogger(__name__)


def notify_clinic(appointment_request):
    """Tell the clinic's inbox a request arrived. Returns whether the email went out
    (manage.py retry_appointment_notifications sends the ones that did not)."""
    location = appointment_request.location
    if location is None or not location.email:
        return False
    # The email is in English, whatever language the patient used.
    with translation.override("en"):
        arrived = appointment_request.get_created_at_display()
    try:
        send_mail(
            subject=f"New appointment request for {location.title}",
            message=(
                f"A new appointment request for {location.title} arrived at "
                f"{arrived}.\n\n"
                "Sign in to read it and reply to the patient:\n"
                f"{appointment_request.get_admin_url()}\n\n"
                "For privacy this email contains no patient details.\n"
            ),
            from_email=None,
            recipient_list=[location.email],
        )
    except Exception:  # any mail failure: the request is already saved
        logger.exception("Appointment request %s: notification failed", appointment_request.pk)
        return False
    type(appointment_request).objects.filter(pk=appointment_request.pk).update(
        notified_at=timezone.now()
    )
    return True
