"""Real servers for tests and benchmarks: a scratch database, the demo site loaded
into it under given settings, and gunicorn serving it on a free loopback port. No
Django import here, so scripts outside the test run (bench/) can use it too."""

import atexit
import os
import random
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import dj_database_url

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, env=None, timeout=120):
    """Run manage.py in a fresh interpreter (for settings that must be imported anew).
    An env value of None removes that variable."""
    full_env = {**os.environ, **(env or {})}
    full_env = {key: value for key, value in full_env.items() if value is not None}
    return subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url, headers=None, timeout=10):
    """(status, body) of a GET; HTTP errors are answers too, not exceptions."""
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - loopback only
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects are answers to check, not to follow."""

    def redirect_request(self, *args, **kwargs):
        return None


class BrowserSession:
    """A signed-in visitor of one server: keeps its cookies (Secure ones included: the
    proxy header it sends makes the app treat the loopback connection as HTTPS, which
    urllib's cookie jar does not know) and never follows a redirect."""

    def __init__(self, base, timeout=30):
        self.base = base
        self.timeout = timeout
        self.cookies = {}
        self.opener = urllib.request.build_opener(NoRedirect)

    def request(self, path, form=None):
        """(status, Location, body) of a GET, or of a POST of `form`."""
        origin = "https://" + urlsplit(self.base).netloc
        headers = {"X-Forwarded-Proto": "https", "Origin": origin, "Referer": origin + path}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = urlencode(form).encode() if form is not None else None
        request = urllib.request.Request(self.base + path, data=data, headers=headers)  # noqa: S310
        try:
            response = self.opener.open(request, timeout=self.timeout)
        except urllib.error.HTTPError as error:
            response = error
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _sep, rest = cookie.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response.headers.get("Location", ""), response.read().decode()

    def submit(self, path, fields):
        """GET the form at `path`, then POST `fields` to it with its CSRF token."""
        status, _location, body = self.request(path)
        assert status == 200, body[:500]
        token = CSRF_FIELD.search(body)
        assert token, f"no CSRF token in the form at {path}"
        return self.request(path.split("?")[0], {"csrfmiddlewaretoken": token[1], **fields})


def _postgres_admin_connection(base_url):
    import psycopg

    config = dj_database_url.parse(base_url)
    return psycopg.connect(
        host=config["HOST"],
        port=config["PORT"] or 5432,
        user=config["USER"],
        password=config["PASSWORD"] or None,
        dbname=config["NAME"],
        autocommit=True,
    )


@contextmanager
def scratch_database(tmp_path):
    """A database of its own: a fresh PostgreSQL database when the suite runs on
    PostgreSQL, else an SQLite file."""
    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url.startswith("postgres"):
        yield f"sqlite:///{tmp_path / 'site.sqlite3'}"
        return
    name = f"scratch_{uuid.uuid4().hex[:10]}"
    with _postgres_admin_connection(base_url) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield re.sub(r"/[^/]*$", f"/{name}", base_url)
    finally:
        try:
            with _postgres_admin_connection(base_url) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        except Exception:  # noqa: BLE001,S110 - the cluster is thrown away after the run anyway
            pass


def production_env(tmp_path, database_url, **extra):
    return {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "test-" + uuid.uuid4().hex,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "TWO_FACTOR_REQUIRED": "false",
        # The disk cache of this site alone (never the checkout's var/cache, shared by
        # every server started from it).
        "CACHE_DIR": str(tmp_path / "cache"),
        **extra,
    }


def build_site(env, demo_users=False):
    """migrate, load_demo_content (with the demo logins if asked) and collectstatic
    under the given environment: the whole preparation, about a minute and a half."""
    for command in (
        ["migrate", "--noinput"],
        ["load_demo_content", *(["--demo-users"] if demo_users else [])],
        ["collectstatic", "--noinput"],
    ):
        result = run_manage(*command, env=env, timeout=600)
        assert result.returncode == 0, result.stderr


# The demo site is built once per process and database kind (build_site into a template:
# an SQLite file, or a PostgreSQL database used as CREATE DATABASE ... TEMPLATE), and the
# variant with the demo logins is derived from it. prepare_site copies a template, so
# every server-based test still gets a database, media and static files of its own.
_templates = {}
_template_root = None


def _session_dir():
    global _template_root
    if _template_root is None:
        _template_root = Path(tempfile.mkdtemp(prefix="cms-prepared-site-"))
        atexit.register(shutil.rmtree, _template_root, ignore_errors=True)
    return _template_root


def _is_postgres(database_url):
    return database_url.startswith("postgres")


def _database_name(database_url):
    return dj_database_url.parse(database_url)["NAME"]


def _same_server(source_url, target_url):
    source, target = dj_database_url.parse(source_url), dj_database_url.parse(target_url)
    return (source["HOST"], source["PORT"]) == (target["HOST"], target["PORT"])


def _copy_database(source_url, target_url):
    """The target database becomes a copy of the source (which nobody is connected to)."""
    if _is_postgres(target_url) and not _same_server(source_url, target_url):
        # Another cluster (throwaway_cluster): dumped and restored, its own one created.
        with _postgres_admin_connection(re.sub(r"/[^/]*$", "/postgres", target_url)) as admin:
            admin.execute(f'CREATE DATABASE "{_database_name(target_url)}"')
        dump = subprocess.run(  # noqa: S603 - fixed programs and arguments
            [str(PG_BIN / "pg_dump"), "-Fc", "--no-owner", "-d", source_url],
            capture_output=True,
            check=True,
            timeout=300,
        )
        subprocess.run(  # noqa: S603
            [str(PG_BIN / "pg_restore"), "--no-owner", "-d", target_url],
            input=dump.stdout,
            capture_output=True,
            check=True,
            timeout=300,
        )
        return
    if _is_postgres(target_url):
        base_url = os.environ["DATABASE_URL"]
        source, target = _database_name(source_url), _database_name(target_url)
        with _postgres_admin_connection(base_url) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}"')
        return
    target = Path(_database_name(target_url))
    target.parent.mkdir(parents=True, exist_ok=True)
    # SQLite's own backup: a consistent copy whatever the write-ahead log holds.
    with sqlite3.connect(_database_name(source_url)) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()


def _copy_files(source, target):
    """Copy a directory tree (media or collected static files: some megabytes)."""
    if Path(source).exists():
        shutil.copytree(source, target, dirs_exist_ok=True)


def _drop_template(database_url):
    try:
        with _postgres_admin_connection(os.environ["DATABASE_URL"]) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{_database_name(database_url)}" WITH (FORCE)')
    except Exception:  # noqa: BLE001,S110 - a throwaway cluster is removed anyway
        pass


def _template(kind, demo_users):
    """The prepared site for this database kind: its environment (DATABASE_URL,
    MEDIA_ROOT, STATIC_ROOT), built on first use."""
    key = (kind, demo_users)
    if key in _templates:
        if isinstance(_templates[key], Exception):
            raise RuntimeError("the prepared site failed to build earlier in this run")
        return _templates[key]
    try:
        _templates[key] = _build_template(kind, demo_users)
    except Exception as error:
        _templates[key] = error  # one failure, not one rebuild per test
        raise
    return _templates[key]


# The demo the test session loaded into its own database, kept before any test ran
# (keep_loaded_demo): the plain template starts from it instead of loading the demo again.
_loaded_demos = {}
# Set by the test suite (tests/conftest.py): a server-based test that has not requested
# the `loaded_demo` fixture would build the site from scratch, a minute of loading the
# demo a second time in its process, so it is refused instead. Scripts (bench/) build.
REQUIRE_LOADED_DEMO = False


def keep_loaded_demo(connection, media_root, media_names):
    """Keep a copy of the demo site just loaded through Django's `connection` (the test
    session's database, nothing else written to it yet) and of its media files (names
    relative to `media_root`), as the plain template of this run. The test database is
    loaded by the same migrate and load_demo_content as build_site runs, so the copy is
    that site; only collectstatic is left to do."""
    kind = "postgres" if connection.vendor == "postgresql" else "sqlite"
    directory = _session_dir() / f"{kind}-loaded"
    directory.mkdir()
    if kind == "postgres":
        name = f"loaded_{uuid.uuid4().hex[:8]}"
        source = connection.settings_dict["NAME"]
        connection.close()  # a template database may have no session open on it
        with _postgres_admin_connection(os.environ["DATABASE_URL"]) as admin:
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
        database_url = re.sub(r"/[^/]*$", f"/{name}", os.environ["DATABASE_URL"])
        atexit.register(_drop_template, database_url)
    else:
        path = directory / "site.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(path) as copy:
            connection.connection.backup(copy)
        copy.close()
        database_url = f"sqlite:///{path}"
    env = production_env(directory, database_url)
    for name in media_names:
        target = Path(env["MEDIA_ROOT"]) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(Path(media_root) / name, target)
    _loaded_demos[kind] = env


def _build_template(kind, demo_users):
    if not demo_users and kind in _loaded_demos:
        env = _loaded_demos[kind]
        result = run_manage("collectstatic", "--noinput", env=env, timeout=600)
        assert result.returncode == 0, result.stderr
        return env
    if not demo_users and REQUIRE_LOADED_DEMO:
        raise RuntimeError(
            "A server-based test must request the loaded_demo fixture (tests/conftest.py),"
            " so that its site is copied from the demo the session loaded."
        )
    directory = _session_dir() / f"{kind}{'-demo-users' if demo_users else ''}"
    directory.mkdir()
    if kind == "postgres":
        name = f"prepared_{'users_' if demo_users else ''}{uuid.uuid4().hex[:8]}"
        with _postgres_admin_connection(os.environ["DATABASE_URL"]) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        database_url = re.sub(r"/[^/]*$", f"/{name}", os.environ["DATABASE_URL"])
        atexit.register(_drop_template, database_url)
    else:
        database_url = f"sqlite:///{directory / 'site.sqlite3'}"
    env = production_env(directory, database_url)
    if not demo_users:
        build_site(env)
    else:
        # The plain site plus the demo logins: what load_demo_content --demo-users
        # builds (the load itself is idempotent), without loading the demo twice.
        plain = _template(kind, False)
        _copy_database(plain["DATABASE_URL"], database_url)
        _copy_files(plain["MEDIA_ROOT"], env["MEDIA_ROOT"])
        _copy_files(plain["STATIC_ROOT"], env["STATIC_ROOT"])
        result = run_manage("shell", "--no-imports", "-c", ADD_DEMO_USERS, env=env, timeout=300)
        assert result.returncode == 0, result.stderr
    return env


ADD_DEMO_USERS = (
    "from django.db import transaction; from demo.users import ensure_demo_users\n"
    "with transaction.atomic(): ensure_demo_users()"
)


def prepare_site(env, demo_users=False):
    """The demo site (with the demo logins if asked) in env's DATABASE_URL, MEDIA_ROOT
    and STATIC_ROOT, as build_site leaves it: copied from the process's prepared
    template, which is built on first use."""
    kind = "postgres" if _is_postgres(env["DATABASE_URL"]) else "sqlite"
    template = _template(kind, demo_users)
    _copy_database(template["DATABASE_URL"], env["DATABASE_URL"])
    _copy_files(template["MEDIA_ROOT"], env["MEDIA_ROOT"])
    _copy_files(template["STATIC_ROOT"], env["STATIC_ROOT"])


def prepared_demo_env(tmp_path, database_url, demo_users=False):
    """Production settings over plain HTTP on the loopback (no TLS proxy in front),
    with the demo site prepared in `database_url`; returns the environment."""
    env = production_env(
        tmp_path, database_url, SECURE_SSL_REDIRECT="false", SECURE_HSTS_SECONDS="0"
    )
    prepare_site(env, demo_users=demo_users)
    return env


@contextmanager
def gunicorn(env, log_path, workers=1):
    """gunicorn serving the site on a free port; yields its base URL."""
    port = free_port()
    with open(log_path, "wb") as log:
        server = subprocess.Popen(  # noqa: S603 - fixed program and arguments
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "cms.wsgi:application",
                "--config",
                str(ROOT / "gunicorn.conf.py"),
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
            ],
            cwd=ROOT,
            env={**os.environ, **env},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                fetch(base + "/healthz", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError(Path(log_path).read_text()[-3000:]) from None
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=20)


PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))


class ThrowawayCluster:
    """A PostgreSQL cluster of its own on a loopback port (what scripts/with-postgres.sh
    makes for the suite), for a test that stops and starts its server while other test
    processes go on using theirs. `url` reaches its `postgres` database."""

    def __init__(self):
        # Not under pytest's temporary folder, which only its owner may enter.
        self.directory = Path(tempfile.mkdtemp(prefix="cms-pg-"))
        self.data = self.directory / "data"
        self.log = self.directory / "server.log"
        # The server refuses to run as root: as root the cluster belongs to "postgres".
        self.as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        self.port = _free_port_below_ephemeral()
        self.options = (
            f"-p {self.port} -k {self.directory} -h 127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self.url = f"postgres://cms@127.0.0.1:{self.port}/postgres"

    def run(self, program, *args, check=True):
        subprocess.run(  # noqa: S603 - fixed programs and arguments
            [*self.as_owner, str(PG_BIN / program), *args],
            check=check,
            capture_output=True,
            timeout=120,
        )

    def start(self):
        log = str(self.log)
        self.run("pg_ctl", "-D", str(self.data), "-l", log, "-w", "-o", self.options, "start")

    def stop(self):
        self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def __enter__(self):
        self.directory.chmod(0o755)
        if self.as_owner:
            shutil.chown(self.directory, "postgres")
        encoding = ["-E", "UTF8", "--locale=C.UTF-8"]
        self.run("initdb", "-D", str(self.data), "-U", "cms", "--auth=trust", *encoding)
        self.start()
        return self

    def __exit__(self, *exc):
        self.run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop", check=False)
        shutil.rmtree(self.directory, ignore_errors=True)


def _free_port_below_ephemeral():
    """A free loopback port below Linux's ephemeral range (32768 and up), which an
    outgoing connection could take between this check and the server's start."""
    rng = random.Random()
    for _attempt in range(100):
        port = rng.randrange(20000, 32000)
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port between 20000 and 32000")


REDIS_BINARY = shutil.which("redis-server") or "/usr/bin/redis-server"


@contextmanager
def redis_server(directory):
    """A throwaway Redis (Debian's redis-server) on a free loopback port, keeping
    nothing on disk; yields its URL."""
    import redis

    port = free_port()
    server = subprocess.Popen(  # noqa: S603 - fixed program and arguments
        [
            REDIS_BINARY,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        cwd=directory,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        client = redis.Redis(host="127.0.0.1", port=port)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


# What a patient sends with the appointment form (the CSRF token added by the sender).
APPOINTMENT_FIELDS = {
    "name": "Pat Example",
    "phone": "(917) 555-0142",
    "contact_method": "phone",
    "reason": "other",
    "reason_other": "Stiff shoulder",
    "insurance": "not-sure",
    "patient_status": "new",
    "consent": "on",
    "website": "",
}


def create_superuser(env, username, password):
    """A superuser in env's database, as `manage.py createsuperuser` makes one."""
    result = run_manage(
        "createsuperuser",
        "--noinput",
        "--username",
        username,
        "--email",
        f"{username}@example.org",
        env={**env, "DJANGO_SUPERUSER_PASSWORD": password},
    )
    assert result.returncode == 0, result.stderr
