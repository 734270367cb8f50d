"""Issue a two-factor enrolment code from the command line (cms/security/enrolment.py):
how the first administrator of a new site (manage.py createsuperuser) sets up the
authenticator app; later ones get codes from an administrator in the admin."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from cms.security import enrolment


class Command(BaseCommand):
    help = (
        "Print a one-time code with which USERNAME sets up two-factor sign-in (after "
        "signing in with their password). It replaces the account's unused codes and "
        "expires after --hours (TWO_FACTOR_ENROLMENT_CODE_HOURS, 24 by default)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--hours", type=float, default=None)

    def handle(self, *args, username, hours=None, **options):
        if hours is not None and hours <= 0:
            raise CommandError("--hours must be more than 0.")
        user_model = get_user_model()
        user = user_model._default_manager.filter(**{user_model.USERNAME_FIELD: username}).first()
        if user is None:
            raise CommandError(f"No account is named {username!r}.")
        if not user.is_active:
            raise CommandError(f"The account {username!r} is not active.")
        code, record = enrolment.issue(user, hours=hours)
        expires = timezone.localtime(record.expires_at).strftime("%Y-%m-%d %H:%M %Z")
        self.stdout.write(f"Enrolment code for {username} (works once, until {expires}):")
        self.stdout.write(code)
