"""The eight steps of the wizard and how far a project has come in each."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from enum import Enum, IntEnum

from .model import Disk, Project
from .profiles import Profile
from .validation import validate_offer
from .verdicts import BLOCKING


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
    ATTENTION = "attention"


def offer_touched(project: Project) -> bool:
    """Whether anything of the offer has been filled in yet (a new project: no)."""
    offer = project.offer
    return any((offer.publisher_namespace, offer.offer_id, offer.offer_name)) or any(s.sku_id for s in project.skus)


def _offer_state(project: Project) -> StepState:
    if not offer_touched(project):
        return StepState.NOT_STARTED
    errors = [p for p in validate_offer(project) if p.severity == "error"]
    return StepState.ATTENTION if errors else StepState.DONE


def _vhd_state(project: Project) -> StepState:
    disks = [d for s in project.skus for d in s.disks]
    records = [d.vhd_check for d in disks if d.vhd_check]
    if not records:
        return StepState.NOT_STARTED
    if any(r.verdict == "fail" for r in records) or len(records) < len(disks):
        return StepState.ATTENTION
    return StepState.DONE


def _connection_state(project: Project) -> StepState:
    """Done once *Test connection* reached the target now entered (or a test run did); filled-in
    fields that were never tested, or failed, need attention."""
    c = project.connection
    if not (c.host or c.user):
        return StepState.NOT_STARTED
    latest = project.test_runs[-1] if project.test_runs else None
    ran_there = latest is not None and latest.host == c.host and latest.user == c.user and latest.platform == c.platform
    return StepState.DONE if c.verified_target == c.target_key() or ran_there else StepState.ATTENTION


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


def _sas_state(project: Project) -> StepState:
    from .validation import project_profile

    profile = project_profile(project)
    states = [sas_expiry_state(d, profile) for s in project.skus for d in s.sas_disks]
    if not states and any(s.disks for s in project.skus):
        return StepState.DONE  # every image comes from a gallery image version: no SAS URI is needed
    if not states or all(s == "none" for s in states):
        return StepState.NOT_STARTED
    return StepState.DONE if all(s == "ok" for s in states) else StepState.ATTENTION


def _test_run_state(project: Project) -> StepState:
    if not project.test_runs:
        return StepState.NOT_STARTED
    latest = project.test_runs[-1]
    bad = any(r.result in BLOCKING for r in latest.results)
    return StepState.ATTENTION if bad or not latest.results else StepState.DONE


def _questionnaire_state(project: Project) -> StepState:
    from .questionnaire import progress

    state = progress(project)
    if state.complete and project.test_runs:
        return StepState.DONE
    if state.complete:
        return StepState.ATTENTION  # answered, but the report they belong to needs a test run
    return StepState.ATTENTION if state.started or project.questionnaire.ssh_access else StepState.NOT_STARTED


def step_states(project: Project) -> dict[Step, StepState]:
    states = {step: StepState.NOT_STARTED for step in Step}
    states[Step.OFFER] = _offer_state(project)
    states[Step.VHD] = _vhd_state(project)
    states[Step.CONNECTION] = _connection_state(project)
    states[Step.SAS] = _sas_state(project)
    states[Step.TEST_RUN] = _test_run_state(project)
    states[Step.QUESTIONNAIRE] = _questionnaire_state(project)
    if project.last_export is not None:
        states[Step.EXPORT] = StepState.ATTENTION if project.last_export.missing else StepState.DONE
        # What remains is done in the portal: the step reads as far as the export it follows.
        states[Step.NEXT] = states[Step.EXPORT]
    return states
