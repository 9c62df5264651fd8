"""Load benchmark: the site run the production way, driven by wrk from a separate process.

    make bench                       # SQLite in a scratch folder
    DATABASE_URL=postgres://... make bench   # a scratch PostgreSQL database (it gets sample data)
    REDIS_URL=redis://127.0.0.1:6379/15 make bench   # the page cache in Redis, as in production

Starts gunicorn (gthread, DEBUG off, collected static files) on 127.0.0.1, fills the database
with 2,000 partners and 2,000 events of clearly fake sample data, then measures each page with
`wrk --latency` at the given concurrency, one page after another in one run, and prints
requests per second, p50 and p99 latency, errors, and each page's throughput as a ratio of a
constant view (/robots.txt: no database, no template) served by the same server. The partner
directory and the contact form are then measured with the page cache off.
"""

import argparse
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def start_server(env, port, workers, threads):
    server = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "samsmu_intl.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--worker-class",
            "gthread",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--no-control-socket",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def parse_duration(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url, connections, seconds):
    urllib.request.urlopen(url, timeout=10).read()  # warm the page cache
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = 0
    for pattern in (r"Non-2xx or 3xx responses: (\d+)", r"Socket errors: (.*)"):
        found = re.search(pattern, output)
        if found:
            errors += sum(int(n) for n in re.findall(r"\d+", found.group(1)))
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": parse_duration(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1)),
        "p99": parse_duration(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1)),
        "errors": errors,
    }


def measure(port, pages, options):
    """Each page in turn on a warmed-up server; the baseline first and last, averaged, so
    that drift during the run does not favour the pages measured early or late."""
    base = f"http://127.0.0.1:{port}"
    wrk(base + pages[0][1], options.connections, 3)  # warm-up: workers, connections, caches
    first = wrk(base + pages[0][1], options.connections, options.seconds)
    rows = [
        (name, wrk(base + path, options.connections, options.seconds)) for name, path in pages[1:]
    ]
    last = wrk(base + pages[0][1], options.connections, options.seconds)
    baseline = {key: (first[key] + last[key]) / 2 for key in ("rps", "p50", "p99")}
    baseline["errors"] = first["errors"] + last["errors"]
    return [(pages[0][0], baseline), *rows]


def table(rows, baseline_rps):
    lines = [
        "| page | req/s | p50 ms | p99 ms | errors | vs baseline |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, result in rows:
        lines.append(
            f"| {name} | {result['rps']:.0f} | {result['p50']:.1f} | {result['p99']:.1f} "
            f"| {result['errors']} | {result['rps'] / baseline_rps:.2f} |"
        )
    return "\n".join(lines)


def prepare_site():
    """A production-mode environment with a scratch database full of sample data."""
    scratch = Path(tempfile.mkdtemp(prefix="samsmu-bench-"))
    env = {
        **os.environ,
        "DJANGO_DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": "http://127.0.0.1",
        "MEDIA_ROOT": str(scratch / "media"),
        "PRIVATE_MEDIA_ROOT": str(scratch / "private"),
        "LOG_LEVEL": "WARNING",
    }
    env.setdefault("DATABASE_URL", f"sqlite:///{scratch / 'bench.sqlite3'}")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "load_seed", "--verbosity", "0")
    manage(env, "make_sample_data", "--partners", "2000", "--events", "2000", "--verbosity", "0")
    return env


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    options = parser.parse_args()
    env = prepare_site()

    pages = [
        ("baseline (/robots.txt)", "/robots.txt"),
        ("landing page", "/en/"),
        ("partner directory, page 1", "/en/partners/"),
        ("partner directory, filtered search", "/ru/partners/?region=europe&q=sample"),
        ("event page", "/en/events/conference-azerbaijan-medical-university-2025/"),
    ]
    # A form page sets the CSRF cookie, so it is never served from the page cache: what it costs
    # uncached is what every visitor pays.
    form_page = ("contact page (a form: never cached)", "/en/contact/")
    port = free_port()
    server = start_server(env, port, options.workers, options.threads)
    try:
        results = measure(port, pages, options)
    finally:
        server.terminate()
        server.wait()

    port = free_port()
    server = start_server(
        {**env, "PAGE_CACHE_SECONDS": "0"}, port, options.workers, options.threads
    )
    try:
        uncached = measure(port, [pages[0], pages[2], pages[3], form_page], options)
    finally:
        server.terminate()
        server.wait()

    database = env["DATABASE_URL"].split(":", 1)[0]
    print(
        f"\n{options.connections} connections, {options.seconds} s per page, gunicorn "
        f"{options.workers} gthread workers x {options.threads} threads, {database}, "
        f"{os.cpu_count()} cores\n"
    )
    print("Page cache on:\n")
    print(table(results, results[0][1]["rps"]))
    print("\nPage cache off:\n")
    print(table(uncached, uncached[0][1]["rps"]))


if __name__ == "__main__":
    main()
