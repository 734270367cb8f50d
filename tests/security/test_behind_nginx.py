"""Real parts: Debian's nginx as the reverse proxy in front of a real gunicorn with
production settings, as the README deploys the site (TLS is ended in front of nginx;
here nginx stands in for that hop and says so in X-Forwarded-Proto).

How distinct patients are made honestly: every address in 127.0.0.0/8 is the
loopback, so each patient's connection to nginx comes from its own source address
(127.0.0.10, 127.0.0.11, ...), and nginx talks to gunicorn from 127.0.0.2
(`proxy_bind`), the only proxy the app trusts (TRUSTED_PROXIES=127.0.0.2, one hop).
nginx appends the patient's address to whatever X-Forwarded-For the patient sent
(`$proxy_add_x_forwarded_for`, the common setting), so a patient can write anything
in front of it, and the app must take the rightmost hop, the one nginx wrote. A
client talking to gunicorn directly (from 127.0.0.1, not a trusted proxy) may send
any header it likes: it gains neither HTTPS nor another client's address."""

import http.client
import os
import re
import shutil
import subprocess
import time
import urllib.parse
from contextlib import contextmanager

import pytest

from tests import servers
from tests.require import require

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
PROXY_ADDRESS = "127.0.0.2"
FORM = "/locations/midtown/appointment/"
RATE_LIMIT = 5  # the site's default: five requests an hour from one client

NGINX_CONF = """
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log {tmp}/access.log;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass {upstream};
            proxy_bind {proxy_address};
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto https;
        }}
    }}
}}
"""


@contextmanager
def nginx(upstream, tmp_path):
    """Debian's nginx in the foreground with a config and prefix of its own."""
    require(
        os.access(NGINX, os.X_OK), f"nginx is missing at {NGINX} (Debian: apt-get install nginx)"
    )
    port = servers.free_port()
    conf = tmp_path / "nginx.conf"
    conf.write_text(
        NGINX_CONF.format(tmp=tmp_path, port=port, upstream=upstream, proxy_address=PROXY_ADDRESS)
    )
    server = subprocess.Popen(  # noqa: S603 - fixed program and arguments
        [
            NGINX,
            "-p",
            str(tmp_path),
            "-c",
            str(conf),
            "-e",
            str(tmp_path / "error.log"),
            "-g",
            "daemon off;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                status, _body = request(port, "127.0.0.1", "GET", "/healthz")
                if status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                log = tmp_path / "error.log"
                raise RuntimeError(log.read_text() if log.exists() else "nginx did not start")
            time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=20)


def request(port, source, method, path, headers=None, body=None):
    """(status, body) of one request to 127.0.0.1:port sent from the given source
    address, each a connection of its own."""
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=30, source_address=(source, 0)
    )
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read().decode(errors="replace")
    finally:
        connection.close()


def send_appointment_request(port, source, forwarded_for=None, forwarded_proto=None):
    """Open the form (for its CSRF token), then send it as a patient would."""
    headers = {"X-Forwarded-Proto": forwarded_proto} if forwarded_proto else {}
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=30, source_address=(source, 0)
    )
    try:
        connection.request("GET", FORM, headers=headers)
        response = connection.getresponse()
        html = response.read().decode()
        assert response.status == 200, (response.status, html[:500])
        cookie = re.search(r"csrftoken=([^;]+)", response.headers["Set-Cookie"]).group(1)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        fields = {"csrfmiddlewaretoken": token, **servers.APPOINTMENT_FIELDS}
        post_headers = {
            **headers,
            "Cookie": f"csrftoken={cookie}",
            "Referer": f"https://127.0.0.1:{port}{FORM}",
            "Content-Type": "application/x-www-form-urlencoded",
        }
        if forwarded_for:
            post_headers["X-Forwarded-For"] = forwarded_for
        connection.request("POST", FORM, body=urllib.parse.urlencode(fields), headers=post_headers)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def saved_requests(env):
    result = servers.run_manage(
        "shell",
        "-c",
        "from locations.models import AppointmentRequest as A; print(A.objects.count())",
        env=env,
    )
    assert result.returncode == 0, result.stderr
    return int(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def site_behind_nginx(tmp_path_factory, loaded_demo):
    tmp_path = tmp_path_factory.mktemp("behind-nginx")
    with servers.scratch_database(tmp_path) as database_url:
        env = servers.production_env(
            tmp_path, database_url, TRUSTED_PROXIES=PROXY_ADDRESS, TRUSTED_PROXY_HOPS="1"
        )
        servers.prepare_site(env)
        with servers.gunicorn(env, tmp_path / "gunicorn.log") as base:
            nginx_dir = tmp_path / "nginx"
            nginx_dir.mkdir()
            with nginx(base, nginx_dir) as port:
                yield {
                    "nginx": port,
                    "gunicorn": int(base.rsplit(":", 1)[1]),
                    "env": env,
                    "access_log": nginx_dir / "access.log",
                }


def test_many_patients_behind_the_proxy_each_send_their_request(site_behind_nginx):
    before = saved_requests(site_behind_nginx["env"])
    patients = [f"127.0.0.{10 + n}" for n in range(3 * RATE_LIMIT)]
    for patient in patients:
        assert send_appointment_request(site_behind_nginx["nginx"], patient) == 302, patient
    assert saved_requests(site_behind_nginx["env"]) == before + len(patients)


def test_one_address_sending_many_is_held_back(site_behind_nginx):
    port = site_behind_nginx["nginx"]
    sender = "127.0.0.100"
    for _ in range(RATE_LIMIT):
        assert send_appointment_request(port, sender) == 302
    assert send_appointment_request(port, sender) == 429
    # Naming other addresses in front of the hop nginx writes changes nothing.
    for n in range(3):
        assert send_appointment_request(port, sender, f"198.51.100.{n}, 127.0.0.{n + 150}") == 429
    # A neighbour is still served.
    assert send_appointment_request(port, "127.0.0.101") == 302


def test_forging_the_headers_directly_at_gunicorn_gains_nothing(site_behind_nginx):
    """A client reaching gunicorn directly (not through the trusted proxy) can claim
    neither HTTPS nor another client's address: it is sent to HTTPS like any plain
    request, and saves nothing."""
    before = saved_requests(site_behind_nginx["env"])
    port = site_behind_nginx["gunicorn"]
    for n in range(RATE_LIMIT + 3):
        forged = {"X-Forwarded-Proto": "https", "X-Forwarded-For": f"127.0.0.{200 + n}"}
        status, _body = request(port, "127.0.0.1", "GET", FORM, forged)
        assert status == 301
        fields = urllib.parse.urlencode(servers.APPOINTMENT_FIELDS)
        status, _body = request(port, "127.0.0.1", "POST", FORM, forged, fields)
        assert status == 301
    assert saved_requests(site_behind_nginx["env"]) == before
    # The addresses the forger named are untouched: their owners, behind nginx, get through.
    assert send_appointment_request(site_behind_nginx["nginx"], "127.0.0.200") == 302


def test_nginx_log_shows_each_patient_by_their_own_address(site_behind_nginx):
    """The sanity check of the setup itself: nginx saw the patients' own addresses."""
    log = site_behind_nginx["access_log"].read_text()
    assert "127.0.0.10 " in log and "127.0.0.11 " in log
