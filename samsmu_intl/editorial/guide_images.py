"""Make the editors' guide's pictures: `make guide-images`.

Screenshots of the admin as an editor sees it, in each language, from the site itself: a
temporary SQLite database with the seed content and a little sample data (a webinar with its
registrations), served by runserver on a free port, photographed by the project's Playwright
with the system Chromium, and saved as small WebP files under static/img/guide/<language>/.
Run it again whenever the admin changes, and commit the pictures.

    python -m samsmu_intl.editorial.guide_images [--language uz] [--out static/img/guide]
"""

import argparse
import io
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("uz", "ru", "en")
MAX_BYTES = 60 * 1024
WIDTH = 1100  # the admin's window; pictures are scaled down to PICTURE_WIDTH
PICTURE_WIDTH = 760
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
EDITOR = ("guide-editor", "a long guide editor passphrase")


def pictures(site):
    """Each picture the guide shows: its name, the admin page, the part of it to keep (a CSS
    selector; the first match) and at most how tall it is, in CSS pixels."""
    webinar = f"/admin/events/event/{site['webinar']}/change/"
    return [
        ("partner-form", "/admin/partners/partner/add/", "#content", 560),
        ("partner-list", "/admin/partners/partner/", "#result_list", 400),
        ("event-webinar", webinar, "fieldset:has(#id_join_url)", 700),
        ("registrations", "/admin/events/registration/", "#changelist-form", 500),
        ("partner-import", "/admin/partners/partner/import/", "#content", 500),
        ("partner-history", f"/admin/partners/partner/{site['partner']}/history/", "#content", 300),
    ]


def environment(folder):
    return {
        **os.environ,
        "DJANGO_DEBUG": "true",
        "DATABASE_URL": f"sqlite:///{folder / 'guide.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "PRIVATE_MEDIA_ROOT": str(folder / "private-media"),
    }


def prepare_site(env):
    """Migrate, load the seed, and add what the pictures show; returns the objects' ids."""
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput"], ["load_seed"]):
        subprocess.run([*manage, *command, "-v", "0"], cwd=ROOT, env=env, check=True)
    script = "from samsmu_intl.editorial.guide_sample_data import make; make()"
    found = subprocess.run(
        [*manage, "shell", "-c", script],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    partner, webinar = found.stdout.split()[-2:]
    return {"partner": partner, "webinar": webinar}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(env):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _attempt in range(100):
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=2)
            return server, base
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("runserver did not answer")


def webp(png_bytes):
    """The screenshot scaled to PICTURE_WIDTH, as the smallest WebP that still reads well and
    fits in MAX_BYTES."""
    from PIL import Image

    image = Image.open(io.BytesIO(png_bytes)).convert("RGB")
    if image.width > PICTURE_WIDTH:
        height = round(image.height * PICTURE_WIDTH / image.width)
        image = image.resize((PICTURE_WIDTH, height), Image.Resampling.LANCZOS)
    for quality in (80, 70, 60, 50, 40, 30):
        buffer = io.BytesIO()
        image.save(buffer, "WEBP", quality=quality, method=6)
        if buffer.tell() <= MAX_BYTES:
            return buffer.getvalue()
    image = image.crop((0, 0, image.width, min(image.height, 700)))
    buffer = io.BytesIO()
    image.save(buffer, "WEBP", quality=40, method=6)
    return buffer.getvalue()


def photograph(base, site, languages, out):
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        # In Tashkent's time, as the staff work: the admin then adds no time-zone warning.
        page = browser.new_page(
            viewport={"width": WIDTH, "height": 900}, timezone_id="Asia/Tashkent"
        )
        page.goto(f"{base}/admin/login/")
        page.fill("#id_username", EDITOR[0])
        page.fill("#id_password", EDITOR[1])
        page.click("[type=submit]")
        page.wait_for_url(f"{base}/admin/")
        for language in languages:
            page.context.add_cookies([{"name": "django_language", "value": language, "url": base}])
            folder = out / language
            folder.mkdir(parents=True, exist_ok=True)
            for name, path, selector, height in pictures(site):
                page.goto(base + path)
                box = page.locator(selector).first.bounding_box()
                clip = {**box, "height": min(box["height"], height)}
                png = page.screenshot(clip=clip, full_page=True, animations="disabled")
                target = folder / f"{name}.webp"
                target.write_bytes(webp(png))
                written.append(target)
        browser.close()
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--language", choices=LANGUAGES, action="append")
    parser.add_argument("--out", type=Path, default=ROOT / "static" / "img" / "guide")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="guide-images-") as folder:
        env = environment(Path(folder))
        site = prepare_site(env)
        server, base = serve(env)
        try:
            written = photograph(base, site, args.language or LANGUAGES, args.out)
        finally:
            server.terminate()
            server.wait()
    for path in written:
        print(f"{path}  {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
