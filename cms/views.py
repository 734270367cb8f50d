import posixpath
import sys

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import Http404, HttpResponse, HttpResponseNotFound, JsonResponse
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.static import serve
from wagtail.models import Site

from cms.i18n import error_pages


@never_cache
@require_GET
def healthz(request):
    """200 when the site's database is there and answers, 503 when it does not (for load
    balancers). A query alone is not enough: SQLite opens a moved or replaced file as a
    new empty database, so the check asks for the default site, which every page needs."""
    try:
        found = Site.objects.filter(is_default_site=True).values_list("pk", flat=True).first()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    if found is None:
        return JsonResponse({"status": "unavailable", "database": "no site"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def media(request, path):
    """Uploaded images and their renditions, when the app serves media itself
    (SERVE_MEDIA). Never a document's file: /documents/<id>/<name> serves those, after
    their collection's view restrictions (private documents) have been checked."""
    if posixpath.normpath("/" + path).startswith("/documents/"):
        raise Http404("Documents are served from /documents/.")
    return serve(request, path, document_root=settings.MEDIA_ROOT)


@require_GET
def robots_txt(request):
    sitemap = request.build_absolute_uri("/sitemap.xml")
    # Crawlers stay out of the admin, the appointment forms (in every language, e.g.
    # /locations/midtown/appointment/ and /es/.../appointment/), search results (each
    # search is counted for marketing) and the JSON API (for apps, not for indexing).
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /*/appointment/",
        "Disallow: /search/",
        "Disallow: /*/search/",
        "Disallow: /api/",
        "",
        f"Sitemap: {sitemap}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def server_error(request):
    """The 500 page renders from a self-contained template: no database, no context
    processors, in the language of the URL's prefix (cms/i18n/error_pages.py). When the
    error is the database being out of reach, patients get a friendly 503 that asks
    them to retry, and load balancers see "unavailable"."""
    error = sys.exc_info()[1]
    context = error_pages.context_for(error_pages.language_for_path(request.path))
    unavailable = isinstance(error, OperationalError | InterfaceError)
    with translation.override(context["lang"]):
        html = loader.get_template("503.html" if unavailable else "500.html").render(context)
    response = HttpResponse(html, status=503 if unavailable else 500)
    if unavailable:
        response["Retry-After"] = "30"
    response["Content-Language"] = context["lang"]
    return response


# A client's mistake, in words a patient can act on: (status, heading, message).
BAD_REQUEST = (
    400,
    _("We could not read this request"),
    _("Something in it was not right. Please go back and try again."),
)
TOO_LARGE = (
    413,
    _("Too much to send"),
    _("What you sent is larger than this site accepts. Please send less text or a smaller file."),
)
URI_TOO_LONG = (
    414,
    _("This address is too long"),
    _("The link may be broken. Please check it, or start from the home page."),
)
FORM_EXPIRED = (
    403,
    _("Please send the form again"),
    _(
        "For your security, a form expires after a while, or when your browser blocks "
        "this site's cookies. Go back, reload the page and send the form again."
    ),
)


def client_error(request, error):
    """The page for a client's mistake: self-contained like the 500 page (no database,
    no context processors, nothing read from the Host header, which may be the
    mistake), in the language of the URL's prefix."""
    status, heading, message = error
    context = error_pages.context_for(error_pages.language_for_path(request.path))
    with translation.override(context["lang"]):
        context.update(heading=str(heading), message=str(message))
        html = loader.get_template("client_error.html").render(context)
    response = HttpResponse(html, status=status)
    response["Content-Language"] = context["lang"]
    return response


def bad_request(request, exception):
    """400 for a malformed request or a bad Host header; 413 for a body over the
    upload limits (DATA_UPLOAD_MAX_MEMORY_SIZE, DATA_UPLOAD_MAX_NUMBER_FIELDS/FILES)."""
    too_large = isinstance(exception, RequestDataTooBig | TooManyFieldsSent | TooManyFilesSent)
    return client_error(request, TOO_LARGE if too_large else BAD_REQUEST)


def csrf_failure(request, reason=""):
    """A form sent without a valid CSRF token (expired, cookies blocked, or forged)."""
    return client_error(request, FORM_EXPIRED)


def page_not_found(request, exception):
    """The site's 404 page (in the site's design), worded in the visitor's language."""
    html = loader.render_to_string("404.html", {}, request)
    return HttpResponseNotFound(html)
