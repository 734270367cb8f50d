"""Language-aware analysis of page text and of queries, the same on every database.

Wagtail's database backend (SQLite FTS5, PostgreSQL's `simple` configuration) only
splits text on spaces and punctuation and lowercases it. This package turns text into
the terms a patient's words should meet, per the page's or the visitor's language:

- everything: Unicode NFKC (full-width letters, Arabic presentation forms), invisible
  format characters dropped, lowercase;
- Latin, Cyrillic, Greek (`latin`): accents folded (é→e, ł→l, ё→е), then stemmed
  with Snowball (PyStemmer) where it has the language: en es fr ru pl;
- Chinese and Japanese script (`cjk`): overlapping character bigrams, plus single
  characters in the index so a one-character query finds them;
- Korean (`cjk`): the particle at the end of a word stripped, then bigrams;
- Arabic script (`arabic`): diacritics, tatweel, alef/hamza, taa marbuta, alef maqsura
  and the Urdu letter forms (ی ک ہ) normalised; Arabic is stemmed too (light10:
  article ال and its prefixes, plural and pronoun suffixes);
- Bengali (`indic`): nukta and khanda-ta forms, Bengali digits, common case endings.

`index_terms(text, language)` gives the terms stored for a page, `query_terms(text,
language)` the terms of a query, which must all be among a page's terms.
"""

from text_analysis.pipeline import index_terms, query_terms

__all__ = ["index_terms", "query_terms"]
