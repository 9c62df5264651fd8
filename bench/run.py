"""Load benchmark: the site run the production way, driven by wrk from a separate process.

    make bench                       # SQLite in a scratch folder
    DATABASE_URL=postgres://... make bench   # a scratch PostgreSQL database (it gets sample data)
    REDIS_URL=redis://127.0.0.1:6379/15 make bench   # the page cache in Redis, as in production

Starts gunicorn (gthread, DEBUG off, collected static files) on 127.0.0.1, fills the database
with 2,000 partners and 2,000 events of clearly fake sample data, then measures each page with
`wrk --latency` at the given concurrency, one page after another in one run, and prints
requests per second, p50 and p99 latency, errors, and each page's throughput as a ratio of a
constant view (/robots.txt: no database, no template) served by the same server.

Then the same gunicorn behind nginx with the shipped site (deploy/, filled in with local ports
and paths, HTTPS): a static file as large as the landing page (what nginx can serve: the
ceiling), and pages through the microcache, as a ratio of the static file. The partner directory
and the contact form are then measured with the page cache off; and the directory through nginx
on a cold mix, 500 distinct filter and search URLs requested once each so that no cache helps, at
60, 2,000 and 20,000 partners: requests per second and the CPU time of gunicorn and nginx per
request (a PostgreSQL server's own CPU is not counted).
"""

import argparse
import concurrent.futures
import contextlib
import http.client
import os
import random
import re
import secrets
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from deploy.local import LocalSite, free_port  # noqa: E402

PYTHON = sys.executable
COLD_URLS = 500
COLD_SIZES = (60, 2000, 20000)
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


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


@contextlib.contextmanager
def running(env, options):
    """gunicorn on a free port: yields the port and the master's process id."""
    port = free_port()
    server = start_server(env, port, options.workers, options.threads)
    try:
        yield port, server.pid
    finally:
        server.terminate()
        server.wait()


def parse_duration(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def fetch(url, tls=None):
    return urllib.request.urlopen(url, timeout=10, context=tls).read()


def wrk(url, connections, seconds, tls=None):
    fetch(url, tls)  # warm the page cache
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


def measure(base, pages, options, tls=None):
    """Each page in turn on a warmed-up server; the baseline first and last, averaged, so
    that drift during the run does not favour the pages measured early or late."""
    wrk(base + pages[0][1], options.connections, 3, tls)  # warm-up: workers, connections, caches
    first = wrk(base + pages[0][1], options.connections, options.seconds, tls)
    rows = [
        (name, wrk(base + path, options.connections, options.seconds, tls))
        for name, path in pages[1:]
    ]
    last = wrk(base + pages[0][1], options.connections, options.seconds, tls)
    baseline = {key: (first[key] + last[key]) / 2 for key in ("rps", "p50", "p99")}
    baseline["errors"] = first["errors"] + last["errors"]
    return [(pages[0][0], baseline), *rows]


def markdown_table(header, rows):
    """A Markdown table whose columns after the first hold numbers (aligned right)."""
    lines = ["| " + " | ".join(header) + " |", "| --- |" + " ---: |" * (len(header) - 1)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def table(rows, baseline_rps, against="baseline"):
    return markdown_table(
        ["page", "req/s", "p50 ms", "p99 ms", "errors", f"vs {against}"],
        [
            [name, f"{r['rps']:.0f}", f"{r['p50']:.1f}", f"{r['p99']:.1f}", str(r["errors"]),
             f"{r['rps'] / baseline_rps:.2f}"]
            for name, r in rows
        ],
    )  # fmt: skip


def prepare_site(partners=2000):
    """A production-mode environment with a scratch database full of sample data."""
    scratch = Path(tempfile.mkdtemp(prefix="samsmu-bench-"))
    env = {
        **os.environ,
        "DJANGO_DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": "http://127.0.0.1",
        "STATIC_ROOT": str(scratch / "static"),
        "MEDIA_ROOT": str(scratch / "media"),
        "PRIVATE_MEDIA_ROOT": str(scratch / "private"),
        "LOG_LEVEL": "WARNING",
    }
    env.setdefault("DATABASE_URL", f"sqlite:///{scratch / 'bench.sqlite3'}")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    manage(env, "render_error_pages", "--verbosity", "0")
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "load_seed", "--verbosity", "0")
    manage(env, "make_sample_data", "--partners", str(partners), "--events", "2000", "-v", "0")
    return env


def add_partners(env, total):
    """Sample partners up to `total`; then no cached page of the smaller site is served."""
    have = int(
        subprocess.run(
            [PYTHON, "manage.py", "shell", "--no-imports", "-c", SAMPLE_PARTNER_COUNT],
            cwd=ROOT, env=env, check=True, capture_output=True, text=True,
        ).stdout.split()[-1]
    )  # fmt: skip
    manage(env, "make_sample_data", "--partners", str(total - have), "--verbosity", "0")
    manage(env, "shell", "--no-imports", "-c", DROP_CACHED_PAGES)


SAMPLE_PARTNER_COUNT = (
    "from partners.models import Partner; "
    "print(Partner.objects.filter(slug__startswith='sample-').count())"
)
DROP_CACHED_PAGES = "from samsmu_intl.serving.pagecache import invalidate_pages; invalidate_pages()"


def local_site(env, app_port):
    folder = Path(tempfile.mkdtemp(prefix="samsmu-bench-nginx-"))
    return LocalSite(
        folder,
        static_root=Path(env["STATIC_ROOT"]),
        media_root=Path(env["MEDIA_ROOT"]),
        private_media_root=Path(env["PRIVATE_MEDIA_ROOT"]),
        app_port=app_port,
    )


def tls_for(site):
    return ssl.create_default_context(cafile=str(site.certificate))


# The cold mix -------------------------------------------------------------------------------


def cold_urls(page_html, count=COLD_URLS, seed=1):
    """`count` distinct directory URLs: the facets' own values (read off the page), searches,
    combinations and later pages, in the three languages."""
    facets = {
        name: re.findall(r'<option value="([^"]+)"', options)
        for name, options in re.findall(
            r'<select id="filter-\w+" name="(\w+)">(.*?)</select>', page_html, re.S
        )
    }
    words = ["sample", "university", "city", "образец", "namuna", "universitet"]
    words += [f"university {n}" for n in range(0, 2000, 7)] + [f"city {n}" for n in range(97)]
    chooser, urls = random.Random(seed), set()
    while len(urls) < count:
        query = {}
        for name in chooser.sample(sorted(facets), k=chooser.randint(0, 3)):
            query[name] = chooser.choice(facets[name])
        if not query or chooser.random() < 0.4:
            query["q"] = chooser.choice(words)
        if chooser.random() < 0.2:
            query["page"] = str(chooser.randint(2, 4))
        language = chooser.choice(["uz", "ru", "en"])
        urls.add(f"/{language}/partners/?{urllib.parse.urlencode(sorted(query.items()))}")
    return sorted(urls, key=lambda url: chooser.random())


def cpu_seconds(pids):
    """User and system CPU of these processes and their children (gunicorn's workers)."""
    total = 0.0
    for pid in pids:
        for each in {str(pid), *Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    return total


def cold_mix(site, urls, connections, server_pids):
    """Each URL once, through nginx, from `connections` keep-alive connections at a time."""
    tls = tls_for(site)
    latencies, statuses = [], []

    def worker(share):
        connection = http.client.HTTPSConnection("127.0.0.1", site.https_port, context=tls)
        for url in share:
            started = time.perf_counter()
            connection.request("GET", url)
            response = connection.getresponse()
            response.read()
            latencies.append((time.perf_counter() - started) * 1000)
            statuses.append((response.status, response.headers["X-Cache-Status"]))
        connection.close()

    cpu_before, started = cpu_seconds(server_pids), time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(connections) as pool:
        list(pool.map(worker, [urls[n::connections] for n in range(connections)]))
    elapsed, cpu = time.perf_counter() - started, cpu_seconds(server_pids) - cpu_before
    latencies.sort()
    return {
        "rps": len(urls) / elapsed,
        "cpu_ms": cpu / len(urls) * 1000,
        "p50": latencies[len(latencies) // 2],
        "p99": latencies[int(len(latencies) * 0.99)],
        "errors": sum(status != 200 for status, _cache in statuses),
        "hits": sum(cache == "HIT" for _status, cache in statuses),
    }


def measure_cold(env, options, partners, urls=None):
    """The cold mix on fresh servers: nothing in gunicorn's page cache nor in nginx's."""
    with running(env, options) as (port, gunicorn):
        site = local_site(env, port)
        with site.nginx() as nginx:
            if urls is None:
                # The facets of a page that is then no longer cold, so it is not in the mix.
                urls = cold_urls(fetch(f"{site.base}/en/partners/", tls_for(site)).decode())
            result = cold_mix(site, urls, options.cold_connections, [gunicorn, nginx.pid])
    return urls, (f"{partners:,} partners", result)


def cold_table(rows):
    return markdown_table(
        ["data", "req/s", "CPU ms per request", "p50 ms", "p99 ms", "errors", "cache hits"],
        [
            [name, f"{r['rps']:.0f}", f"{r['cpu_ms']:.1f}", f"{r['p50']:.1f}", f"{r['p99']:.1f}",
             str(r["errors"]), str(r["hits"])]
            for name, r in rows
        ],
    )  # fmt: skip


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--cold-connections", type=int, default=8)
    options = parser.parse_args()
    env = prepare_site(partners=COLD_SIZES[0])
    urls, first_cold = measure_cold(env, options, COLD_SIZES[0])
    cold = [first_cold]
    add_partners(env, 2000)

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
    with running(env, options) as (port, _pid):
        results = measure(f"http://127.0.0.1:{port}", pages, options)
        # A static file of the landing page's size and kind, beside the collected ones.
        landing = fetch(f"http://127.0.0.1:{port}/en/")
        (Path(env["STATIC_ROOT"]) / "bench-landing.html").write_bytes(landing)
        site = local_site(env, port)
        with site.nginx():
            ceiling = [("static file of the landing page's size", "/static/bench-landing.html")]
            through_nginx = measure(
                site.base, ceiling + pages[1:3] + pages[4:], options, tls_for(site)
            )

    with running({**env, "PAGE_CACHE_SECONDS": "0"}, options) as (port, _pid):
        uncached = measure(
            f"http://127.0.0.1:{port}", [pages[0], pages[2], pages[3], form_page], options
        )

    for partners in COLD_SIZES[1:]:
        add_partners(env, partners)
        cold.append(measure_cold(env, options, partners, urls)[1])

    database = env["DATABASE_URL"].split(":", 1)[0]
    print(
        f"\n{options.connections} connections, {options.seconds} s per page, gunicorn "
        f"{options.workers} gthread workers x {options.threads} threads, {database}, "
        f"{os.cpu_count()} cores, landing page {len(landing):,} bytes\n"
    )
    print("Page cache on:\n")
    print(table(results, results[0][1]["rps"]))
    print("\nThrough nginx (HTTPS), microcache:\n")
    print(table(through_nginx, through_nginx[0][1]["rps"], against="static file"))
    print("\nPage cache off:\n")
    print(table(uncached, uncached[0][1]["rps"]))
    print(
        f"\nPartner directory through nginx, cold: {COLD_URLS} distinct filter and search URLs "
        f"once each, {options.cold_connections} connections:\n"
    )
    print(cold_table(cold))


if __name__ == "__main__":
    main()
