"""The suite itself: under CI a test that skips or expects failure on its own terms fails
the run (tests/skip_guard.py checks every outcome). Proved on a throwaway test file run
by a pytest of its own, with the guard loaded as the suite loads it."""

import os
import subprocess
import sys

from tests.servers import ROOT

CHEATS = """
import unittest

import pytest
from pytest import skip

from tests.require import postgres_only, require


def test_imported_skip():
    skip("quietly")


def test_unittest_skip():
    raise unittest.SkipTest("quietly")


@pytest.mark.skipif(True, reason="quietly")
def test_skipif_mark():
    pass


@pytest.mark.xfail(reason="quietly")
def test_expected_failure():
    assert False


@pytest.mark.xfail(reason="quietly")
def test_unexpected_pass():
    pass


def test_missing_tool():
    require(False, "no such tool")


@postgres_only("the sanctioned database skip")
def test_on_postgres_only():
    pass


def test_passes():
    pass
"""
MODULE_SKIP = 'import pytest\npytest.skip("the whole module, quietly", allow_module_level=True)\n'


def run_pytest(tmp_path, ci):
    (tmp_path / "test_cheats.py").write_text(CHEATS)
    (tmp_path / "test_module_skip.py").write_text(MODULE_SKIP)
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "CI": "true" if ci else "",
        "DATABASE_URL": "",
        "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",  # only pytest itself and the guard
    }
    command = [sys.executable, "-m", "pytest", "-p", "tests.skip_guard", "-p", "no:cacheprovider"]
    result = subprocess.run(  # noqa: S603 - this interpreter, fixed arguments
        [*command, "-q", "-rA", str(tmp_path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.returncode, result.stdout


def test_under_ci_every_skip_outside_require_fails_the_run(tmp_path):
    code, out = run_pytest(tmp_path, ci=True)
    assert code == 1, out
    # A skip mark acts before the test runs: its failure is an error in setup.
    assert "ERROR test_cheats.py::test_skipif_mark" in out, out
    for name in (
        "test_imported_skip",
        "test_unittest_skip",
        "test_expected_failure",
        "test_unexpected_pass",
        "test_missing_tool",
    ):
        assert f"FAILED test_cheats.py::{name}" in out, (name, out)
    assert "SKIPPED [1] test_cheats.py" in out and "needs PostgreSQL" in out, out
    assert "PASSED test_cheats.py::test_passes" in out, out
    assert "outside tests.require (test_module_skip.py" in out, out
    assert "5 failed, 1 passed, 2 skipped, 1 error" in out, out


def test_locally_the_same_skips_are_skips(tmp_path):
    code, out = run_pytest(tmp_path, ci=False)
    assert code == 0, out
    assert "1 passed, 6 skipped, 1 xfailed, 1 xpassed" in out, out
