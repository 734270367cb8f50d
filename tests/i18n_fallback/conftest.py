"""Helpers for walking the site as a reader of each language would: from the home page,
by the links a patient clicks."""

import pytest
from bs4 import BeautifulSoup

from cms.i18n.languages import SITE_LANGUAGES

LANGUAGES = [code for code, *_rest in SITE_LANGUAGES]
RTL = {code for code, _name, _local, rtl in SITE_LANGUAGES if rtl}


def home_url(code):
    return "/" if code == "en" else f"/{code}/"


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def nav_href(page, position):
    """The main navigation's link at `position` (0 conditions, 1 locations)."""
    return page.select(".site-nav a")[position]["href"]


def switcher(page):
    """{language code: URL} of the language switcher."""
    return {link["lang"]: link["href"] for link in page.select(".language-switcher__menu a")}


def robots(page, response):
    meta = page.find("meta", attrs={"name": "robots"})
    return (meta["content"] if meta else "", response.get("X-Robots-Tag", ""))


@pytest.fixture
def get(client):
    """GET that must answer 200, returning (response, soup)."""

    def fetch(url, status=200):
        response = client.get(url)
        assert response.status_code == status, (url, response.status_code)
        return response, soup(response)

    return fetch
