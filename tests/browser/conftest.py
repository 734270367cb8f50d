"""Browser tests: Debian's Chromium (/usr/bin/chromium) driven by Playwright, against
a real gunicorn serving the production settings from a scratch database of its own
(a copy of the run's prepared demo site, tests/servers.py), so the test database and its
transactions are never touched and whatever the suite does before or after does not
matter.

Without /usr/bin/chromium the tests skip, saying so; when the CI variable is set a
missing browser is a failure instead (tests/require.py). No browser is ever downloaded."""

import json
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import ROOT, run_manage
from tests.require import require
from tests.servers import gunicorn, prepared_demo_env, scratch_database

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"

# The languages the issue asks to cover; each runs only where it has a live home page,
# so a language joins the matrix by itself when its translation is published.
# BROWSER_LANGUAGES=all covers every site language.
MATRIX_LANGUAGES = ["en", "es", "zh-hans", "ar"]

VIEWPORTS = {
    "phone": {"width": 375, "height": 812},
    "desktop": {"width": 1280, "height": 900},
}


def matrix_languages():
    wanted = os.environ.get("BROWSER_LANGUAGES", "")
    if wanted == "all":
        from cms.i18n.languages import SITE_LANGUAGES

        return [code for code, *_rest in SITE_LANGUAGES]
    if wanted:
        return [code.strip() for code in wanted.split(",") if code.strip()]
    return MATRIX_LANGUAGES


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: runs in headless Chromium (tests/browser/)")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def _require_chromium():
    require(CHROMIUM.exists(), f"{CHROMIUM} is missing (Debian: apt-get install chromium)")


# Where Debian's Noto font packages put their files.
NOTO_FONTS = {
    "fonts-noto-core": Path("/usr/share/fonts/truetype/noto"),
    "fonts-noto-cjk": Path("/usr/share/fonts/opentype/noto"),
}


def require_fonts(package):
    """Chromium draws a script with the machine's fonts: the test needs the package."""
    folder = NOTO_FONTS[package]
    require(folder.is_dir(), f"{folder} is missing (Debian: apt-get install {package})")


LIVE_HOME_LANGUAGES = (
    "import json; from home.models import HomePage; "
    "print(json.dumps(sorted(set(HomePage.objects.live().values_list("
    "'locale__language_code', flat=True)))))"
)


@pytest.fixture(scope="session")
def live_site(tmp_path_factory, loaded_demo):
    """Base URL of a gunicorn serving the demo site, and its languages with a live home."""
    _require_chromium()
    tmp_path = tmp_path_factory.mktemp("browser-site")
    with scratch_database(tmp_path) as database_url:
        env = prepared_demo_env(tmp_path, database_url)
        result = run_manage("shell", "-c", LIVE_HOME_LANGUAGES, env=env)
        assert result.returncode == 0, result.stderr
        languages = json.loads(result.stdout.strip().splitlines()[-1])
        with gunicorn(env, tmp_path / "gunicorn.log", workers=2) as base:
            yield {"base": base, "languages": languages, "env": env}


@pytest.fixture(scope="session")
def base_url(live_site):
    return live_site["base"]


@pytest.fixture(scope="session")
def admin_site(tmp_path_factory, loaded_demo):
    """(base URL, environment) of the admin journeys' demo site: one for every admin
    module, with the demo logins."""
    _require_chromium()
    tmp_path = tmp_path_factory.mktemp("editor-site")
    with scratch_database(tmp_path) as database_url:
        env = prepared_demo_env(tmp_path, database_url, demo_users=True)
        with gunicorn(env, tmp_path / "gunicorn.log", workers=2) as base:
            yield base, env


@pytest.fixture(scope="session")
def admin_base(admin_site):
    return admin_site[0]


def sign_in(page, base, login):
    """Sign `page` in to the admin as `login` (username, password)."""
    username, password = login
    # Saving and publishing in the admin does real work (revisions, search index,
    # caches); on a busy CI machine it takes longer than a public page view.
    page.set_default_timeout(60_000)
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


# Package scope: Playwright's synchronous API runs an event loop in the thread while
# it is open, and Django refuses database queries beside one (SynchronousOnlyOperation),
# so it closes once the browser tests are done, before the process runs other tests.
@pytest.fixture(scope="package")
def browser():
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


class Watcher:
    """Everything a page asked for or complained about while it loaded."""

    def __init__(self):
        self.requests = []
        self.third_party = []
        self.failed = []
        self.console_errors = []

    def attach(self, page):
        page.on("request", self._on_request)
        page.on("response", self._on_response)
        page.on("requestfailed", lambda request: self.failed.append(request.url))
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))

    def _on_request(self, request):
        self.requests.append(request.url)
        parts = urlsplit(request.url)
        if parts.scheme in {"data", "blob", "about"}:
            return
        if parts.hostname not in LOCAL_HOSTS:
            self.third_party.append(request.url)

    def _on_response(self, response):
        # The page itself may be an expected 404; its subresources must all load.
        if response.status >= 400 and response.request.resource_type != "document":
            self.failed.append(f"{response.status} {response.url}")

    def _on_console(self, message):
        # Failed loads are reported by _on_response (where an expected 404 page is told
        # apart from a missing subresource); everything else logged as an error counts.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.console_errors.append(message.text)


def _block_third_parties(route):
    if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
        route.continue_()
    else:
        route.abort()


@pytest.fixture
def new_page(browser):
    """new_page(viewport="phone") -> (page, watcher): a fresh context each time (cold cache,
    no cookies), every request watched, anything not on the loopback blocked."""
    contexts = []

    def make(viewport="phone", **options):
        context = browser.new_context(
            viewport=VIEWPORTS[viewport],
            device_scale_factor=1,
            reduced_motion="reduce",
            **options,
        )
        contexts.append(context)
        context.route("**/*", _block_third_parties)
        page = context.new_page()
        page.set_default_timeout(15_000)
        watcher = Watcher()
        watcher.attach(page)
        return page, watcher

    yield make
    for context in contexts:
        context.close()


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
