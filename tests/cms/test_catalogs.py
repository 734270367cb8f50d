"""The interface-string catalogs: every language complete, compiled files current."""

from pathlib import Path

import polib
import pytest
from django.utils.translation import gettext as _
from django.utils.translation import override, to_locale

from cms.i18n.languages import SITE_LANGUAGES

LOCALE = Path(__file__).resolve().parents[2] / "locale"
TRANSLATED = [code for code, *_rest in SITE_LANGUAGES if code != "en"]


@pytest.mark.parametrize("code", TRANSLATED)
def test_catalog_is_complete_and_compiled(code):
    po_path = LOCALE / to_locale(code) / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(po_path))
    assert len(po) > 200
    assert not po.untranslated_entries(), [e.msgid for e in po.untranslated_entries()][:5]
    assert not po.fuzzy_entries()
    mo = polib.mofile(str(po_path.with_suffix(".mo")))
    compiled = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in mo}
    for entry in po.translated_entries():
        key = (entry.msgctxt, entry.msgid)
        expected = entry.msgstr or {int(k): v for k, v in entry.msgstr_plural.items()}
        got = compiled.get(key)
        if isinstance(got, dict):
            got = {int(k): v for k, v in got.items()}
        assert got == expected, f"{code}: django.mo is older than django.po ({entry.msgid!r})"


@pytest.mark.parametrize("code", TRANSLATED)
def test_interface_strings_are_served_in_each_language(code):
    with override(code):
        assert _("Request an appointment") != "Request an appointment"
