"""Index settings for a search server (search/server_analysis.py): the analyzer of the
site's terms for every field, one server-side analyzer per language of the site, the
plugins they need, and a plain explanation when the server lacks one."""

import json
import os
import socket
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.test import override_settings

from search import server_analysis
from search.server_analysis import (
    LANGUAGES,
    PLUGINS,
    MissingPluginError,
    explain_server_error,
    index_settings,
)

ALL_PLUGINS = sorted(PLUGINS)


def analysis_of(built):
    return json.loads(json.dumps(built))["settings"]["analysis"]


@pytest.mark.parametrize("plugins", [[], ["analysis-icu"], ALL_PLUGINS])
def test_the_settings_are_json_with_an_analyzer_per_language(plugins):
    analysis = analysis_of(index_settings(plugins))
    site_languages = {code for code, _name in django_settings.WAGTAIL_CONTENT_LANGUAGES}
    assert set(LANGUAGES) == site_languages
    for language in LANGUAGES:
        analyzer = analysis["analyzer"][f"clinic_{language}"]
        assert analyzer["type"] == "custom" and analyzer["filter"], language
        for name in analyzer["filter"]:
            # Every filter is the server's own or defined in these settings.
            assert name in analysis["filter"] or not name.startswith("clinic_"), name
    # Every field keeps the site's terms whole: split on what is not a letter, mark or digit.
    assert analysis["analyzer"]["default"]["tokenizer"] == "clinic_terms"
    assert analysis["tokenizer"]["clinic_terms"]["pattern"] == r"[^\p{L}\p{M}\p{N}]+"


def test_without_plugins_nothing_needs_one():
    text = json.dumps(index_settings([]))
    for name in ("icu_", "smartcn", "nori", "polish_stem"):
        assert name not in text, name
    analysis = analysis_of(index_settings([]))
    assert analysis["analyzer"]["clinic_zh-hans"]["filter"][-1] == "cjk_bigram"
    assert analysis["analyzer"]["clinic_ko"]["filter"][-1] == "cjk_bigram"
    assert "arabic_stem" in analysis["analyzer"]["clinic_ar"]["filter"]
    assert "bengali_normalization" in analysis["analyzer"]["clinic_bn"]["filter"]


def test_declared_plugins_are_used():
    analysis = analysis_of(index_settings(ALL_PLUGINS))
    assert analysis["analyzer"]["default"]["filter"] == ["lowercase", "icu_folding"]
    assert analysis["analyzer"]["clinic_zh-hans"]["tokenizer"] == "smartcn_tokenizer"
    # smartcn knows Simplified Chinese only: Traditional keeps bigrams.
    assert analysis["analyzer"]["clinic_zh-hant"]["filter"][-1] == "cjk_bigram"
    assert analysis["analyzer"]["clinic_ko"]["tokenizer"] == "nori_tokenizer"
    assert "polish_stem" in analysis["analyzer"]["clinic_pl"]["filter"]
    assert "icu_folding" in analysis["analyzer"]["clinic_es"]["filter"]


def test_an_unknown_plugin_name_is_refused_with_the_known_ones():
    with pytest.raises(MissingPluginError, match="analysis-kuromoji.*known: analysis-icu"):
        index_settings(["analysis-icu", "analysis-kuromoji"])


@pytest.mark.parametrize(
    ("error", "plugin"),
    [
        # What OpenSearch and Elasticsearch answer when an index needs a missing plugin.
        ("illegal_argument_exception: Unknown filter type [icu_folding] for [x]", "analysis-icu"),
        (
            "illegal_argument_exception: Unknown tokenizer type [nori_tokenizer] for [t]",
            "analysis-nori",
        ),
        (
            "Custom Analyzer [a] failed to find tokenizer under name [smartcn_tokenizer]",
            "analysis-smartcn",
        ),
    ],
)
def test_a_missing_plugin_is_explained(error, plugin):
    message = explain_server_error(error)
    assert f"lacks the {plugin} plugin" in message
    assert f"opensearch-plugin install {plugin}" in message
    assert "update_index" in message


def test_other_server_errors_are_not_blamed_on_a_plugin():
    assert explain_server_error("index_already_exists_exception") is None


def test_the_deploy_check_warns_when_the_server_cannot_be_asked():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again: nothing listens there
    backends = {
        "default": {
            "BACKEND": "wagtail.search.backends.opensearch3",
            "URLS": [f"http://127.0.0.1:{port}"],
        }
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends, SEARCH_SERVER_PLUGINS=["analysis-icu"]):
        problems = server_analysis.check_server_plugins()
    assert [problem.id for problem in problems] == ["search.W001"]
    with override_settings(WAGTAILSEARCH_BACKENDS=backends, SEARCH_SERVER_PLUGINS=[]):
        assert server_analysis.check_server_plugins() == []


def test_a_server_backend_gets_these_settings_from_the_environment():
    """SEARCH_BACKEND=opensearch with plugins declared: after start-up the backend's
    INDEX_SETTINGS are the built ones (the search app fills them in)."""
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.WAGTAILSEARCH_BACKENDS['default']))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "SEARCH_BACKEND": "opensearch",
        "SEARCH_SERVER_PLUGINS": "analysis-icu,analysis-nori",
    }
    out = subprocess.run(  # noqa: S603 (this interpreter, a fixed script)
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    backend = json.loads(out.strip().splitlines()[-1])
    assert backend["BACKEND"] == "wagtail.search.backends.opensearch3"
    assert backend["INDEX_SETTINGS"] == json.loads(
        json.dumps(index_settings(["analysis-icu", "analysis-nori"]))
    )
