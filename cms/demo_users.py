"""Demo logins, one per editorial role (demo only: load_demo_content creates them
under DEBUG or with --demo-users; production never does unless asked)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from wagtail.models import Locale

from cms.editorial import roles

DEMO_PASSWORDS = {
    "editor": "clinic-demo-editor",
    "moderator": "clinic-demo-moderator",
    "translator": "clinic-demo-translator",
    "translator-es": "clinic-demo-translator",
    "translator-ar": "clinic-demo-translator",
    "manager": "clinic-demo-frontdesk",
}
ROLE_GROUPS = {
    "editor": roles.MARKETING_EDITORS,
    "moderator": roles.CLINICAL_REVIEWERS,
}
# `translator` translates into every language; the others into one language each.
TRANSLATOR_LANGUAGES = {"translator": None, "translator-es": ["es"], "translator-ar": ["ar"]}


def _ensure_user(username, password, groups):
    """A non-superuser in exactly `groups`, with `password`; saves only what differs."""
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.com"}
    )
    if created or user.is_superuser or not user.check_password(password):
        validate_password(password, user)
        user.set_password(password)
        user.is_superuser = False
        user.is_active = True
        user.save()
    if set(user.groups.all()) != set(groups):
        user.groups.set(groups)
    return user


def ensure_demo_users():
    """Create or repair the demo logins. Returns [(username, password, role)]."""
    from home import demo as home_demo
    from locations.models import LocationPage

    roles.apply_roles()
    home_demo.ensure_demo_admin()
    admin_name, admin_password = home_demo.DEMO_ADMIN
    logins = [(admin_name, admin_password, "administrator (superuser)")]
    for username, group_name in ROLE_GROUPS.items():
        password = DEMO_PASSWORDS[username]
        _ensure_user(username, password, [Group.objects.get(name=group_name)])
        logins.append((username, password, group_name))
    others = Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code")
    for username, codes in TRANSLATOR_LANGUAGES.items():
        locales = [locale for locale in others if codes is None or locale.language_code in codes]
        groups = [roles.translators_group(locale) for locale in locales]
        _ensure_user(username, DEMO_PASSWORDS[username], groups)
        names = [group.name for group in groups] if codes else ["Translators: every language"]
        logins.append((username, DEMO_PASSWORDS[username], ", ".join(names)))
    clinics = LocationPage.objects.filter(locale=Locale.get_default()).order_by("slug")
    for clinic in clinics:
        group = roles.clinic_managers_group(clinic)
        username = f"manager-{clinic.slug}"
        _ensure_user(username, DEMO_PASSWORDS["manager"], [group])
        logins.append((username, DEMO_PASSWORDS["manager"], group.name))
    return logins
