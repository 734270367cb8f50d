"""The suite in several processes (pytest-xdist: `make test` runs one per core).

Each process loads the demo into a database of its own (tests/conftest.py) and writes
media, servers' databases and clusters under folders of its own, so a test sees only
its own process's writes. What a module builds once (a grown site, a gunicorn server,
a Redis) or a folder's conftest builds once for the session (tests/browser: a gunicorn
site, the admin's site, Chromium) is built in one process only: the scheduler below
sends each module whole to one process, and a folder in SHARED_BY_FOLDER whole to one
process, the costliest first, each to the first process free. Without pytest-xdist (one
process) none of this runs.

(pytest-xdist's own `--dist loadgroup` cannot be used: it renames test ids, which
pytest 9 no longer lets a plugin do.)"""

import pytest
from xdist.scheduler import LoadScopeScheduling

# Folders whose conftest builds session fixtures their tests share.
SHARED_BY_FOLDER = ("tests/browser",)


class ByModule(LoadScopeScheduling):
    """pytest-xdist's scope scheduling with a scope per module (a class's tests go with
    their module too) or per folder of SHARED_BY_FOLDER, in the order collected (the
    costly first, below), not by how many tests each has: the one-truth and growth
    modules have a handful of tests and run for minutes."""

    def __init__(self, config, log=None):
        super().__init__(config, log)
        config.option.loadscopereorder = False

    def _split_scope(self, nodeid):
        path = nodeid.split("::", 1)[0]
        for folder in SHARED_BY_FOLDER:
            if path.startswith(folder + "/"):
                return folder
        return path


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist's own choice
def pytest_xdist_make_scheduler(config, log):
    return ByModule(config, log)


def _costly(item):
    """Whether the test uses a fixture built once per module or session by a conftest
    or module of ours (pytest-django's database, built by every process, aside)."""
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return False
    for name in info.names_closure:
        for definition in info.name2fixturedefs.get(name) or ():
            if definition.baseid and definition.scope != "function":
                if name != "django_db_setup":
                    return True
    return False


@pytest.hookimpl(trylast=True)  # after pytest-django's order, which it keeps within each
def pytest_collection_modifyitems(config, items):
    if not hasattr(config, "workerinput"):  # not a pytest-xdist worker
        return
    # Modules and folders with costly fixtures first (they run for minutes, whole in one
    # process); the many small modules then fill in around them to the end. A stable
    # sort: each module's tests keep their order.
    costly = {item.path for item in items if _costly(item)}
    items.sort(key=lambda item: item.path not in costly)
