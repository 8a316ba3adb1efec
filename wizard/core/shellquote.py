"""Quoting for the scripts the product writes (bash and PowerShell): every value from a project
lands inside exactly one string literal, and a comment line cannot be ended by data.

A script is built from words: a plain `str` is data and is always quoted; a `Var` is one of the
script's own variables (set by the publisher before running it) and is spelt the language's way.
Nothing else reaches the script text, so a VM size of `$(rm -rf ~)` stays the 11 characters it is.
"""

from __future__ import annotations

import unicodedata

from .records import record

# PowerShell treats the typographic single quotes as quote characters too (its tokenizer's
# IsSingleQuote): each must be doubled inside a single-quoted string, like the ASCII one.
PS_SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b"


@record(frozen=True)
class Var:
    """A variable of the script itself (an environment variable the publisher sets)."""

    name: str

    def __post_init__(self) -> None:
        if not self.name or not all(c.isascii() and (c.isalnum() or c == "_") for c in self.name) \
                or self.name[0].isdigit():
            raise ValueError(f"not a variable name: {self.name!r}")


Word = str | Var


def bash_quote(value: str) -> str:
    """`value` as one bash word: single quotes, each `'` written as `'\\''` (nothing expands inside)."""
    if "\x00" in value:
        raise ValueError("a NUL character cannot be passed to a command")
    return "'" + value.replace("'", "'\\''") + "'"


def ps_quote(value: str) -> str:
    """`value` as one PowerShell string literal: single quotes, every single-quote character doubled."""
    if "\x00" in value:
        raise ValueError("a NUL character cannot be passed to a command")
    return "'" + "".join(c + c if c in PS_SINGLE_QUOTES else c for c in value) + "'"


def bash_word(word: Word) -> str:
    return f'"${{{word.name}}}"' if isinstance(word, Var) else bash_quote(word)


def ps_word(word: Word) -> str:
    return f"$env:{word.name}" if isinstance(word, Var) else ps_quote(word)


def comment_text(text: str) -> str:
    """`text` safe for one `#` comment line in bash or PowerShell: line and paragraph breaks and
    other control characters become spaces (a newline in a SKU id would end the comment)."""
    return "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in text)
