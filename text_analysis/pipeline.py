"""Text → terms, for pages (index_terms) and queries (query_terms)."""

import functools
import re
import unicodedata

from text_analysis import arabic, cjk, indic, latin
from text_analysis.scripts import (
    ARABIC,
    BENGALI,
    HAN,
    HAN_CLASS,
    HANGUL,
    HANGUL_CLASS,
    OTHER,
    script_of,
)
from text_analysis.stopwords import STOPWORDS

MAX_WORD = 60  # longer "words" are noise (a pasted URL, a base64 blob): cut


def base_language(language):
    """ "zh-hans" → "zh"; the site's codes otherwise stay as they are."""
    return (language or "en").split("-")[0].lower()


def _mark_ranges():
    """A regex class of every combining mark (Mn, Mc, Me), which `\\w` leaves out."""
    ranges, start = [], None
    for code in range(0x30000):
        is_mark = unicodedata.category(chr(code))[0] == "M"
        if is_mark and start is None:
            start = code
        elif not is_mark and start is not None:
            ranges.append(f"\\U{start:08x}-\\U{code - 1:08x}")
            start = None
    return "".join(ranges)


# Letters, digits and marks of any script, not "_".
_WORD = re.compile(f"(?:[^\\W_]|[{_mark_ranges()}])+")
_CJK = re.compile(f"([{HAN_CLASS}]+)|([{HANGUL_CLASS}]+)|([^{HAN_CLASS}{HANGUL_CLASS}]+)")
# Invisible characters inside words (joiners, soft hyphen, bidi marks, tatweel) go.
_INVISIBLE = dict.fromkeys(
    [0x00AD, 0x0640, 0x061C, 0xFEFF, *range(0x200B, 0x2010), *range(0x202A, 0x202F)]
    + list(range(0x2060, 0x2070))
)


def _split_scripts(word):
    """A word split where it passes between CJK and other scripts ("PT治疗" → PT, 治疗)."""
    runs = []
    for han, hangul, other in _CJK.findall(word):
        if han:
            runs.append((HAN, han))
        elif hangul:
            runs.append((HANGUL, hangul))
        else:
            runs.append((script_of(other[0]), other))
    return runs


@functools.lru_cache(maxsize=50_000)
def _word_terms(script, word, language, for_query):
    """The terms of one word (of a CJK run: its bigrams). Cached: page text and queries
    repeat the same words."""
    # filter: a lone accent folds to nothing
    return tuple(filter(None, _analyse_word(script, word, language, for_query)))


def _analyse_word(script, word, language, for_query):
    word = word[:MAX_WORD].lower()
    if script == HANGUL:
        word = cjk.strip_particle(word)
        script = HAN
    if script == HAN:
        return cjk.bigrams(word) if for_query else cjk.index_grams(word)
    if script == ARABIC:
        word = arabic.normalise(word)
        return [arabic.stem(word) if language == "ar" else word]
    if script == BENGALI:
        return [indic.stem(indic.normalise(word))]
    return [latin.term(word, language)]


def _words(text):
    return _WORD.findall(unicodedata.normalize("NFKC", text).translate(_INVISIBLE))


@functools.lru_cache(maxsize=50_000)
def _terms_of(word, language, for_query):
    """The terms of one word as `_WORD` finds it, split where its script changes."""
    runs = [(OTHER, word)] if word.isascii() else _split_scripts(word)
    return tuple(term for s, run in runs for term in _word_terms(s, run, language, for_query))


def index_terms(text, language):
    """The terms stored for a page's text in `language` (a site language code)."""
    language = base_language(language)
    terms = []
    for word in _words(text):
        terms.extend(_terms_of(word, language, False))
    return terms


@functools.cache
def _stopwords(language):
    """The language's stop words as the analysis folds them (no stemming)."""
    words = " ".join(STOPWORDS.get(language, ()))
    return frozenset(term for word in _words(words) for term in _terms_of(word, "", True))


@functools.lru_cache(maxsize=50_000)
def _is_stopword(word, language):
    stopwords = _stopwords(language)
    if not stopwords or not word.isascii() and _CJK.match(word).lastindex != 3:
        return False
    return any(term in stopwords for term in _terms_of(word, "", True))


def query_terms(text, language):
    """The terms of a query, in order, each once; articles and prepositions are left
    out unless the query has nothing else."""
    language = base_language(language)
    terms, dropped = {}, {}
    for word in _words(text):
        kept = dropped if _is_stopword(word, language) else terms
        for term in _terms_of(word, language, True):
            kept.setdefault(term, None)
    return list(terms or dropped)


def clear_caches():
    """Forget the analysed words (for measuring the analysis itself)."""
    for cached in (_word_terms, _terms_of, _is_stopword):
        cached.cache_clear()
