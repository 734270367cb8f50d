"""The direction of the code's dependencies (docs/architecture.md): which app may import
which, exactly as the document's table says; the core (cms/) imports no feature app; no
import anywhere is tucked inside a function to dodge an import cycle. Read from the
source with `ast`, so nothing needs to run."""

import ast
import re
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "cms"
# Every installed app of this repository other than the core.
FEATURE_APPS = {
    app for app in settings.INSTALLED_APPS if app != "cms" and (ROOT / app / "apps.py").exists()
}
# Packages below every app (no models, no app config): they import no app of ours.
LIBRARIES = {"text_analysis"}
PACKAGES = FEATURE_APPS | LIBRARIES | {"cms"}
# The project's settings and root URLconf name the apps; they are the one place that may.
MAY_NAME_APPS = {"cms/urls.py"}
MAY_NAME_APPS_UNDER = ("cms/settings/",)
# A function-level import must say why on its line or in the comment just above it,
# with a reason that is not a cycle (e.g. "deferred: uses models, loaded after apps").
DEFERRED_MARK = "deferred:"

PENDING_FEATURE_IMPORTS = set()
# Function-level imports without a reason, left while their modules are being reworked
# elsewhere; each entry must still be true (a fixed one fails the test until removed).
PENDING_DEFERRED = set()
ARCHITECTURE = ROOT / "docs" / "architecture.md"


def modules(packages):
    for package in sorted(packages):
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" in relative:
                continue  # migrations refer to apps by label, and are frozen history
            yield relative, path.read_text(encoding="utf-8")


def core_modules():
    return modules({"cms"})


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
    for relative, source in modules(PACKAGES):
        lines = source.splitlines()
        for node in _function_imports(ast.parse(source, relative)):
            if _says_why(lines, node):
                continue
            if relative in PENDING_DEFERRED:
                pending_seen.add(relative)
                continue
            found.append(f"{relative}:{node.lineno}: {ast.unparse(node)}")
    assert not found, (
        "Imports inside functions: import at the top of the module, or say "
        f"why it must wait with a '# {DEFERRED_MARK} <reason>' comment (never to dodge "
        "an import cycle: turn the dependency around instead):\n  " + "\n  ".join(found)
    )
    assert pending_seen == PENDING_DEFERRED, (
        f"Fixed, so remove from PENDING_DEFERRED: {sorted(PENDING_DEFERRED - pending_seen)}"
    )


def package_dependencies():
    """{package: the other packages of ours it imports}, from every module's imports."""
    found = {package: set() for package in PACKAGES}
    for relative, source in modules(PACKAGES):
        if relative in MAY_NAME_APPS or relative.startswith(MAY_NAME_APPS_UNDER):
            continue
        package = relative.split("/")[0]
        for node in ast.walk(ast.parse(source, relative)):
            for module in imported_modules(node):
                other = module.split(".")[0]
                if other in PACKAGES and other != package:
                    found[package].add(other)
    return found


def documented_dependencies():
    """The table "| app | imports |" of docs/architecture.md, as {package: {packages}}."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    table = re.search(r"\| app \| imports \|\n\| --- \| --- \|\n((?:\|.*\|\n)+)", text)
    assert table, f"{ARCHITECTURE} lost its table of which app imports which"
    documented = {}
    for row in table[1].splitlines():
        app, imports = (cell.strip() for cell in row.strip("|").split("|"))
        documented[app.strip("`")] = set(re.findall(r"`(\w+)`", imports))
    return documented


def test_every_package_imports_exactly_what_the_architecture_document_says():
    """Each row of the document's table is true and complete: an app that starts to
    import another, or stops, fails here until the document says so."""
    actual, documented = package_dependencies(), documented_dependencies()
    assert set(documented) == PACKAGES, (
        sorted(PACKAGES - set(documented)),
        sorted(set(documented) - PACKAGES),
    )
    wrong = {
        package: {"imports": sorted(actual[package]), "documented": sorted(documented[package])}
        for package in sorted(PACKAGES)
        if actual[package] != documented[package]
    }
    assert not wrong, f"docs/architecture.md's table of imports is not what the code does: {wrong}"


def test_the_packages_depend_one_way_only():
    """No cycle among the packages; the libraries import no app of ours."""
    graph = package_dependencies()
    for library in LIBRARIES:
        assert not graph[library], f"{library} imports {sorted(graph[library])}"
    done, active = set(), []

    def visit(package):
        if package in active:
            cycle = active[active.index(package) :] + [package]
            raise AssertionError("import cycle: " + " -> ".join(cycle))
        if package in done:
            return
        active.append(package)
        for other in sorted(graph[package]):
            visit(other)
        active.pop()
        done.add(package)

    for package in sorted(graph):
        visit(package)


RENDERS = re.compile(r"render_to_string|render_as_block|nodelist\.render\(")
FRAGMENTS = "cms.caching.fragments"


def test_rendered_html_is_kept_by_one_mechanism():
    """docs/architecture.md, "Kept HTML": a module that keeps something in the data
    cache and renders templates keeps the HTML through cms.caching.fragments."""
    outside = []
    for relative, source in modules(PACKAGES):
        if "cached_data" not in source or not RENDERS.search(source):
            continue
        tree = ast.parse(source, relative)
        imported = {module for node in ast.walk(tree) for module in imported_modules(node)}
        if relative != "cms/caching/fragments.py" and FRAGMENTS not in imported:
            outside.append(relative)
    assert not outside, f"HTML kept outside {FRAGMENTS}: {outside}"
    assert "Kept HTML" in ARCHITECTURE.read_text(encoding="utf-8")


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
