"""The suite in several processes (pytest-xdist: `make test` runs one per core).

Each process loads the demo into a database of its own (tests/conftest.py) and writes
media, servers' databases and clusters under folders of its own, so a test sees only
its own process's writes. What a module builds once (a grown site, a gunicorn server,
a Redis) or a folder's conftest builds once for the session (tests/browser: a gunicorn
site, the admin's site, Chromium) is built in one process only: the scheduler below
sends each module whole to one process, and a folder in SHARED_BY_FOLDER whole to one
process, the longest first, each to the first process free. Without pytest-xdist (one
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
    longest first, below), not by how many tests each has: the one-truth and growth
    modules have a handful of tests and run for minutes."""

    def __init__(self, config, log=None):
        super().__init__(config, log)
        config.option.loadscopereorder = False

    def _split_scope(self, nodeid):
        return _scope(nodeid)


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist's own choice
def pytest_xdist_make_scheduler(config, log):
    return ByModule(config, log)


# The longest scopes, longest first (seconds in a two-process run of `make test` on
# SQLite, 2026-12-07): scheduled before the rest, each to the first process free, so
# that the many short modules fill in around them to the end instead of one long
# module running alone at the end. A module missing here only runs later; the list
# needs no upkeep to be right.
LONGEST_FIRST = (
    "tests/browser",  # 450 s: Chromium journeys, the page matrix
    "tests/performance/test_one_truth.py",  # 267 s: gunicorn, 3 workers, per cache
    "tests/performance/test_growth.py",  # 73 s: seeds ten times the content
    "tests/locations/test_closure_reasons.py",  # 71 s
    "tests/roles/test_previews.py",  # 55 s
    "tests/roles/test_clinic_manager_day.py",  # 36 s
    "tests/cms/test_backup_restore.py",  # 26 s
    "tests/cms/test_translation_sync.py",  # 25 s
    "tests/localization/test_source_publish.py",  # 21 s
)


def _scope(nodeid):
    path = nodeid.split("::", 1)[0]
    for folder in SHARED_BY_FOLDER:
        if path.startswith(folder + "/"):
            return folder
    return path


@pytest.hookimpl(trylast=True)  # after pytest-django's order, which it keeps within each
def pytest_collection_modifyitems(config, items):
    if not hasattr(config, "workerinput"):  # not a pytest-xdist worker
        return
    rank = {scope: number for number, scope in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(_scope(item.nodeid), len(rank)))  # stable
