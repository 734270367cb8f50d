"""The suite in several processes (pytest-xdist: `make test` runs one per core).

Each process loads the demo into a database of its own (tests/conftest.py) and writes
media, servers' databases and clusters under folders of its own, so a test sees only
its own process's writes. What a module or a conftest builds once (a grown site,
gunicorn servers, Chromium) is kept to one process: every test using such a fixture
runs in the same process (`--dist loadgroup`, the group named after the module or the
conftest's folder), while the many small tests go wherever a process is free. Without
pytest-xdist (one process) this does nothing."""

import pytest

# Fixtures of these scopes are built once per process: the tests sharing one stay in
# one process. Function-scoped fixtures are built per test and may run anywhere.
COSTLY_SCOPES = ("module", "package", "session")
# Session fixtures every process builds anyway (the demo database).
EVERY_PROCESS = {"django_db_setup"}


def _group(item):
    """The process group of a test: the folder of a conftest whose session fixture it
    uses (tests/browser: one gunicorn and one Chromium for every browser test), else
    its module if it uses a module's fixture, else None (it may run anywhere)."""
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return None
    group = None
    for name in info.names_closure:
        if name in EVERY_PROCESS:
            continue
        for definition in info.name2fixturedefs.get(name) or ():
            if not definition.baseid or definition.scope not in COSTLY_SCOPES:
                continue  # a plugin's own fixture (pytest-django's live_server: cheap)
            if definition.scope == "module":
                group = group or item.module.__name__
            else:
                return definition.baseid
    return group


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(config, items):
    if not hasattr(config, "workerinput"):  # not a pytest-xdist worker
        return
    groups = {item: _group(item) for item in items}
    for item, group in groups.items():
        if group and not item.get_closest_marker("xdist_group"):
            item.add_marker(pytest.mark.xdist_group(group))
    # The groups first (each runs whole in one process, some for minutes), so that the
    # small tests fill in around them to the end.
    items.sort(key=lambda item: groups[item] is None)
