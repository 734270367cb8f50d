"""Production settings under a real gunicorn: migrate, load the demo, collect static
files, start the server, and request every URL of the contract over HTTP."""

import re
import urllib.error
import urllib.request

import pytest

from tests.contract import CONTRACT_PATHS, check_contract_page
from tests.servers import fetch, gunicorn, prepare_site, production_env, scratch_database


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("production")
    with scratch_database(tmp_path) as database_url:
        env = production_env(tmp_path, database_url)
        prepare_site(env)
        with gunicorn(env, tmp_path / "gunicorn.log") as base:
            yield base


@pytest.mark.parametrize("path", CONTRACT_PATHS)
def test_contract_urls_answer_with_their_pages_under_production_settings(production_server, path):
    status, body = fetch(production_server + path, {"X-Forwarded-Proto": "https"})
    assert status == 200
    check_contract_page(path, body)


def test_plain_http_is_redirected_to_https(production_server):
    request = urllib.request.Request(production_server + "/conditions/")  # noqa: S310

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as error:
        opener.open(request, timeout=10)
    assert error.value.code == 301
    assert error.value.headers["Location"].startswith("https://")


def test_static_files_are_served_hashed_and_compressed(production_server):
    status, body = fetch(production_server + "/conditions/", {"X-Forwarded-Proto": "https"})
    match = re.search(rb'href="(/static/css/site\.[0-9a-f]{12}\.css)"', body)
    assert match, "stylesheet link is not content-hashed"
    request = urllib.request.Request(  # noqa: S310
        production_server + match.group(1).decode(),
        headers={"Accept-Encoding": "gzip", "X-Forwarded-Proto": "https"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        assert response.status == 200
        assert response.headers["Content-Encoding"] == "gzip"
        assert "immutable" in response.headers["Cache-Control"]


def test_unknown_url_is_the_sites_404_not_a_traceback(production_server):
    status, body = fetch(production_server + "/no-such-page/", {"X-Forwarded-Proto": "https"})
    assert status == 404
    assert b"Page not found" in body
    assert b"Traceback" not in body
