"""Text people type into the site's forms (names, free-text answers), kept as typed
except for what would mislead the reader: bidirectional control characters, which
reverse or reorder what staff read ("Pat\u202eelpmaxE" shows as "PatExample"), are
removed; text with nothing visible left (only U+200B, U+FEFF, spaces, ...) is refused.
Joiners inside words (U+200C/U+200D, needed in Arabic-script and Indic names) stay."""

import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

# Embeddings and overrides, isolates, LRM/RLM, the Arabic letter mark.
BIDI_CONTROLS = frozenset(
    [*map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))]
    + ["\u200e", "\u200f", "\u061c"]
)
# Letters that draw nothing (Hangul fillers, the braille blank): not format
# characters, yet invisible.
BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def without_bidi_controls(text):
    return "".join(char for char in text if char not in BIDI_CONTROLS)


# Controls, format characters, spaces, and marks that only combine with a letter.
INVISIBLE_CATEGORIES = frozenset(["Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me"])


def is_visible(char):
    return unicodedata.category(char) not in INVISIBLE_CATEGORIES and char not in BLANK_LETTERS


def has_visible_text(text):
    return any(is_visible(char) for char in text)


class TypedTextField(forms.CharField):
    """A CharField for what a person types: bidirectional controls removed, spaces
    trimmed, and text made only of invisible characters refused with a message."""

    default_error_messages = {
        "invisible": _("This has only invisible characters. Please type it again."),
    }

    def to_python(self, value):
        return super().to_python(without_bidi_controls(str(value or "")))

    def validate(self, value):
        super().validate(value)
        if value and not has_visible_text(value):
            raise forms.ValidationError(self.error_messages["invisible"], code="invisible")
