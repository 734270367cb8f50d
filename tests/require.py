"""What a test needs before it can run: a page, a translation, a tool, a database.

Locally a missing need skips the test (saying why; `-rs` prints the reasons). Under CI
it fails: a CI run never reports green for something it did not test. These are the
only sanctioned skips: tests/skip_guard.py fails a CI run on any other skip or xfail,
however it was raised."""

import os

import pytest


def in_ci():
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def on_postgres():
    return os.environ.get("DATABASE_URL", "").startswith("postgres")


def sanctioned_skip(reason):
    """pytest's own skip, marked as raised here (tests/skip_guard.py looks for the mark)."""
    skip = pytest.skip.Exception(reason)
    skip.sanctioned = True
    return skip


def require(condition, reason):
    """Go on when `condition` holds; otherwise skip, or fail when CI is set."""
    if condition:
        return
    if in_ci():
        pytest.fail(f"{reason} (CI is set: a missing page or tool is a failure)")
    raise sanctioned_skip(reason)


def postgres_only(reason):
    """Mark for a module (`pytestmark = postgres_only(...)`) that tests what only
    PostgreSQL has: skipped on SQLite, also under CI, which runs it in
    `make test-postgres`. tests/skip_guard.py applies it."""
    return pytest.mark.postgres_only(reason=reason)
