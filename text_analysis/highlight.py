"""Where a query's terms are in a text: the words whose analysis meets them (so
"espasmo" marks "espasmos", "تشنج" marks "التشنجات"), and in Chinese or Korean
text the characters of the query's bigrams."""

from text_analysis.pipeline import _CJK, _WORD, _word_terms, base_language
from text_analysis.scripts import HAN, HANGUL, script_of


def _cjk_spans(run, offset, terms):
    spans = []
    for term in terms:
        start = run.find(term)
        while start >= 0:
            spans.append((offset + start, offset + start + len(term)))
            start = run.find(term, start + 1)
    return spans


def _spans_by_word(text, language, terms):
    """For each word of `text` the query meets, in order: the (start, end) spans in it."""
    language = base_language(language)
    cjk_terms = [term for term in terms if script_of(term[0]) in (HAN, HANGUL)]
    for match in _WORD.finditer(text):
        word, start = match.group(), match.start()
        parts = [(None, word, start)] if word.isascii() else []
        if not parts:
            for part in _CJK.finditer(word):
                parts.append((part.lastindex, part.group(), start + part.start()))
        for kind, run, offset in parts:
            if kind in (1, 2):  # a Han or Hangul run
                spans = _cjk_spans(run.lower(), offset, cjk_terms)
                if spans:
                    yield spans
                continue
            script = script_of(run[0])
            if any(term in terms for term in _word_terms(script, run, language, True)):
                yield [(offset, offset + len(run))]


def matching_spans(text, language, terms):
    """Sorted, merged (start, end) spans of `text` that the query's `terms` (a set) meet."""
    merged = []
    for start, end in sorted(
        span for spans in _spans_by_word(text, language, terms) for span in spans
    ):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def first_match(text, language, terms):
    """Where in `text` the query's terms are first met, or None: stops at the first
    word met, for finding a passage in a long text."""
    spans = next(_spans_by_word(text, language, terms), None)
    return min(start for start, _end in spans) if spans else None
