"""The grade formulas on texts whose figures are published or counted by hand."""

import pytest

from readability.grade import (
    ease_to_grade,
    fernandez_huerta,
    flesch_kincaid_grade,
    measure,
    sentences,
    szigriszt_pazos,
)

# Wikipedia's Flesch–Kincaid article: 13 words, 24 syllables, one sentence: grade 11.3.
PLATYPUS = "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature."


def test_the_published_flesch_kincaid_example():
    result = measure(PLATYPUS, "en")
    assert (result.words, result.sentences, result.syllables) == (13, 1, 24)
    assert result.grade == pytest.approx(11.3, abs=0.05)


def test_short_plain_sentences_read_at_a_low_grade():
    # By hand: 12 words, 2 sentences, 18 syllables (com-mon, gen-tle, ex-er-cise,
    # peo-ple, bet-ter): 0.39 * 6 + 11.8 * 18/12 - 15.59 = 4.45
    text = "Neck pain is common. Gentle exercise helps most people feel better soon."
    result = measure(text, "en")
    assert (result.words, result.sentences) == (12, 2)
    assert result.syllables == 18
    assert result.grade == pytest.approx(4.45, abs=0.01)


def test_the_formulas_themselves():
    assert flesch_kincaid_grade(100, 5, 150) == pytest.approx(0.39 * 20 + 11.8 * 1.5 - 15.59)
    # "The cat sat on the mat.": 6 words, 6 syllables, 1 sentence.
    assert flesch_kincaid_grade(6, 1, 6) == pytest.approx(-1.45)
    # Fernández-Huerta: 206.84 - 0.60 P - 1.02 F (P syllables, F sentences per 100 words).
    assert fernandez_huerta(100, 5, 200) == pytest.approx(206.84 - 120 - 5.1)
    assert szigriszt_pazos(100, 5, 200) == pytest.approx(206.835 - 124.6 - 20)


def test_spanish_counts_syllables_with_diphthongs_and_hiatus():
    # El(1) pe-rro(2) co-me(2) car-ne(2): 4 words, 7 syllables, 1 sentence.
    result = measure("El perro come carne.", "es")
    assert (result.words, result.syllables, result.sentences) == (4, 7, 1)
    assert result.scores["fernandez_huerta"] == pytest.approx(206.84 - 105 - 25.5, abs=0.05)
    assert result.scores["szigriszt_pazos"] == pytest.approx(206.835 - 109.025 - 4, abs=0.05)
    # ciu-dad (diphthong), dí-a and pa-ís (accented weak vowel: hiatus), a-é-re-o,
    # gue-rra (silent u), fi-sio-te-ra-pia, mús-cu-lo.
    text = "ciudad día país aéreo guerra fisioterapia músculo"
    assert measure(text, "es").syllables == 2 + 2 + 2 + 4 + 2 + 5 + 3


def test_ease_bands_follow_flesch_table():
    assert ease_to_grade(95) == 5
    assert ease_to_grade(65) == 9
    assert ease_to_grade(10) == 17


def test_the_hardest_sentences_come_first():
    text = (
        "Fibromyalgia\nRest. "
        + PLATYPUS
        + " Ice helps the sore muscle. Physical therapy restores movement gradually."
        + " Walk a bit each day."
    )
    hardest = [row["text"] for row in measure(text, "en").hardest]
    # Sentence by sentence: 14 syllables in 5 words is grade 19.4, the platypus 11.3,
    # "Ice helps the sore muscle." 2.8, "Walk a bit each day." -2.3; a heading of one
    # long word and "Rest." are too short to list.
    assert hardest == [
        "Physical therapy restores movement gradually.",
        PLATYPUS,
        "Ice helps the sore muscle.",
    ]


def test_headings_on_their_own_line_are_their_own_sentence():
    assert sentences("Symptoms\nPain that spreads. Stiffness") == [
        "Symptoms",
        "Pain that spreads.",
        "Stiffness",
    ]


@pytest.mark.parametrize("language", ["zh-hans", "ar", "", None])
def test_languages_without_a_measure_give_none(language):
    assert measure("Some words here.", language) is None


def test_text_without_words_gives_none():
    assert measure("  12 34 … ", "en") is None
