"""A regular install works: the sdist and the wheel from `python -m build`, each installed into a fresh
virtual environment outside the source tree, run `--version`, `project check` and `export` on the
bundled sample, and `--smoke` (which checks the Japanese catalogue).

The fresh environment gets the dependencies by a `.pth` line pointing at the test environment's
site-packages (the same versions, no second 100 MB download of Qt); the package itself is installed
into it with `pip install --no-deps` and is the only `wizard` it can import -- the test checks that
the one it runs lives in the fresh environment, not in the source tree.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def dists(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run([sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(ROOT)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "License classifiers are deprecated" not in result.stderr
    assert "project.license` as a TOML table is deprecated" not in result.stderr
    wheel = next(out.glob("*.whl"))
    sdist = next(out.glob("*.tar.gz"))
    return {"wheel": wheel, "sdist": sdist}


def fresh_venv(where: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", str(where)], check=True, timeout=120)
    purelib = subprocess.run([str(where / "bin/python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    # The dependencies, from the test environment (see the module docstring).
    Path(purelib, "test-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return where


def clean_env(home: Path) -> dict:
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(home / "config"), "XDG_STATE_HOME": str(home / "state"),
            "XDG_DATA_HOME": str(home / "data"), "XDG_CACHE_HOME": str(home / "cache")}


@pytest.mark.parametrize("kind", ["wheel", "sdist"])
def test_installed_app_runs_outside_the_source_tree(dists, kind, tmp_path):
    venv = fresh_venv(tmp_path / "venv")
    # A wheel installs without any index; an sdist is built by pip in its own build environment, as
    # for anyone who installs it (setuptools comes from the package index).
    offline = {"PIP_NO_INDEX": "1"} if kind == "wheel" else {}
    install = subprocess.run([str(venv / "bin/python"), "-m", "pip", "install", "-q", "--no-deps", str(dists[kind])],
                             capture_output=True, text=True, timeout=600, env={**os.environ, **offline})
    assert install.returncode == 0, install.stdout[-2000:] + install.stderr[-2000:]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = clean_env(tmp_path / "home")
    app = str(venv / "bin/mpwizard")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([app, *args], capture_output=True, text=True, cwd=elsewhere, env=env, timeout=180)

    where = subprocess.run([str(venv / "bin/python"), "-c", "import wizard, wizard.core.resources as r; "
                            "print(wizard.__file__); print(r.resources_dir())"],
                           capture_output=True, text=True, cwd=elsewhere, env=env, check=True).stdout.split()
    assert all(str(venv) in line for line in where), where  # the installed copy, and its own resources

    version = run("--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == "mpwizard 0.1.0"
    sample = Path(where[1]) / "examples" / "demo.mpwiz"
    checked = run("project", "check", str(sample))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    exported = run("export", str(sample), "--format", "portal-md", "-o", str(elsewhere / "form.md"))
    assert exported.returncode in (0, 1), exported.stderr  # 1: exported, with the sample's missing items listed
    assert "Traceback" not in exported.stderr
    assert "web-appliance" in (elsewhere / "form.md").read_text(encoding="utf-8")
    smoke = run("--smoke")
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert "mpwizard_ja" in smoke.stdout


def test_committed_translations_match_the_catalogue():
    """resources/i18n/*.qm is committed (so an sdist or wheel needs no Qt tools to build); it must say
    exactly what the .ts says. To refresh it: pyside6-lrelease resources/i18n/mpwizard_ja.ts."""
    from PySide6.QtCore import QTranslator

    ts = ROOT / "resources/i18n/mpwizard_ja.ts"
    translator = QTranslator()
    assert translator.load(str(ROOT / "resources/i18n/mpwizard_ja.qm"))
    stale = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source, wanted = message.findtext("source"), message.findtext("translation") or ""
            if translator.translate(name, source) != wanted:
                stale.append(f"{name}: {source!r}")
    assert stale == [], "the .qm is out of date: run pyside6-lrelease on the .ts"


def test_every_resource_folder_is_shipped():
    """The wheel's package data and the PyInstaller spec both follow `SHIPPED`: a new folder under
    resources/ that is not in it would be missing from the frozen app (as guidance/ once was)."""
    from wizard.core.resources import SHIPPED

    assert {p.name for p in (ROOT / "resources").iterdir()} == set(SHIPPED)
