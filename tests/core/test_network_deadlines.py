"""Hostile storage servers (issue #29): a tiny HTTP server on 127.0.0.1 answers as a crafted endpoint
would — one byte every 2 s, a 200 with no Content-Range, a cut body, a listing that always has a next
marker — and every storage call ends within its deadline with a clear StorageError, or on Cancel."""

from __future__ import annotations

import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from wizard.core.progress import Cancelled, CancelToken
from wizard.core.storage import LIST_PAGES, BlobSource, StorageAccess, StorageError, blob_client, list_blobs

SIZE = 1024 * 1024
LIST_PAGE = """<?xml version="1.0" encoding="utf-8"?><EnumerationResults ServiceEndpoint="http://x/" ContainerName="c">
<Blobs><Blob><Name>disk{n}.vhd</Name><Properties><Last-Modified>Mon, 07 Dec 2026 00:00:00 GMT</Last-Modified>
<Content-Length>512</Content-Length><BlobType>PageBlob</BlobType></Properties></Blob></Blobs>
<NextMarker>again{n}</NextMarker></EnumerationResults>"""


class Hostile(BaseHTTPRequestHandler):
    mode = "slow"
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet
        pass

    def _blob_headers(self) -> None:
        self.send_header("x-ms-blob-type", "PageBlob")
        self.send_header("ETag", '"0x1"')
        self.send_header("Last-Modified", formatdate(usegmt=True))
        self.send_header("x-ms-version", "2021-08-06")

    def do_HEAD(self):  # noqa: N802 - get_blob_properties
        self.send_response(200)
        self._blob_headers()
        self.send_header("Content-Length", str(SIZE))
        self.end_headers()

    def do_GET(self):  # noqa: N802
        mode = type(self).mode
        if "comp=list" in self.path:
            n = int(time.monotonic() * 1000)
            body = LIST_PAGE.format(n=n).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        length = 512
        if mode == "no-range":  # a 200 with the whole "blob" cut short, and no Content-Range
            self.send_response(200)
            self._blob_headers()
            self.send_header("Content-Length", "100")
            self.end_headers()
            self.wfile.write(b"x" * 100)
            return
        self.send_response(206)
        self._blob_headers()
        self.send_header("Content-Range", f"bytes {SIZE - length}-{SIZE - 1}/{SIZE}")
        if mode == "short":
            self.send_header("Content-Length", "100")
            self.end_headers()
            self.wfile.write(b"x" * 100)
            return
        self.send_header("Content-Length", str(length))
        self.end_headers()
        try:
            for _ in range(length):  # one byte every 2 s: the socket's read timeout never fires
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(2)
        except OSError:
            pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/devstoreaccount1/c"
    httpd.shutdown()
    httpd.server_close()


def _source(url: str, **kwargs) -> BlobSource:
    return BlobSource(blob_client(f"{url}/disk.vhd?sv=2021-08-06&sr=b&sp=r&sig=abc"), "disk.vhd", **kwargs)


def test_a_server_sending_one_byte_every_two_seconds_meets_the_deadline(server):
    Hostile.mode = "slow"
    source = _source(server, read_seconds=3, check_seconds=30)
    started = time.monotonic()
    with pytest.raises(StorageError, match="did not answer within 3 s"):
        source.read(SIZE - 512, 512)
    assert time.monotonic() - started < 5


def test_the_whole_check_has_its_own_deadline(server):
    Hostile.mode = "slow"
    source = _source(server, read_seconds=3, check_seconds=4)
    with pytest.raises(StorageError):
        source.read(SIZE - 512, 512)
    started = time.monotonic()
    with pytest.raises(StorageError, match="4 s"):
        source.read(SIZE - 512, 512)
    assert time.monotonic() - started < 2.5


def test_cancel_ends_a_read_at_once(server):
    Hostile.mode = "slow"
    cancel = CancelToken()
    source = _source(server, cancel=cancel)
    threading.Timer(0.5, cancel.cancel).start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        source.read(SIZE - 512, 512)
    assert time.monotonic() - started < 2


@pytest.mark.parametrize("mode", ["no-range", "short"])
def test_an_answer_without_content_range_or_cut_short_is_a_clear_error(server, mode):
    """Before: a Python traceback from inside the SDK (or a short read taken as the footer)."""
    Hostile.mode = mode
    source = _source(server, read_seconds=10)
    with pytest.raises(StorageError, match="cannot be used"):
        source.read(SIZE - 512, 512)


def test_a_listing_that_always_has_a_next_marker_stops_and_says_so(server):
    """Before: followed forever (294 MB and growing after 30 s)."""
    access = StorageAccess("container-sas", "devstoreaccount1", "", "", f"{server}?sv=2021-08-06&sr=c&sp=rl&sig=abc")
    started = time.monotonic()
    found = list_blobs(access, "c")
    assert time.monotonic() - started < 20
    assert len(found) == LIST_PAGES
    assert "stopped after 50 page(s)" in str(found.cut)


def test_a_blob_check_is_cancelled_during_a_slow_read(server):
    """The VHD step's Check: Cancel reaches the read in flight (check_disk passes its token down)."""
    from wizard.core.profiles import load_profile
    from wizard.core.vhdjobs import check_target

    Hostile.mode = "slow"
    cancel = CancelToken()
    threading.Timer(0.5, cancel.cancel).start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        check_target(f"{server}/disk.vhd?sv=2021-08-06&sr=b&sp=r&sig=abc", load_profile("partner-center"), "os", "linux",
                     cancel=cancel)
    assert time.monotonic() - started < 2
