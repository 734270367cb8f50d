import json

import pytest

from tests.conftest import run_manage

UNREACHABLE_DB_CHECK = """
from django.test import Client
response = Client().get("/healthz")
print(response.status_code, response.content.decode())
"""


@pytest.mark.django_db
def test_healthz_answers_200_with_json_when_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_database_is_unreachable():
    # Port 1 on loopback: nothing listens there, so the connection is refused.
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        UNREACHABLE_DB_CHECK,
        env={
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "DATABASE_URL": "postgres://nobody@127.0.0.1:1/nothing",
        },
    )
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.strip().splitlines()[-1].split(" ", 1)
    assert status == "503"
    assert json.loads(body)["status"] == "unavailable"


@pytest.mark.django_db
def test_healthz_rejects_other_methods(client):
    assert client.post("/healthz").status_code == 405


def test_healthz_answers_503_when_the_sqlite_file_was_replaced_by_an_empty_one(tmp_path):
    """SQLite opens a missing or emptied file as a new empty database: a query runs, but
    no page can be served, so the health check must say so."""
    empty = tmp_path / "moved-away.sqlite3"
    empty.write_bytes(b"")
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        UNREACHABLE_DB_CHECK,
        env={"DJANGO_SETTINGS_MODULE": "cms.settings.test", "DATABASE_URL": f"sqlite:///{empty}"},
    )
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.strip().splitlines()[-1].split(" ", 1)
    assert status == "503"
    assert json.loads(body)["status"] == "unavailable"
