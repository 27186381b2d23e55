"""Every text the windows show has its Japanese: a string added to the code without a
translation would show in English in the Japanese interface."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from facilitator.resources import resource_path

CATALOGUES = sorted(resource_path("translations").glob("*_ja.ts"))
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"


@pytest.mark.skipif(not LUPDATE.exists(), reason="pyside6-lupdate is not installed")
@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: p.stem)
def test_every_text_of_the_catalogue_s_files_is_translated(catalogue: Path, tmp_path: Path) -> None:
    text = catalogue.read_text(encoding="utf-8")
    sources = sorted(
        {(catalogue.parent / name).resolve() for name in re.findall(r'filename="([^"]+)"', text)}
    )
    assert sources, "a catalogue without source files"
    copy = tmp_path / catalogue.name
    shutil.copy(catalogue, copy)
    # What lupdate would add or drop today, compared with what is committed.
    subprocess.run(
        [str(LUPDATE), "-no-obsolete", *map(str, sources), "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    missing = [
        message.findtext("source")
        for message in ElementTree.parse(copy).iter("message")
        if (translation := message.find("translation")) is not None
        and translation.get("type") == "unfinished"
    ]
    assert missing == [], f"untranslated in {catalogue.name}: {missing}"
