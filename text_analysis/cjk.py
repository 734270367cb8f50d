"""Chinese, Japanese kana and Korean: text without spaces between words.

Overlapping character bigrams need no dictionary, are the same for Simplified and
Traditional characters and for any new word, and are what Lucene's CJK analyzer does:
"颈部肌肉" is indexed as 颈部 部肌 肌肉 (and each character, so that a one-character
query finds it), and a query "肌肉" or "颈部" meets its bigram. A dictionary segmenter
(jieba) would add a 20 MB dictionary, a second of start-up and Simplified-only words.

Korean writes spaces between words but attaches particles (을/를, 이/가, 에서...)
to them: the particle is stripped, then the word is bigrammed like Chinese, so
"통증이" (pain + subject particle) and "목통증" (neck pain, one word) meet "통증".
"""

# Longest first; stripped once, when at least one syllable stays.
KOREAN_PARTICLES = sorted(
    [
        "에서는",
        "에게서",
        "으로는",
        "으로서",
        "으로써",
        "에서",
        "에게",
        "한테",
        "께서",
        "까지",
        "부터",
        "으로",
        "이나",
        "처럼",
        "보다",
        "하고",
        "이랑",
        "에는",
        "은",
        "는",
        "이",
        "가",
        "을",
        "를",
        "의",
        "에",
        "로",
        "와",
        "과",
        "도",
        "만",
        "랑",
    ],
    key=len,
    reverse=True,
)


_ENDINGS = tuple(KOREAN_PARTICLES)


def strip_particle(word):
    if not word.endswith(_ENDINGS):
        return word
    for particle in KOREAN_PARTICLES:
        if word.endswith(particle) and len(word) > len(particle):
            return word[: -len(particle)]
    return word


def bigrams(run):
    return [run[i : i + 2] for i in range(len(run) - 1)] or [run]


def index_grams(run):
    """Every bigram and every character of a run."""
    return bigrams(run) + (list(run) if len(run) > 1 else [])
