"""Templates that read like the page: short lines, and one place for the head's title,
description and sharing tags."""

from pathlib import Path

from django.conf import settings

MAX_LINE = 160


def template_files():
    for folder in settings.TEMPLATES[0]["DIRS"]:
        yield from (path for path in Path(folder).rglob("*") if path.is_file())


def test_no_template_line_is_longer_than_160_characters():
    too_long = [
        f"{path.relative_to(settings.BASE_DIR)}:{number} ({len(line)} characters)"
        for path in template_files()
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if len(line) > MAX_LINE
    ]
    assert not too_long, "Split these template lines:\n" + "\n".join(too_long)


def test_the_guard_reads_every_kind_of_template():
    suffixes = {path.suffix for path in template_files()}
    assert {".html", ".txt", ".svg"} <= suffixes


def test_pages_fill_base_blocks_instead_of_including_the_head():
    """The head's tags are written once, in base.html; a page gives only its blocks."""
    for path in template_files():
        text = path.read_text()
        assert "includes/meta.html" not in text, path
        if path.name != "base.html":
            assert '<meta property="og:title"' not in text, path
