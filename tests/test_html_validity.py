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

    assert vnu_problems(files) == []


def vnu_problems(files):
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']}" for m in messages]


def test_pages_with_the_emblem_hero_photo_and_covers_are_valid_html(client, public_site, tmp_path):
    """The pictures staff add change the markup (a <picture> in the hero, covers on cards)."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from events.models import Event
    from samsmu_intl.department.models import Department

    def picture(image_format, mode="RGB"):
        buffer = io.BytesIO()
        Image.new(mode, (1200, 675), "teal").save(buffer, image_format)
        return SimpleUploadedFile(f"picture.{image_format.lower()}", buffer.getvalue())

    department = Department.load()
    department.emblem = picture("PNG", "RGBA")
    department.hero_photo = picture("JPEG")
    department.hero_photo_alt_uz = department.hero_photo_alt_ru = "Kampus"
    department.hero_photo_alt_en = "Campus"
    department.save()
    for event in Event.objects.all():
        event.cover = picture("JPEG")
        event.cover_alt_uz = event.cover_alt_ru = event.cover_alt_en = "Delegates"
        event.save()
    files = []
    with_pictures = [
        url for url in PUBLIC_PAGES if url.name in ("department:landing", "events:list")
    ]
    for _language, path in language_paths(with_pictures):
        response = client.get(path)
        assert response.status_code == 200, path
        assert b"hero__photo" in response.content or b"card__cover" in response.content, path
        target = tmp_path / f"{len(files)}{path.replace('/', '-')}.html"
        target.write_bytes(response.content)
        files.append(target)
    assert vnu_problems(files) == []
