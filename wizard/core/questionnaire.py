"""The certification questionnaire as data (resources/questionnaire), and how far a project has answered it.

The questions, their tabs, choices and both languages live in the JSON file; this
module loads them, says which apply to a platform, prefills what the latest test
run already knows, and decides when the questionnaire is complete. Qt-free, so the
page and `mpwizard report` agree.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from .model import OS_LINUX, Answer, CheckRecord, Project, TestRunRecord
from .records import record
from .resources import resource_path

BOOL, CHOICE, TEXT = "bool", "choice", "text"
TRUE, FALSE = "true", "false"


@record(frozen=True)
class Choice:
    """One answer a choice question offers, worded in each language."""

    id: str
    text: dict[str, str]


@record(frozen=True)
class Question:
    """One question: its tab, kind, the platforms it applies to, wording and prefill rule."""

    id: str
    tab: str
    kind: str  # bool | choice | text
    platforms: tuple[str, ...]
    text: dict[str, str]  # language → wording
    choices: tuple[Choice, ...] = ()
    prefill: dict[str, Any] | None = None

    def wording(self, lang: str) -> str:
        return self.text.get(lang) or self.text["en"]


@record(frozen=True)
class Tab:
    """A group of questions as the portal's questionnaire shows them."""

    id: str
    title: dict[str, str]
    platforms: tuple[str, ...]


@record(frozen=True)
class Questionnaire:
    """The whole questionnaire as loaded from resources/questionnaire/questionnaire.json."""

    tabs: tuple[Tab, ...]
    questions: tuple[Question, ...]
    wording_note: dict[str, dict[str, str]]  # profile id → language → where the questions' wording comes from

    def wording(self, profile_id: str, lang: str) -> str:
        """The note on the questions' wording under `profile_id` (the default profile's for an unknown one), in
        `lang` or else English: each profile names only its own sources."""
        from .profiles import DEFAULT_PROFILE_ID

        note = self.wording_note.get(profile_id) or self.wording_note[DEFAULT_PROFILE_ID]
        return note.get(lang) or note["en"]

    def for_platform(self, platform: str) -> list[Question]:
        return [q for q in self.questions if platform in q.platforms]

    def tabs_for(self, platform: str) -> list[Tab]:
        return [t for t in self.tabs if platform in t.platforms]

    def question(self, qid: str) -> Question:
        return next(q for q in self.questions if q.id == qid)


@cache
def load_questionnaire() -> Questionnaire:
    data = json.loads(resource_path("questionnaire", "questionnaire.json").read_text(encoding="utf-8"))
    tabs = tuple(Tab(t["id"], t["title"], tuple(t["platforms"])) for t in data["tabs"])
    questions = tuple(
        Question(q["id"], q["tab"], q["kind"], tuple(q["platforms"]), q["text"],
                 tuple(Choice(c["id"], c["text"]) for c in q.get("choices", ())), q.get("prefill"))
        for q in data["questions"])
    return Questionnaire(tabs, questions, data["wording"])


# -- answers -----------------------------------------------------------------------
def is_answered(question: Question, answer: Answer | None) -> bool:
    """Answered and confirmed; a False needs its explanation."""
    if answer is None or answer.prefilled or not answer.value.strip():
        return False
    if question.kind == BOOL:
        if answer.value not in (TRUE, FALSE):
            return False
        return answer.value == TRUE or bool(answer.explanation.strip())
    if question.kind == CHOICE:
        return answer.value in {c.id for c in question.choices}
    return True


@record(frozen=True)
class QuestionnaireProgress:
    """How many of a platform's questions are answered, and which are not."""

    answered: int
    total: int
    unanswered: tuple[str, ...]  # question ids, in order
    needs_explanation: tuple[str, ...]  # answered False without an explanation
    unconfirmed: tuple[str, ...]  # prefilled, waiting for the user to confirm
    ssh_info_missing: bool

    @property
    def complete(self) -> bool:
        return self.answered == self.total and not self.ssh_info_missing

    @property
    def started(self) -> bool:
        return self.answered > 0 or bool(self.unconfirmed)


def progress(project: Project, questionnaire: Questionnaire | None = None) -> QuestionnaireProgress:
    q = questionnaire or load_questionnaire()
    platform = project.connection.platform
    answers = project.questionnaire.answers
    questions = q.for_platform(platform)
    open_ids, explain, unconfirmed = [], [], []
    for question in questions:
        answer = answers.get(question.id)
        if is_answered(question, answer):
            continue
        open_ids.append(question.id)
        if answer is not None and answer.prefilled:
            unconfirmed.append(question.id)
        elif answer is not None and question.kind == BOOL and answer.value == FALSE:
            explain.append(question.id)
    qa = project.questionnaire
    ssh_missing = platform == OS_LINUX and not qa.ssh_blocked and not qa.ssh_access.strip()
    return QuestionnaireProgress(len(questions) - len(open_ids), len(questions), tuple(open_ids), tuple(explain),
                                 tuple(unconfirmed), ssh_missing)


def prefill_values(run: TestRunRecord | None, platform: str, questionnaire: Questionnaire | None = None) -> dict[str, str]:
    """What the test run already tells about each question: Passed → "true", Failed/Warning → "false"."""
    if run is None or run.platform != platform:
        return {}
    q = questionnaire or load_questionnaire()
    by_id = {r.id: r for r in run.results}
    values: dict[str, str] = {}
    for question in q.for_platform(platform):
        rule = question.prefill or {}
        if "test" in rule:
            record = by_id.get(rule["test"].get(platform, ""))
            if record and record.result == "Passed":
                values[question.id] = TRUE
            elif record and record.result in ("Failed", "Warning"):
                values[question.id] = FALSE
        elif "system" in rule and run.system.get(rule["system"]):
            values[question.id] = run.system[rule["system"]]
        elif "test_actual" in rule:
            record = by_id.get(rule["test_actual"])
            if record and record.result == "Passed" and record.actual:
                values[question.id] = record.actual
    return values


def apply_prefill(project: Project, questionnaire: Questionnaire | None = None) -> list[str]:
    """Fill empty answers from the latest run, marked as waiting for confirmation. Never overwrites."""
    values = prefill_values(project.latest_run(), project.connection.platform, questionnaire)
    filled = []
    answers = project.questionnaire.answers
    for qid, value in values.items():
        current = answers.get(qid)
        if current is None or (not current.value and not current.explanation):
            answers[qid] = Answer(value=value, prefilled=True)
            filled.append(qid)
    return filled


def exception_candidates(run: TestRunRecord | None) -> list[CheckRecord]:
    """The checks an exception request would be about: Failed, Error and Warning results."""
    from .verdicts import NEEDS_NOTE

    return [r for r in (run.results if run else []) if r.result in NEEDS_NOTE]
