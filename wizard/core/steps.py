"""The seven steps of the wizard and how far a project has come in each."""

from __future__ import annotations

from enum import Enum, IntEnum

from .model import Project
from .validation import validate_offer


class Step(IntEnum):
    OFFER = 0
    VHD = 1
    CONNECTION = 2
    TEST_RUN = 3
    QUESTIONNAIRE = 4
    SAS = 5
    EXPORT = 6


class StepState(Enum):
    NOT_STARTED = "not-started"
    DONE = "done"
    ATTENTION = "attention"


def _offer_state(project: Project) -> StepState:
    offer = project.offer
    touched = any((offer.publisher_namespace, offer.offer_id, offer.offer_name)) or any(s.sku_id for s in project.skus)
    if not touched:
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
    c = project.connection
    return StepState.DONE if c.host and c.user else StepState.NOT_STARTED


def step_states(project: Project) -> dict[Step, StepState]:
    states = {step: StepState.NOT_STARTED for step in Step}
    states[Step.OFFER] = _offer_state(project)
    states[Step.VHD] = _vhd_state(project)
    states[Step.CONNECTION] = _connection_state(project)
    return states
