"""Every page type, in every language, is valid HTML by the Nu HTML Checker (vnu)."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone, translation

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / ".tools" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
REQUIRED = os.environ.get("HTML_CHECK_REQUIRED", "") == "1"

pytestmark = pytest.mark.skipif(
    not REQUIRED and (not VNU.exists() or not shutil.which("java")),
    reason="the Nu HTML Checker needs Java and .tools/vnu (make test installs it)",
)

PAGES = [
    ("department:landing", {}),
    ("department:team", {}),
    ("department:contact", {}),
    ("partners:list", {}),
    ("partners:map", {}),
    ("partners:detail", {"slug": "yeditepe-university"}),
    ("partners:program-list", {}),
    ("partners:program-detail", {"slug": "summer-school"}),
    ("events:list", {}),
    ("events:detail", {"slug": "forum-yeditepe-university-2024"}),
    ("events:detail", {"slug": "webinar"}),
    ("events:register", {"slug": "webinar"}),
]


def test_every_page_type_is_valid_html(client, seeded, make_program, make_event, tmp_path):
    from partners.models import Partner

    make_program(
        "summer-school",
        partners=Partner.objects.all(),
        how_to_apply_en="<p>Write to <a href='mailto:x@example.org'>us</a>.</p>",
    )
    make_event("webinar", kind="webinar", is_online=True, starts_in=timezone.timedelta(days=2))
    files = []
    for name, kwargs in PAGES:
        for language in ("uz", "ru", "en"):
            with translation.override(language):
                path = reverse(name, kwargs=kwargs or None)
            response = client.get(path + "?q=test&kind=x")
            assert response.status_code == 200, path
            target = tmp_path / f"{language}-{name.replace(':', '-')}-{len(files)}.html"
            target.write_bytes(response.content)
            files.append(target)
    not_found = client.get("/uz/no-such-page/")
    (tmp_path / "404.html").write_bytes(not_found.content)
    files.append(tmp_path / "404.html")

    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    problems = [f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert problems == []
