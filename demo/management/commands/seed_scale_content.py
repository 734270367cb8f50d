"""Build benchmark-sized content on top of the demo site: many clinics and condition
pages, translated into the demo's languages. Idempotent: pages are found by slug and
only missing ones are made, so a second run adds nothing."""

import random
import time
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale, Page

from conditions.models import ConditionIndexPage, ConditionPage
from demo.loader import SHOWCASE_LANGUAGES
from locations.models import LocationIndexPage, LocationPage

# (borough, ZIP, latitude, longitude) centres that clinics are spread around.
PLACES = [
    ("manhattan", "10001", 40.7506, -73.9972),
    ("manhattan", "10028", 40.7764, -73.9535),
    ("brooklyn", "11201", 40.6940, -73.9903),
    ("brooklyn", "11215", 40.6681, -73.9806),
    ("queens", "11103", 40.7627, -73.9131),
    ("queens", "11375", 40.7210, -73.8465),
    ("bronx", "10463", 40.8808, -73.9070),
    ("staten-island", "10301", 40.6316, -74.0926),
]


class Command(BaseCommand):
    help = "Add benchmark-scale clinics and conditions (translated) to the demo site."

    def add_arguments(self, parser):
        parser.add_argument("--clinics", type=int, default=60)
        parser.add_argument("--conditions", type=int, default=400)
        parser.add_argument(
            "--languages",
            default=",".join(SHOWCASE_LANGUAGES),
            help="Comma-separated language codes to translate into (empty for none).",
        )

    def handle(self, *args, clinics, conditions, languages, **options):
        if clinics < 0 or conditions < 0:
            raise CommandError("--clinics and --conditions must not be negative.")
        codes = [code for code in languages.split(",") if code]
        locales = list(Locale.objects.filter(language_code__in=codes))
        if len(locales) != len(codes):
            raise CommandError(f"Unknown language in {codes}; run load_demo_content first.")
        started = time.monotonic()
        english = Locale.get_default()
        condition_index = ConditionIndexPage.objects.get(locale=english)
        location_index = LocationIndexPage.objects.get(locale=english)
        template_condition = ConditionPage.objects.get(locale=english, slug="neck-spasms")
        template_clinic = LocationPage.objects.get(locale=english, slug="midtown")
        made = 0
        for number in range(1, conditions + 1):
            made += self._condition(condition_index, template_condition, number, locales)
        for number in range(1, clinics + 1):
            made += self._clinic(location_index, template_clinic, number, locales)
        elapsed = time.monotonic() - started
        total = Page.objects.count()
        self.stdout.write(f"Made {made} pages in {elapsed:.1f}s; the site has {total} pages.")

    @transaction.atomic
    def _condition(self, index, template, number, locales):
        slug = f"scale-condition-{number:04d}"
        title = f"Scale condition {number:04d}"
        return self._copy(template, index, slug, {"title": title, "condition_name": title}, locales)

    @transaction.atomic
    def _clinic(self, index, template, number, locales):
        borough, zip_code, lat, lng = PLACES[number % len(PLACES)]
        rng = random.Random(number)  # noqa: S311 - reproducible spread, not security
        attrs = {
            "title": f"Scale clinic {number:03d}",
            "neighborhood": f"Scale {number:03d}",
            "borough": borough,
            "postal_code": zip_code,
            "latitude": Decimal(f"{lat + rng.uniform(-0.01, 0.01):.6f}"),
            "longitude": Decimal(f"{lng + rng.uniform(-0.01, 0.01):.6f}"),
            "phone": f"+1212555{number % 10000:04d}",
        }
        return self._copy(template, index, f"scale-clinic-{number:03d}", attrs, locales)

    def _copy(self, template, index, slug, attrs, locales):
        """Copy `template` under `index` as a live page (with its rows: hours, team,
        photos), then copy that into each locale. Page.copy saves without making
        revisions, which keeps thousands of pages quick to build."""
        made = 0
        page = Page.objects.child_of(index).filter(slug=slug).first()
        if page is None:
            page = template.copy(
                to=index,
                update_attrs={"slug": slug, **attrs},
                keep_live=True,
                copy_revisions=False,
                log_action=None,
                reset_translation_key=True,
            )
            made += 1
        for locale in locales:
            if page.get_translation_or_none(locale) is not None:
                continue
            parent = index.get_translation_or_none(locale)
            if parent is None:
                raise CommandError(
                    f"{index.title} has no {locale.language_code} translation to hold copies."
                )
            page.specific.copy(
                to=parent,
                update_attrs={"locale": locale, "translation_key": page.translation_key},
                keep_live=True,
                copy_revisions=False,
                log_action=None,
                reset_translation_key=False,
            )
            made += 1
        return made
