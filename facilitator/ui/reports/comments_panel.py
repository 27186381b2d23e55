"""Ticking which comments go into the event report.

Every comment is listed; the ones that could name a person start unticked and say
what was found, so the trainer decides with the reason in front of them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.domain.report_facts import Comment
from facilitator.lang import Lang


class CommentsPanel(QWidget):
    changed = Signal()

    def __init__(self, *, lang: Lang) -> None:
        super().__init__()
        self._lang = lang
        self._comments: tuple[Comment, ...] = ()
        title = QLabel(self.tr("Comments in the report"))
        title.setObjectName("commentsTitle")
        self.hint = QLabel(
            self.tr(
                "Ticked comments go into the report. Comments that could name a person "
                "(a name from the roster, 〜さん, 〜課長, an e-mail address…) start unticked."
            )
        )
        self.hint.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("commentList")
        self.list.setWordWrap(True)
        self.default_button = QPushButton(self.tr("Default"))
        self.all_button = QPushButton(self.tr("All"))
        self.none_button = QPushButton(self.tr("None"))
        self.summary = QLabel()
        self.summary.setObjectName("commentSummary")
        buttons = QHBoxLayout()
        for button in (self.default_button, self.all_button, self.none_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        self.default_button.clicked.connect(lambda: self._tick(lambda c: not c.names_person))
        self.all_button.clicked.connect(lambda: self._tick(lambda c: True))
        self.none_button.clicked.connect(lambda: self._tick(lambda c: False))
        self.list.itemChanged.connect(lambda _: self._changed())

    def show_comments(self, comments: tuple[Comment, ...]) -> None:
        self._comments = comments
        self.list.blockSignals(True)
        self.list.clear()
        for comment in comments:
            where = " / ".join(x for x in (comment.session, comment.department or "") if x)
            text = f"[{where}] {comment.label(self._lang)}：{comment.text}"
            if comment.names_person:
                text = "⚠ " + text
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, comment.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Unchecked if comment.names_person else Qt.CheckState.Checked
            )
            if comment.names_person:
                item.setToolTip(
                    self.tr("Could name a person: %1").replace("%1", "、".join(comment.reasons))
                )
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._changed()

    def chosen(self) -> list[int]:
        return [
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in (self.list.item(i) for i in range(self.list.count()))
            if item.checkState() == Qt.CheckState.Checked
        ]

    def _tick(self, rule: Callable[[Comment], bool]) -> None:
        self.list.blockSignals(True)
        for index, comment in enumerate(self._comments):
            keep = rule(comment)
            self.list.item(index).setCheckState(
                Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked
            )
        self.list.blockSignals(False)
        self._changed()

    def _changed(self) -> None:
        flagged = sum(1 for c in self._comments if c.names_person)
        self.summary.setText(
            self.tr("%1 of %2 comments ticked; %3 could name a person.")
            .replace("%1", str(len(self.chosen())))
            .replace("%2", str(len(self._comments)))
            .replace("%3", str(flagged))
        )
        self.changed.emit()
