"""Views of ours mounted under /admin/ but outside Wagtail's admin URLs (so outside
its sign-in check): each brings the admin's access check with it. Found by walking
the URL configuration, so a new one is held to the same standard without a new test."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import URLPattern

from cms import urls as site_urls

pytestmark = pytest.mark.django_db


def side_doors():
    """Every URL pattern of the site's own under admin/ (not the admin's include)."""
    found = []
    for pattern in site_urls.urlpatterns:
        route = str(pattern.pattern)
        if isinstance(pattern, URLPattern) and route.startswith("admin/"):
            found.append("/" + re.sub(r"<int:\w+>", "1", route))
    return found


def test_the_side_doors_are_found():
    doors = side_doors()
    assert "/admin/2fa/setup/" in doors
    assert "/admin/2fa/verify/" in doors
    assert "/admin/localize/translate/1/pofile/upload/" in doors


@pytest.fixture
def outsider(django_user_model):
    """Signed in, but with no permission to use the admin."""
    return django_user_model.objects.create_user("outsider", password="pw-outsider-123")


@pytest.mark.parametrize("url", side_doors())
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_are_sent_to_sign_in(client, url, method):
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")


@pytest.mark.parametrize("url", side_doors())
@pytest.mark.parametrize("method", ["get", "post"])
def test_accounts_without_admin_access_are_turned_away_like_the_admin_does(
    client, outsider, url, method
):
    client.force_login(outsider)
    admin_answer = client.get("/admin/pages/")
    response = getattr(client, method)(url, follow=True)
    assert admin_answer.status_code == 302
    assert response.redirect_chain[0][0].startswith("/admin/login/?next=")
    assert "You do not have permission to access the admin." in response.content.decode()


@pytest.fixture
def admin_only_editor(django_user_model):
    """May open the admin, may edit no page."""
    group = Group.objects.create(name="Admin access only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = django_user_model.objects.create_user("lookout", password="pw-lookout-123")
    user.groups.add(group)
    return user


def test_the_admins_own_users_get_through(client, admin_only_editor):
    client.force_login(admin_only_editor)
    assert client.get("/admin/2fa/setup/").status_code == 200
