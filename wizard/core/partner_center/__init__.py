"""Partner Center, live: the Product Ingestion API (REFERENCE.md §10).

- `client`: HTTP with `$version`, `@nextLink` paging, a deadline per request, backoff on 429/5xx,
  caps on what a response may be, and no `Authorization` header for another host;
- `auth`: a bearer token from Microsoft's `msal` (client credentials; the secret in the OS keyring,
  bound to its tenant and client) or from an environment variable (CI);
- `pull` / `push` / `submit`: the publishing cycle, reached through `core.operations`.

Shapes follow Microsoft's documentation:
https://learn.microsoft.com/partner-center/marketplace/product-ingestion-api (resources, durable
and external IDs, configure, configure status, resource tree, submission) and
https://learn.microsoft.com/partner-center/marketplace-offers/product-ingestion-api-vm (the
virtual-machine-plan-technical-configuration resource). Qt-free.
"""

from .client import (
    API_VERSION,
    DEFAULT_API,
    PCAuthError,
    PCClient,
    PCError,
    PCNetworkError,
    PCNotFound,
    PCResponseError,
)

__all__ = ["API_VERSION", "DEFAULT_API", "PCAuthError", "PCClient", "PCError", "PCNetworkError", "PCNotFound",
           "PCResponseError"]
