"""Arabic and Urdu: the letter forms people type interchangeably made one."""

import re

# Harakat, Quranic marks, superscript alef, tatweel.
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",  # Urdu/Persian yeh
        "ې": "ي",
        "ۍ": "ي",
        "ے": "ي",  # Urdu bari yeh: typed as ي on Arabic keyboards
        "ۓ": "ي",
        "ئ": "ي",
        "ؤ": "و",
        "ک": "ك",  # keheh
        "ة": "ه",
        "ہ": "ه",  # Urdu heh goal
        "ۀ": "ه",
        "ۂ": "ه",
        "ھ": "ه",  # Urdu do-chashmi heh
        "٠": "0",
        "١": "1",
        "٢": "2",
        "٣": "3",
        "٤": "4",
        "٥": "5",
        "٦": "6",
        "٧": "7",
        "٨": "8",
        "٩": "9",
        "۰": "0",
        "۱": "1",
        "۲": "2",
        "۳": "3",
        "۴": "4",
        "۵": "5",
        "۶": "6",
        "۷": "7",
        "۸": "8",
        "۹": "9",
    }
)


def strip_marks(word):
    return _MARKS.sub("", word)


def normalise(word):
    """Without diacritics or tatweel; alef forms, yeh, kaf, heh and taa marbuta as one."""
    return strip_marks(word).translate(_LETTERS)


# Larkey's "light10" stemmer (as in Lucene's ArabicStemmer), on normalised text:
# the article and its attached conjunctions/prepositions, then plural, dual and
# pronoun endings. Snowball's Arabic stemmer was tried and left out: it strips
# "ات" from "التشنجات" but not from "تشنجات", so a word with and without its
# article did not meet.
_PREFIXES = ["وال", "بال", "كال", "فال", "لل", "ال", "و"]
_SUFFIXES = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"]


def stem(word):
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + (2 if prefix == "و" else 1):
            word = word[len(prefix) :]
            break
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            word = word[: -len(suffix)]
    return word
