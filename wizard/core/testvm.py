"""What the test-VM commands make, as the Connection step needs it: the user they sign in as and the
key `az vm create --generate-ssh-keys` leaves on the publisher's machine. The Test run step offers to
fill the Connection step with these, so a first-timer goes from the commands to a run without guessing.
Qt-free.
"""

from __future__ import annotations

from pathlib import Path

from .model import OS_LINUX, ConnectionSettings
from .records import record

# The scripts' ADMIN_USERNAME when the publisher sets none (renderers: `ADMIN_USERNAME:-azureuser`).
RECIPE_USER = "azureuser"
# `az vm create --generate-ssh-keys` uses ~/.ssh/id_rsa(.pub), creating the pair when missing (Azure CLI
# reference, az vm create: "Generate SSH public and private key files if missing. The keys will be
# stored in the ~/.ssh directory"; RSA unless --ssh-key-type says otherwise).
RECIPE_KEY = (".ssh", "id_rsa")
SSH_PORT = 22


@record(frozen=True)
class RecipeLogin:
    """How the commands' VM is reached: its user, key authentication on Linux (a password on Windows,
    the ADMIN_PASSWORD the publisher set), and the private key file."""

    user: str
    auth: str  # "key" | "password"
    key_file: str


def recipe_login(platform: str, home: Path | None = None) -> RecipeLogin:
    home = home if home is not None else Path.home()
    if platform == OS_LINUX:
        return RecipeLogin(RECIPE_USER, "key", str(home.joinpath(*RECIPE_KEY)))
    return RecipeLogin(RECIPE_USER, "password", "")


def apply_recipe_login(connection: ConnectionSettings, home: Path | None = None) -> RecipeLogin:
    """Fill the connection with the recipe's user and authentication; the host stays as it is (the
    publisher reads it from `az vm show -d … --query publicIps` once the VM runs)."""
    login = recipe_login(connection.platform, home)
    connection.user, connection.auth = login.user, login.auth
    if login.key_file:
        connection.key_file = login.key_file
    if connection.platform == OS_LINUX:
        connection.port = SSH_PORT
    return login
