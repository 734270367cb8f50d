"""Every spreadsheet the admin exports (appointment requests, search terms, the audit
log and the other reports) is safe to open in Excel or Sheets: a CSV cell that starts
with =, +, -, @, tab or carriage return would run as a formula ("CSV injection"), so
it gets a leading apostrophe, as OWASP advises. Patients' input (names, search terms)
reaches these cells.

All of Wagtail's exports go through `SpreadsheetExportMixin.preprocess_field_value`,
so the guard sits there once (`guard_exports`, from cms.apps) and covers exports added
later too. XLSX needs nothing more: Wagtail writes a cell that looks like a formula as
a string cell, which a spreadsheet never evaluates."""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value):
    """`value` as a cell no spreadsheet evaluates: a string starting with a formula
    trigger gets a leading apostrophe; anything else is unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def guard_exports():
    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "neutralises_formulas", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        cell = original(self, field, value, export_format)
        return neutralise_cell(cell) if export_format == self.FORMAT_CSV else cell

    preprocess_field_value.neutralises_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
