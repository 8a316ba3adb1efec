"""The project document: everything a publisher enters and every result, no secrets.

Plain dataclasses, serialised by `codec` in field order. Every class keeps an
`extra` dict for keys this version does not know, so nothing is lost on save.
Secrets never live here: a field that refers to one holds a keyring reference.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from .profiles import DEFAULT_PROFILE_ID

FORMAT_VERSION = 2
FILE_KIND = "mpwizard-project"
FILE_SUFFIX = ".mpwiz"

OS_LINUX = "linux"
OS_WINDOWS = "windows"
ROLE_OS = "os"
ROLE_DATA = "data"
BASE_IMAGE_OTHER = "other"


def _required() -> dict[str, bool]:
    return {"required": True}


@dataclass
class VhdFinding:
    """One result of the VHD check: a rule id, how bad, what was found and the fix."""

    id: str = ""
    severity: str = "pass"  # pass | info | warning | fail
    message: str = ""
    fix: str = ""
    # The English template and its values, so the page can show the message translated.
    template: str = ""
    args: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class VhdCheckRecord:
    """The stored result of one VHD check, tied to the file or blob it looked at."""

    target: str = ""
    profile_id: str = ""
    checked_at: str = ""  # ISO 8601 UTC
    file_size: int = 0
    file_mtime_ns: int = 0  # 0 for blobs
    blob_etag: str = ""
    format: str = "unknown"
    disk_type: str | None = None
    virtual_size: int = 0
    allocated_bytes: int | None = None
    verdict: str = "fail"  # pass | warning | fail
    findings: list[VhdFinding] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class SasRecord:
    """A SAS URI made for a disk. The token itself is in the keyring (`secret_purpose`)."""

    blob_url: str = ""  # the URL it was made for, without the token
    start: str = ""  # ISO 8601 UTC
    expiry: str = ""
    permissions: str = "rl"
    scheme: str = "https"
    created_at: str = ""
    verified_at: str = ""
    verdict: str = ""  # pass | warning | fail, from the last verification
    secret_purpose: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Disk:
    """One image disk of a SKU: the OS disk or a data disk, its local file and/or blob."""

    role: str = ROLE_OS  # "os" | "data"; data LUNs follow their order in the SKU
    label: str = ""
    vhd_path: str = ""
    blob_url: str = ""  # without any SAS token
    vhd_check: VhdCheckRecord | None = None
    sas: SasRecord | None = None
    preflight: PreflightRecord | None = None  # the Linux cases judged offline from the file (issue #23)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class ReportRecord:
    """The certification report bundle last made for a SKU, and where it was stored."""

    file_name: str = ""  # certification-<sku>-<version>-<date>.zip
    created_at: str = ""
    sku_version: str = ""
    test_run_started: str = ""  # which run it reports (TestRunRecord.started_at)
    saved_path: str = ""  # the local copy, if the user saved one
    blob_url: str = ""  # in the container of the OS disk's VHD, without any SAS
    stored_at: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class OpenPort:
    """A port range the plan opens (Partner Center's openPorts)."""

    label: str = ""
    protocol: str = "tcp"  # tcp | udp | both
    port_range: str = ""  # "443" or "8000-8080"
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class PlanProperties:
    """The plan's technical properties (Partner Center's vmProperties), as the publisher sets them."""

    remote_connection_disabled: bool = False  # SSH/RDP disabled on purpose (the certification FAQ's tick)
    requires_custom_arm_template: bool = False
    network_virtual_appliance: bool = False
    accelerated_networking: bool = False
    nvme: bool = False
    hibernation: bool = False
    cloud_init: bool = False
    backup: bool = False
    extensions: bool = True
    entra_id_login: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class PublishedDisk:
    """A data disk of a published image version: its LUN and blob URL (the SAS token: the keyring)."""

    lun: int = 0
    blob_url: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class PublishedVersion:
    """An image version the plan already publishes: every configure request lists it unchanged.
    Blob URLs are kept without their SAS tokens (those go to the keyring: core.secrets)."""

    version: str = ""
    lifecycle_state: str = "generallyAvailable"  # generallyAvailable | deprecated | deleted
    image_type: str = "x64Gen1"
    os_blob_url: str = ""
    data_disks: list[PublishedDisk] = field(default_factory=list)
    gallery_tenant_id: str = ""  # a sharedImageGallery source instead of SAS URIs
    gallery_resource_id: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Sku:
    """One plan of the offer: one VM image with its OS, sizes, version, disks and results."""

    sku_id: str = ""
    title: str = ""
    summary: str = ""
    os_family: str = OS_LINUX
    os_friendly_name: str = ""
    base_image: str = ""
    base_image_date: str = ""  # YYYY-MM-DD when base_image == "other"
    vm_sizes: list[str] = field(default_factory=list)
    version: str = "1.0.0"
    published_versions: list[str] = field(default_factory=list)
    disks: list[Disk] = field(default_factory=lambda: [Disk(role=ROLE_OS)])
    report: ReportRecord | None = None
    properties: PlanProperties = field(default_factory=PlanProperties)
    open_ports: list[OpenPort] = field(default_factory=list)
    image_versions: list[PublishedVersion] = field(default_factory=list)  # what the plan publishes already
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def os_disk(self) -> Disk | None:
        return next((d for d in self.disks if d.role == ROLE_OS), None)

    @property
    def data_disks(self) -> list[Disk]:
        return [d for d in self.disks if d.role == ROLE_DATA]

    def lun_of(self, disk: Disk) -> int | None:
        """Data disks get LUN 0, 1, 2… in the order they are listed."""
        data = self.data_disks
        for lun, candidate in enumerate(data):
            if candidate is disk:
                return lun
        return None


@dataclass
class CheckRecord:
    """One certification check as saved: verdict, what was found, what is required, the fix."""

    id: str = ""
    test_id: str = ""
    name: str = ""
    description: str = ""
    result: str = ""  # Passed | Warning | Failed | Error | Skipped
    actual: str = ""
    required: str = ""
    remediation: str = ""
    evidence: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class TestRunRecord:
    """One certification run: when, against which host, under which profile, and every result."""

    started_at: str = ""
    finished_at: str = ""
    platform: str = OS_LINUX
    host: str = ""
    user: str = ""
    profile_id: str = ""
    os_name: str = ""
    results: list[CheckRecord] = field(default_factory=list)
    # What the probe learned about the system (OSName, OSDistro, KernelVersion, KernelFullVersion, OSVersion).
    system: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class PreflightRecord:
    """A pre-flight of a local VHD file: the Linux test cases judged from its files, offline, before upload.

    Advisory: the test VM's run is the certification; this one says early what that run would find."""

    target: str = ""
    file_size: int = 0
    file_mtime_ns: int = 0
    profile_id: str = ""
    started_at: str = ""
    finished_at: str = ""
    layout: str = ""  # the partitions and file systems read
    bytes_read: int = 0
    results: list[CheckRecord] = field(default_factory=list)
    system: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Answer:
    """One questionnaire answer: "true"/"false", a choice id, or free text."""

    value: str = ""
    explanation: str = ""  # required when a True/False question is answered "false"
    prefilled: bool = False  # taken from the test run and not yet confirmed by the user
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class QuestionnaireAnswers:
    """The questionnaire and the tool's "additional information" screen."""

    answers: dict[str, Answer] = field(default_factory=dict)  # question id → answer
    ssh_access: str = ""  # how the certification team reaches a Linux VM over SSH
    ssh_blocked: bool = False  # SSH is blocked on purpose
    exception_notes: dict[str, str] = field(default_factory=dict)  # check id → explanation for an exception request
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class ExportRecord:
    """The last export of the SKU form: what, where, and how much was still missing then."""

    format: str = ""
    path: str = ""
    exported_at: str = ""
    missing: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Offer:
    """The offer every SKU belongs to: publisher namespace, offer id and name."""

    publisher_namespace: str = ""
    offer_id: str = ""
    offer_name: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class ConnectionSettings:
    """How to reach the certification VM. Passwords are in the keyring, never here."""

    test_name: str = ""
    platform: str = OS_LINUX
    host: str = ""
    port: int = 22
    user: str = ""
    auth: str = "password"  # "password" | "key"
    key_file: str = ""
    windows_transport: str = "winrm"  # "winrm" (HTTPS 5986) | "ssh" (OpenSSH on Windows)
    verify_tls: bool = True  # WinRM certificate validation; off only by an explicit, warned choice
    # The target (`target_key()`) the last *Test connection* reached, and when; "" until one passes,
    # and again after one fails -- filled-in fields alone do not make the step done.
    verified_target: str = ""
    verified_at: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def target_key(self) -> str:
        """Everything that decides which machine and account a test reaches."""
        transport = self.windows_transport if self.platform == OS_WINDOWS else "ssh"
        return f"{self.platform}|{transport}|{self.host}|{self.port}|{self.user}|{self.auth}"


@dataclass
class StorageSettings:
    """Where the VHD blobs live. Keys and connection strings are in the keyring."""

    mode: str = "account-key"  # "account-key" | "connection-string" | "container-sas"
    account_name: str = ""
    endpoint_suffix: str = "core.windows.net"
    custom_endpoint: str = ""
    container: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Project:
    """Everything the user entered and every result: what a .mpwiz file holds (no secrets)."""

    format: str = FILE_KIND
    format_version: int = FORMAT_VERSION
    project_id: str = field(default_factory=lambda: os.urandom(16).hex())  # not uuid: it imports slowly
    name: str = ""
    profile_id: str = DEFAULT_PROFILE_ID
    offer: Offer = field(default_factory=Offer, metadata=_required())
    skus: list[Sku] = field(default_factory=list, metadata=_required())
    connection: ConnectionSettings = field(default_factory=ConnectionSettings)
    storage: StorageSettings = field(default_factory=StorageSettings)
    test_runs: list[TestRunRecord] = field(default_factory=list)
    questionnaire: QuestionnaireAnswers = field(default_factory=QuestionnaireAnswers)
    last_export: ExportRecord | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def latest_run(self) -> TestRunRecord | None:
        return self.test_runs[-1] if self.test_runs else None

    def display_name(self) -> str:
        return self.name or self.offer.offer_name or self.offer.offer_id


def new_project() -> Project:
    """A fresh project with one Linux SKU, ready for the first page."""
    return Project(skus=[Sku()])
