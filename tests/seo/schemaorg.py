"""A validator of JSON-LD against the schema.org vocabulary itself: the published
`schemaorg-current-https.jsonld` (tests/data/, its release in tests/data/README.md),
read as data. No property or type is listed here by hand.

What it checks, for every node of a document (nested ones too):
- each `@type` is a current schema.org type;
- each property is a current schema.org property whose domain includes one of the
  node's types or a type they descend from;
- each value fits the property's range: a node's type descends from a type of the
  range, a boolean or number needs Boolean or Number there, and where the range is an
  enumeration a string or `@id` must name one of its members (schema.org lets text
  stand for any other thing, so other strings pass, as Google's parser takes them).
"""

import functools
import gzip
import json
from pathlib import Path

VOCABULARY = Path(__file__).resolve().parent.parent / "data" / "schemaorg-current-https.jsonld.gz"
SCHEMA = "https://schema.org/"
_SCHEMA_PREFIXES = ("https://schema.org/", "http://schema.org/")
_CLASS = "http://www.w3.org/2000/01/rdf-schema#Class"
_PROPERTY = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property"
_SUBCLASS_OF = "http://www.w3.org/2000/01/rdf-schema#subClassOf"


def _as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


class Vocabulary:
    """Types (with their supertypes), properties (domains, ranges) and enumeration
    members of one schema.org release."""

    def __init__(self, graph, context):
        prefixes = {key: value for key, value in context.items() if isinstance(value, str)}

        def iri(term):
            prefix, colon, local = term.partition(":")
            if colon and prefix in prefixes and not local.startswith("//"):
                return prefixes[prefix] + local
            return term

        def ids(node, key):
            return {iri(item["@id"]) for item in _as_list(node.get(key)) if isinstance(item, dict)}

        self.supertypes = {}  # type -> its direct supertypes
        self.properties = {}  # property -> (domains, ranges)
        self.members = {}  # enumeration member -> its types
        self.superseded = set()
        schema = {key: iri(f"schema:{key}") for key in ("domainIncludes", "rangeIncludes")}
        superseded_by = iri("schema:supersededBy")
        for node in graph:
            name = iri(node["@id"])
            types = {iri(kind) for kind in _as_list(node.get("@type"))}
            expanded = {iri(key): value for key, value in node.items()}
            if superseded_by in expanded:
                self.superseded.add(name)
            # A type is a class, or a term with supertypes (Physiotherapy is a
            # MedicalSpecialty value and, below MedicalBusiness, a type too).
            if _CLASS in types or _SUBCLASS_OF in expanded:
                self.supertypes[name] = ids(expanded, _SUBCLASS_OF)
            if _PROPERTY in types:
                self.properties[name] = (
                    ids(expanded, schema["domainIncludes"]),
                    ids(expanded, schema["rangeIncludes"]),
                )
            kinds = {kind for kind in types if kind.startswith(SCHEMA)}
            if kinds:
                self.members[name] = kinds

    @classmethod
    @functools.cache
    def load(cls, path=VOCABULARY):
        with gzip.open(path, "rt", encoding="utf-8") as file:
            document = json.load(file)
        return cls(document["@graph"], document["@context"])

    @functools.cache  # noqa: B019 - one vocabulary per test session
    def ancestors(self, name):
        """`name` and every type it descends from."""
        found = {name}
        for parent in self.supertypes.get(name, ()):
            found |= self.ancestors(parent)
        return frozenset(found)

    def is_enumeration(self, name):
        return SCHEMA + "Enumeration" in self.ancestors(name)

    def descends(self, types, ranges):
        return any(self.ancestors(kind) & ranges for kind in types)

    def allows(self, ranges, datatype):
        """Whether a range takes values of a data type (Integer counts as Number)."""
        return any(SCHEMA + datatype in self.ancestors(kind) for kind in ranges)


def _term(value):
    """A schema.org IRI for a term written short ("Physiotherapy") or in full."""
    for prefix in _SCHEMA_PREFIXES:
        if value.startswith(prefix):
            return SCHEMA + value[len(prefix) :]
    return SCHEMA + value if value and "/" not in value and ":" not in value else None


def _short(names):
    return ", ".join(sorted(name.removeprefix(SCHEMA) for name in names))


def validate(data, vocabulary=None):
    """Every way `data` (a JSON-LD document: a node, a list of nodes or an @graph)
    departs from the schema.org vocabulary, one message per finding."""
    vocabulary = vocabulary or Vocabulary.load()
    errors = []
    if isinstance(data, dict) and "@graph" in data:
        data = data["@graph"]
    for position, node in enumerate(_as_list(data)):
        _node(node, f"[{position}]", vocabulary, errors)
    return errors


def _node(node, path, vocabulary, errors):
    if not isinstance(node, dict):
        errors.append(f"{path}: a node must be an object, not {node!r}")
        return set()
    types = set()
    for kind in _as_list(node.get("@type")):
        name = _term(kind) if isinstance(kind, str) else None
        if name not in vocabulary.supertypes:
            errors.append(f"{path}: unknown type {kind!r}")
        elif name in vocabulary.superseded:
            errors.append(f"{path}: type {kind!r} is superseded")
        else:
            types.add(name)
    if "@type" not in node and "@id" not in node:
        errors.append(f"{path}: a node without @type")
    for key, value in node.items():
        if key.startswith("@"):
            continue
        where = f"{path}.{key}"
        name = SCHEMA + key
        if name not in vocabulary.properties:
            errors.append(f"{where}: {key!r} is not a schema.org property")
            continue
        if name in vocabulary.superseded:
            errors.append(f"{where}: {key!r} is superseded")
        domains, ranges = vocabulary.properties[name]
        if types and not vocabulary.descends(types, domains):
            errors.append(
                f"{where}: {key!r} is not a property of {_short(types)} "
                f"(it belongs to {_short(domains)})"
            )
        values = value if isinstance(value, list) else [value]
        for index, item in enumerate(values):
            at = f"{where}[{index}]" if isinstance(value, list) else where
            _value(item, key, ranges, at, vocabulary, errors)
    return types


def _value(item, key, ranges, path, vocabulary, errors):
    expected = _short(ranges)
    if item is None:
        errors.append(f"{path}: {key!r} is null")
    elif isinstance(item, bool):
        if not vocabulary.allows(ranges, "Boolean"):
            errors.append(f"{path}: {key!r} takes {expected}, not a boolean")
    elif isinstance(item, int | float):
        if not vocabulary.allows(ranges, "Number"):
            errors.append(f"{path}: {key!r} takes {expected}, not a number")
    elif isinstance(item, str):
        _enumeration_value(item, key, ranges, path, vocabulary, errors)
    elif isinstance(item, dict) and "@value" in item:
        if not isinstance(item["@value"], str):
            errors.append(f"{path}: {key!r} has a non-text @value")
    elif isinstance(item, dict) and "@type" not in item and "@id" in item:
        _enumeration_value(item["@id"], key, ranges, path, vocabulary, errors)
    elif isinstance(item, dict):
        types = _node(item, path, vocabulary, errors)
        if types and not vocabulary.descends(types, ranges):
            errors.append(f"{path}: {key!r} takes {expected}, not {_short(types)}")
    else:
        errors.append(f"{path}: {key!r} has a value JSON-LD cannot hold: {item!r}")


def _enumeration_value(text, key, ranges, path, vocabulary, errors):
    """A string (or @id) where the range has enumerations: it must name a member when
    the range is only enumerations, or when it is written as a schema.org IRI."""
    enumerations = {kind for kind in ranges if vocabulary.is_enumeration(kind)}
    if not enumerations:
        return
    written_as_term = text.startswith(_SCHEMA_PREFIXES)
    if enumerations != ranges and not written_as_term:
        return  # text where text is also allowed
    name = _term(text)
    kinds = vocabulary.members.get(name, set())
    if not vocabulary.descends(kinds, enumerations):
        errors.append(f"{path}: {text!r} is not a value of {_short(enumerations)} for {key!r}")
