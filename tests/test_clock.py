"""The suite's --clock option (see conftest.py), and the rule that makes a run under it mean
something: the site takes the time from Python, never from the database or the machine's zone."""

import argparse
import datetime
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.utils import timezone

from tests.conftest import CLOCK_START, clock_time

ROOT = Path(__file__).resolve().parent.parent
APP_PACKAGES = ("samsmu_intl", "partners", "events")


def pytest_run(*args):
    return subprocess.run(
        [sys.executable, "-m", "pytest", *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("20:30", datetime.time(20, 30, tzinfo=datetime.UTC)),
        ("00:01", datetime.time(0, 1, tzinfo=datetime.UTC)),
        ("23:59:59", datetime.time(23, 59, 59, tzinfo=datetime.UTC)),
    ],
)
def test_clock_reads_a_utc_time_of_day(value, expected):
    assert clock_time(value) == expected


@pytest.mark.parametrize(
    "value", ["", "8pm", "20.30", "2030", "20:3", "24:00", "20:60", "20:30:60", "20:30Z", " 20:30"]
)
def test_clock_refuses_anything_else(value):
    with pytest.raises(argparse.ArgumentTypeError, match="is not a UTC time of day"):
        clock_time(value)


@pytest.mark.system  # pytest itself in another process
def test_a_malformed_clock_stops_the_run_before_any_test():
    result = pytest_run("--clock=8pm", "tests/test_clock.py")
    assert result.returncode == pytest.ExitCode.USAGE_ERROR, result.stdout + result.stderr
    assert "'8pm' is not a UTC time of day" in result.stderr


def test_under_the_clock_it_is_that_time_of_day_today(request):
    """Meaningful under --clock: the CI run at 20:30 runs it, and so does the next test."""
    asked = request.config.getoption("clock")
    if asked is None:
        pytest.skip("the clock is the real one (run with --clock=HH:MM)")
    import time_machine

    start = datetime.datetime.fromtimestamp(request.config.stash[CLOCK_START], datetime.UTC)
    real_today = time_machine.escape_hatch.datetime.date.today()
    assert start.timetz() == asked
    # Today by the real clock (yesterday if the run began just before midnight).
    assert start.date() in (real_today, real_today - datetime.timedelta(days=1))
    now = timezone.now()
    assert datetime.timedelta(0) <= now - start < datetime.timedelta(hours=1)  # it ticks
    assert abs(time.time() - now.timestamp()) < 5
    assert abs(datetime.datetime.now(datetime.UTC) - now) < datetime.timedelta(seconds=5)
    # The process's zone stays the site's, as Django set it (time-machine would set TZ=UTC if it
    # were handed an aware datetime).
    offset = time.strftime("%z", time.localtime(now.timestamp()))
    assert offset == timezone.localtime(now).strftime("%z")


@pytest.mark.system  # pytest itself in another process
def test_the_clock_reaches_the_xdist_workers():
    test = "tests/test_clock.py::test_under_the_clock_it_is_that_time_of_day_today"
    result = pytest_run("-n", "1", "--clock=20:30", "-rs", test)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "1 passed" in output
    header = re.search(r"^clock: (\S+) 20:30:00 UTC, (\S+) 01:30 in Asia/Tashkent", output, re.M)
    assert header, output
    utc_day, tashkent_day = (datetime.date.fromisoformat(day) for day in header.groups())
    assert tashkent_day == utc_day + datetime.timedelta(days=1)


def test_the_site_takes_the_time_from_python_only():
    """--clock moves Python's clock, not the database's (NOW(), CURRENT_DATE, db_default=Now()):
    a query that took the time there would escape the run at 20:30. date.today() and naive
    datetime.now() read the process's zone, not the site's, and now().date() is a UTC date (still
    yesterday in Tashkent from 19:00 UTC). The site uses timezone.now(), localdate(), localtime().
    """
    forbidden = re.compile(
        r"\bNow\(|\bCURRENT_(DATE|TIME|TIMESTAMP)\b|\bNOW\(\)|\bLOCALTIMESTAMP\b"
        r"|\bdate\.today\(|\bdatetime\.(now|utcnow|today)\(|\bnow\(\)\.date\(\)"
    )
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for package in APP_PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if forbidden.search(line)
    ]
    assert found == []
