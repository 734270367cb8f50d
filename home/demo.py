"""The demo site's root: an English home page served by the default Site."""

from wagtail.models import Locale, Page, Site

from home.models import HomePage

HOME_TITLE = "Physical therapy and rehabilitation in New York City"
HOME_INTRO = (
    "<p>Physical therapists in clinics across New York City help you move without pain "
    "again: after an injury, after surgery, or when pain has built up over time.</p>"
)


def load():
    locale, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=locale, depth=2).first()
    if home is None:
        # Replace Wagtail's placeholder welcome page, which holds the slug "home".
        for placeholder in Page.objects.filter(depth=2).exclude(content_type__model="homepage"):
            Site.objects.filter(root_page=placeholder).update(root_page=root)
            placeholder.delete()
        home = HomePage(title=HOME_TITLE, slug="home", intro=HOME_INTRO, locale=locale)
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Clinic CMS",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    return home


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
