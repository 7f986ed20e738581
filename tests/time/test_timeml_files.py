"""TempEval-3 Task A files: the DCT and text read, TIMEX3 tags written, the text untouched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from communique.cli import main
from communique.time.timeml import TimeMLError, read_timeml, tag_timeml

SAMPLE = """<?xml version="1.0" ?>
<TimeML>
<DOCID>sample.1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-05-20" temporalFunction="false"
 functionInDocument="CREATION_TIME">2024-05-20</TIMEX3></DCT>
<TEXT>
The ministers <EVENT eid="e1">met</EVENT> on Friday &amp; agreed to meet again next year.
</TEXT>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0"/>
</TimeML>
"""


def _plain_text(tagged: str) -> str:
    return re.sub(r"<[^>]+>", "", re.search(r"<TEXT>(.*?)</TEXT>", tagged, re.S).group(1))


def test_timeml_reads_dct_and_plain_text() -> None:
    document = read_timeml(SAMPLE, source="sample")
    assert document.dct.isoformat() == "2024-05-20"
    assert "<EVENT" not in document.text and "met on Friday &amp; agreed" in document.text


def test_timeml_tags_keep_the_text_and_drop_gold_links() -> None:
    tagged = tag_timeml(SAMPLE, source="sample")
    assert _plain_text(tagged) == read_timeml(SAMPLE, source="sample").text
    assert '<TIMEX3 tid="t1" type="DATE" value="2024-05-17">Friday</TIMEX3>' in tagged
    assert '<TIMEX3 tid="t2" type="DATE" value="2025">next year</TIMEX3>' in tagged
    assert "TLINK" not in tagged


def test_timeml_without_dct_is_an_input_error() -> None:
    with pytest.raises(TimeMLError, match="DCT"):
        read_timeml("<TimeML><TEXT>Nothing.</TEXT></TimeML>", source="broken.tml")


def test_timeml_cli_writes_each_file_under_its_name(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "APW.2024.0001.tml").write_text(SAMPLE, encoding="utf-8")
    (source / "broken.tml").write_text("<TimeML><TEXT>x</TEXT></TimeML>", encoding="utf-8")
    status = main(["timeml", str(source), str(tmp_path / "out")])
    assert status == 1  # one file could not be read; the other was still written
    written = (tmp_path / "out" / "APW.2024.0001.tml").read_text(encoding="utf-8")
    assert "<TIMEX3 tid=\"t1\"" in written
