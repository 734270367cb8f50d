"""US phone numbers: stored in E.164 (+12125550101), shown as (212) 555-0101."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def normalize_phone(value):
    """The E.164 form of a US number, or None when `value` is not one."""
    text = str(value or "").strip()
    if not text or len(text) > 40 or re.search(r"[^\d\s().+\-]", text):
        return None
    digits = re.sub(r"\D", "", text)
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
