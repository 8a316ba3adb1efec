"""Run inside its own dbus-run-session: lock the real gnome-keyring, then use the app.

`core` mode prints LOCKED-ERROR when the credential service raised its typed error;
`ui` mode types a password into the real Connection page with "Remember" ticked and
prints the text the page shows. Used by tests/gui/test_credentials.py.
"""

import os
import sys
import time

import secretstorage

from wizard.core.credentials import CredentialService, KeyringLockedError, SecretRef

connection = secretstorage.dbus_init()
collection = secretstorage.get_default_collection(connection)
collection.lock()
assert collection.is_locked()

if sys.argv[1] == "core":
    try:
        CredentialService().store(SecretRef("p1", "vm-password"), "s3cret-value", remember=True)
    except KeyringLockedError as exc:
        print("LOCKED-ERROR", exc.advice)
        sys.exit(0)
    print("NO-ERROR")
    sys.exit(1)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication  # noqa: E402

from wizard.document import ProjectDocument  # noqa: E402
from wizard.pages.connection_page import ConnectionPage  # noqa: E402

app = QApplication([])
page = ConnectionPage(ProjectDocument())
page.initializePage()
page.secret_status.clear()
page.password.setText("s3cret-value")
page.remember.setChecked(True)  # stores, through the keyring, in the background
deadline = time.monotonic() + 20
while not page.secret_status.text() and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.02)
print("UI-TEXT", page.secret_status.text())
