"""The eight steps of the wizard and how far a project has come in each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum, IntEnum

from .i18n_marks import QT_TRANSLATE_NOOP
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


# Why a step needs attention, said in the step list's tooltip (the mark alone does not say).
R_OFFER = QT_TRANSLATE_NOOP("Core", "{count} problem(s) to fix on this step")
R_VHD_UNCHECKED = QT_TRANSLATE_NOOP("Core", "{count} disk(s) not checked yet")
R_VHD_FAILED = QT_TRANSLATE_NOOP("Core", "the check of {count} disk(s) failed")
R_CONNECTION = QT_TRANSLATE_NOOP("Core", "filled in, but Test connection has not reached this host and user yet")
R_SAS = QT_TRANSLATE_NOOP("Core", "{count} disk(s) without a SAS URI, or with one that expires too soon")
R_RUN_BAD = QT_TRANSLATE_NOOP("Core", "the latest test run has Failed or Error results")
R_RUN_EMPTY = QT_TRANSLATE_NOOP("Core", "the latest test run has no results")
R_QUESTIONS_OPEN = QT_TRANSLATE_NOOP("Core", "{answered} of {total} questions answered")
R_QUESTIONS_NO_RUN = QT_TRANSLATE_NOOP("Core", "every question is answered; the report needs a test run first")
R_EXPORT = QT_TRANSLATE_NOOP("Core", "the last export said {count} item(s) are missing")


@dataclass(frozen=True)
class StepStatus:
    """How far a step has come and, when it needs attention, why (a template and its arguments)."""

    state: StepState
    reason: str = ""
    args: tuple[tuple[str, object], ...] = ()

    @property
    def text(self) -> str:
        """The reason in English, filled in (the GUI translates `reason` instead)."""
        return self.reason.format(**dict(self.args))


def _attention(reason: str, **args: object) -> StepStatus:
    return StepStatus(StepState.ATTENTION, reason, tuple(args.items()))


DONE, NOT_STARTED = StepStatus(StepState.DONE), StepStatus(StepState.NOT_STARTED)


def _offer_state(project: Project) -> StepStatus:
    if not offer_touched(project):
        return NOT_STARTED
    errors = [p for p in validate_offer(project) if p.severity == "error"]
    return _attention(R_OFFER, count=len(errors)) if errors else DONE


def _vhd_state(project: Project) -> StepStatus:
    disks = [d for s in project.skus for d in s.vhd_disks]
    records = [d.vhd_check for d in disks if d.vhd_check]
    if not disks and any(s.disks for s in project.skus):
        return DONE  # every image comes from a gallery image version made elsewhere: no VHD to check
    if not records:
        return NOT_STARTED
    failed = sum(r.verdict == "fail" for r in records)
    if failed:
        return _attention(R_VHD_FAILED, count=failed)
    if len(records) < len(disks):
        return _attention(R_VHD_UNCHECKED, count=len(disks) - len(records))
    return DONE


def _connection_state(project: Project) -> StepStatus:
    """Done once *Test connection* reached the target now entered (or a test run did); filled-in
    fields that were never tested, or failed, need attention."""
    c = project.connection
    if not (c.host or c.user):
        return NOT_STARTED
    latest = project.test_runs[-1] if project.test_runs else None
    ran_there = latest is not None and latest.host == c.host and latest.user == c.user and latest.platform == c.platform
    return DONE if c.verified_target == c.target_key() or ran_there else _attention(R_CONNECTION)


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


def _sas_state(project: Project) -> StepStatus:
    from .validation import project_profile

    profile = project_profile(project)
    states = [sas_expiry_state(d, profile) for s in project.skus for d in s.sas_disks]
    if not states and any(s.disks for s in project.skus):
        return DONE  # every image comes from a gallery image version: no SAS URI is needed
    if not states or all(s == "none" for s in states):
        return NOT_STARTED
    short = sum(s != "ok" for s in states)
    return _attention(R_SAS, count=short) if short else DONE


def _test_run_state(project: Project) -> StepStatus:
    if not project.test_runs:
        return NOT_STARTED
    latest = project.test_runs[-1]
    if not latest.results:
        return _attention(R_RUN_EMPTY)
    return _attention(R_RUN_BAD) if any(r.result in BLOCKING for r in latest.results) else DONE


def _questionnaire_state(project: Project) -> StepStatus:
    from .questionnaire import progress

    state = progress(project)
    if state.complete and project.test_runs:
        return DONE
    if state.complete:
        return _attention(R_QUESTIONS_NO_RUN)  # answered, but the report they belong to needs a test run
    if state.started or project.questionnaire.ssh_access:
        return _attention(R_QUESTIONS_OPEN, answered=state.answered, total=state.total)
    return NOT_STARTED


def step_statuses(project: Project) -> dict[Step, StepStatus]:
    """Each step's state and, for one that needs attention, why."""
    statuses = {step: NOT_STARTED for step in Step}
    statuses[Step.OFFER] = _offer_state(project)
    statuses[Step.VHD] = _vhd_state(project)
    statuses[Step.CONNECTION] = _connection_state(project)
    statuses[Step.SAS] = _sas_state(project)
    statuses[Step.TEST_RUN] = _test_run_state(project)
    statuses[Step.QUESTIONNAIRE] = _questionnaire_state(project)
    if project.last_export is not None:
        missing = project.last_export.missing
        statuses[Step.EXPORT] = _attention(R_EXPORT, count=missing) if missing else DONE
        # What remains is done in the portal: the step reads as far as the export it follows.
        statuses[Step.NEXT] = statuses[Step.EXPORT]
    return statuses


def step_states(project: Project) -> dict[Step, StepState]:
    return {step: status.state for step, status in step_statuses(project).items()}
