"""Admin pieces of the translation lifecycle."""

from django.urls import path
from wagtail import hooks
from wagtail_localize.views.update_translations import UpdateTranslationsView


class UpdateTranslationsAsDrafts(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages" without its "Publish immediately":
    that would publish every translation with the new source text in the source
    language. The sync refreshes what translators see; they (or, for condition
    pages, clinical reviewers) publish each translation."""

    def get_form(self):
        form = super().get_form()
        form.fields.pop("publish_translations", None)
        return form

    def form_valid(self, form):
        form.cleaned_data["publish_translations"] = False
        return super().form_valid(form)


@hooks.register("register_admin_urls")
def update_translations_as_drafts():
    # Registered before wagtail-localize's hooks (INSTALLED_APPS order), so this view
    # answers its "localize/update/<id>/" URL, which it keeps reversing by name.
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            UpdateTranslationsAsDrafts.as_view(),
            name="localization_update_translations",
        )
    ]
