"""Every page type, in every language, is valid HTML by the Nu HTML Checker (vnu)."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.public_pages import PUBLIC_PAGES, language_paths

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / ".tools" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
REQUIRED = os.environ.get("HTML_CHECK_REQUIRED", "") == "1"

pytestmark = pytest.mark.skipif(
    not REQUIRED and (not VNU.exists() or not shutil.which("java")),
    reason="the Nu HTML Checker needs Java and .tools/vnu (make test installs it)",
)


def test_every_page_type_is_valid_html(client, public_site, tmp_path):
    files = []
    for _language, path in language_paths(PUBLIC_PAGES):
        response = client.get(path + "?q=test&kind=x")
        assert response.status_code == 200, path
        target = tmp_path / f"{len(files)}{path.replace('/', '-')}.html"
        target.write_bytes(response.content)
        files.append(target)
    not_found = client.get("/uz/no-such-page/")
    (tmp_path / "404.html").write_bytes(not_found.content)
    files.append(tmp_path / "404.html")
    # The pages nginx answers with (too large, app server down), as deployment writes them.
    call_command("render_error_pages", output=tmp_path / "errors", verbosity=0)
    files += sorted((tmp_path / "errors").glob("*/*.html"))

    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    problems = [f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert problems == []
