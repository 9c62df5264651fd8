import io
import re

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from PIL import Image

from partners.models import Agreement, Partner
from tests.public_pages import language_paths

pytestmark = pytest.mark.django_db(transaction=True)


def render_site(client):
    cache.clear()
    # A form's CSRF token differs on every request; the rest of the page must not.
    pages = {
        url: re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", client.get(url).content)
        for _language, url in language_paths()
    }
    with translation.override("en"):
        pages["logo"] = client.get(reverse("partners:detail", args=["with-logo"])).content
    return pages


def test_backup_then_restore_into_an_empty_site_renders_the_same(
    client, public_site, make_partner, make_event, settings, tmp_path
):
    buffer = io.BytesIO()
    Image.new("RGB", (300, 300), "navy").save(buffer, "PNG")
    partner = make_partner(
        "with-logo", name_en="Logo University", name_ru="Университет с логотипом"
    )
    partner.logo.save("logo.png", SimpleUploadedFile("logo.png", buffer.getvalue()))
    agreement = Agreement.objects.create(partner=partner, kind="memorandum", signed_on="2024-05-01")
    agreement.document.save("memo.pdf", SimpleUploadedFile("memo.pdf", b"%PDF-1.4 memo"))
    make_event("forum-2031", title_uz="Forum", title_en="Forum 2031")
    before = render_site(client)

    archive = tmp_path / "site.tar.gz"
    call_command("backup_site", output=str(archive), stdout=io.StringIO())

    call_command("flush", interactive=False, verbosity=0)  # an empty database (migrated) ...
    for folder in (settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT):
        import shutil

        shutil.rmtree(folder, ignore_errors=True)  # ... and empty media folders
    assert not Partner.objects.exists()

    call_command("restore_site", str(archive), stdout=io.StringIO())

    after = render_site(client)
    assert after.keys() == before.keys()
    for url in before:
        assert after[url] == before[url], url
    restored = Agreement.objects.get()
    assert restored.document.open().read() == b"%PDF-1.4 memo"
    assert Partner.objects.get(slug="with-logo").logo.open().read().startswith(b"\x89PNG")


def test_restore_refuses_a_database_with_content(tmp_path):
    call_command("load_seed", stdout=io.StringIO())
    archive = tmp_path / "site.tar.gz"
    call_command("backup_site", output=str(archive), stdout=io.StringIO())
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="already has content"):
        call_command("restore_site", str(archive), stdout=io.StringIO())
