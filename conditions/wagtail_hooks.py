"""Admin for health content: condition pages publish only through clinical review
(cms/editorial/roles.py), translators can submit translated condition pages to that review,
and the dashboard lists what needs attention: condition pages whose medical review is
overdue (cms/editorial/review_dates.py) and translations older than their English source."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.forms import Media
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template import engines
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, Page
from wagtail.permissions import policy_registry
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from cms.editorial import review_dates
from conditions.models import ConditionPage
from localization.review import blocking_segments, refusal
from localization.revisions import save_translation_revision
from localization.segments import KEPT

PANEL_LIMIT = 25


# --- What needs attention -------------------------------------------------------------


def editable_pages(user):
    return policy_registry.get_by_type(Page).instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )


def reviews_due(user, today=None, request=None):
    """Condition pages (any language) the user may edit whose next medical review is
    past, or that were never reviewed: the oldest review first."""
    months = review_dates.interval_months(ConditionPage, request)
    pages = ConditionPage.objects.filter(review_dates.overdue(months, today))
    if not user.is_superuser:
        pages = pages.filter(pk__in=editable_pages(user).values("pk"))
    return pages.select_related("locale").order_by(
        F("last_reviewed").asc(nulls_first=True), "title", "pk"
    )


def translations_behind(user):
    """Translated pages the user may edit that lag their English page: wagtail-localize
    holds English text not yet translated into the page's language, or translated only
    by the translation kept from before it changed (publishing the English page
    refreshes that text, cms/i18n/translations.py), or, for a translation
    kept outside wagtail-localize, it was last published before the English page."""
    default = Locale.get_default()
    english = Page.objects.filter(locale=default, translation_key=OuterRef("translation_key"))
    untranslated = StringSegment.objects.filter(source_id=OuterRef("source_id")).exclude(
        Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=OuterRef(OuterRef("target_locale_id")),
                has_error=False,
            ).exclude(tool_name=KEPT)  # kept from before the English changed: still behind
        )
    )
    synced = Translation.objects.filter(
        source__object_id=OuterRef("translation_key"),
        source__locale=default,
        target_locale_id=OuterRef("locale_id"),
        enabled=True,
    )
    pages = (
        Page.objects.exclude(locale=default)
        .filter(alias_of__isnull=True)
        .annotate(
            source_published_at=Subquery(english.values("last_published_at")[:1]),
            is_synced=Exists(synced),
            lags=Exists(synced.filter(Exists(untranslated))),
        )
        .filter(source_published_at__isnull=False)
        .filter(
            Q(lags=True)
            | Q(
                Q(last_published_at__isnull=True)
                | Q(last_published_at__lt=F("source_published_at")),
                is_synced=False,
            )
        )
    )
    if not user.is_superuser:
        pages = pages.filter(pk__in=editable_pages(user).values("pk"))
    return pages.select_related("locale").order_by("-source_published_at", "path")


PANEL_TEMPLATE = """{% load i18n wagtailadmin_tags %}
{% if reviews or behind %}
{% panel id="clinical-attention" heading=heading classname="w-panel--dashboard" %}
  {% if reviews %}
  <h3>{% trans "Medical review overdue" %}</h3>
  <table class="listing listing--dashboard">
    <thead><tr><th>{% trans "Condition page" %}</th><th>{% trans "Language" %}</th>
      <th>{% trans "Last reviewed" %}</th><th>{% trans "Next review due" %}</th></tr></thead>
    <tbody>{% for page, review in reviews %}
      <tr><td><a href="{% url 'wagtailadmin_pages:edit' page.pk %}">{{ page.title }}</a></td>
        <td>{{ page.locale.get_display_name }}</td>
        <td>{{ review.last|date:"Y-m-d"|default:never }}</td>
        <td>{{ review.due|date:"Y-m-d"|default:"—" }}</td></tr>
    {% endfor %}</tbody>
  </table>
  {% endif %}
  {% if behind %}
  <h3>{% trans "Translations behind their English source" %}</h3>
  <table class="listing listing--dashboard">
    <thead><tr><th>{% trans "Translation" %}</th><th>{% trans "Language" %}</th>
      <th>{% trans "English published" %}</th>
      <th>{% trans "Translation published" %}</th></tr></thead>
    <tbody>{% for page in behind %}
      <tr><td><a href="{% url 'wagtailadmin_pages:edit' page.pk %}">{{ page.title }}</a></td>
        <td>{{ page.locale.get_display_name }}</td>
        <td>{{ page.source_published_at|date:"Y-m-d H:i" }}</td>
        <td>{{ page.last_published_at|date:"Y-m-d H:i"|default:never }}</td></tr>
    {% endfor %}</tbody>
  </table>
  {% endif %}
{% endpanel %}
{% endif %}
"""


class ClinicalAttentionPanel:
    """Dashboard panel (a Wagtail component: name, order, media, render_html)."""

    name = "clinical_attention"
    order = 90
    media = Media()

    def render_html(self, parent_context):
        request = parent_context["request"]
        template = engines["django"].from_string(PANEL_TEMPLATE)
        months = review_dates.interval_months(ConditionPage, request)
        reviews = [
            (page, review_dates.review_state(page, months))
            for page in reviews_due(request.user, request=request)[:PANEL_LIMIT]
        ]
        return template.render(
            {
                "heading": _("Needs attention: reviews and translations"),
                "never": _("never"),
                "reviews": reviews,
                "behind": list(translations_behind(request.user)[:PANEL_LIMIT]),
            },
            request,
        )


@hooks.register("construct_homepage_panels")
def add_clinical_attention_panel(request, panels):
    panels.append(ClinicalAttentionPanel())


# --- Submitting a translated condition page for clinical review -----------------------

CONFIRM_TEMPLATE = """{% extends "wagtailadmin/generic/base.html" %}{% load i18n %}
{% block main_content %}
{% if in_review %}<p>{% trans "This translation is already in clinical review." %}</p>{% endif %}
{% if refusal %}
<p class="help-block help-critical" role="alert">{{ refusal }}</p>
{% include "localization/includes/pending_segments.html" %}
<p><a class="button" href="{% url 'wagtailadmin_pages:edit' page.pk %}">
  {% trans "Open the translation" %}</a></p>
{% elif not in_review %}
<p>{% blocktrans with title=page.get_admin_display_title %}Send “{{ title }}” to the
 {{ workflow }} workflow? A clinical reviewer approves it before it goes live.
 {% endblocktrans %}</p>
{% include "localization/includes/pending_segments.html" %}
<form method="post">{% csrf_token %}
  <button type="submit" class="button">{% trans "Submit for clinical review" %}</button>
</form>
{% endif %}
{% endblock %}
"""


def can_submit_for_review(page, user):
    if not isinstance(page.specific_deferred, ConditionPage):
        return False
    perms = page.permissions_for_user(user)
    return (
        page.get_workflow() is not None
        and perms.can_edit()
        and perms.can_submit_for_moderation()
        and not perms.can_publish()
    )


def is_in_review_for(page, user):
    """A condition page the user may edit, with its review already under way."""
    return (
        isinstance(page.specific_deferred, ConditionPage)
        and page.workflow_in_progress
        and page.permissions_for_user(user).can_edit()
    )


@require_http_methods(["GET", "POST"])
def submit_for_review(request, page_id):
    """The translation editor (wagtail-localize) offers "Save" and "Publish" only; this
    starts the page's workflow for those who may not publish, on a revision built
    from the translation's current strings (what the reviewer sees and approves)."""
    page = get_object_or_404(Page, pk=page_id).specific
    # A translator whose page is already in review sees what the reviewer will be
    # refused for (an English change since), and cannot submit it twice.
    in_review = is_in_review_for(page, request.user)
    if not in_review and not can_submit_for_review(page, request.user):
        raise PermissionDenied
    workflow = page.get_workflow()
    # Every segment translated and up to date first: what the reviewer approves is
    # what goes live, and no English may stand in for clinical text.
    pending = blocking_segments(page)
    if request.method == "POST" and not pending and not in_review:
        with transaction.atomic():
            save_translation_revision(page, request.user)
            page.refresh_from_db()
            workflow.start(page, request.user)
        messages.success(
            request, _("“%(title)s” was submitted for clinical review.") % {"title": page.title}
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    template = engines["django"].from_string(CONFIRM_TEMPLATE)
    context = {
        "page": page,
        "pending": pending,
        "language_code": page.locale.language_code,
        "refusal": refusal(pending) if pending else "",
        "in_review": in_review,
        "workflow": workflow.name,
        "page_title": _("Submit for clinical review"),
        "header_title": _("Submit for clinical review"),
    }
    status = 409 if request.method == "POST" else 200  # a refused submit
    return HttpResponse(template.render(context, request), status=status)


@hooks.register("register_admin_urls")
def clinical_review_urls():
    return [
        path(
            "conditions/submit-for-review/<int:page_id>/",
            submit_for_review,
            name="conditions_submit_for_review",
        )
    ]


@hooks.register("register_page_listing_more_buttons")
def submit_for_review_button(page, user, view_name=None, next_url=None):
    if page.locale_id != Locale.get_default().pk and can_submit_for_review(page, user):
        yield ListingButton(
            _("Submit for clinical review"),
            reverse("conditions_submit_for_review", args=[page.pk]),
            icon_name="tasks",
            priority=20,
        )
