"""A mistyped URL is a 404 in one step, in every language and every section: under a
translated section, an English slug under a translated prefix, a page reached through
the language fallback, a clinic and a condition. At most one redirect on the way (an
English slug under a translated prefix is redirected once to the translation), never a
loop."""

import pytest

from tests.i18n_fallback.conftest import LANGUAGES, home_url, nav_href

pytestmark = pytest.mark.django_db

UNKNOWN = "no-such-page-here/"


def sections(get, code):
    """The section URLs a reader of `code` reaches, and the English slugs typed under
    the language's prefix."""
    home = home_url(code)
    _response, page = get(home)
    urls = {home, nav_href(page, 0), nav_href(page, 1)}
    if code != "en":
        urls |= {f"{home}conditions/", f"{home}locations/", f"{home}language-assistance/"}
    _response, clinics = get(nav_href(page, 1))
    urls.add(clinics.select_one(".clinic-card h3 a")["href"])
    _response, conditions = get(nav_href(page, 0))
    urls.add(conditions.select_one(".card__link")["href"])
    return sorted(urls)


@pytest.mark.parametrize("code", LANGUAGES)
def test_unknown_slug_is_404_after_at_most_one_redirect(client, get, code):
    walked = sections(get, code)
    assert len(walked) >= 4
    for section in walked:
        url = section + UNKNOWN
        response = client.get(url)
        if response.status_code in (301, 302):
            target = response["Location"]
            assert target != url, f"{url} redirects to itself"
            response = client.get(target)
        assert response.status_code == 404, (url, response.status_code)
