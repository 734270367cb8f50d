"""Which writing system a character belongs to, by code point (no tables to load)."""

HAN, HANGUL, ARABIC, BENGALI, OTHER = "han", "hangul", "arabic", "bengali", "other"

_RANGES = [
    (0x0600, 0x06FF, ARABIC),
    (0x0750, 0x077F, ARABIC),
    (0x08A0, 0x08FF, ARABIC),
    (0x0980, 0x09FF, BENGALI),
    (0x1100, 0x11FF, HANGUL),
    (0x2E80, 0x2FDF, HAN),  # radicals
    (0x3040, 0x30FF, HAN),  # kana: no spaces either, so treated like Han
    (0x3130, 0x318F, HANGUL),
    (0x3400, 0x4DBF, HAN),
    (0x4E00, 0x9FFF, HAN),
    (0xA960, 0xA97F, HANGUL),
    (0xAC00, 0xD7AF, HANGUL),
    (0xD7B0, 0xD7FF, HANGUL),
    (0xF900, 0xFAFF, HAN),
    (0x20000, 0x323AF, HAN),
]


def _class(script):
    """The script's ranges as a regular-expression character class (without brackets)."""
    return "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high, name in _RANGES if name == script)


HAN_CLASS, HANGUL_CLASS = _class(HAN), _class(HANGUL)


def script_of(char):
    code = ord(char)
    if code < 0x0600:
        return OTHER
    for low, high, script in _RANGES:
        if low <= code <= high:
            return script
    return OTHER
