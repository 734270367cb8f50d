"""Lay terms applied to a query: "crick in the neck" also searches "neck spasms".

Rules are compared on analysed terms, so "cricks in my neck" and "Crick in the neck"
meet the rule "crick in the neck" as the query's own words meet a page's."""

from cms.caching.page_cache import cached_data
from search.models import LayTerm
from text_analysis import query_terms


def load(request, locale):
    """(patient words, page words, both ways) of the locale's lay terms, from the data
    cache (kept until any snippet changes)."""

    def rows():
        return list(
            LayTerm.objects.filter(locale=locale).values_list(
                "patient_words", "page_words", "both_ways"
            )
        )

    return cached_data(request, f"lay-terms:{locale.pk}", rows)


def _find(terms, phrase):
    """Where the phrase's terms occur in a row in `terms`."""
    for start in range(len(terms) - len(phrase) + 1):
        if terms[start : start + len(phrase)] == phrase:
            return start
    return None


def variants(terms, rules, language):
    """The query's terms, then the same with each lay phrase found in them replaced by
    the terms of the words it stands for."""
    found = [terms]
    for patient, page, both_ways in rules:
        pairs = [(patient, page), (page, patient)] if both_ways else [(patient, page)]
        for source, target in pairs:
            phrase = query_terms(source, language)
            start = _find(terms, phrase) if phrase else None
            if start is not None:
                replaced = (
                    terms[:start] + query_terms(target, language) + terms[start + len(phrase) :]
                )
                if replaced not in found:
                    found.append(replaced)
    return found


def source_variants(terms, rules, language, source_language):
    """For the pages not translated into `language` yet (still in `source_language`):
    the page words of each of the language's rules the query meets, analysed in the
    source language ("dolor lumbar" → the English "low back pain")."""
    found = []
    for patient, page, _both_ways in rules:
        phrase = query_terms(patient, language)
        if phrase and _find(terms, phrase) is not None:
            words = query_terms(page, source_language)
            if words and words not in found:
                found.append(words)
    return found
