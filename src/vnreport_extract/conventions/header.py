"""The fixed lines of a header block (thể thức, Nghị định 30/2020/NĐ-CP and Hướng dẫn
36-HD/VPTW): the Quốc hiệu and Tiêu ngữ of state documents, the Party's name on Party
documents. Readers use them to recognise the header layout, the metadata extractor to
skip them, the pipeline to see where a second document in one file begins."""

from __future__ import annotations

import re

from ..normalize import fold

# Folded (lower case, no diacritics): ``CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM``,
# ``Độc lập - Tự do - Hạnh phúc``, ``ĐẢNG CỘNG SẢN VIỆT NAM``.
_MOTTO = re.compile(r"^(?:cong hoa xa hoi chu nghia viet nam|doc lap\s*[-–—]\s*tu do|dang cong san viet nam)")
_HEADING = re.compile(r"cong hoa xa hoi chu nghia viet nam|dang cong san viet nam")


def is_national_motto(line: str) -> bool:
    """Quốc hiệu, Tiêu ngữ, or the Party's name heading a Party document.

    >>> is_national_motto("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), is_national_motto("Độc lập – Tự do – Hạnh phúc")
    (True, True)
    >>> is_national_motto("ỦY BAN NHÂN DÂN")
    False
    """
    return bool(_MOTTO.match(fold(line).strip()))


def starts_document(line: str) -> bool:
    """A header line holding the Quốc hiệu or the Party's name (a two-column header read as
    one line holds it after the issuer): a new document begins here. Header lines are in
    capitals; a sentence that names the Party or the state is not one.

    >>> starts_document("ĐẢNG CỘNG SẢN VIỆT NAM"), starts_document("Độc lập - Tự do - Hạnh phúc")
    (True, False)
    >>> starts_document("Kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam")
    False
    """
    # str.isupper: every cased character upper case, and at least one (Vietnamese letters are cased).
    return line.isupper() and bool(_HEADING.search(fold(line)))
