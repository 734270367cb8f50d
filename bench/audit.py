"""Lighthouse (mobile, its default simulated phone and network) on one page of each
type in English, Spanish, Arabic and Simplified Chinese, against gunicorn serving the
demo alone with the production settings, in Debian's Chromium (never a downloaded
browser). Writes the scores to bench/results/<date>-audit.md.

    make audit                       # npm ci, then this
    python bench/audit.py --label before --languages en,es

Targets on every indexable page: performance >= 95, accessibility, best practices and
SEO 100. A page that asks not to be indexed (search results, the appointment form)
fails Lighthouse's "is-crawlable" by design: its SEO score is shown, not held to 100.
"""

import argparse
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.browser.pages import PAGES, localized_path, over_http  # noqa: E402
from tests.servers import ROOT, fetch, gunicorn, prepared_demo_env  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules/.bin/lighthouse"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
LANGUAGES = ["en", "es", "ar", "zh-hans"]
NOINDEX = re.compile(rb'<meta name="robots" content="[^"]*noindex', re.IGNORECASE)


def lighthouse(url, output):
    """Lighthouse's JSON report for `url` (None when it could not run). Tried twice:
    Lighthouse now and then loses its own trace of a load (NO_NAVSTART) and asks to be
    run again."""
    for _attempt in range(2):
        result = subprocess.run(  # noqa: S603 - fixed program and arguments
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={output}",
                f"--only-categories={','.join(CATEGORIES)}",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ],
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            capture_output=True,
            text=True,
            timeout=300,
        )
        if result.returncode == 0 and Path(output).exists():
            return json.loads(Path(output).read_text())
        print(result.stderr[-2000:], file=sys.stderr)
    return None


def shortfalls(report):
    """The audits that cost points: failed ones in the scored categories, and
    performance's metrics below 0.9."""
    found = []
    audits = report["audits"]
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            audit = audits[ref["id"]]
            if not ref["weight"] or audit["score"] is None:
                continue
            if name == "performance" and audit["score"] < 0.9:
                found.append(f"{ref['id']} {audit.get('displayValue', '')}".strip())
            elif name != "performance" and audit["score"] < 1:
                found.append(ref["id"])
    return sorted(set(found))


def score(report, name):
    value = report["categories"][name]["score"]
    return None if value is None else round(value * 100)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    parser.add_argument("--label", default="", help="added to the results file's name")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing: npm ci (package.json pins Lighthouse)")
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing: apt-get install chromium")
    languages = [code.strip() for code in args.languages.split(",") if code.strip()]
    started = datetime.datetime.now(datetime.UTC)
    load_before = os.getloadavg()[0]
    rows = []
    with tempfile.TemporaryDirectory(prefix="audit-") as directory:
        tmp_path = Path(directory)
        env = prepared_demo_env(tmp_path, f"sqlite:///{tmp_path / 'site.sqlite3'}")
        with gunicorn(env, tmp_path / "gunicorn.log", workers=2) as base:
            for case in PAGES:
                if case.status != 200:
                    continue  # Lighthouse does not audit an error page
                for language in languages:
                    path = localized_path(over_http(base), case, language)
                    if path is None:
                        rows.append((case.id, language, None, "no live translation", False))
                        continue
                    _status, body = fetch(base + path)
                    report = lighthouse(base + path, tmp_path / "report.json")
                    indexable = not NOINDEX.search(body)
                    if report is None:
                        rows.append((case.id, language, None, "Lighthouse failed", indexable))
                        continue
                    scores = {name: score(report, name) for name in CATEGORIES}
                    rows.append((case.id, language, scores, shortfalls(report), indexable))
                    print(case.id, language, scores, flush=True)
    write(rows, started, args.label, (load_before, os.getloadavg()[0]))


def write(rows, started, label, load):
    lines = [
        f"# Lighthouse audit, {started:%Y-%m-%d %H:%M} UTC",
        "",
        "Lighthouse (npm, package-lock.json) in Debian's Chromium, mobile (its simulated",
        "phone and network), against gunicorn (2 workers, production settings) serving the",
        "demo site alone on the loopback. Targets on indexable pages: performance >= 95,",
        "the others 100. * marks a score below its target on an indexable page.",
        f"Load average of this shared 2-core machine: {load[0]:.1f} at the start, "
        f"{load[1]:.1f} at the end (performance scores drop on a busy machine).",
        "",
        "| page | language | performance | accessibility | best practices | SEO | short of 100 |",
        "| --- | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for page, language, scores, notes, indexable in rows:
        if scores is None:
            lines.append(f"| {page} | {language} | | | | | {notes} |")
            continue
        cells = []
        for name in CATEGORIES:
            value = scores[name]
            below = indexable and value is not None and value < TARGETS[name]
            cells.append(f"{value}{'*' if below else ''}")
        shown = ", ".join(notes) or ""
        if not indexable:
            shown = ("noindex (SEO not held to 100); " + shown).rstrip("; ")
        lines.append(f"| {page} | {language} | {' | '.join(cells)} | {shown} |")
    name = f"{started:%Y-%m-%d-%H%M}-audit{'-' + label if label else ''}.md"
    path = ROOT / "bench" / "results" / name
    path.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    print(f"\nWritten to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
