"""US phone numbers: stored in E.164 (+12125550101), shown as (212) 555-0101."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cms.typed_text import without_bidi_controls


def ascii_digits(text):
    """`text` with fullwidth forms folded (NFKC: "５" to "5", "（" to "(") and every
    other Unicode decimal digit (Arabic-Indic, Devanagari, Bengali, ...) written as its
    ASCII digit, so a number typed on any keyboard is the number it reads as."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(
        str(unicodedata.decimal(char)) if unicodedata.category(char) == "Nd" else char
        for char in folded
    )


def normalize_phone(value):
    """The E.164 form of a US number (ASCII digits only), or None when `value` is not
    one. Direction marks pasted with a number (copied from right-to-left text) go."""
    text = ascii_digits(without_bidi_controls(str(value or "")[:80])).strip()
    if not text or len(text) > 40 or re.search(r"[^0-9\s().+\-]", text):
        return None
    digits = re.sub(r"[^0-9]", "", text)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    # North American numbering: area code and exchange never start with 0 or 1.
    if len(digits) != 10 or digits[0] in "01" or digits[3] in "01":
        return None
    return "+1" + digits


def format_phone(value):
    """(212) 555-0101 for a stored +12125550101; anything else unchanged."""
    normalized = normalize_phone(value)
    if normalized is None:
        return value or ""
    d = normalized[2:]
    return f"({d[:3]}) {d[3:6]}-{d[6:]}"


def validate_phone(value):
    if normalize_phone(value) is None:
        raise ValidationError(
            _("Enter a US phone number with area code, for example (212) 555-0101."),
            code="invalid_phone",
        )
