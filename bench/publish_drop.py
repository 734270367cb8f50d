"""How many cached pages a typical publish drops: each change below is made for real
(in a transaction rolled back afterwards), the dependency tags it bumps are recorded,
and the live pages depending on them are counted (cms.caching.frontend.affected_pages,
the set the page cache drops and the CDN is purged of), next to every live page (what
a publish dropped before: the whole site).

    DATABASE_URL=sqlite:////tmp/site.sqlite3 python bench/publish_drop.py
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")


class Rollback(Exception):
    pass


def changes():
    from wagtail.models import Locale

    from conditions.models import ConditionPage
    from locations.models import LocationPage

    english = Locale.get_default()

    def condition_intro():
        page = ConditionPage.objects.get(locale=english, slug="neck-spasms")
        page.intro = page.intro + " Reviewed."
        page.save_revision().publish()

    def clinic_phone():
        page = LocationPage.objects.get(locale=english, slug="midtown")
        page.phone = "+12125559876"
        page.save_revision().publish()

    def clinic_title():
        page = LocationPage.objects.get(locale=english, slug="midtown")
        page.title = page.title + " West"
        page.save_revision().publish()

    return [
        ("a condition page's text (English, synced to its translations)", condition_intro),
        ("a clinic's phone", clinic_phone),
        ("a clinic's name (a tree change: every page)", clinic_title),
    ]


def main():
    import django

    django.setup()
    from django.db import transaction
    from wagtail.models import Page

    from cms.caching import dependencies, frontend

    bumped = set()
    dependencies.on_bump(bumped.update)
    total = Page.objects.live().filter(depth__gt=1).count()
    print(f"live pages (each cached once per URL): {total}")
    print("| change | pages dropped before | after |")
    print("| --- | ---: | ---: |")
    for name, change in changes():
        bumped.clear()
        try:
            with transaction.atomic():
                change()
                dropped = frontend.affected_pages(bumped).count()
                raise Rollback
        except Rollback:
            pass
        print(f"| {name} | {total} | {dropped} |")


if __name__ == "__main__":
    main()
