"""Bengali: the forms of the same letters people type, and common endings."""

import unicodedata

_DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")
# Case endings and plural/definite markers, longest first; stripped once when at least
# two letters stay (ব্যথার → ব্যথা, রোগীদের → রোগী, হাঁটুতে → হাঁটু).
_SUFFIXES = sorted(
    [
        "গুলোর",
        "গুলির",
        "গুলো",
        "গুলি",
        "দের",
        "েরা",
        "টির",
        "টার",
        "টি",
        "টা",
        "কে",
        "রা",
        "ের",
        "তে",
        "র",
        "য়",
        "ে",
    ],
    key=len,
    reverse=True,
)
_SUFFIXES = [unicodedata.normalize("NFD", suffix) for suffix in _SUFFIXES]


def normalise(word):
    """NFC (precomposed য় ড় ঢ় and their two-character spellings are one), khanda ta
    as ত, Bengali digits as ASCII."""
    word = unicodedata.normalize("NFC", word).replace("ৎ", "ত").translate(_DIGITS)
    return unicodedata.normalize("NFD", word)


def stem(word):
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            return word[: -len(suffix)]
    return word
