"""The admin frames its own page previews, and nothing else; it asks no third party
for anything (avatars included)."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def csp_directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_a_preview_may_be_framed_by_the_admin_only(admin_client, page_by_path):
    page = page_by_path("/conditions/neck-spasms/")
    revision = page.save_revision()
    # Wagtail renders the preview through the whole middleware chain on a dummy request
    # for the page's public URL; the preview must not keep the public "never frame me".
    response = admin_client.get(
        reverse("wagtailadmin_pages:revisions_view", args=[page.id, revision.id])
    )
    assert response.status_code == 200
    assert b"Neck" in response.content
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert csp_directives(response)["frame-ancestors"] == ["'self'"]


def test_the_public_page_stays_unframeable_after_a_preview(admin_client, client, page_by_path):
    page = page_by_path("/conditions/neck-spasms/")
    revision = page.save_revision()
    admin_client.get(reverse("wagtailadmin_pages:revisions_view", args=[page.id, revision.id]))
    for visitor in (client, admin_client):
        response = visitor.get("/conditions/neck-spasms/")
        assert response.status_code == 200
        assert response["X-Frame-Options"] == "DENY"
        assert csp_directives(response)["frame-ancestors"] == ["'none'"]


@pytest.mark.parametrize(
    "url_name", ["wagtailadmin_home", "wagtailadmin_explore_root", "wagtailadmin_account"]
)
def test_admin_pages_name_no_avatar_service(admin_client, url_name):
    response = admin_client.get(reverse(url_name))
    assert response.status_code == 200
    body = response.content.decode()
    assert "gravatar" not in body.lower()
    avatars = re.findall(r'"avatarUrl": "([^"]+)"', body)
    avatars += re.findall(r'<img[^>]*src="([^"]*avatar[^"]*)"', body)
    assert avatars, "the account menu shows an avatar"
    assert all(src.startswith("/") for src in avatars), avatars
