"""An export that cannot be written says where, why and what to do -- a read-only folder, a folder that vanished,
a file name that is a folder, a full disk -- and the file already there is left whole (a temporary file, then a
rename). The disk-full case raises ENOSPC from the write call alone (a small tmpfs needs root mounts)."""

from __future__ import annotations

import errno
import io

import pytest
from test_export import ready_project

from wizard.core import operations, projectio
from wizard.core.operations import (
    M_EXPORT_DISK_FULL,
    M_EXPORT_IS_FOLDER,
    M_EXPORT_NO_FOLDER,
    M_EXPORT_READ_ONLY,
    ExportWriteError,
    prepare_export,
    write_export,
)

BEFORE = "the export written last week\n"


class FailingWrites(io.FileIO):
    """A file whose every write raises `code` (only the write: opening, the folder, the rename are real)."""

    code = errno.ENOSPC

    def write(self, data) -> int:  # noqa: ANN001 - io's signature
        raise OSError(self.code, "simulated " + errno.errorcode[self.code])


def failing_open(code: int):
    def fake_open(path, mode="r", *args, **kwargs):
        if "w" in mode and str(path).endswith(".tmp"):
            FailingWrites.code = code
            return FailingWrites(path, "w")
        return open(path, mode, *args, **kwargs)

    return fake_open


@pytest.fixture
def project():
    return ready_project()


def write(project, path):
    return write_export("portal-html", project, prepare_export(project), path)


@pytest.mark.parametrize(("code", "template"), [(errno.ENOSPC, M_EXPORT_DISK_FULL), (errno.EACCES, M_EXPORT_READ_ONLY),
                                                (errno.EROFS, M_EXPORT_READ_ONLY), (errno.EPERM, M_EXPORT_READ_ONLY)])
def test_a_failed_write_names_the_file_and_what_to_do_and_leaves_the_previous_file_whole(project, tmp_path, monkeypatch,
                                                                                         code, template):
    out = tmp_path / "offer.html"
    out.write_text(BEFORE, encoding="utf-8")
    monkeypatch.setattr(projectio, "open", failing_open(code), raising=False)
    with pytest.raises(ExportWriteError) as raised:
        write(project, out)
    error = raised.value
    assert error.template == template and error.template_args["path"] == out
    assert str(out) in str(error) and str(tmp_path) in str(error) and "export again" in str(error)
    assert out.read_text(encoding="utf-8") == BEFORE  # not overwritten with less
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file left


@pytest.mark.skipif(not hasattr(__import__("os"), "geteuid") or __import__("os").geteuid() == 0,
                    reason="root writes into a read-only folder; the EACCES case above covers it")
def test_a_really_read_only_folder(project, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "offer.html").write_text(BEFORE, encoding="utf-8")
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportWriteError) as raised:
            write(project, folder / "offer.html")
        assert raised.value.template == M_EXPORT_READ_ONLY
        assert (folder / "offer.html").read_text(encoding="utf-8") == BEFORE
    finally:
        folder.chmod(0o755)


def test_a_folder_that_vanished(project, tmp_path):
    gone = tmp_path / "exports"
    gone.mkdir()
    gone.rmdir()
    with pytest.raises(ExportWriteError) as raised:
        write(project, gone / "offer.html")
    assert raised.value.template == M_EXPORT_NO_FOLDER and raised.value.template_args == {"folder": gone}


def test_a_folder_that_vanishes_between_the_look_and_the_write(project, tmp_path, monkeypatch):
    monkeypatch.setattr(projectio, "open", failing_open(errno.ENOENT), raising=False)
    with pytest.raises(ExportWriteError) as raised:
        write(project, tmp_path / "offer.html")
    assert raised.value.template == M_EXPORT_NO_FOLDER


def test_a_file_name_that_is_a_folder(project, tmp_path):
    (tmp_path / "offer.html").mkdir()
    with pytest.raises(ExportWriteError) as raised:
        write(project, tmp_path / "offer.html")
    assert raised.value.template == M_EXPORT_IS_FOLDER
    assert str(tmp_path / "offer.html" / "offer.html") in str(raised.value)


def test_any_other_write_error_keeps_its_reason():
    said = operations.export_write_error(__import__("pathlib").Path("/x/offer.html"), OSError(errno.EIO, "I/O error"))
    assert "(I/O error)" in str(said) and "export again" in str(said)

