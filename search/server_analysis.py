"""Index settings for a search server (OpenSearch, Elasticsearch): Wagtail's
`INDEX_SETTINGS`, built from the plugins the deployment says its server has.

The site analyses every language itself (text_analysis/) and sends a server the same
text as the database: each search field is the page's text followed by its analysed
terms, and queries are analysed terms. So the fields' analyzer (`default`) must keep
those terms as they are: it splits on whatever is not a letter, mark or digit and
lowercases (plus ICU folding when `analysis-icu` is there, applied alike to pages and
queries). The server's language analyzers are not applied on top: Wagtail puts every
page type in one index whose fields share one analyzer whatever a page's language,
and stemming the site's stems again would only drift from the database backends.

The per-language analyzers (`clinic_<language>`) are defined in the same index, with
the server's own analysis for each of the site's languages (ICU folding, smartcn or CJK
bigrams for Chinese, nori for Korean, the Arabic and Bengali analyzers...), so an
operator can compare them with the site's terms through the `_analyze` API and a
per-language index can use them; docs/search.md says how.
"""

import json
import urllib.request

from django.conf import settings
from django.core.checks import Error, Warning
from modelsearch.utils import deep_update

PLUGINS = {
    # plugin name: what it provides that the settings below use
    "analysis-icu": "icu_tokenizer, icu_folding",
    "analysis-smartcn": "smartcn_tokenizer (Simplified Chinese word segmentation)",
    "analysis-nori": "nori_tokenizer, nori_part_of_speech (Korean morphology)",
    "analysis-stempel": "polish_stem (Polish stemming)",
}
# What a server says when an index uses a plugin it lacks, e.g. "Unknown filter type
# [icu_folding] for [...]" or "Unknown tokenizer type [nori_tokenizer]".
_PROVIDED_BY = {
    "icu_folding": "analysis-icu",
    "icu_tokenizer": "analysis-icu",
    "icu_normalizer": "analysis-icu",
    "smartcn_tokenizer": "analysis-smartcn",
    "smartcn_stop": "analysis-smartcn",
    "nori_tokenizer": "analysis-nori",
    "nori_part_of_speech": "analysis-nori",
    "polish_stem": "analysis-stempel",
}
LANGUAGES = ("en", "es", "fr", "ru", "pl", "ht", "zh-hans", "zh-hant", "ko", "ar", "ur", "bn")
# The site's terms: split on anything but a letter, mark or digit (search/query.py).
SITE_TERMS_PATTERN = "[^\\p{L}\\p{M}\\p{N}]+"
_STEMMERS = {"en": "light_english", "es": "light_spanish", "fr": "light_french", "ru": "russian"}


class MissingPluginError(ValueError):
    pass


def _check(plugins):
    unknown = sorted(set(plugins) - set(PLUGINS))
    if unknown:
        raise MissingPluginError(
            f"SEARCH_SERVER_PLUGINS names {', '.join(unknown)}, which these settings do not "
            f"use; known: {', '.join(PLUGINS)}"
        )


def _language_analyzer(language, plugins):
    """(analyzer, {extra filters}) for one of the site's languages."""
    icu = "analysis-icu" in plugins
    fold = "icu_folding" if icu else "asciifolding"
    tokenizer = "icu_tokenizer" if icu else "standard"
    filters, extra = ["lowercase"], {}
    if language in _STEMMERS:
        name = f"clinic_{language}_stem"
        extra[name] = {"type": "stemmer", "language": _STEMMERS[language]}
        filters += [fold, name]
    elif language == "pl":
        filters += [fold] + (["polish_stem"] if "analysis-stempel" in plugins else [])
    elif language == "ht":
        filters += [fold]
    elif language == "zh-hans" and "analysis-smartcn" in plugins:
        tokenizer, filters = "smartcn_tokenizer", ["lowercase", "smartcn_stop"]
    elif language in ("zh-hans", "zh-hant"):
        # smartcn is trained on Simplified Chinese; Traditional gets bigrams, as on the site.
        filters = ["cjk_width", "lowercase", "cjk_bigram"]
    elif language == "ko" and "analysis-nori" in plugins:
        tokenizer, filters = "nori_tokenizer", ["nori_part_of_speech", "lowercase"]
    elif language == "ko":
        filters = ["cjk_width", "lowercase", "cjk_bigram"]
    elif language == "ar":
        filters += ["decimal_digit", "arabic_normalization", "arabic_stem"]
    elif language == "ur":
        # No Urdu analyzer exists; the Arabic and Persian normalisations cover its letters.
        filters += ["decimal_digit", "arabic_normalization", "persian_normalization"]
    elif language == "bn":
        filters += ["decimal_digit", "indic_normalization", "bengali_normalization"]
        extra["clinic_bn_stem"] = {"type": "stemmer", "language": "bengali"}
        filters.append("clinic_bn_stem")
    else:
        raise ValueError(f"no analyzer for language {language!r}")
    return {"type": "custom", "tokenizer": tokenizer, "filter": filters}, extra


def index_settings(plugins=()):
    """Wagtail's INDEX_SETTINGS for a server with these analysis plugins installed
    (names as in PLUGINS): the `default` analyzer of the site's terms, and one
    `clinic_<language>` analyzer per language of the site."""
    plugins = set(plugins)
    _check(plugins)
    default_filters = ["lowercase"] + (["icu_folding"] if "analysis-icu" in plugins else [])
    analyzers = {
        "default": {"type": "custom", "tokenizer": "clinic_terms", "filter": default_filters}
    }
    filters = {}
    for language in LANGUAGES:
        analyzer, extra = _language_analyzer(language, plugins)
        analyzers[f"clinic_{language}"] = analyzer
        filters.update(extra)
    return {
        "settings": {
            "analysis": {
                "tokenizer": {"clinic_terms": {"type": "pattern", "pattern": SITE_TERMS_PATTERN}},
                "filter": filters,
                "analyzer": analyzers,
            }
        }
    }


def explain_plugin(plugin):
    """What to do when the server lacks `plugin`."""
    return (
        f"The search server lacks the {plugin} plugin ({PLUGINS[plugin]}): install it "
        f"(bin/opensearch-plugin install {plugin}, or bin/elasticsearch-plugin install "
        f"{plugin}) and restart the server, or remove {plugin} from SEARCH_SERVER_PLUGINS; "
        "then run manage.py update_index."
    )


def explain_server_error(message):
    """The plugin to install when a server refused the index settings for lack of one
    (None when the error is something else)."""
    text = str(message)
    for name, plugin in _PROVIDED_BY.items():
        if f"[{name}]" in text:
            return explain_plugin(plugin)
    return None


def configure_backends():
    """Give every search-server backend in WAGTAILSEARCH_BACKENDS these index settings
    (under whatever INDEX_SETTINGS the deployment set itself), per SEARCH_SERVER_PLUGINS."""
    for params in _server_backends(settings):
        built = index_settings(getattr(settings, "SEARCH_SERVER_PLUGINS", ()))
        params["INDEX_SETTINGS"] = deep_update(built, params.get("INDEX_SETTINGS") or {})


def _server_backends(settings):
    return [
        params
        for params in settings.WAGTAILSEARCH_BACKENDS.values()
        if "elasticsearch" in params["BACKEND"] or "opensearch" in params["BACKEND"]
    ]


def installed_plugins(url, timeout=5):
    """The plugins a server has (its `_cat/plugins`), by name."""
    address = url.rstrip("/") + "/_cat/plugins?format=json&h=component"
    with urllib.request.urlopen(address, timeout=timeout) as response:  # noqa: S310 - SEARCH_URL
        return {row["component"] for row in json.load(response)}


def check_server_plugins(app_configs=None, **kwargs):
    """`manage.py check --deploy`: every plugin SEARCH_SERVER_PLUGINS declares is on the
    search server, or an error says what to install."""
    declared = set(getattr(settings, "SEARCH_SERVER_PLUGINS", ()))
    problems = []
    for params in _server_backends(settings) if declared else []:
        url = (params.get("URLS") or ["http://localhost:9200"])[0]
        try:
            installed = installed_plugins(url)
        except (OSError, ValueError) as error:
            message = f"Could not list the plugins of {url}: {error}"
            problems.append(Warning(message, id="search.W001"))
            continue
        problems += [
            Error(explain_plugin(plugin), id="search.E001")
            for plugin in sorted(declared - installed)
        ]
    return problems
