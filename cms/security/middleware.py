"""Security headers the site sends on every response, the limit on a URL's length,
and the second step of the admin's sign-in."""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django_otp.middleware import OTPMiddleware

from cms import views
from cms.security import two_factor

# The Wagtail admin (and page previews rendered inside it) still relies on a few
# inline scripts and styles; staff sessions get this wider policy, patients never do.
ADMIN_POLICY = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "frame-ancestors": [SELF],  # the editor's live preview frames the page
}
ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def is_admin_request(request):
    """The Wagtail admin, and the page previews it renders: Wagtail serves a preview
    through the whole middleware chain again on a dummy request for the page's public
    URL, which it marks `is_preview` (Page.make_preview_request)."""
    return request.path_info.startswith(ADMIN_PREFIXES) or getattr(request, "is_preview", False)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with the strict site policy everywhere except the Wagtail admin
    (previews included, so the editor's preview panel may frame them)."""

    def process_response(self, request, response):
        response = super().process_response(request, response)
        # Django's XFrameOptionsMiddleware (further in) said DENY to the dummy request.
        if getattr(request, "is_preview", False):
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and is_admin_request(request):
            return PolicyParts(
                parts.config, parts.update, {**ADMIN_POLICY, **(parts.replace or {})}
            )
        return parts


class UrlLengthMiddleware:
    """A URL longer than MAX_URL_LENGTH characters (path and query, as sent) gets the
    site's own 414 page in the language of its prefix, before the page cache or the
    routing read it. gunicorn answers request lines over its own limit (8190 bytes,
    gunicorn.conf.py) itself, with its short "URI Too Long" page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # gunicorn passes the request target as sent; elsewhere (tests) rebuild it.
        target = request.META.get("RAW_URI") or request.get_full_path()
        if len(target) > settings.MAX_URL_LENGTH:
            return views.client_error(request, views.URI_TOO_LONG)
        return self.get_response(request)


class AdminTwoFactorMiddleware(OTPMiddleware):
    """django-otp's middleware (request.user.is_verified()) plus enforcement in the
    admin: an editor who has signed in but not yet given a code is sent to set up an
    authenticator app or to enter one. Public pages are never affected (pages and
    documents restricted to signed-in staff ask in `cms/wagtail_hooks.py`)."""

    # The site runs under WSGI; keep this middleware synchronous.
    async_capable = False

    def __call__(self, request):
        # django-otp's private setup of request.user.is_verified (what its own
        # __call__ does first); checked by tests/cms/test_private_api.py.
        self._install_lazy_accessors(request)
        if two_factor.required_for(request):
            return two_factor.second_step(request)
        return self.get_response(request)
