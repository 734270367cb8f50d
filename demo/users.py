"""Demo logins, one per editorial role, from demo/data/users.yaml (demo only:
load_demo_content creates them under DEBUG or with --demo-users; production never
does unless asked)."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from wagtail.models import Locale

from cms.editorial import roles
from demo.loader import read


def ensure_demo_admin(admin):
    """The demo's superuser; its password is set when it is made (or was no superuser)."""
    user, created = get_user_model().objects.get_or_create(
        username=admin["username"], defaults={"email": admin["email"]}
    )
    if created or not user.is_superuser:
        user.is_superuser = user.is_staff = True
        user.set_password(admin["password"])
        user.save()
    return user


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
    data = read("users")
    roles.apply_roles()
    admin = data["admin"]
    ensure_demo_admin(admin)
    logins = [(admin["username"], admin["password"], "administrator (superuser)")]
    for login in data["groups"]:
        _ensure_user(login["username"], login["password"], [Group.objects.get(name=login["group"])])
        logins.append((login["username"], login["password"], login["group"]))
    others = Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code")
    for login in data["translators"]:
        codes = login.get("languages")
        locales = [locale for locale in others if codes is None or locale.language_code in codes]
        groups = [roles.translators_group(locale) for locale in locales]
        _ensure_user(login["username"], login["password"], groups)
        names = [group.name for group in groups] if codes else ["Translators: every language"]
        logins.append((login["username"], login["password"], ", ".join(names)))
    password = data["clinic_managers"]["password"]
    LocationPage = apps.get_model("locations.LocationPage")
    for clinic in LocationPage.objects.filter(locale=Locale.get_default()).order_by("slug"):
        group = roles.clinic_managers_group(clinic)
        username = f"manager-{clinic.slug}"
        _ensure_user(username, password, [group])
        logins.append((username, password, group.name))
    return logins
