"""The demo site's root: every site language's locale, the English home page served
by the default Site, the language-assistance page, and their translations."""

from pathlib import Path

from wagtail.models import Locale, Page, Site

from cms.demo import upsert_child_page
from cms.i18n.languages import SITE_LANGUAGES, SOURCE_LANGUAGE
from cms.i18n.translations import load_catalog, translate_from_catalog
from cms.models import SiteSettings
from home.models import HomePage, LanguageAssistancePage

CATALOGS = Path(__file__).resolve().parent / "demo_translations"

HOME_TITLE = "Physical therapy and rehabilitation in New York City"
HOME_INTRO = (
    "<p>Physical therapists in clinics across New York City help you move without pain "
    "again: after an injury, after surgery, or when pain has built up over time.</p>"
)
LANGUAGE_ASSISTANCE = {
    "title": "Language assistance",
    "intro": "Free language help is available. You can talk to us in your language at no cost.",
    "body": (
        "<p>Every clinic can connect you with a professional interpreter, by phone or in "
        "person, for free. Call us and say the name of your language: we will connect you "
        "with an interpreter. You can also ask for an interpreter when you request an "
        "appointment.</p>"
    ),
}
MAIN_PHONE = "(212) 555-0100"
BRAND_NAME = "Five Boroughs Physical Therapy"


def catalog(language_code):
    """The demo's translations into one language ({English text: translation})."""
    return load_catalog(CATALOGS / f"{language_code}.po")


def load_locales():
    locales = {}
    for code, *_rest in SITE_LANGUAGES:
        locales[code], _ = Locale.objects.get_or_create(language_code=code)
    return locales


def load():
    locales = load_locales()
    english = locales[SOURCE_LANGUAGE]
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=english, depth=2).first()
    if home is None:
        # Replace Wagtail's placeholder welcome page, which holds the slug "home".
        for placeholder in Page.objects.filter(depth=2).exclude(content_type__model="homepage"):
            Site.objects.filter(root_page=placeholder).update(root_page=root)
            placeholder.delete()
        home = HomePage(title=HOME_TITLE, slug="home", intro=HOME_INTRO, locale=english)
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    if site.site_name != BRAND_NAME:
        site.site_name = BRAND_NAME
        site.save()

    settings = SiteSettings.for_site(site)
    if (settings.brand_name, settings.main_phone) != (BRAND_NAME, MAIN_PHONE):
        settings.brand_name, settings.main_phone = BRAND_NAME, MAIN_PHONE
        settings.save()

    assistance = upsert_child_page(
        home, LanguageAssistancePage, "language-assistance", **LANGUAGE_ASSISTANCE
    )
    for code, locale in locales.items():
        if code == SOURCE_LANGUAGE:
            continue
        strings = catalog(code)
        translate_from_catalog(home, locale, strings, tool_name="demo")
        translate_from_catalog(assistance, locale, strings, tool_name="demo")
    return home


# The languages the demo's condition and clinic pages are translated into (the
# home and language-assistance pages are in every language).
SHOWCASE_LANGUAGES = ["es", "zh-hans", "ar"]


def translate_showcase():
    """Translate the conditions index, the neck-spasms page, the locations index,
    every clinic page and the snippets they show into the showcase languages."""
    from cms.models import Clinician
    from conditions.models import BodyArea, ConditionIndexPage, ConditionPage
    from locations.models import Insurance, LocationIndexPage, LocationPage

    english = Locale.get_default()
    snippets = [
        *BodyArea.objects.filter(locale=english),
        *Insurance.objects.filter(locale=english),
        *Clinician.objects.filter(locale=english),
    ]
    pages = [
        ConditionIndexPage.objects.get(locale=english),
        ConditionPage.objects.get(locale=english, slug="neck-spasms"),
        LocationIndexPage.objects.get(locale=english),
        *LocationPage.objects.filter(locale=english).order_by("path"),
    ]
    for code in SHOWCASE_LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        strings = catalog(code)
        for instance in [*snippets, *pages]:
            translate_from_catalog(instance, locale, strings, tool_name="demo")


DEMO_ADMIN = ("admin", "clinic-demo-admin")


def ensure_demo_admin():
    """The demo's superuser; load_demo_content only calls this when asked or in DEBUG."""
    from django.contrib.auth import get_user_model

    username, password = DEMO_ADMIN
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username, defaults={"email": "admin@example.com"}
    )
    if created or not user.is_superuser:
        user.is_superuser = user.is_staff = True
        user.set_password(password)
        user.save()
    return user
