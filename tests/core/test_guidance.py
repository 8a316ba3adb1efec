"""The guidance data (resources/guidance/guidance.json): every step has it in English and Japanese,
no English sentence is left in the Japanese, every term it marks is in the glossary, and every link
is a well-formed https URL on a Microsoft domain."""

from __future__ import annotations

import re
from html import unescape

import pytest

from wizard.core.guidance import (
    TERM,
    every_text,
    glossary_html,
    link_problem,
    load_guidance,
    outline_html,
    plain,
    step_html,
    step_key,
)
from wizard.core.profiles import all_profiles
from wizard.core.steps import Step

# Names that stay in Latin letters in Japanese text: products, portals, commands.
ALLOWED_LATIN = ("Azure Linux", "Azure CLI", "Azure portal", "Partner Center", "Azure Compute Gallery", "Secret Service", "Shared Access Signature",
                 "az image create", "Standard_D2s_v5")
ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:[ ,]+[A-Za-z][A-Za-z'’-]*){2,}")


def english_left(text: str) -> list[str]:
    """Runs of three or more English words in `text` (after the allowed names are taken out)."""
    text = TERM.sub(" ", text)
    text = re.sub(r"https?://\S+", " ", text)
    for name in ALLOWED_LATIN:
        text = text.replace(name, " ")
    return ENGLISH_RUN.findall(text)


def test_english_left_finds_a_sentence_and_passes_names():
    assert english_left("ディスクを確認します。Check the disk first.") == ["Check the disk first"]
    assert english_left("Partner Center の「技術的な構成」で az image create を実行します。") == []
    assert english_left("[[sas|a shared access signature]] を作成") == []


def test_every_step_has_guidance_in_both_languages():
    guidance = load_guidance()
    assert set(guidance.steps) == {step_key(s) for s in Step}
    for step in Step:
        guide = guidance.for_step(step)
        assert guide.before and guide.links, step
        for lang in ("en", "ja"):
            assert guide.purpose.get(lang) and guide.next.get(lang), (step, lang)
            assert all(b.get(lang) for b in guide.before), (step, lang)
            assert step_html(step, lang).count("<li>") >= len(guide.before)


@pytest.mark.parametrize("where,text", every_text(load_guidance()), ids=lambda v: v if isinstance(v, str) else "")
def test_japanese_text_is_japanese(where, text):
    assert text.get("en") and text.get("ja"), f"{where}: a language is missing"
    ja = text["ja"]
    assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", ja) or ja in ALLOWED_LATIN or ja in ("SKU", "VHD", "LUN", "SAS URI"), \
        f"{where}: no Japanese in {ja!r}"
    assert not english_left(ja), f"{where}: English left in the Japanese: {english_left(ja)}"


def test_terms_and_steps_named_in_the_data_exist():
    guidance = load_guidance()
    for where, text in every_text(guidance):
        for lang, value in text.items():
            for key, _shown in TERM.findall(value):
                assert key in guidance.glossary, f"{where} ({lang}) marks an unknown term {key!r}"
    profiles = {p.id for p in all_profiles()}
    for guide in guidance.steps.values():
        assert set(guide.profiles) <= profiles, guide.key
        for variant in (guide, *guide.profiles.values()):
            assert set(variant.terms) <= set(guidance.glossary), guide.key
    keys = {step_key(s) for s in Step}
    assert set(guidance.outlines) == profiles
    for profile in profiles:
        assert {e.step for e in guidance.outline(profile)} <= keys
        assert {e.step for e in guidance.outline(profile)} == keys, f"{profile}: a step is in no part of the outline"
    for term in guidance.glossary.values():
        assert set(term.profiles) <= profiles, term.key
    assert set(guidance.whats_next) == profiles
    assert set(guidance.start.profiles) == profiles


def test_every_link_is_https_on_a_microsoft_domain():
    guidance = load_guidance()
    links = [link for g in guidance.steps.values() for link in g.links] + list(guidance.start.links)
    assert len(links) >= 10
    for link in links:
        assert link_problem(link.url) is None, link.url
    for html in [step_html(s, lang) for s in Step for lang in ("en", "ja")]:
        for url in re.findall(r'href="([^"]+)"', html):
            assert url.startswith(("term:", "step:")) or link_problem(url) is None, url


@pytest.mark.parametrize("url", ["http://learn.microsoft.com/x", "https://learn.microsoft.com.evil.example/x",
                                 "https://evilmicrosoft.com/", "https://example.com/learn.microsoft.com",
                                 "https:///nohost", "https://learn.microsoft.com/a b", "javascript:alert(1)", "ftp://x"])
def test_a_bad_link_is_refused(url):
    assert link_problem(url) is not None


def test_terms_render_as_links_with_their_explanation():
    guidance = load_guidance()
    html = step_html(Step.SAS, "en")
    assert '<a href="term:account-key" title="The secret that opens the whole storage account' in html
    assert "Access keys" in html
    assert plain("a [[fixed-vhd|fixed VHD]] and a [[sku]]", guidance, "en") == "a fixed VHD and a SKU"
    assert plain("[[generalize]]されて", guidance, "ja") == "一般化されて"
    assert "<script>" not in step_html(Step.OFFER, "en")


def test_preparation_commands_per_os_with_the_warning():
    en = step_html(Step.VHD, "en", os_families=("linux",))
    assert "<code>sudo waagent -deprovision+user -force &amp;&amp; sudo shutdown -h now</code>" in en
    assert "sysprep.exe" not in en
    assert "cannot be used or signed in to again" in en
    assert 'href="step:questionnaire"' in en
    both = step_html(Step.VHD, "ja")
    assert "sysprep.exe /generalize /oobe /shutdown" in both and "waagent -deprovision+user" in both


def test_glossary_and_outline_pages():
    assert "Storage account key" in glossary_html("en")
    assert "ストレージ アカウント キー" in glossary_html("ja")
    names = {step_key(s): s.name for s in Step}
    outline = outline_html("ja", names)
    assert outline.count("<li>") == len(load_guidance().outline("publishing-guide-2015"))
    assert "<ol>" not in outline, "the sections carry the guide's numbers: a numbered list would show them twice"
    assert "<li>1. " in outline_html("en", names)
    assert 'href="step:connection"' in outline


# What names the other profile, in both languages: under Partner Center nothing of the 2015 guide and its
# publishing portal ("guide 1.1" is that guide's section), under the 2015 guide nothing of Partner Center.
OTHER_PROFILE = {
    "partner-center": re.compile(r"2015|publishing portal|\bguide\b|発行ポータル|ガイド", re.IGNORECASE),
    "publishing-guide-2015": re.compile(r"Partner Center|configure request|Product Ingestion|Entra|パートナー ?センター"
                                        r"|\bplan\b", re.IGNORECASE),
}


# What a link to the other profile's pages looks like: Partner Center's documentation and dashboard under the 2015
# guide (the 2015 portal's pages are gone, so Partner Center's links cannot lead there).
OTHER_PROFILE_URL = {
    "partner-center": re.compile(r"publish\.windowsazure\.com|cloudpartner\.azure\.com", re.IGNORECASE),
    "publishing-guide-2015": re.compile(r"partner-center|partner\.microsoft\.com", re.IGNORECASE),
}


@pytest.mark.parametrize("profile", sorted(OTHER_PROFILE))
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_each_step_guidance_names_nothing_of_the_other_profile(profile, lang):
    """The guidance panel and F1 help of every step follow the project's profile (issue #32): Export under the
    2015 guide does not promise the Partner Center JSON, the Offer step under Partner Center does not send the
    publisher to the 2015 portal's Publishers page."""
    assert {p.id for p in all_profiles()} == set(OTHER_PROFILE)
    found = {}
    for step in Step:
        text = re.sub(r"<[^>]+>", " ", step_html(step, lang, profile=profile))  # the words shown, not the links' URLs
        hits = [m.group(0) for m in OTHER_PROFILE[profile].finditer(unescape(text))]
        if hits:
            found[step.name] = hits
    assert not found, found
    # Nor do its links lead to the other profile's pages (issue #32 review: What's next under the 2015 guide
    # linked Partner Center's "Review and publish an offer").
    links = {step.name: [url for url in re.findall(r'href="([^"]+)"', step_html(step, lang, profile=profile))
                         if OTHER_PROFILE_URL[profile].search(url)] for step in Step}
    assert not any(links.values()), links
    # The words the two share still differ where the profiles do: Export under Partner Center names its JSON.
    export = step_html(Step.EXPORT, lang, profile="partner-center")
    assert ("JSON" in export) and ("JSON" not in step_html(Step.EXPORT, lang, profile="publishing-guide-2015"))


@pytest.mark.parametrize("profile", sorted(OTHER_PROFILE))
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_questionnaire_note_names_nothing_of_the_other_profile(profile, lang):
    """Issue #32 review: under Partner Center the Questionnaire step said its questions follow "the 2015 guide's
    best practices". The note on where the wording comes from is the profile's own."""
    from wizard.core.questionnaire import load_questionnaire

    note = load_questionnaire().wording(profile, lang)
    assert note
    assert not [m.group(0) for m in OTHER_PROFILE[profile].finditer(note)], note
    if profile == "partner-center":  # what it follows instead: Microsoft's certification policies
        assert ("certification policies" in note) or ("認定ポリシー" in note)


@pytest.mark.parametrize("profile", sorted(OTHER_PROFILE))
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_glossary_and_the_outline_name_nothing_of_the_other_profile(profile, lang):
    """Help → Glossary and Help → outline follow the project's profile too (issue #32): under Partner Center the
    outline is Partner Center's process, not the 2015 guide's chapters, and no glossary entry speaks of the 2015
    portal; under the 2015 guide neither names Partner Center or its plans."""
    names = {step_key(s): s.name for s in Step}
    for what, page in (("glossary", glossary_html(lang, profile=profile)),
                       ("outline", outline_html(lang, names, profile=profile))):
        text = unescape(re.sub(r"<[^>]+>", " ", page))
        hits = [m.group(0) for m in OTHER_PROFILE[profile].finditer(text)]
        assert not hits, f"{what}: {hits}"
    # Each shows its own: Partner Center's plan and its technical configuration; the 2015 guide's chapters.
    outline = outline_html(lang, names, profile=profile)
    glossary = glossary_html(lang, profile=profile)
    if profile == "partner-center":
        assert ("Technical configuration" in outline) or ("技術的な構成" in outline)
        assert ("Plan (Partner Center)" in glossary) or ("パートナー センター" in glossary)
    else:
        assert "5.2" in outline and (("Publishing portal" in glossary) or ("発行ポータル" in glossary))
    # The entries both profiles list are the same words.
    assert ("Storage account key" in glossary) or ("ストレージ アカウント キー" in glossary)
