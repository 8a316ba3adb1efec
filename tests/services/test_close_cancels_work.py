"""Closing the window or the project cancels running work through its CancelToken, waits a bounded time,
and leaves no part of a file behind (issue #34, item 6): a real upload to Azurite is cut short."""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path

import pytest

from wizard.core.steps import Step
from wizard.mainwindow import CLOSE_WAIT_S

from conftest import AZURITE_KEY


@pytest.fixture
def uploading(qtbot, demo_window, azurite, make_vhd):
    """A main window whose VHD step is uploading a 256 MiB disk of data to Azurite: (window, page, disk, handle)."""
    from wizard.core.credentials import credentials
    from wizard.core.secrets import storage_secret_ref

    path = make_vhd("256M")
    block = os.urandom(2**20)
    with open(path, "r+b") as fh:  # data in every MiB but the footer's: nothing to skip, every page is sent
        for _ in range(255):
            fh.write(block)
    container = f"closing{uuid.uuid4().hex[:8]}"
    azurite.service().create_container(container)
    window = demo_window(Step.VHD)
    page = window.pages[Step.VHD]
    storage = page.project.storage
    storage.mode, storage.account_name, storage.custom_endpoint = "account-key", "devstoreaccount1", azurite.endpoint
    credentials().store(storage_secret_ref(page.project.project_id, "account-key", storage), AZURITE_KEY, remember=False)
    disk = page.project.skus[0].disks[1]
    page.set_disk_file(disk, str(path))
    disk.blob_url = ""
    page.start_upload(page.project.skus[0], disk, container)
    handle = page.task
    assert handle is not None
    # Under way: some of the file has gone (the bar counts per mille of the file).
    qtbot.waitUntil(lambda: page.progress.value() > 0 or handle.ended.is_set(), timeout=30_000)
    assert not handle.ended.is_set(), "the upload ended before the window closed: make the disk larger"
    return window, page, disk, handle


def partial_files(*folders: Path) -> list[Path]:
    return [p for folder in folders if folder.exists() for p in folder.rglob("*")
            if p.name.endswith((".tmp", ".part"))]


def test_closing_the_window_cancels_the_upload_within_the_bound(qtbot, uploading, tmp_path):
    from wizard.core.upload import journal_dir

    window, page, disk, handle = uploading
    window.document.dirty = False  # no unsaved-changes question: the close goes through
    started = time.monotonic()
    assert window.close()
    took = time.monotonic() - started
    assert handle.token.cancelled  # the work was told through its CancelToken
    assert handle.ended.is_set()  # and it stopped before the close returned
    assert took < CLOSE_WAIT_S + 1.0
    qtbot.waitUntil(lambda: page.task is None, timeout=10_000)
    assert "cancelled" in page.status.text()
    assert disk.blob_url == ""  # the project is not given the blob the upload did not finish
    assert partial_files(tmp_path, journal_dir()) == []


def test_closing_the_project_cancels_its_work_and_keeps_its_result_out_of_the_next(qtbot, uploading, tmp_path):
    from wizard.core.upload import journal_dir

    window, page, disk, handle = uploading
    window.document.dirty = False
    started = time.monotonic()
    window.close_project()  # File → Close: a new, empty project
    assert time.monotonic() - started < CLOSE_WAIT_S + 1.0
    assert handle.token.cancelled and handle.ended.is_set()
    qtbot.waitUntil(lambda: page.task is None, timeout=10_000)
    assert not window.document.dirty  # nothing of the old project's work landed in the new one
    assert window.document.project.skus == [] or all(not d.blob_url for s in window.document.project.skus
                                                       for d in s.disks)
    assert partial_files(tmp_path, journal_dir()) == []
