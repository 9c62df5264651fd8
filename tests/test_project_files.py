"""The team's habits written in files (.pre-commit-config.yaml, .editorconfig) stay valid and
agree with pyproject.toml, where the same rules are written a second time."""

import configparser
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

yaml = pytest.importorskip("yaml", reason="PyYAML comes with pre-commit, in the dev extra")

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def pre_commit_hooks():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    return {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}


def test_pre_commit_config_is_valid_and_runs_the_agreed_hooks():
    validated = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert set(pre_commit_hooks()) == {
        "trailing-whitespace",
        "end-of-file-fixer",
        "django-upgrade",
        "ruff-check",
        "ruff-format",
        "lint-imports",
    }


def test_django_upgrade_targets_the_django_series_we_pin():
    django = next(
        Requirement(line)
        for line in PYPROJECT["project"]["dependencies"]
        if Requirement(line).name == "Django"
    )
    lowest = next(spec.version for spec in django.specifier if spec.operator == ">=")
    series = ".".join(lowest.split(".")[:2])
    entry = pre_commit_hooks()["django-upgrade"]["entry"]
    assert entry.endswith(f"--target-version {series}"), (entry, str(django.specifier))


def test_editors_wrap_python_where_ruff_does():
    editorconfig = configparser.ConfigParser()
    editorconfig.read_string("[preamble]\n" + (ROOT / ".editorconfig").read_text())
    python = editorconfig["*.{py,toml}"]
    assert int(python["max_line_length"]) == PYPROJECT["tool"]["ruff"]["line-length"]
    assert python["indent_size"] == "4"
