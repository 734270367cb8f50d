"""Reading grade of patient-facing text: Flesch–Kincaid grade for English, and
Fernández-Huerta and Szigriszt-Pazos (INFLESZ) for Spanish, with the sentences that
pull the figure up. Plain formulas over sentence, word and syllable counts; see the
README for why no library computes them here."""

import re
import unicodedata
from dataclasses import dataclass, field

MEASURED_LANGUAGES = ("en", "es")
MIN_SENTENCE_WORDS = 5  # shorter lines are not listed among the hardest sentences

_SENTENCE_END = re.compile(r"(?<=[.!?¿¡…])\s+|\n+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_EN_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
# Spanish: a, e, o (and accented vowels) are strong; two strong vowels side by side,
# or a weak one carrying the accent (í, ú), are two syllables (hiatus).
_ES_VOWELS = "aeiouáéíóúü"
_ES_STRONG = set("aeoáéíóú")


def _en_syllables(word):
    word = word.lower().replace("’", "'")
    if len(word) <= 3:
        return 1
    groups = len(_EN_VOWEL_GROUPS.findall(word))
    # A final silent e ("take"), but not "-le" after a consonant ("muscle", "able").
    if word.endswith("e") and not re.search(r"[^aeiouy]le$", word):
        groups -= 1
    # "-ed" is silent unless after t or d ("treated" keeps it, "moved" does not).
    if word.endswith("ed") and not re.search(r"[td]ed$", word):
        groups -= 1
    # "-es" after most consonants is silent ("makes"), not after s, x, z, ch, sh, ce, ge.
    if word.endswith("es") and not re.search(r"(s|x|z|ch|sh|c|g)es$", word):
        groups -= 1
    return max(groups, 1)


def _es_syllables(word):
    word = word.lower()
    # "qu" and "gu" before e/i: the u is silent.
    word = re.sub(r"([qg])u([eéií])", r"\1\2", word)
    count, previous = 0, None
    for letter in word:
        if letter not in _ES_VOWELS:
            previous = None
            continue
        if previous is None or (previous in _ES_STRONG and letter in _ES_STRONG):
            count += 1
        previous = letter
    return max(count, 1)


SYLLABLES = {"en": _en_syllables, "es": _es_syllables}


def sentences(text):
    text = unicodedata.normalize("NFC", text)
    return [s.strip() for s in _SENTENCE_END.split(text) if _WORD.search(s or "")]


def words(text):
    return _WORD.findall(text)


def flesch_kincaid_grade(n_words, n_sentences, n_syllables):
    return 0.39 * n_words / n_sentences + 11.8 * n_syllables / n_words - 15.59


def fernandez_huerta(n_words, n_sentences, n_syllables):
    """Ease from 0 (hardest) to 100 (easiest), on Flesch's scale."""
    return 206.84 - 60 * n_syllables / n_words - 102 * n_sentences / n_words


def szigriszt_pazos(n_words, n_sentences, n_syllables):
    """INFLESZ ease: 55 and above reads as "normal" for the general public."""
    return 206.835 - 62.3 * n_syllables / n_words - n_words / n_sentences


# Flesch's table of ease against school grade, which Fernández-Huerta is calibrated
# to: (lowest ease of the band, US grade of that band).
EASE_GRADES = [(90, 5), (80, 6), (70, 7), (60, 9), (50, 12), (30, 15), (0, 17)]


def ease_to_grade(ease):
    for lowest, grade in EASE_GRADES:
        if ease >= lowest:
            return grade
    return EASE_GRADES[-1][1]


@dataclass
class Measure:
    language: str
    words: int
    sentences: int
    syllables: int
    grade: float  # US school grade (Flesch–Kincaid, or the ease's grade band)
    scores: dict = field(default_factory=dict)  # every formula's own figure
    hardest: list = field(default_factory=list)  # up to three sentences, hardest first

    def as_dict(self):
        return {
            "language": self.language,
            "words": self.words,
            "sentences": self.sentences,
            "syllables": self.syllables,
            "grade": round(self.grade, 1),
            "scores": {name: round(value, 1) for name, value in self.scores.items()},
            "hardest": self.hardest,
        }


def _counts(text, count_syllables):
    found = words(text)
    return len(found), sum(count_syllables(word) for word in found)


def measure(text, language, hardest=3):
    """The reading grade of `text` in `language` ("en", "es"), or None when the
    language has no measure here or the text has no words."""
    language = (language or "").split("-")[0].lower()
    count_syllables = SYLLABLES.get(language)
    if count_syllables is None:
        return None
    parts = sentences(text)
    n_words, n_syllables = _counts(text, count_syllables)
    if not n_words:
        return None
    n_sentences = max(len(parts), 1)
    if language == "en":
        grade = flesch_kincaid_grade(n_words, n_sentences, n_syllables)
        scores = {"flesch_kincaid_grade": grade}
    else:
        ease = fernandez_huerta(n_words, n_sentences, n_syllables)
        scores = {
            "fernandez_huerta": ease,
            "szigriszt_pazos": szigriszt_pazos(n_words, n_sentences, n_syllables),
        }
        grade = ease_to_grade(ease)

    def sentence_grade(sentence):
        w, s = _counts(sentence, count_syllables)
        return flesch_kincaid_grade(w, 1, s) if w else 0

    # Headings and list fragments of a word or two are not what makes a page hard.
    full = [s for s in parts if len(words(s)) >= MIN_SENTENCE_WORDS] or parts
    ranked = sorted(full, key=sentence_grade, reverse=True)[:hardest]
    return Measure(
        language=language,
        words=n_words,
        sentences=n_sentences,
        syllables=n_syllables,
        grade=max(grade, 0.0),
        scores=scores,
        hardest=[{"text": s, "words": len(words(s))} for s in ranked],
    )
