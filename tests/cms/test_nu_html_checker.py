"""The W3C Nu HTML Checker (vnu.jar from npm's vnu-jar, package.json; Java from Debian)
finds no error on one page of each type (tests/browser/pages.py) in English, Spanish,
Arabic and Simplified Chinese. All pages go to one run of the checker: one JVM start."""

import json
import shutil
import subprocess

import pytest

from tests.browser.pages import PAGES, localized_path
from tests.conftest import ROOT
from tests.require import require

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "es", "ar", "zh-hans"]
VNU_JAR = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"


def test_every_page_type_in_four_languages_has_no_html_error(client, tmp_path):
    java = shutil.which("java")
    require(java, "java is missing (Debian: apt-get install default-jre-headless)")
    require(VNU_JAR.exists(), f"{VNU_JAR} is missing (npm ci --omit=dev, from package.json)")

    def get(path):
        response = client.get(path)
        return response.status_code, response.content

    files = {}
    for case in PAGES:
        for language in LANGUAGES:
            path = localized_path(get, case, language)
            require(path is not None, f"{case.path} has no live {language!r} translation")
            status, body = get(path)
            assert status == case.status, f"{path} answered {status}"
            name = f"{case.id}--{language}.html"
            (tmp_path / name).write_bytes(body)
            files[name] = path

    result = subprocess.run(  # noqa: S603 - fixed program and arguments
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--exit-zero-always"]
        + [str(tmp_path / name) for name in files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stderr or result.stdout)
    errors = [
        f"{files.get(str(message.get('url')).rsplit('/', 1)[-1], message.get('url'))}"
        f":{message.get('lastLine')}: "
        f"{message['message']} [{(message.get('extract') or '').strip()[:120]}]"
        for message in report["messages"]
        if message["type"] in {"error", "non-document-error"}
    ]
    assert len(files) == len(PAGES) * len(LANGUAGES)
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)
