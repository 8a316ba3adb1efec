"""report.pdf: the report's HTML laid out by Qt's rich-text engine onto A4 pages.

Safe to call from a worker thread (QTextDocument and QPdfWriter paint without the
GUI thread); from the command line it starts an offscreen QGuiApplication first,
because fonts need one.
"""

from __future__ import annotations

import os

_kept: list[object] = []  # the application made here, alive for the process


def ensure_gui_application() -> None:
    """Fonts need a Q(Gui)Application; an existing one (the GUI, pytest-qt) is used as it is."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window is ever shown for a PDF
        _kept.append(QGuiApplication(["mpwizard"]))  # kept alive for the process


def html_to_pdf(html: str) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

    ensure_gui_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle("Certification report")
    writer.setCreator("mpwizard")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
    writer.setResolution(96)  # the HTML's pixel sizes then mean what they mean on screen
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setHtml(html)
    # With its own page size the document uses the writer's margins instead of print_()'s default 2 cm.
    document.setPageSize(QSizeF(writer.pageLayout().paintRectPixels(writer.resolution()).size()))
    document.print_(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(buffer.data().data())
