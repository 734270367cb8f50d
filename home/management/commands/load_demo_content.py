from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from cms.demo_users import ensure_demo_users
from cms.editorial.roles import apply_roles
from conditions import demo as conditions_demo
from home import demo as home_demo
from locations import demo as locations_demo
from search import demo as search_demo


class Command(BaseCommand):
    help = "Build the whole demo site. Idempotent: a second run changes and duplicates nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-users",
            action="store_true",
            help="Create the demo logins even when DEBUG is off (never do this in production).",
        )

    @transaction.atomic
    def handle(self, *args, **options):
        home = home_demo.load()
        conditions_demo.load(home)
        locations_demo.load(home)
        home_demo.translate_showcase()
        search_demo.load()
        apply_roles()
        if settings.DEBUG or options["demo_users"]:
            logins = ensure_demo_users()
            username, password, _role = logins[0]
            self.stdout.write(f"Demo admin login: {username} / {password}")
            self.stdout.write("Demo logins by role:")
            for username, password, role in logins:
                self.stdout.write(f"  {username} / {password}  ({role})")
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
