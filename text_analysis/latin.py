"""Case and accent folding for alphabetic scripts, and Snowball stemming."""

import re
import threading
import unicodedata

import Stemmer

# Snowball algorithms for the site's languages that have one (PyStemmer's names).
SNOWBALL = {
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "ru": "russian",
    "pl": "polish",
}
# Letters that do not decompose into a base letter and a mark.
_SPECIAL = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i"}
)
_local = threading.local()  # a Stemmer object is not safe to share between threads


def stemmer(language):
    algorithm = SNOWBALL.get(language)
    if algorithm is None:
        return None
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if algorithm not in stemmers:
        stemmers[algorithm] = Stemmer.Stemmer(algorithm)
    return stemmers[algorithm]


# Combining accents, except the breve of Cyrillic й (a letter of its own in Russian).
_ACCENTS = re.compile("(?<![иИ])[\u0300-\u036f]|(?<=[иИ])[\u0300-\u0305\u0307-\u036f]")


def fold(word):
    """Lowercase, without accents: "Épaules" → "epaules", "Łokieć" → "lokiec", "ёж" → "еж"."""
    word = word.lower()
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFD", word.translate(_SPECIAL))
    return unicodedata.normalize("NFC", _ACCENTS.sub("", decomposed))


def term(word, language):
    """The term of one alphabetic word: folded, then stemmed. Folding first makes the
    stem the same whether the word was typed with its accents or without."""
    folded = fold(word)
    stem = stemmer(language)
    return stem.stemWord(folded) if stem is not None else folded
