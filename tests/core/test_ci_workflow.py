"""The GitHub Actions example (packaging/ci/github-actions-publish.yml): every mpwizard command and
option in it exists in the parser, it runs the publishing cycle, and no secret reaches a command line."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from wizard.cli import build_parser

WORKFLOW = Path(__file__).resolve().parents[2] / "packaging" / "ci" / "github-actions-publish.yml"


def run_blocks(text: str) -> list[tuple[str, dict[str, str]]]:
    """Each step's `run:` script with the environment the step sees (the job's `env:` and the step's),
    read by indentation: the workflow's own subset of YAML (block scalars, maps, lists)."""
    lines = text.splitlines()
    out: list[tuple[str, dict[str, str]]] = []
    job_env: dict[str, str] = {}
    step_env: dict[str, str] = {}
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if stripped.startswith("- ") and indent >= 6:  # a new step
            step_env = {}
        m = re.fullmatch(r"(- )?env:", stripped)
        if m:
            target = job_env if indent == 4 else step_env
            i += 1
            while i < len(lines) and (len(lines[i]) - len(lines[i].lstrip())) > indent and lines[i].strip():
                key, _, value = lines[i].strip().partition(":")
                target[key.strip()] = value.strip()
                i += 1
            continue
        m = re.fullmatch(r"(- )?run:\s*(.*)", stripped)
        if m:
            if m.group(2) in ("|", ">"):
                body = []
                i += 1
                while i < len(lines) and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > indent):
                    body.append(lines[i].strip())
                    i += 1
                script = "\n".join(body)
            else:
                script, i = m.group(2), i + 1
            out.append((script, {**job_env, **step_env}))
            continue
        i += 1
    return out


def commands(script: str) -> list[list[str]]:
    """The mpwizard command lines of a script (continuations joined, redirections cut off)."""
    found = []
    for logical in script.replace("\\\n", " ").splitlines():
        words = shlex.split(logical, comments=True)
        if words and words[0] == "mpwizard":
            cut = next((k for k, w in enumerate(words) if w in (">", ">>", "|", "2>", "&&", ";")), len(words))
            found.append(words[1:cut])
    return found


def all_commands() -> list[tuple[list[str], dict[str, str]]]:
    return [(c, env) for script, env in run_blocks(WORKFLOW.read_text(encoding="utf-8")) for c in commands(script)]


def test_the_workflow_runs_the_publishing_cycle():
    heads = [" ".join(c[:2]) for c, _ in all_commands()]
    for needed in ("vhd preflight", "pc push", "pc submit"):
        assert needed in heads
    assert any(c[0] == "certify" for c, _ in all_commands())
    submit = next(c for c, _ in all_commands() if c[:2] == ["pc", "submit"])
    assert submit[submit.index("--target") + 1] == "preview"


@pytest.mark.parametrize("argv", [c for c, _ in all_commands()], ids=lambda c: " ".join(c[:2]))
def test_every_command_and_option_exists(argv):
    parser = build_parser()
    parsed = parser.parse_args(argv)  # an unknown command or option exits 2 (SystemExit): the test fails
    assert parsed.func is not None


def test_secrets_come_from_the_ci_store_through_the_environment_never_the_command_line():
    text = WORKFLOW.read_text(encoding="utf-8")
    for script, _env in run_blocks(text):
        assert "secrets." not in script
    for argv, env in all_commands():
        for k, word in enumerate(argv):
            if word.endswith("-env"):
                name = argv[k + 1]
                assert name in env, f"{word} {name}: not set in the step's environment"
                assert env[name].startswith("${{ secrets."), f"{name} is not from the CI's secret store"


def test_a_job_still_running_ends_the_step_with_its_id_kept_within_githubs_job_limit():
    """`pc push`/`pc submit` exit 2 for a job still running when following stops: the follows end before GitHub's
    6-hour job limit (so mpwizard, not a kill, ends the step) and the project with the job ID is kept anyway."""
    follows = [float(env["MPWIZARD_PC_FOLLOW_SECONDS"].strip('"'))
               for argv, env in all_commands() if argv[:2] in (["pc", "push"], ["pc", "submit"]) and "--dry-run" not in argv]
    assert len(follows) == 2 and sum(follows) < 6 * 3600 - 30 * 60  # half an hour left for pre-flight and certify
    text = WORKFLOW.read_text(encoding="utf-8")
    keep = text[text.index("- name: Keep the job ID with the project"):]
    assert "if: always()" in keep.split("- name:", 2)[1] and "path: ${{ env.PROJECT }}" in keep


def test_the_parser_of_this_test_reads_what_it_claims():
    """The reader above finds a command it must refuse: an option that does not exist."""
    bad = "jobs:\n  x:\n    steps:\n      - run: mpwizard pc push p.mpwiz --no-such-option\n"
    ((script, _),) = run_blocks(bad)
    (argv,) = commands(script)
    with pytest.raises(SystemExit):
        build_parser().parse_args(argv)
