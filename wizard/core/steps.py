"""The eight steps of the wizard and how far a project has come in each."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from enum import Enum, IntEnum

from .model import Disk, Project
from .profiles import Profile
from .records import record


class Step(IntEnum):
    OFFER = 0
    VHD = 1
    CONNECTION = 2
    TEST_RUN = 3
    QUESTIONNAIRE = 4
    SAS = 5
    EXPORT = 6
    NEXT = 7  # "What's next": the portal steps that remain after the export


class StepState(Enum):
    NOT_STARTED = "not-started"
    DONE = "done"
    ATTENTION = "attention"  # partial evidence: started, incomplete, not verified yet
    FAILED = "failed"  # a failure, or a link of the file → blob → SAS chain that no longer matches


def offer_touched(project: Project) -> bool:
    """Whether anything of the offer has been filled in yet (a new project: no)."""
    offer = project.offer
    return any((offer.publisher_namespace, offer.offer_id, offer.offer_name)) or any(s.sku_id for s in project.skus)


@record(frozen=True)
class StepStatus:
    """How far a step has come and, when it needs attention, why (a template and its arguments)."""

    state: StepState
    reason: str = ""
    args: tuple[tuple[str, object], ...] = ()

    @property
    def text(self) -> str:
        """The reason in English, filled in (the GUI translates `reason` instead)."""
        from .status import fill

        return fill(self.reason, dict(self.args))


def parse_iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")) if text else None
    except ValueError:
        return None


def sas_expiry_state(disk: Disk, profile: Profile, now: datetime | None = None) -> str:
    """none | ok | soon | expired — soon is within the profile's renewal warning window."""
    expiry = parse_iso(disk.sas.expiry) if disk.sas else None
    if expiry is None:
        return "none"
    now = now or datetime.now(UTC)
    if expiry <= now:
        return "expired"
    if expiry - now <= timedelta(days=profile.sas_renew_warning_days):
        return "soon"
    return "ok"


def step_statuses(project: Project) -> dict[Step, StepStatus]:
    """Each step's state and, when it is not done, why: derived from the status evaluator's items (the
    same items as the export checklist, core.status)."""
    from .status import step_statuses as derived

    return derived(project)


def step_states(project: Project) -> dict[Step, StepState]:
    return {step: status.state for step, status in step_statuses(project).items()}
