"""What a test needs before it can run: a page, a translation, a tool.

Locally a missing need skips the test (saying why; `-rs` prints the reasons). Under CI
it fails: a CI run never reports green for something it did not test."""

import os

import pytest


def in_ci():
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def require(condition, reason):
    """Go on when `condition` holds; otherwise skip, or fail when CI is set."""
    if condition:
        return
    if in_ci():
        pytest.fail(f"{reason} (CI is set: a missing page or tool is a failure)")
    pytest.skip(reason)
