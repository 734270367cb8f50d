"""Who translates what: the board's audience and each translator's languages.

Translators belong to one group per language, named "Translators: <English name of
the language>" (e.g. "Translators: Spanish"); the older shared "Translators" group
means every language. Editors and clinical reviewers see the board too."""

from functools import cached_property

from wagtail.models import GroupPagePermission, Locale, Page

from cms.editorial import roles
from cms.i18n.languages import SITE_LANGUAGES

TRANSLATORS_PREFIX = "Translators: "
LANGUAGE_BY_NAME = {name: code for code, name, _local, _rtl in SITE_LANGUAGES}
BOARD_GROUPS = {roles.MARKETING_EDITORS, roles.CLINICAL_REVIEWERS, roles.TRANSLATORS}


class BoardAudience:
    """What one user may do on the board, worked out once per request (one query)."""

    def __init__(self, user):
        self.user = user

    @cached_property
    def group_names(self):
        if not self.user.is_authenticated:
            return set()
        return set(self.user.groups.values_list("name", flat=True))

    @cached_property
    def language_codes(self):
        """The languages of the user's per-language translator groups (may be empty)."""
        return {
            LANGUAGE_BY_NAME[name.removeprefix(TRANSLATORS_PREFIX)]
            for name in self.group_names
            if name.startswith(TRANSLATORS_PREFIX)
            and name.removeprefix(TRANSLATORS_PREFIX) in LANGUAGE_BY_NAME
        }

    @property
    def is_translator(self):
        return bool(self.language_codes) or roles.TRANSLATORS in self.group_names

    @property
    def may_view(self):
        if not (self.user.is_active and self.user.is_authenticated):
            return False
        return (
            self.user.is_superuser
            or bool(self.group_names & BOARD_GROUPS)
            or bool(self.language_codes)
        )

    @cached_property
    def page_locales(self):
        """Locales where the user was granted "add" on a page (a grant covers the
        page's subtree, all in one language; a grant on the root, every language)."""
        grants = GroupPagePermission.objects.filter(
            group__user=self.user, permission__codename="add_page"
        ).values_list("page__depth", "page__locale_id")
        return {"all" if depth == 1 else locale_id for depth, locale_id in grants}

    def may_start(self, locale, model):
        """Whether the board offers "start" for this model in this language (the start
        view then asks Wagtail's own page permissions before creating anything)."""
        if self.user.is_superuser:
            return True
        if not self.user.has_perm("wagtail_localize.submit_translation"):
            return False
        if self.language_codes and locale.language_code not in self.language_codes:
            return False
        if issubclass(model, Page):
            return bool({"all", locale.pk} & self.page_locales)
        return self.user.has_perm(f"{model._meta.app_label}.add_{model._meta.model_name}")

    def order_locales(self, locales):
        """The user's own languages first, then the others in the site's order."""
        own = [locale for locale in locales if locale.language_code in self.language_codes]
        return own + [locale for locale in locales if locale not in own]


def target_locales():
    """Every language but the source one, in the site's order (cms/i18n/languages.py)."""
    order = {code: index for index, (code, *_rest) in enumerate(SITE_LANGUAGES)}
    default = Locale.get_default()
    locales = [locale for locale in Locale.objects.all() if locale.pk != default.pk]
    return sorted(locales, key=lambda locale: order.get(locale.language_code, len(order)))
