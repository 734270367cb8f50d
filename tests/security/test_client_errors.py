"""Clients' mistakes (bad Host, malformed or oversized body, expired CSRF token, unknown
page, over-long URL) get the site's own page in the URL's language and one short WARNING line in the
log, never an ERROR with a traceback; server errors keep their full detail."""

import io
import logging
import sys

import pytest
from django.test import Client
from django.utils.translation import gettext, override

from cms.logs import MAX_MESSAGE, ClientErrorFilter
from cms.views import BAD_REQUEST, FORM_EXPIRED, TOO_LARGE, URI_TOO_LONG
from tests.locations.conftest import clinic_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def console():
    """What the site's configured console handler writes during the test."""
    (handler,) = [
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, ClientErrorFilter) for f in h.filters)
    ]
    stream, formatter = io.StringIO(), handler.formatter
    previous = handler.setStream(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    yield stream
    handler.setStream(previous)
    handler.setFormatter(formatter)


def assert_own_page(response, error, code):
    status, heading, message = error
    assert response.status_code == status
    html = response.content.decode()
    assert f'<html lang="{code}"' in html
    with override(code):
        assert f"<h1>{gettext(heading)}</h1>" in html
        assert gettext(message).replace("'", "&#x27;") in html
    assert "DEBUG" not in html and "Bad Request (400)" not in html
    assert response["Content-Language"] == code


def assert_one_warning(console):
    lines = console.getvalue().splitlines()
    assert lines, "nothing logged"
    assert "Traceback" not in console.getvalue()
    assert all(line.startswith(("WARNING ", "INFO ")) for line in lines), lines
    assert all(len(line) <= len("WARNING ") + MAX_MESSAGE + 1 for line in lines), lines


@pytest.mark.parametrize("host", ["evil.example", "evil-" + "x" * 8000 + ".example", "a b"])
def test_a_bad_host_header(client, console, settings, host):
    settings.ALLOWED_HOSTS = ["testserver"]  # the test settings allow any
    response = client.get("/es/ubicaciones/", HTTP_HOST=host)
    assert_own_page(response, BAD_REQUEST, "es")
    assert_one_warning(console)


def test_a_body_over_the_upload_limit(client, console, settings, page_by_path):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    clinic = clinic_in(page_by_path("/locations/midtown/"), "ar")
    response = client.post(clinic.url + "appointment/", {"name": "x" * 20_000})
    assert_own_page(response, TOO_LARGE, "ar")
    assert_one_warning(console)


def test_a_form_sent_without_its_csrf_token(console, page_by_path):
    clinic = clinic_in(page_by_path("/locations/midtown/"), "es")
    response = Client(enforce_csrf_checks=True).post(clinic.url + "appointment/", {"name": "Pat"})
    assert_own_page(response, FORM_EXPIRED, "es")
    assert_one_warning(console)


def test_an_unknown_page(client, console):
    assert client.get("/es/no-such-page/" + "y" * 3000 + "/").status_code == 404
    assert_one_warning(console)


@pytest.mark.parametrize(
    ("url", "code"),
    [("/es/ubicaciones/?q=" + "x" * 5000, "es"), ("/ar/" + "صفحة/" * 1000, "ar")],
)
def test_an_over_long_url(client, console, settings, url, code):
    """Up to gunicorn's limit on the request line (tests/test_production_server.py
    checks what is longer)."""
    assert len(url) > settings.MAX_URL_LENGTH
    response = client.get(url)
    assert_own_page(response, URI_TOO_LONG, code)
    assert_one_warning(console)


def test_a_long_url_within_the_limit_is_served(client, settings):
    url = "/es/ubicaciones/?q="
    assert client.get(url + "x" * (settings.MAX_URL_LENGTH - len(url))).status_code == 200


def test_server_errors_keep_their_level_and_traceback():
    try:
        raise RuntimeError("database on fire")
    except RuntimeError:
        exc_info = sys.exc_info()
    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "boom", (), exc_info)
    record.status_code = 500
    assert ClientErrorFilter().filter(record)
    assert (record.levelname, record.exc_info) == ("ERROR", exc_info)
