"""Make every image rendition the live site shows, so no patient's request has to.
Publishing does this page by page; run this after importing content or restoring
media (idempotent: existing renditions are kept)."""

from django.core.management.base import BaseCommand

from cms.images.renditions import ensure_everywhere


class Command(BaseCommand):
    help = "Make the image renditions every live page and the site settings use."

    def handle(self, *args, **options):
        count = ensure_everywhere()
        self.stdout.write(f"Renditions ready for {count} live pages.")
