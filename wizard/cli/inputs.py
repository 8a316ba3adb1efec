"""Where the command line takes secrets from: environment variables named by an option, or standard
input -- never argv, which every user of the machine can read. What a secret must be is a rule of
`core.operations` (`given_secret`); this module only fetches it."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from .output import CommandError, english, error, warning

if TYPE_CHECKING:
    from pathlib import Path

    from ..core.model import Project
    from ..core.operations import GivenSecret


def env_value(name: str) -> str:
    """The value of the environment variable `name`; CommandError when it is not set."""
    from ..core.operations import M_VARIABLE_NOT_SET

    if name not in os.environ:
        raise CommandError(english(M_VARIABLE_NOT_SET, name=name))
    return os.environ[name]


def given_secret(args: argparse.Namespace) -> GivenSecret | None:
    """The storage secret from --account-key-env / --connection-string-env, or None when neither is given."""
    from ..core.operations import ACCOUNT_KEY, CONNECTION_STRING, SecretUnusable, given_secret

    for mode, name in ((ACCOUNT_KEY, getattr(args, "account_key_env", None)),
                       (CONNECTION_STRING, getattr(args, "connection_string_env", None))):
        if name:
            try:
                secret: GivenSecret = given_secret(mode, name, os.environ.get(name))
            except SecretUnusable as exc:
                raise CommandError(str(exc)) from None
            return secret
    return None


def url_with_sas(url: str, args: argparse.Namespace) -> str:
    """The URL to use: `-` reads it from standard input; --sas-env VAR adds the SAS token (or gives the
    whole SAS URI) from the environment, so that no SAS has to sit in the command line."""
    from urllib.parse import urlsplit

    from_stdin = url == "-"
    if from_stdin:
        url = sys.stdin.readline().strip()
        if not url:
            raise CommandError("standard input held no URL")
    var = getattr(args, "sas_env", None)
    if not var:
        if "sig=" in url and not from_stdin:
            warning("a SAS in the command line can be read by other users of this machine; prefer "
                    "--sas-env VAR or '-' (standard input)")
        return url
    value = os.environ.get(var, "").strip()
    if not value:
        raise CommandError(f"environment variable {var} is not set")
    base = urlsplit(url)._replace(query="").geturl()
    if value.startswith(("http://", "https://")):
        if urlsplit(value)._replace(query="").geturl() != base:
            raise CommandError(f"the SAS URI in {var} is for another blob than {base}")
        return value
    if urlsplit(url).query:
        raise CommandError("give the blob URL without a SAS when the SAS comes from --sas-env")
    return f"{base}?{value.lstrip('?')}"


def load_for_sku(path: Path, sku_id: str | None) -> Project | None:
    """The project at `path`, or None after saying why it cannot be used (unreadable, or no such SKU)."""
    from ..core.operations import ProjectUnreadable, open_project

    try:
        return open_project(path, sku_id)
    except (ProjectUnreadable, LookupError) as exc:
        error(exc.args[0] if isinstance(exc, LookupError) else exc)
        return None
