"""Lighthouse audit (`make audit`): the landing page, the partner directory, an event page, the
news and the applicants' guide, served the production way with the sample data of `make bench`,
audited with the mobile preset in the system Chromium. Prints the median of three runs
(LIGHTHOUSE_RUNS) of the four category scores per page."""

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from run import ROOT, free_port, prepare_site, start_server

# LIGHTHOUSE: another installation of the same version (for a work tree without .tools).
LIGHTHOUSE = Path(
    os.environ.get(
        "LIGHTHOUSE", ROOT / ".tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
    )
)
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
PAGES = [
    ("landing page", "/en/"),
    ("partner directory", "/en/partners/"),
    ("event page", "/en/events/conference-azerbaijan-medical-university-2025/"),
    ("news", "/en/news/"),
    ("applicants' guide", "/ru/applicants/"),
]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "3"))


def audit(url, report, attempts=3):
    """One Lighthouse run; Chromium's trace recording fails now and then (NO_NAVSTART), so a
    failed run is repeated."""
    for attempt in range(attempts):
        try:
            return _audit_once(url, report)
        except subprocess.CalledProcessError:
            if attempt == attempts - 1:
                raise
    return None


def _audit_once(url, report):
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            f"--output-path={report}",
            "--quiet",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        check=True,
    )
    data = json.loads(Path(report).read_text())
    return {name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES}


def main():
    env = prepare_site()
    port = free_port()
    server = start_server(env, port, workers=2, threads=4)
    reports = Path(tempfile.mkdtemp(prefix="samsmu-lighthouse-"))
    try:
        print(f"\nLighthouse 12.2.3, mobile preset, median of {RUNS} runs\n")
        print("| page | " + " | ".join(CATEGORIES) + " |")
        print("| --- |" + " ---: |" * len(CATEGORIES))
        for name, path in PAGES:
            runs = [
                audit(f"http://127.0.0.1:{port}{path}", reports / f"{n}.json") for n in range(RUNS)
            ]
            medians = [statistics.median(run[c] for run in runs) for c in CATEGORIES]
            print(f"| {name} | " + " | ".join(f"{m:.0f}" for m in medians) + " |")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
