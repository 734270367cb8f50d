"""Who may publish condition pages (docs/roles.md): a "publish" inherited from the home
page stops at the condition index; only one granted at the index or below counts.

Built on two undocumented parts of Wagtail's PagePermissionTester, used here and
nowhere else (tests/cms/test_private_api.py fails first when an upgrade changes them):
`tester.permissions`, the set of actions the user holds on the page, and
`tester.permission_policy.get_cached_permissions_for_user(user)`, the
GroupPagePermission rows behind them."""

from wagtail.models import PagePermissionTester


def granted_actions(tester, min_depth):
    """The actions granted to the tester's user on pages at `min_depth` or deeper
    (among the grants that cover the tester's page)."""
    return {
        perm.permission.codename.rsplit("_", maxsplit=1)[0]
        for perm in tester.permission_policy.get_cached_permissions_for_user(tester.user)
        if tester.page.path.startswith(perm.page.path) and perm.page.depth >= min_depth
    }


class ConditionPagePermissionTester(PagePermissionTester):
    """A condition page is published only by those granted "publish" at its index
    (or on the page): a "publish" inherited from the home page does not count. The
    same holds for unpublishing, scheduling and deleting a live page."""

    def __init__(self, user, page):
        super().__init__(user, page)
        # Wagtail sets .permissions for active non-superusers only.
        if hasattr(self, "permissions") and "publish" in self.permissions:
            if "publish" not in granted_actions(self, page.depth - 1):
                self.permissions = self.permissions - {"publish"}


class ConditionIndexPermissionTester(PagePermissionTester):
    """The index itself follows the usual rules, but creating-and-publishing a
    condition page in one go, or reordering live ones, needs the reviewers' grant."""

    def _may_publish_children(self):
        if not self.user.is_active:
            return False
        return self.user.is_superuser or "publish" in granted_actions(self, self.page.depth)

    def can_publish_subpage(self):
        return super().can_publish_subpage() and self._may_publish_children()

    def can_reorder_children(self):
        return super().can_reorder_children() and self._may_publish_children()
