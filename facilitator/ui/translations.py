"""Loading the compiled Qt translations for the chosen language."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from facilitator.lang import Lang
from facilitator.resources import resource_path

log = logging.getLogger(__name__)


def install_translators(app: QCoreApplication, lang: Lang) -> list[QTranslator]:
    """Install Qt's own and our `*_<lang>.qm` catalogues; English is the source language."""
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Japanese if lang == "ja" else QLocale.Language.English,
            QLocale.Country.Japan if lang == "ja" else QLocale.Country.UnitedStates,
        )
    )
    installed: list[QTranslator] = []
    if lang == "en":
        return installed
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [(f"qtbase_{lang}", qt_dir)]
    candidates += [
        (qm.stem, str(qm.parent))
        for qm in sorted(resource_path("translations").glob(f"*_{lang}.qm"))
    ]
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("translation %s not found in %s", name, folder)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
