"""What a first-timer needs on each step, as data: resources/guidance/guidance.json holds, in English
and Japanese, what the step is for, what to have ready and where to find it, what comes next,
Microsoft documentation links, one glossary of terms, an outline per requirement profile mapped to the
steps (the 2015 guide's chapters; Partner Center's stages for a VM offer), the start checklist and the portal
steps that remain after the export.

This module reads it into typed values and renders a step's guidance as simple HTML for a Qt text
browser (the main window's guidance panel and the Help dialogs). No Qt here.

In the texts, `[[key]]` or `[[key|shown words]]` marks a glossary term: rendered as a `term:key`
link whose explanation the panel shows. Links to the outside must be https on a Microsoft domain
(`link_problem` says why one is not); `step:<key>` links move to a step.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import field, replace
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from .records import record
from .resources import resource_path
from .steps import Step

Text = dict[str, str]  # {"en": ..., "ja": ...}
LANGUAGES = ("en", "ja")
MICROSOFT_DOMAINS = ("learn.microsoft.com", "partner.microsoft.com", "portal.azure.com", "azure.microsoft.com")
TERM = re.compile(r"\[\[([a-z0-9-]+)(?:\|([^\]]+))?\]\]")


def pick(text: Text, lang: str) -> str:
    """The text in `lang`, English when that language is missing."""
    return text.get(lang) or text["en"]


@record(frozen=True)
class Link:
    """A Microsoft documentation or portal page."""

    url: str
    title: Text


@record(frozen=True)
class Term:
    """One glossary entry: the term as shown and its short explanation; `profiles`, when not empty, the
    requirement profiles whose glossary lists it (Partner Center's "plan" is no term of the 2015 guide)."""

    key: str
    term: Text
    text: Text
    profiles: tuple[str, ...] = ()

    def shown_under(self, profile: str) -> bool:
        return not self.profiles or not profile or profile in self.profiles


@record(frozen=True)
class Command:
    """A command the publisher runs on a machine of one OS family, with what it is for."""

    os: str
    label: Text
    command: str


@record(frozen=True)
class Preparation:
    """Work done outside the wizard before a step (generalizing the image VM)."""

    title: Text
    warning: Text
    commands: tuple[Command, ...]
    after: Text


@record(frozen=True)
class StepGuide:
    """The guidance of one step; `profiles` holds its variant under a requirement profile where the texts differ
    (under Partner Center nothing of the 2015 publishing portal, under the 2015 guide nothing of Partner Center)."""

    key: str
    purpose: Text
    before: tuple[Text, ...]
    next: Text
    terms: tuple[str, ...]
    links: tuple[Link, ...]
    prepare: Preparation | None = None
    profiles: dict[str, StepGuide] = field(default_factory=dict)

    def under(self, profile: str) -> StepGuide:
        """The guidance under the profile `profile` ("partner-center"), this one where it has no variant."""
        return self.profiles.get(profile, self)


@record(frozen=True)
class OutlineEntry:
    """A section of the publishing process (the 2015 guide's, or Partner Center's) and the step that covers it."""

    section: Text
    step: str


@record(frozen=True)
class StartInfo:
    """What the start page of a new project says: the choice of rules and what to have ready."""

    intro: Text
    profiles: dict[str, Text]
    checklist: tuple[Text, ...]
    links: tuple[Link, ...]


@record(frozen=True)
class Guidance:
    """Everything of resources/guidance/guidance.json."""

    labels: dict[str, Text]
    steps: dict[str, StepGuide]
    glossary: dict[str, Term]
    outlines: dict[str, tuple[OutlineEntry, ...]]  # per requirement profile
    start: StartInfo
    whats_next: dict[str, tuple[Text, ...]]

    def for_step(self, step: Step, profile: str = "") -> StepGuide:
        """The step's guidance under the profile `profile` (its id; empty: the texts both profiles share)."""
        return self.steps[step_key(step)].under(profile)

    def outline(self, profile: str) -> tuple[OutlineEntry, ...]:
        """The publishing process as the profile `profile` has it (the first profile's when it has none)."""
        return self.outlines.get(profile) or next(iter(self.outlines.values()))


def step_key(step: Step) -> str:
    """The key of a step in the guidance data ("test_run")."""
    return step.name.lower()


def link_problem(url: str) -> str | None:
    """Why `url` may not be offered as a documentation link, or None when it may."""
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        return f"not a URL ({exc})"
    if parts.scheme != "https":
        return "not https"
    host = (parts.hostname or "").lower()
    if not host or any(c.isspace() for c in url):
        return "no host, or blanks in the URL"
    if not any(host == d or host.endswith("." + d) for d in MICROSOFT_DOMAINS):
        return f"{host} is not a Microsoft documentation or portal domain"
    return None


def _text(raw: dict[str, Any]) -> Text:
    if not isinstance(raw, dict) or not isinstance(raw.get("en"), str) or not raw["en"]:
        raise ValueError(f"a text needs English: {raw!r}")
    return {k: v for k, v in raw.items() if k in LANGUAGES and isinstance(v, str)}


def _links(raw: list[dict[str, Any]]) -> tuple[Link, ...]:
    links = []
    for entry in raw:
        problem = link_problem(entry["url"])
        if problem:
            raise ValueError(f"link {entry['url']!r}: {problem}")
        links.append(Link(entry["url"], _text(entry["title"])))
    return tuple(links)


def _variant(base: StepGuide, changes: dict[str, Any]) -> StepGuide:
    """A step's guidance under one profile: the base with the parts the profile words differently."""
    kept: dict[str, Any] = {}
    if "purpose" in changes:
        kept["purpose"] = _text(changes["purpose"])
    if "before" in changes:
        kept["before"] = tuple(_text(b) for b in changes["before"])
    if "next" in changes:
        kept["next"] = _text(changes["next"])
    if "terms" in changes:
        kept["terms"] = tuple(changes["terms"])
    if "links" in changes:
        kept["links"] = _links(changes["links"])
    unknown = set(changes) - {"purpose", "before", "next", "terms", "links"}
    if unknown:
        raise ValueError(f"step {base.key}: a profile cannot change {sorted(unknown)}")
    return replace(base, **kept)


@lru_cache(maxsize=1)
def load_guidance() -> Guidance:
    data = json.loads(resource_path("guidance", "guidance.json").read_text(encoding="utf-8"))
    steps = {}
    for key, raw in data["steps"].items():
        prepare = None
        if "prepare" in raw:
            p = raw["prepare"]
            prepare = Preparation(_text(p["title"]), _text(p["warning"]),
                                  tuple(Command(c["os"], _text(c["label"]), c["command"]) for c in p["commands"]),
                                  _text(p["after"]))
        base = StepGuide(key, _text(raw["purpose"]), tuple(_text(b) for b in raw["before"]), _text(raw["next"]),
                         tuple(raw["terms"]), _links(raw["links"]), prepare)
        steps[key] = replace(base, profiles={profile: _variant(base, changes)
                                             for profile, changes in raw.get("profiles", {}).items()})
    glossary = {key: Term(key, _text(raw["term"]), _text(raw["text"]), tuple(raw.get("profiles", ())))
                for key, raw in data["glossary"].items()}
    start = data["start"]
    return Guidance(
        labels={k: _text(v) for k, v in data["labels"].items()},
        steps=steps,
        glossary=glossary,
        outlines={profile: tuple(OutlineEntry(_text(e["section"]), e["step"]) for e in entries)
                  for profile, entries in data["outline"].items()},
        start=StartInfo(_text(start["intro"]), {k: _text(v) for k, v in start["profiles"].items()},
                        tuple(_text(c) for c in start["checklist"]), _links(start["links"])),
        whats_next={k: tuple(_text(s) for s in v) for k, v in data["whats_next"].items()},
    )


def every_text(guidance: Guidance) -> list[tuple[str, Text]]:
    """Every text of the data with where it is (for the tests: both languages, no English left)."""
    out: list[tuple[str, Text]] = [(f"labels.{k}", v) for k, v in guidance.labels.items()]
    guides = [(key, g) for key, base in guidance.steps.items()
              for key, g in [(key, base)] + [(f"{key}@{p}", v) for p, v in base.profiles.items()]]
    for key, g in guides:
        out += [(f"{key}.purpose", g.purpose), (f"{key}.next", g.next)]
        out += [(f"{key}.before[{i}]", t) for i, t in enumerate(g.before)]
        out += [(f"{key}.links[{i}]", link.title) for i, link in enumerate(g.links)]
        if g.prepare:
            out += [(f"{key}.prepare.title", g.prepare.title), (f"{key}.prepare.warning", g.prepare.warning),
                    (f"{key}.prepare.after", g.prepare.after)]
            out += [(f"{key}.prepare.commands[{i}]", c.label) for i, c in enumerate(g.prepare.commands)]
    for key, term in guidance.glossary.items():
        out += [(f"glossary.{key}.term", term.term), (f"glossary.{key}.text", term.text)]
    for profile, entries in guidance.outlines.items():
        out += [(f"outline.{profile}[{i}]", e.section) for i, e in enumerate(entries)]
    s = guidance.start
    out += [("start.intro", s.intro)] + [(f"start.profiles.{k}", v) for k, v in s.profiles.items()]
    out += [(f"start.checklist[{i}]", t) for i, t in enumerate(s.checklist)]
    out += [(f"start.links[{i}]", link.title) for i, link in enumerate(s.links)]
    for profile, items in guidance.whats_next.items():
        out += [(f"whats_next.{profile}[{i}]", t) for i, t in enumerate(items)]
    return out


def plain(text: str, guidance: Guidance, lang: str) -> str:
    """`text` with its term marks replaced by the words shown (for tooltips and plain labels)."""
    def shown(match: re.Match[str]) -> str:
        term = guidance.glossary.get(match.group(1))
        return match.group(2) if lang == "en" and match.group(2) else pick(term.term, lang) if term else match.group(0)

    return TERM.sub(shown, text)


def marked_html(text: str, guidance: Guidance, lang: str) -> str:
    """`text` escaped for HTML, each term mark a `term:key` link (its explanation as the title)."""
    out, last = [], 0
    for match in TERM.finditer(text):
        out.append(html.escape(text[last:match.start()]))
        term = guidance.glossary.get(match.group(1))
        words = match.group(2) if lang == "en" and match.group(2) else pick(term.term, lang) if term else match.group(0)
        title = html.escape(pick(term.text, lang), quote=True) if term else ""
        out.append(f'<a href="term:{match.group(1)}" title="{title}">{html.escape(words)}</a>')
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def term_explanation(key: str, lang: str) -> str:
    """"Term: explanation" for a tooltip or a "?" link."""
    term = load_guidance().glossary[key]
    return f"{pick(term.term, lang)}: {pick(term.text, lang)}"


def command_for(prepare: Preparation, os_family: str) -> Command | None:
    return next((c for c in prepare.commands if c.os == os_family), None)


def step_html(step: Step, lang: str, guidance: Guidance | None = None, os_families: tuple[str, ...] = (),
              profile: str = "") -> str:
    """The guidance of `step` as HTML for a text browser: purpose, what to have ready, the preparation
    commands (for `os_families`, every one when empty), what comes next, terms and links, as the requirement
    profile `profile` words them."""
    g = guidance or load_guidance()
    guide = g.for_step(step, profile)
    label = {k: html.escape(pick(v, lang)) for k, v in g.labels.items()}
    parts = [f"<p>{marked_html(pick(guide.purpose, lang), g, lang)}</p>",
             f"<p><b>{label['before']}</b></p><ul>"
             + "".join(f"<li>{marked_html(pick(b, lang), g, lang)}</li>" for b in guide.before) + "</ul>"]
    if guide.prepare:
        p = guide.prepare
        parts.append(f"<p><b>{html.escape(pick(p.title, lang))}</b></p>")
        parts.append(f"<p>⚠ {html.escape(pick(p.warning, lang))}</p>")
        for command in p.commands:
            if os_families and command.os not in os_families:
                continue
            parts.append(f"<p>{html.escape(pick(command.label, lang))}<br><code>{html.escape(command.command)}</code></p>")
        parts.append(f'<p>{html.escape(pick(p.after, lang))} <a href="step:questionnaire">{label["readiness"]}</a></p>')
    parts.append(f"<p><b>{label['next']}</b><br>{marked_html(pick(guide.next, lang), g, lang)}</p>")
    if guide.terms:
        parts.append(f"<p><b>{label['terms']}</b></p><ul>" + "".join(
            f'<li><a href="term:{k}">{html.escape(pick(g.glossary[k].term, lang))}</a>: '
            f"{html.escape(pick(g.glossary[k].text, lang))}</li>" for k in guide.terms) + "</ul>")
    if guide.links:
        parts.append(f"<p><b>{label['links']}</b></p><ul>" + "".join(
            f'<li><a href="{html.escape(link.url, quote=True)}">{html.escape(pick(link.title, lang))}</a></li>'
            for link in guide.links) + "</ul>")
    return "\n".join(parts)


def glossary_html(lang: str, guidance: Guidance | None = None, profile: str = "") -> str:
    """The glossary as the requirement profile `profile` has it (every entry when empty)."""
    g = guidance or load_guidance()
    entries = sorted((t for t in g.glossary.values() if t.shown_under(profile)), key=lambda t: pick(t.term, lang).lower())
    return "<dl>" + "".join(f'<dt><a name="{t.key}"></a><b>{html.escape(pick(t.term, lang))}</b></dt>'
                            f"<dd>{html.escape(pick(t.text, lang))}</dd>" for t in entries) + "</dl>"


def outline_html(lang: str, step_names: dict[str, str], guidance: Guidance | None = None, profile: str = "") -> str:
    """The publishing process under the profile `profile` (the 2015 guide's sections, or Partner Center's stages),
    each with a link to the step that covers it (`step_names` by key)."""
    g = guidance or load_guidance()
    # A bulleted list: the sections carry their numbers ("5.1 …"), which a numbered list would double.
    return "<ul>" + "".join(
        f'<li>{html.escape(pick(e.section, lang))} → <a href="step:{e.step}">{html.escape(step_names.get(e.step, e.step))}</a></li>'
        for e in g.outline(profile)) + "</ul>"


def step_from_key(key: str) -> Step | None:
    return next((s for s in Step if step_key(s) == key), None)
