"""`mpwizard pc pull|push|submit|status`: Partner Center, live, through the Product Ingestion API.

Exit codes: 0 done; 1 refused (nothing sent), or the job failed; 2 usage, sign-in or network -- and a
job still running in Partner Center when following stops (`MPWIZARD_PC_FOLLOW_SECONDS`): not done.
A command group of the `wizard.cli` package (`add_commands(parser)`, one line in `parser.GROUPS`).
Qt-free.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .output import CommandError, error, note, warning

PLAN_ID = re.compile(r"[a-z0-9][a-z0-9-_]{2,49}")  # Partner Center's offer and plan IDs (REFERENCE §9)
ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,127}")


def _plan_id(text: str) -> str:
    if not PLAN_ID.fullmatch(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not an offer or plan ID (3 to 50 of a-z 0-9 - _, starting with "
                                         "a letter or digit)")
    return text


def _env_name(text: str) -> str:
    if not ENV_NAME.fullmatch(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not an environment variable name")
    return text


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--api", metavar="URL", help="the Product Ingestion API's base URL (default: "
                   "https://graph.microsoft.com/rp/product-ingestion)")
    p.add_argument("--token-env", metavar="NAME", type=_env_name,
                   help="a ready bearer token for https://graph.microsoft.com from this environment variable (CI)")
    p.add_argument("--tenant", metavar="ID", help="the Microsoft Entra tenant of the application")
    p.add_argument("--client-id", metavar="ID", help="the application (client) ID added to the Partner Center account")
    p.add_argument("--client-secret-env", metavar="NAME", type=_env_name,
                   help="the client secret from this environment variable (default: the OS keyring)")


def add_commands(parser: argparse.ArgumentParser) -> None:
    pc_sub = parser.add_subparsers(dest="pc_command", required=True)
    pull = pc_sub.add_parser("pull", help="read the offer's plans from Partner Center into the project (matched by plan ID)")
    pull.add_argument("project", type=Path, help="the .mpwiz project (written only after everything has parsed)")
    pull.add_argument("--product", metavar="OFFER_ID", type=_plan_id, required=True, help="the offer ID in Partner Center")
    pull.add_argument("--plan", metavar="PLAN_ID", type=_plan_id, action="append", help="only this plan (repeatable)")
    pull.add_argument("--target", choices=("draft", "preview", "live"), default="draft")
    _common(pull)
    pull.set_defaults(func=pull_command)
    push = pc_sub.add_parser("push", help="send the plans' technical configuration: every published version kept, "
                                          "the new version appended; follow the job")
    push.add_argument("project", type=Path)
    push.add_argument("--plan", metavar="PLAN_ID", type=_plan_id, action="append", help="only this plan (repeatable)")
    push.add_argument("--dry-run", metavar="FILE", type=Path,
                      help="write the configure request here and send nothing (it holds the SAS URIs: keep it private)")
    _common(push)
    push.set_defaults(func=push_command)
    submit = pc_sub.add_parser("submit", help="publish to preview, or take the preview live; follow the job")
    submit.add_argument("project", type=Path)
    submit.add_argument("--target", choices=("preview", "live"), required=True)
    _common(submit)
    submit.set_defaults(func=submit_command)
    status = pc_sub.add_parser("status", help="the product's submissions and the last job this project sent")
    status.add_argument("project", type=Path)
    _common(status)
    status.set_defaults(func=status_command)


# -- shared ---------------------------------------------------------------------------------------
def _err(text: str) -> None:
    print(text, file=sys.stderr)  # the lines carry their own prefix (error:, refused:, left out:, job ...)


def _load(path: Path) -> Any:
    from ..core.operations import pc_open

    return pc_open(path)


def _load_or_stop(path: Path) -> Any:
    """The project, or exit 2 with the reason (the command's last wall turns CommandError into that)."""
    from ..core.operations import ProjectUnreadable

    try:
        return _load(path)
    except ProjectUnreadable as exc:
        raise CommandError(str(exc)) from None


def _client(project: Any, args: argparse.Namespace) -> Any:
    from ..core.operations import pc_client, pc_token_source

    token = pc_token_source(project, args.token_env, args.tenant, args.client_id, args.client_secret_env)
    deadline = float(os.environ.get("MPWIZARD_PC_DEADLINE", "60") or 60)
    return pc_client(project, args.api, token, deadline=deadline)


def _poll() -> float:
    try:
        return max(0.05, float(os.environ.get("MPWIZARD_PC_POLL_SECONDS", "10")))
    except ValueError:
        return 10.0


def _follow_limit() -> dict[str, float]:
    """How long push and submit follow a job (`MPWIZARD_PC_FOLLOW_SECONDS`; unset or unreadable: the core's 6 hours)."""
    try:
        return {"timeout": max(0.0, float(os.environ["MPWIZARD_PC_FOLLOW_SECONDS"]))}
    except (KeyError, ValueError):
        return {}


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _follow(client: Any, loaded: Any, path: Path, job: Any, kind: str) -> int:
    """Store the job in the project, follow it to the end, print its progress and, when it fails, Microsoft's errors."""
    from ..core.operations import PCError, ProjectSaveError, pc_follow, pc_record_job, pc_save

    project = loaded.project
    pc_record_job(project, job, kind, _now())
    stamp = loaded.stamp
    stored = True
    try:
        stamp = pc_save(project, path, stamp)
    except ProjectSaveError as exc:
        stored = False
        warning(f"the job ID could not be stored in the project ({exc}); it is {job.job_id}")
    print(f"job {job.job_id}: sent")

    def update(state: Any) -> None:
        print(f"job {state.job_id}: {state.status} ({state.result})", flush=True)

    def not_done(state: str) -> int:
        # A follow that ends without the job's end is not done (exit 2): the job goes on in Partner Center.
        then = (f"Its ID is stored in the project: follow it with `mpwizard pc status {shlex.quote(str(path))}`"
                if stored else "Its ID could not be stored in the project: follow it in Partner Center")
        _err(f"job {job.job_id} is still running in Partner Center ({state}); following stopped before it ended. "
             f"{then}")
        return 2

    try:
        final = pc_follow(client, job.job_id, update, interval=_poll(), **_follow_limit())
    except PCError as exc:
        error(f"{exc}")
        return not_done("its state could not be read")
    pc_record_job(project, final)
    try:
        pc_save(project, path, stamp)
    except ProjectSaveError:
        pass
    if not final.done:
        return not_done(f"{final.status}, {final.result}")
    if not final.succeeded:
        _err(f"job {final.job_id} {final.result}:")
        for e in final.errors:
            _err(_job_error(e))
        return 1
    print(f"job {final.job_id}: succeeded")
    return 0


def _job_error(e: Any) -> str:
    """A failed job's error as the panel says it: where it is fixed, the sentence and next step, the raw code."""
    from ..core.operations import pc_error_place

    said = e.explained()
    step, field_name = pc_error_place(e)
    where = f"{step.lower()}{': ' + field_name if field_name else ''}"
    return f"  [{where}] {said.sentence} {said.next_step} [{said.details}]"


def _failure(exc: Exception) -> int:
    from ..core.operations import PCError, PushRefused, SubmitRefused

    if isinstance(exc, (PushRefused, SubmitRefused)):
        _err(f"refused (nothing was sent): {exc}")
        return 1
    if isinstance(exc, PCError):
        error(f"{exc}")
        return exc.exit_code
    raise exc


# -- the commands ---------------------------------------------------------------------------------
def pull_command(args: argparse.Namespace) -> int:
    from ..core.operations import ImportUnreadable, PCError, ProjectSaveError, ProjectUnreadable, keep_published_tokens, pc_pull, pc_save

    try:
        loaded = _load(args.project)
        client = _client(loaded.project, args)
        result = pc_pull(loaded.project, client, args.product, args.plan, args.target)
    except (ProjectUnreadable, ImportUnreadable) as exc:
        error(f"{exc} (the project is unchanged)")
        return 2
    except PCError as exc:
        error(f"{exc} (the project is unchanged)")
        return exc.exit_code
    in_keyring = keep_published_tokens(result.project.project_id, result.tokens)
    try:
        pc_save(result.project, args.project, loaded.stamp)
    except ProjectSaveError as exc:
        error(f"{exc}")
        return 2
    for sku_id in result.merged:
        sku = next(s for s in result.project.skus if s.sku_id == sku_id)
        versions = ", ".join(f"{v.version} ({v.lifecycle_state})" for v in sku.image_versions) or "none"
        print(f"plan {sku_id}: {'new SKU' if sku_id in result.added else 'merged'}; published versions {versions}")
    if not in_keyring:
        warning("the keyring is unavailable: the published SAS tokens are kept for this run only")
    for item in result.not_taken:
        _err(f"not taken: {item}")
    for item in result.unmodelled:
        note(f"{item}: a field the project does not hold; Partner Center keeps it and push sends it back unchanged")
    return 0


def push_command(args: argparse.Namespace) -> int:
    from ..core.operations import ProjectSaveError, pc_plan_push, pc_send, pc_write_body

    loaded = _load_or_stop(args.project)
    try:
        client = _client(loaded.project, args)
        plan, lives = pc_plan_push(loaded.project, client, args.plan)
    except Exception as exc:  # noqa: BLE001 - sorted by _failure; anything else is raised again
        return _failure(exc)
    for change in plan.changes:
        print(f"plan {change.plan_id}:")
        for line in change.changed:
            print(f"  change {line}")
        for kept in change.kept:
            print(f"  keep published version {kept}")
        if change.new_version:
            print(f"  add version {change.new_version}")
        if change.unmodelled:
            print(f"  keep as Partner Center has them: {', '.join(change.unmodelled)}")
    for item in plan.left_out:
        _err(f"left out: {item}")
    if args.dry_run:
        if Path(args.dry_run).resolve() == Path(args.project).resolve():
            error(f"--dry-run {args.dry_run} is the project file itself: name another file (nothing was written)")
            return 2
        try:
            pc_write_body(plan.body, Path(args.dry_run))
        except (ProjectSaveError, OSError) as exc:
            error(f"{exc}")
            return 2
        print(f"dry run: the configure request is in {args.dry_run}; nothing was sent")
        return 0
    if not any(c.changed or c.new_version for c in plan.changes):
        print("nothing to change in Partner Center: nothing was sent")
        return 0
    try:
        job = pc_send(client, plan.body, lives)
        return _follow(client, loaded, args.project, job, "push")
    except Exception as exc:  # noqa: BLE001
        return _failure(exc)


def submit_command(args: argparse.Namespace) -> int:
    from ..core.operations import pc_send, pc_submission

    loaded = _load_or_stop(args.project)
    try:
        from ..core.operations import SubmitRefused, pc_checklist_missing

        missing = pc_checklist_missing(loaded.project)
        if missing:  # before any sign-in: nothing is sent while the checklist is incomplete
            raise SubmitRefused("the checklist has missing items: " + "; ".join(missing))
        client = _client(loaded.project, args)
        resource = pc_submission(loaded.project, client, args.target)
        job = pc_send(client, {"resources": [resource]})
        return _follow(client, loaded, args.project, job, f"submit-{args.target}")
    except Exception as exc:  # noqa: BLE001
        return _failure(exc)


def status_command(args: argparse.Namespace) -> int:
    from ..core.operations import pc_status

    loaded = _load_or_stop(args.project)
    try:
        client = _client(loaded.project, args)
        subs, job = pc_status(loaded.project, client)
    except Exception as exc:  # noqa: BLE001
        return _failure(exc)
    for s in subs:
        print(f"submission {s.id}: target {s.target}, state {s.status or '-'}, result {s.result or '-'}"
              + (f", created {s.created}" if s.created else ""))
    record = loaded.project.partner_center
    if job is None:
        print("last job: none sent from this project")
    else:
        print(f"last job {job.job_id} ({record.last_job_kind or '?'}, sent {record.last_job_sent_at or '?'}): "
              f"{job.status} ({job.result})")
        for e in job.errors:
            print(_job_error(e))
    return 0
