"""The VHD file opener's refusals with the exact words the user reads: what was given instead of a
file (the CLI tests reach these only in a subprocess, which the mutation run does not see)."""

from __future__ import annotations

import errno
import os

import pytest

from wizard.core.vhd import NotARegularFile, open_regular


def test_a_fifo_a_folder_and_a_device_are_refused_by_name(tmp_path):
    fifo, folder = tmp_path / "disk.vhd", tmp_path / "images"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer forever: the open does not block
    folder.mkdir()
    for path, kind in ((fifo, "a FIFO (named pipe)"), (folder, "a folder"), ("/dev/null", "a device")):
        with pytest.raises(NotARegularFile) as refused:
            open_regular(path)
        assert str(refused.value) == f"{path} is {kind}, not a VHD file: choose the .vhd file itself"
        assert refused.value.errno == errno.EINVAL


def test_a_regular_file_opens_blocking(tmp_path):
    path = tmp_path / "os.vhd"
    path.write_bytes(b"x" * 512)
    fd = open_regular(path)
    try:
        assert os.get_blocking(fd) and os.read(fd, 4) == b"xxxx"
    finally:
        os.close(fd)
