"""The direction of the code's dependencies (docs/architecture.md): the core (cms/)
imports no feature app, and holds no import tucked inside a function to dodge an
import cycle. Read from the source with `ast`, so nothing needs to run."""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "cms"
# Every installed app of this repository other than the core.
FEATURE_APPS = {
    app for app in settings.INSTALLED_APPS if app != "cms" and (ROOT / app / "apps.py").exists()
}
# The project's settings and root URLconf name the apps; they are the one place that may.
MAY_NAME_APPS = {"cms/urls.py"}
MAY_NAME_APPS_UNDER = ("cms/settings/",)
# A function-level import must say why on its line or in the comment just above it,
# with a reason that is not a cycle (e.g. "deferred: uses models, loaded after apps").
DEFERRED_MARK = "deferred:"

# Work in progress elsewhere in issue 18, listed so that this test names them; each
# entry must still be true (a fixed one fails the test until it is removed here).
PENDING_FEATURE_IMPORTS = set()
PENDING_DEFERRED = {
    # the page and data cache and routing become cms/caching/ (issue 16)
    "cms/caching/page_cache.py",
    "cms/caching/routing.py",
}


def core_modules():
    for path in sorted(CORE.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if "/migrations/" in relative:
            continue  # migrations refer to apps by label, and are frozen history
        yield relative, path.read_text(encoding="utf-8")


def imported_modules(node):
    """The absolute module names an import statement loads."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        return [node.module]
    return []


def test_the_core_imports_no_feature_app():
    found, pending_seen = [], set()
    for relative, source in core_modules():
        if relative in MAY_NAME_APPS or relative.startswith(MAY_NAME_APPS_UNDER):
            continue
        for node in ast.walk(ast.parse(source, relative)):
            for module in imported_modules(node):
                if module.split(".")[0] not in FEATURE_APPS:
                    continue
                if (relative, module) in PENDING_FEATURE_IMPORTS:
                    pending_seen.add((relative, module))
                    continue
                found.append(f"{relative}:{node.lineno} imports {module}")
    assert not found, (
        "The core (cms/) must not import feature apps; let the app register its part "
        "(see docs/architecture.md):\n  " + "\n  ".join(found)
    )
    assert pending_seen == PENDING_FEATURE_IMPORTS, (
        "Fixed, so remove from PENDING_FEATURE_IMPORTS: "
        f"{sorted(PENDING_FEATURE_IMPORTS - pending_seen)}"
    )


def _function_imports(tree):
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(function):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    yield node


def _says_why(lines, node):
    """The import's own lines, or the comment/import lines right above it, carry the mark."""
    number = node.end_lineno
    while number >= 1:
        text = lines[number - 1].strip()
        if DEFERRED_MARK in text:
            return True
        inside = node.lineno <= number <= node.end_lineno
        if not (inside or text.startswith(("#", "from ", "import ")) or not text):
            return False
        number -= 1
    return False


def test_no_import_hides_in_a_function_without_a_reason():
    found, pending_seen = [], set()
    for relative, source in core_modules():
        lines = source.splitlines()
        for node in _function_imports(ast.parse(source, relative)):
            if _says_why(lines, node):
                continue
            if relative in PENDING_DEFERRED:
                pending_seen.add(relative)
                continue
            found.append(f"{relative}:{node.lineno}: {ast.unparse(node)}")
    assert not found, (
        "Imports inside functions in the core: import at the top of the module, or say "
        f"why it must wait with a '# {DEFERRED_MARK} <reason>' comment (never to dodge "
        "an import cycle: turn the dependency around instead):\n  " + "\n  ".join(found)
    )
    assert pending_seen == PENDING_DEFERRED, (
        f"Fixed, so remove from PENDING_DEFERRED: {sorted(PENDING_DEFERRED - pending_seen)}"
    )


def test_the_feature_apps_are_known():
    assert {"home", "conditions", "locations", "search", "localization"} <= FEATURE_APPS


def test_the_checks_see_what_they_look_for():
    """The parsers find an import of a feature app and an unexplained deferred import."""
    source = "def f():\n    from locations.models import LocationPage\n"
    (node,) = _function_imports(ast.parse(source))
    assert imported_modules(node) == ["locations.models"]
    assert not _says_why(source.splitlines(), node)
    explained = "def f():\n    # deferred: needs the models loaded\n    from x import y\n"
    (node,) = _function_imports(ast.parse(explained))
    assert _says_why(explained.splitlines(), node)
    unrelated = "# deferred: an old note\nx = 1\ndef f():\n    from x import y\n"
    (node,) = _function_imports(ast.parse(unrelated))
    assert not _says_why(unrelated.splitlines(), node)
