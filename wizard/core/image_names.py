"""The names shown for Partner Center's image types and security types (translated in the "Core" context).

A module of their own so that the Offer page can show them before its first paint without importing
the export package."""

from __future__ import annotations

from .i18n_marks import QT_TRANSLATE_NOOP

IMAGE_TYPE_NAMES = {"x64Gen1": QT_TRANSLATE_NOOP("Core", "x64 Generation 1"),
                    "x64Gen2": QT_TRANSLATE_NOOP("Core", "x64 Generation 2"),
                    "arm64Gen2": QT_TRANSLATE_NOOP("Core", "Arm64 Generation 2")}
SECURITY_TYPE_NAMES = {"": QT_TRANSLATE_NOOP("Core", "Standard"), "trusted": QT_TRANSLATE_NOOP("Core", "Trusted Launch"),
                       "confidential": QT_TRANSLATE_NOOP("Core", "Confidential")}
