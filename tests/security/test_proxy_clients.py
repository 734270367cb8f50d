"""Over HTTP (Django's client): behind a trusted proxy, patients and staff are told
apart by the address the proxy vouches for; a forged header from anyone else is
ignored. The appointment rate limit and the admin lockout share the one function."""

import pytest

from cms.security.client_address import parse_trusted_proxies
from locations.models import AppointmentRequest
from tests.locations.test_appointments import form_data

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


@pytest.fixture(autouse=True)
def behind_a_proxy(settings):
    settings.TRUSTED_PROXIES = parse_trusted_proxies(["10.0.0.0/8"])
    settings.TRUSTED_PROXY_HOPS = 1
    settings.LOCATIONS_APPOINTMENT_RATE_LIMIT = (3, 3600)
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def midtown(page_by_path):
    return page_by_path("/locations/midtown/")


def post_request(client, midtown, peer, forwarded_for=None):
    headers = {"REMOTE_ADDR": peer}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client.post(midtown.url + "appointment/", form_data(midtown), **headers)


def test_many_patients_behind_the_proxy_each_get_through(client, midtown):
    for n in range(12):
        response = post_request(client, midtown, PROXY, f"198.51.100.{n + 1}")
        assert response.status_code == 302, n
    assert AppointmentRequest.objects.count() == 12


def test_one_patient_behind_the_proxy_is_held_back_alone(client, midtown):
    for _ in range(3):
        assert post_request(client, midtown, PROXY, "198.51.100.50").status_code == 302
    # The same patient again, even with made-up hops of their own in front.
    assert post_request(client, midtown, PROXY, "198.51.100.50").status_code == 429
    assert post_request(client, midtown, PROXY, "1.2.3.4, 198.51.100.50").status_code == 429
    # Their neighbour behind the same proxy is not affected.
    assert post_request(client, midtown, PROXY, "198.51.100.51").status_code == 302
    assert AppointmentRequest.objects.count() == 4


def test_a_forged_header_from_outside_the_proxies_gains_nothing(client, midtown):
    outsider = "203.0.113.66"
    for n in range(3):
        assert post_request(client, midtown, outsider, f"198.51.100.{n + 1}").status_code == 302
    for n in range(3, 6):
        response = post_request(client, midtown, outsider, f"198.51.100.{n + 1}")
        assert response.status_code == 429
    assert AppointmentRequest.objects.count() == 3
    # The addresses the outsider named are still free for the real patients.
    assert post_request(client, midtown, PROXY, "198.51.100.1").status_code == 302


def test_admin_lockout_locks_the_client_not_the_proxy(client, django_user_model, settings):
    django_user_model.objects.create_user("editor-p", password="right-password-123", is_staff=True)

    def sign_in(password, forwarded_for, peer=PROXY):
        return client.post(
            "/admin/login/",
            {"username": "editor-p", "password": password},
            REMOTE_ADDR=peer,
            HTTP_X_FORWARDED_FOR=forwarded_for,
        )

    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in("wrong-password", "198.51.100.7")
    locked = sign_in("right-password-123", "198.51.100.7")
    assert locked.status_code == 429
    assert b"Sign-in temporarily locked" in locked.content
    # The editor at another address behind the same proxy still signs in.
    assert sign_in("right-password-123", "198.51.100.8").status_code == 302
    client.logout()
    # An outsider who failed from one address cannot shake the lock off by
    # naming new addresses in a header nobody vouches for.
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in("wrong-password", f"198.51.100.{100 + n}", peer="203.0.113.66")
    assert sign_in("right-password-123", "198.51.100.200", peer="203.0.113.66").status_code == 429


def test_the_lockout_records_the_clients_address(client, django_user_model):
    from axes.models import AccessAttempt

    django_user_model.objects.create_user("editor-q", password="right-password-123", is_staff=True)
    client.post(
        "/admin/login/",
        {"username": "editor-q", "password": "wrong"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="garbage, 198.51.100.9",
    )
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["198.51.100.9"]


def test_only_a_trusted_proxy_may_say_the_connection_was_https(client, settings):
    """Django believes SECURE_PROXY_SSL_HEADER from anyone; the site only from its proxies."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    claimed = {"HTTP_X_FORWARDED_PROTO": "https"}
    direct = client.get("/language-assistance/", REMOTE_ADDR="203.0.113.66", **claimed)
    assert direct.status_code == 301
    assert direct["Location"].startswith("https://")
    proxied = client.get("/language-assistance/", REMOTE_ADDR=PROXY, **claimed)
    assert proxied.status_code == 200
