"""A test email backend that records, at the moment each message is sent, the
appointment requests the database holds: proof that a request is saved before the clinic
is emailed, not after."""

from django.core.mail.backends import locmem


class DatabaseSnapshotBackend(locmem.EmailBackend):
    snapshots = []  # one list of (pk, name, phone) per send_messages call

    def send_messages(self, messages):
        from locations.models import AppointmentRequest

        rows = AppointmentRequest.objects.order_by("pk").values_list("pk", "name", "phone")
        type(self).snapshots.append(list(rows))
        return super().send_messages(messages)
