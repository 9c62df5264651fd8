"""Fill in the deployment files (nginx site, systemd units, manage wrapper) for one server.

    python3 deploy/render.py OUTPUT [--env-file /etc/samsmu-intl/env] [--set NAME=VALUE ...]

writes OUTPUT/nginx/samsmu-intl.conf, OUTPUT/systemd/*.service and *.timer, and
OUTPUT/samsmu-intl-manage, each {{NAME}} replaced by the value given with --set, else by the one
read from the site's environment file (the three folders, and DOMAIN from SITE_URL), else by the
default below: the layout that the README's "Deployment" section sets up. Nothing but Python's
standard library, so that it runs before the site is installed.
"""

import argparse
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
TEMPLATES = [
    "nginx/samsmu-intl.conf",
    "systemd/samsmu-intl.service",
    "systemd/samsmu-intl-job@.service",
    "systemd/samsmu-intl-reminders.timer",
    "systemd/samsmu-intl-purge.timer",
    "systemd/samsmu-intl-digest.timer",
    "samsmu-intl-manage",
]
DEFAULTS = {
    "DOMAIN": "intl.sammu.uz",
    "USER": "samsmu-intl",
    "APP_DIR": "/srv/samsmu-intl/app",
    "ENV_FILE": "/etc/samsmu-intl/env",
    "STATIC_ROOT": "/srv/samsmu-intl/static",
    "MEDIA_ROOT": "/srv/samsmu-intl/media",
    "PRIVATE_MEDIA_ROOT": "/srv/samsmu-intl/private-media",
    "APP_PORT": "8000",
    "HTTP_LISTEN": "80",
    "HTTPS_LISTEN": "443",
    "NGINX_CACHE_DIR": "/var/cache/nginx/samsmu-intl",
    "ACME_ROOT": "/var/www/html",
    # Where certbot writes the certificate for DOMAIN.
    "TLS_CERTIFICATE": "/etc/letsencrypt/live/{DOMAIN}/fullchain.pem",
    "TLS_CERTIFICATE_KEY": "/etc/letsencrypt/live/{DOMAIN}/privkey.pem",
}
# What the environment file says that the files must agree with.
FROM_ENV_FILE = ("STATIC_ROOT", "MEDIA_ROOT", "PRIVATE_MEDIA_ROOT")
PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")


class RenderError(Exception):
    pass


def read_env_file(path):
    """The values the files share with the site's settings, from a KEY=VALUE file."""
    env = {}
    for line in Path(path).read_text().splitlines():
        key, sep, value = line.strip().partition("=")
        if sep and not key.startswith("#"):
            env[key.strip()] = value.strip()
    values = {"ENV_FILE": str(path)}
    values.update({key: env[key] for key in FROM_ENV_FILE if env.get(key)})
    if env.get("SITE_URL"):
        values["DOMAIN"] = urlsplit(env["SITE_URL"]).hostname
    return values


def values_for(overrides):
    unknown = set(overrides) - set(DEFAULTS)
    if unknown:
        raise RenderError(f"No file uses {', '.join(sorted(unknown))}.")
    values = {**DEFAULTS, **overrides}
    return {name: value.format(**values) for name, value in values.items()}


def fill(text, values, name="text"):
    missing = set(PLACEHOLDER.findall(text)) - set(values)
    if missing:
        raise RenderError(f"{name}: no value for {', '.join(sorted(missing))}.")
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], text)


def render(output, overrides=None):
    """Write every filled-in file under `output`; the paths written, in TEMPLATES' order."""
    values = values_for(overrides or {})
    written = []
    for template in TEMPLATES:
        source, target = HERE / template, Path(output) / template
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(fill(source.read_text(), values, template))
        shutil.copymode(source, target)
        written.append(target)
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, help="Folder to write the filled-in files to.")
    parser.add_argument("--env-file", type=Path, help="The site's environment file.")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="One value, e.g. APP_PORT=8001.",
    )
    options = parser.parse_args(argv)
    overrides = read_env_file(options.env_file) if options.env_file else {}
    for setting in options.set:
        name, sep, value = setting.partition("=")
        if not sep:
            parser.error(f"--set {setting}: write NAME=VALUE.")
        overrides[name] = value
    try:
        written = render(options.output, overrides)
    except RenderError as error:
        sys.exit(f"render.py: {error}")
    for path in written:
        print(path)


if __name__ == "__main__":
    main()
