"""The URL contract of the design brief: every listed URL answers with its page,
unknown ones get the site's own 404 page."""

import pytest

from tests.contract import CONTRACT_PATHS, check_contract_page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", CONTRACT_PATHS)
def test_contract_url_answers_with_its_page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    check_contract_page(url, response.content)


def test_every_demo_location_page_answers_200(client):
    from locations.models import LocationPage

    locations = LocationPage.objects.live().filter(locale__language_code="en")
    assert locations.exists()
    for location in locations:
        response = client.get(location.url)
        assert response.status_code == 200, location.url
        assert location.url.startswith("/locations/")
        assert f"<h1>{location.title}</h1>" in response.content.decode(), location.url


def test_admin_sends_the_anonymous_to_its_sign_in_form(client):
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain == [("/admin/login/?next=/admin/", 302)]
    assert response.status_code == 200
    check_contract_page("/admin/login/", response.content)


def test_unknown_url_gets_the_sites_own_404_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Page not found" in body
    assert 'class="site-header"' in body
    assert "Traceback" not in body


def test_unknown_language_prefix_is_404(client):
    assert client.get("/xx/conditions/").status_code == 404


def test_pages_declare_language_direction_and_canonical(client):
    body = client.get("/conditions/neck-spasms/").content.decode()
    assert '<html lang="en" dir="ltr">' in body
    assert '<link rel="canonical" href="http://localhost/conditions/neck-spasms/">' in body
    assert 'hreflang="x-default"' in body


def test_robots_txt_points_to_sitemap_and_keeps_crawlers_out_of_admin(client):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_sitemap_lists_the_demo_pages(client):
    body = client.get("/sitemap.xml").content.decode()
    assert "/conditions/neck-spasms/" in body
    assert "/locations/" in body


def test_500_page_needs_no_database(rf, django_assert_num_queries):
    from cms.views import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    # The content policy allows no inline style: the page links its stylesheet.
    assert b"<style" not in response.content
    assert b'rel="stylesheet" href="/static/css/error' in response.content
    assert b"Something went wrong" in response.content
