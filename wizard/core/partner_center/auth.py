"""Sign-in for the Product Ingestion API.

The documented route ("Product Ingestion API for the commercial marketplace", Step 1:
https://learn.microsoft.com/partner-center/marketplace/product-ingestion-api) is a Microsoft Entra ID
application added to the Partner Center account, signing in with the OAuth 2.0 client credentials
flow for the resource `https://graph.microsoft.com`. Tokens come from Microsoft's `msal`:
`ConfidentialClientApplication(client_id, authority=https://login.microsoftonline.com/<tenant>,
client_credential=<secret>).acquire_token_for_client(scopes=["https://graph.microsoft.com/.default"])`
(https://learn.microsoft.com/entra/identity-platform/scenario-daemon-acquire-token: the scope of the
client credentials flow is the resource ID followed by `/.default`). It answers a dict with
`access_token`, or `error` / `error_description`.

The client secret lives in the OS keyring under a name bound to its tenant and client
(`pc_secret_ref`): a project file naming another tenant or client finds no secret. For CI a ready
bearer token can come from an environment variable instead (`--token-env NAME`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable

from ..secrets import pc_secret_ref
from .client import PCAuthError

SCOPE = "https://graph.microsoft.com/.default"
AUTHORITY = "https://login.microsoftonline.com/"
# A tenant is a GUID or a verified domain name; a client ID is a GUID.
TENANT_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|"
                       r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+")
__all__ = ["SCOPE", "authority_host", "check_ids", "msal_token", "pc_secret_ref", "token_from_env"]
CLIENT_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def check_ids(tenant: str, client_id: str) -> None:
    if not TENANT_RE.fullmatch(tenant.strip()):
        raise PCAuthError(f"tenant {tenant!r} is not a tenant ID (a GUID) or a domain name")
    if not CLIENT_RE.fullmatch(client_id.strip()):
        raise PCAuthError(f"client ID {client_id!r} is not an application (client) ID (a GUID)")


def token_from_env(name: str) -> Callable[[], str]:
    """A bearer token from the environment variable `name` (e.g. the output of
    `az account get-access-token --resource https://graph.microsoft.com --query accessToken -o tsv`)."""

    def token() -> str:
        value = os.environ.get(name, "").strip()
        if not value:
            raise PCAuthError(f"the environment variable {name} holds no access token")
        return value.removeprefix("Bearer ").strip()

    return token


def authority_host() -> str:
    """Microsoft Entra ID's sign-in host: the public cloud's, or `MPWIZARD_ENTRA_AUTHORITY` (a national
    cloud such as https://login.microsoftonline.us/, or a test stand-in). https only (msal's rule)."""
    value = os.environ.get("MPWIZARD_ENTRA_AUTHORITY", "").strip()
    return (value.rstrip("/") + "/") if value.startswith("https://") else AUTHORITY


def msal_token(tenant: str, client_id: str, secret: str, host: str | None = None,
               timeout: float = 30.0) -> Callable[[], str]:
    """A token from msal's client credentials flow (asked for when first needed)."""
    check_ids(tenant, client_id)
    host = host or authority_host()
    if not secret:
        raise PCAuthError("no client secret: store it in the keyring (the wizard's Partner Center sign-in) or give "
                          "--client-secret-env NAME")

    def token() -> str:
        import msal

        try:
            # Instance discovery asks the public cloud about the authority: only for the public cloud's host.
            app = msal.ConfidentialClientApplication(client_id.strip(), authority=host + tenant.strip(),
                                                     client_credential=secret, instance_discovery=host == AUTHORITY,
                                                     timeout=timeout)  # msal's default is no deadline at all
            result = app.acquire_token_for_client(scopes=[SCOPE])
        except ValueError as exc:  # msal's answer to an authority it cannot use (unknown tenant)
            raise PCAuthError(f"sign-in failed: {str(exc)[:200]}") from None
        except Exception as exc:  # noqa: BLE001 - msal's network errors are requests' and its own
            raise PCAuthError(f"sign-in failed: Microsoft Entra ID cannot be reached ({type(exc).__name__})") from None
        access = result.get("access_token") if isinstance(result, dict) else None
        if not access:
            code = result.get("error", "unknown") if isinstance(result, dict) else "unknown"
            text = str(result.get("error_description", "")).splitlines()[0][:200] if isinstance(result, dict) else ""
            raise PCAuthError(f"sign-in refused ({code}): {text} -- check the tenant, the client ID and the secret, "
                              "and that the secret has not expired")
        return str(access)

    return token
