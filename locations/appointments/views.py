"""The appointment request form on a clinic's page (/…/<clinic>/appointment/) and its
thank-you page: the request is saved first, then the clinic is told."""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from wagtail.models import Page

from conditions.models import ConditionPage
from locations.appointments.forms import AppointmentRequestForm
from locations.appointments.limiter import retry_after, take_slot
from locations.appointments.notification import notify_clinic


def _initial_reason(request, conditions):
    raw = request.GET.get("condition", "")
    # ASCII digits that fit a database integer; anything else preselects nothing.
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 18):
        return None
    wanted = Page.objects.filter(pk=int(raw)).values_list("translation_key", flat=True).first()
    for condition in conditions:
        if wanted and condition.translation_key == wanted:
            return str(condition.pk)
    return None


def _form_choices(page):
    page.prefetch_for_render()
    conditions = page.conditions_treated()
    if not conditions:
        conditions = list(
            ConditionPage.objects.live().filter(locale_id=page.locale_id).order_by("title")
        )
    return conditions, page.insurance_list()


@never_cache
def appointment_view(request, page):
    conditions, insurances = _form_choices(page)
    status = 200
    limited = False
    if request.method == "POST":
        form = AppointmentRequestForm(
            request.POST, location=page, conditions=conditions, insurances=insurances
        )
        # Valid (or spam) submissions count themselves before anything is kept: a
        # mistyped form costs the patient nothing, and a burst cannot pass the limit.
        if form.is_spam():
            take_slot(request)
            # Look like success, keep nothing.
            return HttpResponseRedirect(page.url + "appointment/thanks/")
        if not form.is_valid():
            status = 400
        elif not take_slot(request):
            limited = True
            status = 429
        else:
            appointment_request = form.save(request)  # saved first: nothing is lost
            notify_clinic(appointment_request)
            return HttpResponseRedirect(page.url + "appointment/thanks/")
    else:
        initial = {}
        reason = _initial_reason(request, conditions)
        if reason:
            initial["reason"] = reason
        form = AppointmentRequestForm(
            initial=initial, location=page, conditions=conditions, insurances=insurances
        )
    context = {"page": page, "self": page, "request": request}
    context.update({"form": form, "rate_limited": limited})
    response = TemplateResponse(request, "locations/appointment_form.html", context, status=status)
    if limited:
        response["Retry-After"] = str(retry_after(request))
    return response


@never_cache
def appointment_thanks_view(request, page):
    context = {"page": page, "self": page, "request": request}
    return TemplateResponse(request, "locations/appointment_thanks.html", context)
