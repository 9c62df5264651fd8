"""The shipped deployment files on this machine: filled in with local ports and paths, checked by
the real tools, and nginx run as an ordinary process in a folder of its own (no root needed).

    python3 deploy/local.py      # make deploy-check: nginx -t and systemd-analyze verify

The tests and the bench start nginx in front of gunicorn with `LocalSite`; only ports, paths
and the host name differ from what a server gets (render.py's defaults).
"""

import contextlib
import http.client
import os
import pwd
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

try:
    from deploy.render import render
except ImportError:  # run as a script: python3 deploy/local.py
    from render import render

ROOT = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx", path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin")

# Debian's /etc/nginx/nginx.conf, with its paths moved into one folder so that any user can run
# it; the site is included inside http {} just as sites-enabled/ is.
MAIN_CONF = """\
{user}worker_processes auto;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
daemon off;
events {{
    worker_connections 1024;
}}
http {{
    sendfile on;
    tcp_nopush on;
    types_hash_max_size 2048;
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    gzip on;
    client_body_temp_path {folder}/temp/body;
    proxy_temp_path {folder}/temp/proxy;
    fastcgi_temp_path {folder}/temp/fastcgi;
    uwsgi_temp_path {folder}/temp/uwsgi;
    scgi_temp_path {folder}/temp/scgi;
    include {site};
}}
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process=None, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing answers on 127.0.0.1:{port}")


def wait_for_answer(port, process, seconds=60):
    """Until a worker answers on `port` (the master listens before its workers can answer)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", "/healthz")
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.1)
        finally:
            connection.close()
    raise RuntimeError(f"no answer on 127.0.0.1:{port}")


@dataclass
class LocalSite:
    """The deployment files filled in under `folder` for a site whose folders are given."""

    folder: Path
    static_root: Path
    media_root: Path
    private_media_root: Path
    app_port: int = field(default_factory=free_port)
    http_port: int = field(default_factory=free_port)
    https_port: int = field(default_factory=free_port)
    domain: str = "127.0.0.1"

    def __post_init__(self):
        self.folder = Path(self.folder)
        self.rendered = self.folder / "rendered"
        self.certificate = self.folder / "tls" / "cert.pem"
        self.key = self.folder / "tls" / "key.pem"
        render(
            self.rendered,
            {
                "DOMAIN": self.domain,
                "USER": pwd.getpwuid(os.geteuid()).pw_name,
                "APP_DIR": str(ROOT),
                "ENV_FILE": str(self.folder / "env"),
                "STATIC_ROOT": str(self.static_root),
                "MEDIA_ROOT": str(self.media_root),
                "PRIVATE_MEDIA_ROOT": str(self.private_media_root),
                "APP_PORT": str(self.app_port),
                "HTTP_LISTEN": f"127.0.0.1:{self.http_port}",
                "HTTPS_LISTEN": f"127.0.0.1:{self.https_port}",
                "NGINX_CACHE_DIR": str(self.folder / "cache"),
                "ACME_ROOT": str(self.folder / "acme"),
                "TLS_CERTIFICATE": str(self.certificate),
                "TLS_CERTIFICATE_KEY": str(self.key),
            },
        )
        for name in ("temp", "cache", "acme", "tls"):
            (self.folder / name).mkdir(exist_ok=True)
        self._make_certificate()
        # Run as root (CI), nginx's workers would be "nobody", who cannot read a test's folders.
        user = "user root root;\n" if os.geteuid() == 0 else ""
        self.main_conf = self.folder / "nginx.conf"
        self.main_conf.write_text(
            MAIN_CONF.format(user=user, folder=self.folder, site=self.nginx_site)
        )

    @property
    def nginx_site(self):
        return self.rendered / "nginx" / "samsmu-intl.conf"

    @property
    def systemd_units(self):
        return sorted((self.rendered / "systemd").iterdir())

    @property
    def base(self):
        return f"https://{self.domain}:{self.https_port}"

    def _make_certificate(self):
        """A self-signed certificate for the host name, standing in for certbot's."""
        subprocess.run(
            [
                "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                "-subj", f"/CN={self.domain}",
                "-addext", f"subjectAltName=IP:{self.domain}" if self.domain[0].isdigit()
                else f"subjectAltName=DNS:{self.domain}",
                "-keyout", str(self.key), "-out", str(self.certificate),
            ],
            check=True,
            capture_output=True,
        )  # fmt: skip

    def nginx_command(self, *args):
        return [NGINX, "-p", str(self.folder), "-c", str(self.main_conf), *args]

    def check_nginx(self):
        """`nginx -t`'s complaints, or "" when the configuration is valid."""
        result = subprocess.run(self.nginx_command("-t", "-q"), capture_output=True, text=True)
        return "" if result.returncode == 0 else result.stderr

    def check_systemd(self):
        """`systemd-analyze verify`'s complaints about the units and the jobs the timers start,
        or "" when there are none (it exits 0 after some warnings: any output counts)."""
        units = [str(path) for path in self.systemd_units]
        units += timer_jobs(self.rendered / "systemd")
        result = subprocess.run(
            ["systemd-analyze", "verify", *units],
            capture_output=True,
            text=True,
            env={**os.environ, "SYSTEMD_UNIT_PATH": f"{self.rendered / 'systemd'}:"},
        )
        return (result.stdout + result.stderr).strip()

    @contextlib.contextmanager
    def nginx(self):
        """nginx running this site (in the foreground): yields its master process."""
        server = subprocess.Popen(self.nginx_command())
        try:
            wait_for_port(self.https_port, server)
            yield server
        finally:
            server.terminate()
            server.wait(timeout=10)

    @contextlib.contextmanager
    def app(self, settings, log=subprocess.DEVNULL):
        """gunicorn as samsmu-intl.service runs it: its ExecStart in its WorkingDirectory, with
        its Environment= and the environment file (written from `settings`) over it."""
        unit = unit_settings(self.rendered / "systemd" / "samsmu-intl.service")
        env_file = Path(unit["EnvironmentFile"][0])
        env_file.write_text("".join(f"{name}={value}\n" for name, value in settings.items()))
        environment = {"PATH": os.environ["PATH"], "LANG": "C.UTF-8"}
        environment.update(item.split("=", 1) for item in unit.get("Environment", []))
        environment.update(settings)
        server = subprocess.Popen(
            shlex.split(unit["ExecStart"][0]),
            cwd=unit["WorkingDirectory"][0],
            env=environment,
            stdout=log,
            stderr=log,
        )
        try:
            wait_for_answer(self.app_port, server)
            yield AppServer(server, unit["ExecReload"][0])
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=45)


@dataclass
class AppServer:
    process: subprocess.Popen
    exec_reload: str

    def reload(self):
        """What `systemctl reload samsmu-intl` runs: the unit's ExecReload for this process."""
        command = self.exec_reload.replace("$MAINPID", str(self.process.pid))
        subprocess.run(shlex.split(command), check=True)

    def workers(self):
        """The worker processes' ids (the master's children)."""
        pid = self.process.pid
        return set(Path(f"/proc/{pid}/task/{pid}/children").read_text().split())


def unit_settings(path):
    """A unit file's [Service] settings, each a list of its values in order (continued lines
    joined, comments dropped), as systemd reads them."""
    text = re.sub(r"\\\n\s*", " ", Path(path).read_text())
    section, found = None, {}
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line
        elif section == "[Service]" and line and not line.startswith(("#", ";")):
            key, _, value = line.partition("=")
            found.setdefault(key.strip(), []).append(value.strip())
    return found


def timer_jobs(folder):
    """The units the timers in `folder` start (instances of samsmu-intl-job@.service)."""
    return sorted(
        re.search(r"^Unit=(\S+)$", timer.read_text(), re.M).group(1)
        for timer in Path(folder).glob("*.timer")
    )


def main():
    missing = [tool for tool in ("nginx", "systemd-analyze", "openssl") if not shutil.which(
        tool, path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin")]  # fmt: skip
    if missing:
        sys.exit(f"Missing: {' '.join(missing)} (apt-get install -y nginx systemd openssl)")
    with tempfile.TemporaryDirectory(prefix="samsmu-deploy-check-") as folder:
        folder = Path(folder)
        site = LocalSite(folder, folder / "static", folder / "media", folder / "private-media")
        problems = {"nginx -t": site.check_nginx(), "systemd-analyze verify": site.check_systemd()}
    for tool, complaint in problems.items():
        print(f"{tool}: {'FAILED' if complaint else 'ok'}")
        if complaint:
            print(complaint)
    if any(problems.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
