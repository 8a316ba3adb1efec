"""Logging set-up: a rotating file in the user's log folder, with secrets redacted.

Every record passes a filter that replaces secrets seen this session and any
SAS signature / account key pattern with `***`, so nothing secret reaches a log.
"""

from __future__ import annotations

import logging
import re
import threading
from pathlib import Path

_secrets: set[str] = set()
_secrets_lock = threading.Lock()

# sig=… in SAS URIs, AccountKey=… in connection strings, Authorization headers.
SAS_SIGNATURE = re.compile(r"(?i)(sig=)[^&\s'\"]+")  # also used to mask signatures on screen
_PATTERNS = [
    SAS_SIGNATURE,
    re.compile(r"(?i)(AccountKey=)[^;\s'\"]+"),
    re.compile(r"(?i)(SharedAccessSignature=)[^;\s'\"]+"),
    re.compile(r"(?i)(Authorization:\s*)\S+"),
]


def register_secret(secret: str) -> None:
    if secret and len(secret) >= 4:
        with _secrets_lock:
            _secrets.add(secret)


def redact(text: str) -> str:
    for pattern in _PATTERNS:
        text = pattern.sub(r"\1***", text)
    with _secrets_lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        text = text.replace(secret, "***")
    return text


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        record.msg, record.args = cleaned, None
        return True


def log_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir("mpwizard", appauthor=False))


def log_file() -> Path:
    return log_dir() / "mpwizard.log"


def setup_logging(level: int = logging.INFO) -> Path:
    """Install the rotating file handler once; returns the log file path."""
    import logging.handlers  # imported here: start-up does not need it before the window shows

    root = logging.getLogger()
    path = log_file()
    for handler in [h for h in root.handlers if getattr(h, "_mpwizard", False)]:
        if Path(getattr(handler, "baseFilename", "")) == path:
            return path
        root.removeHandler(handler)  # the log folder moved (tests isolate user folders)
        handler.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2 * 1024 * 1024, backupCount=5, encoding="utf-8")
    handler._mpwizard = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    root.addHandler(handler)
    root.setLevel(level)
    # Third-party HTTP logging can print headers; keep it quiet.
    logging.getLogger("azure").setLevel(logging.WARNING)
    logging.getLogger("paramiko").setLevel(logging.WARNING)
    return path
