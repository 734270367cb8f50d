"""Attach the editorial roles to the current page tree (see cms/editorial/roles.py)."""

from django.core.management.base import BaseCommand

from cms.editorial.roles import apply_roles


class Command(BaseCommand):
    help = (
        "Give the editorial groups their page permissions, put the Clinical review workflow "
        "on every condition index and create a managers' group for every clinic. "
        "Idempotent: run it after building or importing a page tree."
    )

    def handle(self, *args, **options):
        summary = apply_roles()
        self.stdout.write(
            f"Roles applied to {summary['home pages']} home page(s), "
            f"{summary['condition indexes']} condition index(es) and "
            f"{summary['clinics']} clinic(s)."
        )
        for name in summary["clinic groups"]:
            self.stdout.write(f"  {name}")
