"""The site's languages: English (the source) and the ten languages New York City
designates for citywide language access (Local Law 30).

Kept free of Django imports so settings can read it.
"""

# (code, English name, name in the language itself, right-to-left)
SITE_LANGUAGES = [
    ("en", "English", "English", False),
    ("es", "Spanish", "Español", False),
    ("zh-hans", "Simplified Chinese", "简体中文", False),
    ("zh-hant", "Traditional Chinese", "繁體中文", False),
    ("ru", "Russian", "Русский", False),
    ("bn", "Bengali", "বাংলা", False),
    ("ht", "Haitian Creole", "Kreyòl ayisyen", False),
    ("ko", "Korean", "한국어", False),
    ("ar", "Arabic", "العربية", True),
    ("ur", "Urdu", "اردو", True),
    ("fr", "French", "Français", False),
    ("pl", "Polish", "Polski", False),
]

SOURCE_LANGUAGE = "en"

# Django's LANG_INFO lacks Haitian Creole; settings merge these entries into it so
# get_language_info(), Wagtail's locale admin and wagtail-localize all know it.
EXTRA_LANG_INFO = {
    "ht": {"bidi": False, "code": "ht", "name": "Haitian Creole", "name_local": "Kreyòl ayisyen"},
}


def language_choices():
    return [(code, name) for code, name, _local, _rtl in SITE_LANGUAGES]


def native_name(code):
    for lang_code, _name, local, _rtl in SITE_LANGUAGES:
        if lang_code == code:
            return local
    return code
