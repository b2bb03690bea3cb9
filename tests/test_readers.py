import codecs

import pytest

from linter.readers import ReadError, read_bytes, read_path

TEXT = "收入决算数3628.78万元，其中：财政拨款2541.94万元。\n第二行\n"


@pytest.mark.parametrize("encoding,data", [
    ("utf-8", TEXT.encode("utf-8")),
    ("utf-8 BOM", codecs.BOM_UTF8 + TEXT.encode("utf-8")),
    ("gb18030", TEXT.encode("gbk")),
    ("utf-16 BOM", TEXT.encode("utf-16")),
    ("utf-16-le", TEXT.encode("utf-16-le")),
])
def test_encodings_detected(encoding, data):
    src = read_bytes("r.txt", data)
    assert src.text == TEXT
    assert src.line_count == 3


def test_explicit_encoding():
    assert read_bytes("r.txt", TEXT.encode("big5", errors="ignore")[:0] + "測試".encode("big5"), "big5").text == "測試"


def test_binary_is_rejected():
    with pytest.raises(ReadError) as exc:
        read_bytes("r.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert exc.value.code == "JX001"


def test_undecodable_is_an_encoding_error():
    with pytest.raises(ReadError) as exc:
        read_bytes("r.txt", b"\x81\x30\xff\x81" * 5)
    assert exc.value.code in ("JX001", "JX002")


def test_missing_file(tmp_path):
    with pytest.raises(ReadError) as exc:
        read_path(str(tmp_path / "none.txt"))
    assert exc.value.code == "JX001"
    assert "不存在" in exc.value.zh


def test_lines_split_on_newline_only():
    src = read_bytes("r.txt", "甲\x0c乙\u2028丙\n丁".encode("utf-8"))
    assert src.line_count == 2
    assert src.line_col(src.text.index("丁")) == (2, 1)
    assert src.line_col(src.text.index("丙")) == (1, 5)
