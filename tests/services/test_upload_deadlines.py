"""An upload through a storage endpoint that stops answering Put Page (issue #29): a loopback proxy in
front of the real Azurite passes every request but holds the page writes; the upload ends with the
deadline's message, the journal keeps what was done, and Cancel ends a held upload at once."""

from __future__ import annotations

import socket
import threading
import time

import pytest
from test_upload import AZURITE_KEY, sparse_vhd

import wizard.core.upload as up
from wizard.core.progress import Cancelled, CancelToken
from wizard.core.storage import StorageError


class HoldingProxy:
    """TCP proxy to Azurite; a connection that sends a Put Page request is held: nothing more goes through."""

    def __init__(self, port: int):
        self.target = port
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen()
        self.port = self.listener.getsockname()[1]
        self.stop = threading.Event()
        self.sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        self.listener.settimeout(0.2)
        while not self.stop.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                continue
            server = socket.create_connection(("127.0.0.1", self.target))
            self.sockets += [client, server]
            threading.Thread(target=self._pump, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, False), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket, upstream: bool) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    return
                if upstream and b"comp=page" in data and b"x-ms-page-write: update" in data.lower():
                    self.stop.wait()  # held: the request never reaches Azurite, no answer ever comes
                    return
                sink.sendall(data)
        except OSError:
            return

    def close(self) -> None:
        self.stop.set()
        for s in [self.listener, *self.sockets]:
            s.close()


@pytest.fixture(scope="module")
def held(azurite):
    azurite.service().create_container("held")
    proxy = HoldingProxy(azurite.port)
    yield f"http://127.0.0.1:{proxy.port}/devstoreaccount1/held"
    proxy.close()


def test_a_put_page_that_is_never_answered_ends_at_the_request_deadline(make_vhd, held, monkeypatch):
    monkeypatch.setattr(up, "PAGE_SECONDS", 2.0)
    path = sparse_vhd(make_vhd, "8M", [(0, b"boot" * 128)])
    started = time.monotonic()
    with pytest.raises(StorageError, match="did not answer within 2 s"):
        up.upload_vhd(path, f"{held}/held.vhd", account_key=AZURITE_KEY, workers=1, journal_folder=path.parent / "j")
    assert time.monotonic() - started < 8  # before: the SDK's 60 s read timeout, then its retries


def test_cancel_ends_a_held_upload_at_once(make_vhd, held):
    path = sparse_vhd(make_vhd, "8M", [(0, b"boot" * 128)])
    cancel = CancelToken()
    threading.Timer(1.0, cancel.cancel).start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        up.upload_vhd(path, f"{held}/cancel.vhd", account_key=AZURITE_KEY, workers=1, cancel=cancel,
                      journal_folder=path.parent / "j")
    assert time.monotonic() - started < 4
