"""A skip cannot hide: under CI (tests.require.in_ci) a test that ends skipped, xfailed
or xpassed fails unless it was skipped through tests.require (require() on a missing
need, which fails by itself under CI, or the postgres_only mark on SQLite). Outcomes
are checked, not source text, so `from pytest import skip`, `raise unittest.SkipTest`,
skipif/xfail marks and module-level skips are all caught. Loaded by tests/conftest.py;
tests/test_suite_hygiene.py proves it on a throwaway test file."""

import pytest

from tests.require import in_ci, on_postgres, sanctioned_skip

UNSANCTIONED = "CI is set: skipped or xfailed outside tests.require ({})"
_collection_skips = []  # modules skipped while collected (they have no test report)


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "postgres_only(reason): only on PostgreSQL (tests.require.postgres_only)"
    )
    _collection_skips.clear()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    mark = item.get_closest_marker("postgres_only")
    if mark and not on_postgres():
        reason = mark.kwargs["reason"]
        skip = sanctioned_skip(f"needs PostgreSQL: {reason} (make test-postgres; apt: postgresql)")
        skip._use_item_location = True  # reported at the test, as pytest's skip marks are
        raise skip


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    # Outermost wrapper: sees the report after the skipping plugin has made xfails.
    report = yield
    xfail = hasattr(report, "wasxfail")
    if not in_ci() or not (report.skipped or xfail):
        return report
    sanctioned = call.excinfo and getattr(call.excinfo.value, "sanctioned", False)
    if report.skipped and not xfail and sanctioned:
        return report
    reason = report.wasxfail if xfail else report.longrepr
    if isinstance(reason, tuple):  # (path, line, message) of a skip
        reason = f"{reason[2]} at {reason[0]}:{reason[1]}"
    report.outcome = "failed"
    report.longrepr = UNSANCTIONED.format(reason)
    if xfail:
        del report.wasxfail
    return report


def pytest_collectreport(report):
    if in_ci() and report.skipped:
        _collection_skips.append(f"{report.nodeid}: {report.longrepr}")


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    for line in _collection_skips:
        terminalreporter.write_line(UNSANCTIONED.format(line), red=True)


def pytest_sessionfinish(session, exitstatus):
    if _collection_skips and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
