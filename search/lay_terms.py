"""Lay terms applied to a query: "crick in the neck" also searches "neck spasms".

Rules are compared on analysed terms, so "cricks in my neck" and "Crick in the neck"
meet the rule "crick in the neck" as the query's own words meet a page's."""

from search.analysis import query_groups


def load(request, locale):
    """(patient words, page words, both ways) of the locale's lay terms, from the data
    cache (kept until any snippet changes)."""
    from cms.page_cache import cached_data
    from search.models import LayTerm

    def rows():
        return list(
            LayTerm.objects.filter(locale=locale).values_list(
                "patient_words", "page_words", "both_ways"
            )
        )

    return cached_data(request, f"lay-terms:{locale.pk}", rows)


def _find(groups, phrase):
    """Where the phrase's groups occur in a row in `groups` (each meeting its own)."""
    for start in range(len(groups) - len(phrase) + 1):
        if all(groups[start + i] & phrase[i] for i in range(len(phrase))):
            return start
    return None


def variants(groups, rules, language):
    """The query's groups, then the same with each lay phrase found in them replaced by
    the words it stands for."""
    found = [groups]
    for patient, page, both_ways in rules:
        pairs = [(patient, page), (page, patient)] if both_ways else [(patient, page)]
        for source, target in pairs:
            source_groups = query_groups(source, language)
            if not source_groups:
                continue
            start = _find(groups, source_groups)
            if start is not None:
                replaced = (
                    groups[:start]
                    + query_groups(target, language)
                    + groups[start + len(source_groups) :]
                )
                if replaced not in found:
                    found.append(replaced)
    return found
