"""What one process changes, every process serves: the production settings as the README
documents them, under gunicorn with three workers (three processes, each with its own
memory), with changes made through the admin over HTTP and from other processes
(`manage.py publish_scheduled` as cron runs it, and a script process as `manage.py
shell` or a loader would be).

After each change of a seeded random sequence, 15 requests for each watched page,
sent at once so they spread across the workers, must all equal what a server with
every cache off renders (status code and body, normalised for CSRF tokens). Set
ONE_TRUTH_SEED to replay a failing sequence; the seed is in every failure message.

The same harness run on a cache each worker keeps to itself (a negative control)
must find stale answers, so this test can fail. The appointment limit is checked
under the same three workers: one client address gets no more than the limit, and
patients behind the proxy each get through.
"""

import concurrent.futures
import json
import os
import random
import subprocess
import sys
import urllib.error
import urllib.request
from contextlib import ExitStack
from urllib.parse import urlencode

import pytest

from tests.admin_forms import site_settings_form
from tests.servers import (
    APPOINTMENT_FIELDS,
    CSRF_FIELD,
    ROOT,
    BrowserSession,
    create_superuser,
    gunicorn,
    prepared_demo_env,
    run_manage,
    scratch_database,
)

WORKERS = 3
REQUESTS_PER_PAGE = 15
CHANGES = 30
SEED = int(os.environ.get("ONE_TRUTH_SEED", "20261207"))
PASSWORD = "one-truth-admin-pw-1"  # noqa: S105 - a throwaway test database
CACHE_OFF = {"PAGE_CACHE_SECONDS": "0", "PAGE_DATA_CACHE": "false"}
PER_PROCESS_SETTINGS = """
from cms.settings.production import *  # noqa: F403

# What production did before: each gunicorn worker, cron job and script kept its own
# local-memory cache (the negative control of tests/performance/test_one_truth.py).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REQUIRE_SHARED_CACHE = False
"""

# Runs inside `manage.py shell`: reads one JSON-encoded Python snippet a line, runs it
# with the helpers below, answers "OK <json of `result`>" or "ERR <traceback>".
SCRIPT_PROCESS = r"""
import json, sys, traceback
from datetime import timedelta
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction, Site

def english(path):
    return Page.objects.get(locale__language_code="en", url_path="/home" + path).specific

def translation(page, language):
    return page.get_translation(Locale.objects.get(language_code=language)).specific

def publish(page):
    page.save_revision(user=get_user_model().objects.get(username="onetruth")).publish()

namespace = dict(globals())
for line in sys.stdin:
    namespace["result"] = None
    try:
        exec(json.loads(line), namespace)
        print("OK " + json.dumps(namespace["result"]), flush=True)
    except Exception:
        print("ERR " + json.dumps(traceback.format_exc()), flush=True)
"""


class ScriptProcess:
    """One `manage.py shell` process beside the servers, changing content as a script,
    a loader or a second app server would."""

    def __init__(self, env):
        self.process = subprocess.Popen(  # noqa: S603 - fixed interpreter and arguments
            [
                sys.executable,
                str(ROOT / "manage.py"),
                "shell",
                "--no-imports",
                "-c",
                SCRIPT_PROCESS,
            ],
            cwd=ROOT,
            env={**os.environ, **env},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(self, code):
        self.process.stdin.write(json.dumps(code) + "\n")
        self.process.stdin.flush()
        while True:
            line = self.process.stdout.readline()
            assert line, "the script process ended"
            if line.startswith("OK "):
                return json.loads(line[3:])
            if line.startswith("ERR "):
                raise AssertionError(json.loads(line[4:]))

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


class Admin(BrowserSession):
    """A signed-in superuser of the served site, posting forms as the admin's own
    pages do (the CSRF token from its cookie, as the admin's scripts send it)."""

    def post(self, path, fields):
        form = {"csrfmiddlewaretoken": self.cookies["csrftoken"], **fields}
        status, location, body = self.request(path, form)
        assert status in (200, 302), (path, status, body[:800])
        return status, location, body


def fetch(base, path, headers=None):
    request = urllib.request.Request(base + path, headers=headers or {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


def normalised(body, base):
    """The body without what differs between two servers of the same site by design:
    CSRF tokens, and the server's own address in absolute media URLs."""
    return CSRF_FIELD.sub('name="csrfmiddlewaretoken" value=""', body).replace(base, "")


class Site:
    """The served site (three workers) with its cache, a signed-in admin and a script
    process, on the database the reference (every cache off) renders from."""

    def __init__(self, stack, tmp_path, env, reference):
        self.env = env
        self.served = stack.enter_context(gunicorn(env, tmp_path / "served.log", workers=WORKERS))
        self.reference = reference
        self.script = ScriptProcess(env)
        stack.callback(self.script.close)
        self.admin = Admin(self.served)
        fields = {"username": "onetruth", "password": PASSWORD, "next": "/admin/"}
        assert self.admin.submit("/admin/login/", fields)[0] == 302, "signed in"
        self.ids = self.script.run(
            "c = english('/conditions/neck-spasms/'); m = english('/locations/midtown/')\n"
            "result = {'condition': c.pk, 'clinic': m.pk,\n"
            "  'conditions': english('/conditions/').pk,\n"
            "  'assistance': english('/language-assistance/').pk,\n"
            "  'site': Site.objects.get(is_default_site=True).pk,\n"
            "  'condition_es': translation(c, 'es').url, 'clinic_es': translation(m, 'es').url}"
        )
        self.watched = [
            "/",
            "/conditions/",
            "/conditions/neck-spasms/",
            self.ids["condition_es"],
            "/locations/",
            "/locations/midtown/",
            self.ids["clinic_es"],
            "/language-assistance/",
        ]

    def stale_answers(self):
        """How many of the served answers differ from a render with every cache off,
        and the first difference."""
        stale, first = 0, None
        with (
            concurrent.futures.ThreadPoolExecutor(REQUESTS_PER_PAGE) as pool,
            concurrent.futures.ThreadPoolExecutor(len(self.watched)) as references,
        ):
            # The truths render meanwhile on the reference server (nothing changes
            # while the answers are compared), each from the database as it is now.
            truths = {path: references.submit(fetch, self.reference, path) for path in self.watched}
            for path in self.watched:
                status, body, _headers = truths[path].result()
                truth = (status, normalised(body, self.reference))
                # One first (it renders and stores, if its worker keeps anything), then
                # the rest at once, landing on whichever worker takes them.
                answers = [fetch(self.served, path)]
                answers += pool.map(
                    lambda _n, path=path: fetch(self.served, path), range(REQUESTS_PER_PAGE - 1)
                )
                for answer_status, answer_body, headers in answers:
                    if (answer_status, normalised(answer_body, self.served)) != truth:
                        stale += 1
                        first = first or (path, status, answer_status, headers.get("X-Page-Cache"))
        return stale, first

    def warm(self):
        for path in self.watched:
            for _n in range(REQUESTS_PER_PAGE):
                fetch(self.served, path)


# --- The changes: each valid in any state the others leave, made as staff or cron would.


def toggle_live_in_admin(site, rng):
    """An editor unpublishes a page in the admin; a script publishes it again."""
    key = rng.choice(["condition", "clinic", "assistance"])
    page_id = site.ids[key]
    live = site.script.run(f"result = Page.objects.get(pk={page_id}).live")
    if live:
        site.admin.post(f"/admin/pages/{page_id}/unpublish/", {})
        assert not site.script.run(f"result = Page.objects.get(pk={page_id}).live")
        return f"admin unpublished {key}"
    site.script.run(f"publish(Page.objects.get(pk={page_id}).specific)")
    return f"script republished {key}"


def new_phone_from_script(site, rng):
    phone = f"+1212555{rng.randrange(1000, 9999)}"
    site.script.run(
        f"m = Page.objects.get(pk={site.ids['clinic']}).specific\nm.phone = '{phone}'\npublish(m)"
    )
    return f"script published the clinic's phone {phone}"


def new_title_from_script(site, rng):
    key = rng.choice(["condition", "clinic"])
    title = f"Title {rng.randrange(10**6)}"
    site.script.run(
        f"p = Page.objects.get(pk={site.ids[key]}).specific\np.title = '{title}'\npublish(p)"
    )
    return f"script renamed {key} to {title}"


def password_in_admin(site, rng):
    key = rng.choice(["condition", "assistance"])
    page_id = site.ids[key]
    restricted = site.script.run(
        f"result = PageViewRestriction.objects.filter(page_id={page_id}).exists()"
    )
    fields = (
        {"restriction_type": "none"}
        if restricted
        else {
            "restriction_type": "password",
            "password": "clinic-secret",
        }
    )
    site.admin.post(f"/admin/pages/{page_id}/privacy/", fields)
    assert restricted != site.script.run(
        f"result = PageViewRestriction.objects.filter(page_id={page_id}).exists()"
    ), "the admin changed the page's privacy"
    return f"admin set privacy {fields['restriction_type']} on {key}"


def restriction_from_script(site, rng):
    """Login or group restrictions from another process, on a page or its parent."""
    key = rng.choice(["clinic", "conditions"])
    kind = rng.choice(["login", "groups"])
    return site.script.run(
        f"page = Page.objects.get(pk={site.ids[key]})\n"
        "found = PageViewRestriction.objects.filter(page=page)\n"
        "if found.exists():\n"
        "    found.delete(); result = 'script lifted the restriction on " + key + "'\n"
        "else:\n"
        f"    r = PageViewRestriction.objects.create(page=page, restriction_type='{kind}')\n"
        "    if r.restriction_type == 'groups':\n"
        "        from django.contrib.auth.models import Group\n"
        "        r.groups.set(Group.objects.all()[:1])\n"
        f"    result = 'script restricted {key} to {kind}'"
    )


def scheduled_by_cron(site, rng):
    """A page expires, or a scheduled revision goes live, through publish_scheduled."""
    key = rng.choice(["condition", "assistance"])
    page_id = site.ids[key]
    what = site.script.run(
        f"p = Page.objects.get(pk={page_id}).specific\n"
        "past = timezone.now() - timedelta(minutes=1)\n"
        "if p.live:\n"
        "    p.expire_at = past; p.save(update_fields=['expire_at']); result = 'expired'\n"
        "else:\n"
        "    p.expire_at = None; p.go_live_at = past; p.save()\n"
        "    p.save_revision(approved_go_live_at=past); result = 'went live'"
    )
    result = run_manage("publish_scheduled", env=site.env)
    assert result.returncode == 0, result.stderr
    return f"cron: {key} {what}"


def site_settings_in_admin(site, rng):
    brand = f"Brand {rng.randrange(10**6)}"
    site.admin.post(
        f"/admin/settings/cms/sitesettings/{site.ids['site']}/",
        site_settings_form(brand),
    )
    assert (
        site.script.run(
            "from cms.models import SiteSettings\n"
            f"result = SiteSettings.objects.get(site_id={site.ids['site']}).brand_name"
        )
        == brand
    ), "the admin saved the settings"
    return f"admin saved site settings ({brand})"


def revert_from_script(site, rng):
    return site.script.run(
        f"p = Page.objects.get(pk={site.ids['condition']}).specific\n"
        "first = p.revisions.order_by('created_at', 'pk').first()\n"
        "first.as_object().save_revision(previous_revision=first).publish()\n"
        "result = 'script reverted the condition page to its first revision'"
    )


def copy_or_delete_in_admin(site, rng):
    find_copy = (
        "found = Page.objects.filter(url_path='/home/conditions/neck-spasms-copy/').first()\n"
        "result = found and found.pk"
    )
    copy = site.script.run(find_copy)
    if copy:
        site.admin.post(f"/admin/pages/{copy}/delete/", {})
        assert not site.script.run(find_copy), "the admin deleted the copy"
        return "admin deleted the copy"
    site.admin.post(
        f"/admin/pages/{site.ids['condition']}/copy/",
        {
            "new_title": "Neck spasms (copy)",
            "new_slug": "neck-spasms-copy",
            "new_parent_page": str(site.ids["conditions"]),
            "publish_copies": "on",
        },
    )
    assert site.script.run(find_copy), "the admin copied the page"
    return "admin copied the condition page"


def translation_published_by_wagtail_localize(site, rng):
    """A translation published by wagtail-localize (its own publish, not the admin's)."""
    mark = f"[es {rng.randrange(10**6)}]"
    site.script.run(
        "from wagtail_localize.models import StringSegment, TranslationSource\n"
        "from cms.i18n.translations import translate_from_catalog\n"
        f"c = Page.objects.get(pk={site.ids['condition']}).specific\n"
        "source, _ = TranslationSource.update_or_create_from_instance(c)\n"
        "texts = [s.string.data for s in StringSegment.objects.filter(source=source)]\n"
        f"catalog = {{text: '{mark} ' + text for text in texts}}\n"
        "translate_from_catalog(c, Locale.objects.get(language_code='es'), catalog)"
    )
    return f"wagtail-localize published the Spanish condition page {mark}"


def workflow_approved_in_admin(site, rng):
    """An edit of the condition page goes through clinical review; approving publishes."""
    title = f"Reviewed {rng.randrange(10**6)}"
    task_state = site.script.run(
        "user = get_user_model().objects.get(username='onetruth')\n"
        f"c = Page.objects.get(pk={site.ids['condition']}).specific\n"
        "state = c.current_workflow_state\n"
        "if state: state.cancel(user=user)\n"
        f"c.title = '{title}'; revision = c.save_revision(user=user)\n"
        "state = c.get_workflow().start(c, user)\n"
        "result = state.current_task_state.pk"
    )
    page_id = site.ids["condition"]
    site.admin.post(f"/admin/pages/workflow/action/{page_id}/approve/{task_state}/", {})
    assert site.script.run(f"result = Page.objects.get(pk={page_id}).title") == title
    return f"admin approved the condition page as {title}"


CHANGE_KINDS = [
    toggle_live_in_admin,
    new_phone_from_script,
    new_title_from_script,
    password_in_admin,
    restriction_from_script,
    scheduled_by_cron,
    site_settings_in_admin,
    revert_from_script,
    copy_or_delete_in_admin,
    translation_published_by_wagtail_localize,
    workflow_approved_in_admin,
]


def run_sequence(site, changes, seed):
    """(stale answers after each change, what each change was)."""
    rng = random.Random(seed)
    site.warm()
    log = []
    for number in range(changes):
        change = rng.choice(CHANGE_KINDS)
        done = change(site, rng)
        stale, first = site.stale_answers()
        log.append((number, done, stale, first))
    return log


def describe(log, seed):
    lines = [f"seed {seed} (ONE_TRUTH_SEED={seed} replays it)"]
    lines += [f"{n:2}. {done}: {stale} stale {first or ''}" for n, done, stale, first in log]
    return "\n".join(lines)


@pytest.fixture
def demo_site(tmp_path, loaded_demo):
    """(environment, reference URL): a fresh copy of the demo for one cache
    configuration, with the admin's login and the reference server (every cache off,
    one worker). Each configuration needs its own: the changes leave pages unpublished,
    restricted or moved, and the appointment check needs its clinic as the demo has it."""
    with ExitStack() as stack:
        database_url = stack.enter_context(scratch_database(tmp_path))
        env = prepared_demo_env(tmp_path, database_url)
        env.update(
            PAGE_CACHE_SECONDS="600",
            # The clinical-review emails of an approval go nowhere (no mail server here).
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        )
        create_superuser(env, "onetruth", PASSWORD)
        reference_env = {**env, **CACHE_OFF, "CACHE_DIR": str(tmp_path / "reference-cache")}
        reference = stack.enter_context(gunicorn(reference_env, tmp_path / "reference.log"))
        yield env, reference


def start_site(tmp_path, demo_site, **env_extra):
    """The served site of one cache configuration, with a cache of its own."""
    env, reference = demo_site
    stack = ExitStack()
    env = {**env, "CACHE_DIR": str(tmp_path / "cache"), **env_extra}
    return stack, Site(stack, tmp_path, env, reference)


ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith("postgres")
# The negative control (a cache each worker keeps to itself, as production had) runs
# once, on SQLite, the default database: it shows this test catches stale answers.
CACHES = ["disk", "redis"] + ([] if ON_POSTGRES else ["per-process"])


@pytest.mark.parametrize("cache", CACHES)
def test_every_worker_serves_what_any_process_changed(tmp_path, request, demo_site, cache):
    extra = {}
    if cache == "redis":
        extra["REDIS_URL"] = request.getfixturevalue("redis_url")
    if cache == "per-process":
        (tmp_path / "per_process_settings.py").write_text(PER_PROCESS_SETTINGS)
        extra["DJANGO_SETTINGS_MODULE"] = "per_process_settings"
        extra["PYTHONPATH"] = os.pathsep.join([str(tmp_path), str(ROOT)])
    stack, site = start_site(tmp_path, demo_site, **extra)
    with stack:
        if cache == "per-process":
            log = run_sequence(site, 4, SEED)
            assert sum(stale for _n, _done, stale, _first in log) > 0, describe(log, SEED)
            return
        limit_holds_across_workers(site)
        log = run_sequence(site, CHANGES, SEED)
        assert sum(stale for _n, _done, stale, _first in log) == 0, describe(log, SEED)


def limit_holds_across_workers(site):
    """20 requests at once from one client address: at most the limit (5) accepted, the
    rest refused with Retry-After; then 20 patients behind the proxy, all accepted."""
    session = BrowserSession(site.served)
    path = "/locations/midtown/appointment/"
    status, _location, body = session.request(path)
    assert status == 200
    token = CSRF_FIELD.search(body)[1]
    form = {"csrfmiddlewaretoken": token, **APPOINTMENT_FIELDS}
    cookie = "; ".join(f"{k}={v}" for k, v in session.cookies.items())

    def send(client):
        headers = {
            "Cookie": cookie,
            "X-Forwarded-For": client,
            "X-Forwarded-Proto": "https",
            "Origin": "https://" + site.served.split("//")[1],
            "Referer": "https://" + site.served.split("//")[1] + path,
        }
        request = urllib.request.Request(  # noqa: S310 - loopback
            site.served + path, data=urlencode(form).encode(), headers=headers
        )
        opener = urllib.request.build_opener(NoRedirects)
        try:
            response = opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        return response.status, response.headers.get("Retry-After"), response.read()[:300]

    with concurrent.futures.ThreadPoolExecutor(20) as pool:
        answers = list(pool.map(send, ["198.51.100.7"] * 20))
    accepted = [a for a in answers if a[0] == 302]
    refused = [a for a in answers if a[0] == 429]
    assert len(accepted) + len(refused) == 20, answers
    assert 1 <= len(accepted) <= 5, answers
    assert all(retry and int(retry) > 0 for _s, retry, _b in refused), refused
    with concurrent.futures.ThreadPoolExecutor(20) as pool:
        patients = list(pool.map(send, [f"203.0.113.{n}" for n in range(1, 21)]))
    assert [status for status, _r, _b in patients] == [302] * 20, patients


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
