"""The fixed lines of a header block (thể thức, Nghị định 30/2020/NĐ-CP and Hướng dẫn
36-HD/VPTW): the Quốc hiệu and Tiêu ngữ of state documents, the Party's name on Party
documents. Readers use them to recognise the header layout, the metadata extractor to
skip them, the pipeline to see where a second document in one file begins."""

from __future__ import annotations

import functools
import re
from typing import NotRequired, TypedDict

import regex

from ..normalize import fold, in_capitals
from .doc_types import DOC_TYPES
from .vocabulary import DEPUTY_AFTER, DEPUTY_TITLES, OPEN_END_WORDS, POSITIONS

# Folded (lower case, no diacritics): ``CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM``,
# ``Độc lập - Tự do - Hạnh phúc``, ``ĐẢNG CỘNG SẢN VIỆT NAM``.
_MOTTO = re.compile(r"^(?:cong hoa xa hoi chu nghia viet nam|doc lap\s*[-–—]?\s*tu do|dang cong san viet nam)")
_HEADING = re.compile(r"cong hoa xa hoi chu nghia viet nam|dang cong san viet nam")
# The Quốc hiệu as the header rules and marks find it, folded: ``CỘN 6 HOÀ`` (the ``G`` of
# ``CỘNG`` cut off by a scanner's line and read apart), ``CỘNG HOÀ XÃ HỘI (?HỦ NGHĨA`` (the rest
# misread): ``Cộng hòa xã hội`` names no issuer.
_QUOC_HIEU = r"\bco(?:ng?|g)?(?:\s+\w)?\s+hoa xa hoi\b"


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
    return in_capitals(line) and bool(_HEADING.search(fold(line)))


# A line ending in a word that needs what follows (``... sự chỉ đạo của``, ``NHIỆM VỤ VÀ``;
# :data:`~.vocabulary.OPEN_END_WORDS`): what it says goes on in the next line. Every reader and
# extractor that asks whether a line is left open uses this one.
OPEN_END_WORD = regex.compile(rf"(?<!\w)(?i:{'|'.join(OPEN_END_WORDS)})$")

# The end-of-text mark after a document's last sentence (Nghị định 30/2020/NĐ-CP, Phụ lục I):
# ``./.``, at times ``./``; the last numbered item's title does not include it.
END_MARK = re.compile(r"[ ]*\./\.?$")
END_MARK_EXAMPLES = ["3. Giao Sở Nội vụ theo dõi, tổng hợp kết quả thực hiện báo cáo, đề xuất Chủ tịch Ủy ban "
                     "nhân dân tỉnh xem xét./.",
                     "Điều 3. Các Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, Thủ trưởng cơ quan thuộc Chính phủ, "
                     "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chịu trách nhiệm thi hành "
                     "Quyết định này./."]


# The labels of the header and closing blocks as printed, by folded form (the OCR reader
# restores a misread one: ``Noi nhận:``, ``Sô:``).
HEADER_LABELS: dict[str, str] = {"so": "Số", "noi nhan": "Nơi nhận", "kinh gui": "Kính gửi"}


class HeaderRule(TypedDict):
    kind: str
    pattern: str  # matched at the start of the folded line (lower case, no diacritics, đ → d)
    examples: list[str]  # real lines of this kind
    not_examples: list[str]  # real lines that look alike and are not
    # Lines as written (not folded) that the rule refuses though their folded form matches:
    # folding makes some words one (``CÔNG`` and ``CỘNG``).
    refused: NotRequired[str]


# One rule per kind of header and signature line (thể thức, Nghị định 30/2020/NĐ-CP Phụ lục I;
# Hướng dẫn 36-HD/VPTW). Folding keeps the length of Vietnamese text, so a match's spans are
# spans of the original line. Tried in this order; the first that matches names the line.
HEADER_RULES: list[HeaderRule] = [
    {"kind": "motto",
     "pattern": rf"(?:{_QUOC_HIEU}|doc lap\s*[-–—]?\s*tu do|dang cong san viet nam)",
     "examples": ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT",
                  "CỘN 6 HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập Tự do Hạnh phúc",
                  "Độc lập – Tự do – Hạnh phúc", "ĐẢNG CỘNG SẢN VIỆT NAM",
                  "Cộng hoà xã hội chủ nghĩa Việt Nam", "CỘNG HOÀ XÃ HỘI (?HỦ NGHĨA VIỆT NAM"],
     "not_examples": ["ỦY BAN NHÂN DÂN"]},
    # The Quốc hiệu wrapped over two lines, or partly misread by OCR: never an issuer.
    {"kind": "motto-part",
     "pattern": r"(?:cong(?: hoa(?: xa(?: hoi)?)?)?|(?:(?:hoa )?xa )?hoi chu nghia(?: viet nam)?"
                r"|(?:chu )?nghia viet nam|viet nam|nam|tu do\s*[-–—]\s*hanh phuc|hanh phuc|dang cong san)\s*$",
     "examples": ["NAM", "XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Tự do - Hạnh phúc", "NGHĨA VIỆT NAM",
                  "CỘNG", "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ", "HỘI CHỦ NGHĨA VIỆT NAM"],
     "not_examples": ["TỈNH QUẢNG NAM", "BAN CHẤP HÀNH TRUNG ƯƠNG", "CÔNG"],
     # ``CÔNG`` folds as ``CỘNG`` does (the first word of ``CÔNG TY`` broken off its line): the
     # word alone is the Quốc hiệu's only when written ``CỘNG``.
     "refused": r"(?i:c(?!ộ)\wng)$"},
    {"kind": "number",
     "pattern": r"(?:(?:(?:bo )?luat|phap lenh|nghi quyet)\s+(?=so\s*:))?"
                r"so(?=\s*(?:[:.…_/]|\d)|\s+\S{1,8}\s*/\s*[^\W\d_]{2,}-)\s*[:.]?\s*(?P<value>.*)$",
     "examples": ["Số: 1984/SNV-TCBC", "Số 06-HD/TW", "Số:        /KH-STTTT", "Số: 03 /BCĐX-CAT(PC04)",
                  "Luật số: 56/2010/QH12", "Số A4Ÿš /SNV-VP"],
     "not_examples": ["SỞ NỘI VỤ", "Số lượng hồ sơ tiếp nhận", "Số"]},  # ``Số`` alone heads a table column
    {"kind": "place-date",
     "pattern": r"(?P<place>[^\d,;:]{2,60}?)\s*,\s*(?P<date>ngay\b.*)$",
     "examples": ["Hà Nội, ngày 09 tháng 6 năm 2025", "Gia Lai, ngày 20 tháng 9 năm 2012",
                  "Phú Thọ, ngày      tháng 12 năm 2011"],
     "not_examples": ["Hôm nay, vào lúc 14h giờ 00 phút, ngày 20 tháng 9 năm 2012, tại phòng họp"]},
    {"kind": "rule",
     "pattern": r"[-_=*.…–— ]*(?:o0o)?[-_=*.…–— ]*$",
     "examples": ["---------------", "*", "-----o0o-----", "_______"],
     "not_examples": ["- Căn cứ Điều lệ Đảng;"]},
    {"kind": "subject",  # trích yếu of a Công văn
     "pattern": r"\(?(?:v/v|ve viec)\b\s*:?\s*",
     "examples": ["V/v báo cáo đề nghị công nhận chức danh", "(V/v xin kinh phí tư vấn đầu tư xây dựng công trình"],
     "not_examples": ["Về tuổi đời"]},
    {"kind": "addressee",
     "pattern": r"(?:kinh gui\b\s*:?|gui\s*:)\s*",
     "examples": ["Kính gửi: UBND huyện Việt Yên, tỉnh Bắc Giang", "Kính gửi:",
                  "gửi: - Các Bộ, Cơ quan ngang Bộ, Cơ quan thuộc Chính phủ;"],
     "not_examples": ["Gửi kèm theo văn bản này"]},
    # The label stands alone, with its colon, or with the list (or the signing column) after
    # it; ``Nơi nhận`` as the subject of a sentence (a Thông tư on thể thức: eight words with no
    # colon, bullet, semicolon or signing mark) is running text.
    {"kind": "recipients",
     "pattern": r"noi nhan\b(?![ ]+(?!(?:tm|kt|tl|tuq|q)\.)[^\s:;\-–]+(?:[ ]+[^\s:;\-–]+){7})\s*:?\s*",
     "examples": ["Nơi nhận:", "Nơi nhận: - Như kính gửi;", "Nơi nhận", "Nơi nhận - Như trên; - Lưu: VT, TH.",
                  "Nơi nhận - Như trên; - Sở Tài chính; - Sở Kế hoạch và Đầu tư; - Lưu VT",
                  "Nơi nhận TM. ỦY BAN NHÂN DÂN TỈNH KT. CHỦ TỊCH"],
     "not_examples": ["Nơi nhận xác định những cơ quan, tổ chức, đơn vị và cá nhân nhận văn bản và có trách "
                      "nhiệm như để xem xét, giải quyết; để thi hành; để kiểm tra, giám sát; để báo cáo; để "
                      "trao đổi công việc; để biết và để lưu.",
                      "Nơi nhận được trình bày tại ô số 9a và 9b."]},
    # Signing authority (thẩm quyền ký): TM. (on behalf of a collective), KT. (deputy for the
    # head), TL., TUQ., and Q. (acting head) with the body or position after it.
    {"kind": "signing",
     "pattern": r"(?P<auth>t/?m|k/?t|t/?l|tuq|q)(?:\s*\.\s*|\s+)(?P<rest>\S.*)$",
     "examples": ["KT. GIÁM ĐỐC", "T/M BAN BÍ THƯ", "TM. ỦY BAN NHÂN DÂN", "KT.CHỦ TỊCH", "TL. BỘ TRƯỞNG",
                  "Q. GIÁM ĐỐC", "TM BAN CHỈ ĐẠO"],
     "not_examples": ["Tỉnh ủy Bắc Giang"]},
    # Under the name of a document issued with another (``QUY ĐỊNH``, ``PHỤ LỤC``, ``DANH MỤC``):
    # a second document of the file begins above it, even without a Quốc hiệu.
    {"kind": "issued-with",
     "pattern": r"\(?\s*(?:duoc\s+)?(?:ban hanh\s+)?kem theo\s+(?:quyet dinh|nghi quyet|nghi dinh|thong tu|chi thi"
                r"|ke hoach|cong van|to trinh|van ban|bao cao|thong bao)\s+so\b",
     "examples": ["(Ban hành kèm theo Quyết định số 353/QĐ-UBND ngày 17 tháng 02 năm 2025 của",
                  "(Kèm theo Quyết định số 64/QĐ-UBND ngày 12/3/2025 của UBND tỉnh)"],
     "not_examples": ["Ban hành kèm theo Quyết định này Quy định tuyển chọn, xét chọn tổ chức"]},
    # A document's identity in one title line, as legal texts are often copied (no header
    # table): ``CỦA CHÍNH PHỦ SỐ 37/2007/NĐ-CP NGÀY 09 THÁNG 3 NĂM 2007`` under ``NGHỊ ĐỊNH``,
    # or the type name first. Only a line in capitals, or whose type name is (``identity_line``).
    {"kind": "identity",
     "pattern": r"(?:(?P<type>[^\d]{2,40}?)\s+)??(?:cua\s+(?P<issuer>[^\d]{2,80}?)\s+)?so\s*:?\s*(?P<number>\d\S*)"
                r"\s*,?\s+ngay\s+(?P<date>\d{1,2}\s*(?:thang\s*\d{1,2}\s*nam|/\s*\d{1,2}\s*/)\s*\d{4})"
                r"(?:\s*,?\s+(?P<subject>\S.*))?$",
     "examples": ["CỦA CHÍNH PHỦ SỐ 37/2007/NĐ-CP NGÀY 09 THÁNG 3 NĂM 2007",
                  "CHỈ THỊ SỐ 15/2008/CT-TTG NGÀY 12 THÁNG 5 NĂM 2008 VỀ VIỆC TĂNG CƯỜNG",
                  "NGHỊ ĐỊNH SỐ 37/2007/NĐ-CP, NGÀY 09/3/2007"],
     "not_examples": ["Số: 1984/SNV-TCBC", "Nghị định số 12/2019/NĐ-CP ngày 01/02/2019 của Chính phủ",
                      "BÁO CÁO TỔNG KẾT CHỈ THỊ SỐ 05-CT/TW NGÀY 15/5/2016"]},
    # The parties signing a record (biên bản), each over its own column.
    {"kind": "representative",
     "pattern": r"(?:dai dien|thay mat)\b",
     "examples": ["Đại diện Trung tâm tin học - VP UBND", "Đại diện Chủ đầu tư"],
     "not_examples": []},
    # The declarant's label over the signature of a statement to a court or an inquiry (bản tự
    # khai): the position (if any) and the name follow it.
    {"kind": "declarant",
     "pattern": r"nguoi khai\s*$",
     "examples": ["NGƯỜI KHAI", "Người khai"],
     "not_examples": ["Người xin vào Đảng tự khai lý lịch đầy đủ, rõ ràng"]},
    # A sub-heading inside ``Nơi nhận``: which recipients get the paper copy, which the electronic one.
    {"kind": "copy-kind",
     "pattern": r"[-+•*]?\s*ban (?:dien tu|giay)\s*:?\s*$",
     "examples": ["Bản điện tử:", "Bản điện tử", "- Bản giấy:"],
     "not_examples": ["Bản điện tử: LĐVP, CV các phòng VX, KT, KTN, NC;", "Bản giấy gửi kèm"]},
    {"kind": "signed-mark",
     "pattern": r"\(?\s*(?:da ky|ky ten,? dong dau|ky,? ghi ro ho ten|ky va ghi ro ho ten)\s*\)?\s*$",
     "examples": ["(Đã ký)", "Đã ký", "(Ký tên, đóng dấu)"],
     "not_examples": ["Đã ký kết hợp đồng"]},
]

_COMPILED = [(rule["kind"], regex.compile(rule["pattern"])) for rule in HEADER_RULES]
# The written lines each rule refuses (its ``refused``), by kind.
_REFUSED = {rule["kind"]: regex.compile(rule["refused"]) for rule in HEADER_RULES if "refused" in rule}

# A cover page's place and year (a project's outline, a study), with no day, at the foot of the
# cover under the title: not a header line kind of its own (``classify_line`` does not give it:
# a ``V/v`` title or a heading may end ``..., năm 2012``); read only there (see
# :func:`place_year`). Its place is a few words, each opening with a capital but a locality
# word's (``Thành phố Hồ Chí Minh``).
PLACE_YEAR: HeaderRule = {
    "kind": "place-year",
    "pattern": r"(?P<place>[^\d,;:–-]{2,40}?)\s*(?:,|[ ]+[-–][ ]+)\s*"
               r"(?P<date>(?:thang\s+(?P<m>\d{1,2})\s*(?:nam\s+|/\s*)|nam\s+)?(?P<y>(?:19|20)\d\d))\s*\.?$",
    "examples": ["Phú Thọ, 2012", "Hà Nội, tháng 12 năm 2012", "Hà Nội, năm 2025", "Hà Nội - 2012",
                 "Hà Nội, tháng 12/2012", "Thành phố Hồ Chí Minh, 2012"],
    "not_examples": ["Hà Nội, ngày 09 tháng 6 năm 2025", "Tổng cộng, 12", "Năm 2011, 2012",
                     "V/v báo cáo kết quả thực hiện, năm 2012", "TÓM TẮT KẾT QUẢ CÔNG TÁC THI ĐUA, NĂM 2012",
                     "Niên giám thống kê, 2012"],
}
_PLACE_YEAR = regex.compile(PLACE_YEAR["pattern"])
# The words of a place's name that are written in lower case.
_LOCALITY_WORDS = frozenset({"phố", "xã", "thị", "trấn", "huyện", "tỉnh", "quận", "phường"})


def place_year(line: str) -> tuple[str, int | None, int, tuple[int, int]] | None:
    """The place, month (or None), year and the date's span in ``line`` (stripped) of a cover
    page's place-and-year line (:data:`PLACE_YEAR`): a place of at most five words, each opening
    with a capital but a locality word's, not a line in capitals of more than three words.

    >>> place_year("Phú Thọ, 2012"), place_year("Hà Nội, tháng 12/2012")[:3]
    (('Phú Thọ', None, 2012, (9, 13)), ('Hà Nội', 12, 2012))
    >>> place_year("V/v báo cáo kết quả thực hiện, năm 2012") is None
    True
    """
    stripped = line.strip()
    m = _PLACE_YEAR.match(fold(stripped))
    if m is None:
        return None
    place = stripped[m.start("place"):m.end("place")].strip()
    words = place.replace(".", ". ").split()
    if not words or len(words) > 5 or not words[0][:1].isupper() \
            or any(not w[:1].isupper() and w not in _LOCALITY_WORDS for w in words) \
            or (in_capitals(place) and len(words) > 3):
        return None
    month = int(m.group("m")) if m.group("m") else None
    if month is not None and not 1 <= month <= 12:
        return None
    return place, month, int(m.group("y")), (m.start("date"), m.end("date"))

# The first line of a document sent with another and printed after its signature (an annex):
# its label, alone or with the annex's title after it, where a document's header would stand
# (``PHỤ LỤC`` / ``PHÂN CÔNG THỰC HIỆN NHIỆM VỤ ...`` / ``(Ban hành kèm theo Kế hoạch số ...)``).
# Read only on a document's first line (see :func:`annex_label`): the label is its type, and
# no issuer stands above it. ``Mẫu``, ``Danh mục`` and ``Danh sách`` open a title in capitals
# on their line (``MẪU BẢN KÊ KHAI TÀI SẢN, THU NHẬP BỔ SUNG``); ``Phụ lục`` and ``Biểu mẫu`` may
# stand alone with their number (``PHỤ LỤC II``, ``MẪU SỐ 01A``).
ANNEX_LABEL: HeaderRule = {
    "kind": "annex-label",
    # Matched on the line as written (not folded: ``SỐ LIỆU``, ``SỔ``, ``VỊ TRÍ``, ``MÀU`` are no
    # ``số``, Roman number or ``mẫu``); a number only with ``số`` before it or a mark or the line's
    # end after it (``DANH SÁCH 05 CÁ NHÂN`` is a title).
    "pattern": r"(?i)(?P<label>phụ lục|biểu mẫu|mẫu|danh mục|danh sách)(?!\w)"
               r"(?:\s+số\s*:?\s*(?P<n>[IVXLC]+|\d{1,3}[a-zA-Z]?(?:\.\d{1,2})?)(?!\w)"
               r"|\s+(?P<m>[IVXLC]+|\d{1,3}[a-zA-Z]?)(?=\s*(?:$|[.:–—-])"
               r"|(?<=^(?i:phụ lục|biểu mẫu|mẫu)\s+\S+)\s+\p{Lu}{2,}))?"
               r"\s*[.:–—-]?\s*(?P<rest>.*)$",
    "examples": ["PHỤ LỤC", "PHỤ LỤC II", "Phụ lục số 02", "MẪU SỐ 01A", "BIỂU MẪU SỐ 3",
                 "MẪU BẢN KÊ KHAI TÀI SẢN, THU NHẬP BỔ SUNG",
                 "DANH MỤC THỦ TỤC HÀNH CHÍNH SỬA ĐỒI, BỔ SUNG TRONG LĨNH VỰC HỘ TỊCH",
                 "PHỤ LỤC I. GIẢI THÍCH THUẬT NGỮ VÀ PHƯƠNG PHÁP XÁC ĐỊNH GIÁ TRỊ PHẦN MỀM"],
    "not_examples": ["UBND TỈNH LÂM ĐỒNG", "Phụ lục kèm theo", "MẪU GIÁO", "Mẫu biểu được gửi kèm theo công văn này",
                     "Danh sách các đơn vị được khen thưởng", "MÀU SẮC TRANG PHỤC"],
}
_ANNEX_LABEL = regex.compile(ANNEX_LABEL["pattern"])
_ANNEX_TYPES = {"phu luc": "Phụ lục", "bieu mau": "Biểu mẫu", "mau": "Mẫu", "danh muc": "Danh mục",
                "danh sach": "Danh sách"}
# Titles whose first words the label must keep (``DANH MỤC VỊ TRÍ VIỆC LÀM``, ``MẪU SỔ THEO DÕI
# CÔNG VĂN ĐẾN``, ``PHỤ LỤC SỐ LIỆU KINH TẾ``, ``DANH SÁCH 05 CÁ NHÂN``).
ANNEX_TITLE_EXAMPLES: list[tuple[str, str]] = [
    ("DANH MỤC VỊ TRÍ VIỆC LÀM", "VỊ TRÍ VIỆC LÀM"), ("MẪU SỔ THEO DÕI CÔNG VĂN ĐẾN", "SỔ THEO DÕI CÔNG VĂN ĐẾN"),
    ("PHỤ LỤC SỐ LIỆU KINH TẾ - XÃ HỘI", "SỐ LIỆU KINH TẾ - XÃ HỘI"),
    ("DANH SÁCH 05 CÁ NHÂN ĐƯỢC KHEN THƯỞNG", "05 CÁ NHÂN ĐƯỢC KHEN THƯỞNG"),
    # ... and an annex's number before its title on the line is no part of it.
    ("PHỤ LỤC 01 TỔNG HỢP KẾT QUẢ THỰC HIỆN", "TỔNG HỢP KẾT QUẢ THỰC HIỆN"),
    ("PHỤ LỤC II — KẾT QUẢ KHẢO SÁT", "KẾT QUẢ KHẢO SÁT"),
]
# What a title in capitals after ``MẪU`` is not (``MẪU GIÁO``: a kindergarten).
_NOT_AFTER_MAU = ("giao",)


def annex_label(line: str) -> tuple[str, str | None] | None:
    """The type (``Phụ lục``, ``Biểu mẫu``, ``Mẫu``, ``Danh mục``, ``Danh sách``) and the title
    on its line (or None) of an annex's first line (:data:`ANNEX_LABEL`); a title in capitals,
    which ``Mẫu``, ``Danh mục`` and ``Danh sách`` need, two words at least.

    >>> annex_label("PHỤ LỤC"), annex_label("MẪU SỐ 01A"), annex_label("PHỤ LỤC I. GIẢI THÍCH THUẬT NGỮ")
    (('Phụ lục', None), ('Mẫu', None), ('Phụ lục', 'GIẢI THÍCH THUẬT NGỮ'))
    >>> annex_label("MẪU BẢN KÊ KHAI TÀI SẢN, THU NHẬP BỔ SUNG")
    ('Mẫu', 'BẢN KÊ KHAI TÀI SẢN, THU NHẬP BỔ SUNG')
    >>> annex_label("Danh sách các đơn vị được khen thưởng") is None
    True
    """
    stripped = line.strip()
    m = _ANNEX_LABEL.match(stripped)
    if m is None:
        return None
    label = fold(m.group("label"))
    rest = m.group("rest").strip() or None
    numbered = m.group("n") is not None or m.group("m") is not None
    if rest is None:
        return (_ANNEX_TYPES[label], None) if numbered or label in ("phu luc", "bieu mau") else None
    words = rest.split()
    if not in_capitals(stripped) or len(words) < 2 or (label == "mau" and fold(words[0]) in _NOT_AFTER_MAU):
        return None
    return _ANNEX_TYPES[label], rest


HEADER_PATTERNS: dict[str, regex.Pattern[str]] = dict(_COMPILED)


# Most lines tested are paragraphs of running text that no rule can match, and the start of a
# line tells: when no rule can match (even partially) its first _HEAD characters folded,
# folding the rest is not needed. Folding is per character, so the head's fold is a prefix of
# the line's.
_HEAD = 80
# One rule is often ruled out by a line's first few characters (``Kính gửi``, ``Nơi nhận``).
_HEADS = (16, _HEAD)
# And most rules by its first character alone: the rules that can match a folded line starting
# with a character, found once per character (a dictionary look-up for each line tested,
# where trying a rule is a pattern call).
_RULES_BY_FIRST: dict[str, tuple[list[tuple[str, regex.Pattern[str]]], frozenset[str]]] = {}


def _rules_from(first: str) -> tuple[list[tuple[str, regex.Pattern[str]]], frozenset[str]]:
    """The rules (and their kinds) that can match a folded line starting with ``first``."""
    found = _RULES_BY_FIRST.get(first)
    if found is None:
        rules = [(kind, p) for kind, p in _COMPILED if p.match(first, partial=True)]
        found = _RULES_BY_FIRST[first] = rules, frozenset(kind for kind, _ in rules)
    return found


def match_line(kind: str, line: str) -> regex.Match[str] | None:
    """The match of the rule ``kind`` at the start of ``line`` (stripped); its spans are spans
    of ``line.strip()``, its groups are folded (read the original text through the spans).

    >>> m = match_line("number", "Số: 1984/SNV-TCBC")
    >>> "Số: 1984/SNV-TCBC"[m.start("value"):]
    '1984/SNV-TCBC'
    """
    stripped = line.strip()
    if kind not in _rules_from(fold(stripped[:1]))[1]:
        return None
    pattern = HEADER_PATTERNS[kind]
    for head in _HEADS:
        if len(stripped) > head and pattern.match(fold(stripped[:head]), partial=True) is None:
            return None
    if kind in _REFUSED and _REFUSED[kind].match(stripped):
        return None
    return pattern.match(fold(stripped))


def classify_line(line: str) -> str | None:
    """What a header or signature line is: ``motto``, ``motto-part``, ``number``,
    ``place-date``, ``rule``, ``subject``, ``addressee``, ``recipients``, ``signing``,
    ``issued-with``, ``representative``, ``declarant``, ``copy-kind``, ``signed-mark``, ``doc-type``
    — or None.

    >>> classify_line("Số 06-HD/TW"), classify_line("KT. GIÁM ĐỐC"), classify_line("SỞ NỘI VỤ")
    ('number', 'signing', None)
    >>> classify_line("HƯỚNG DẪN")
    'doc-type'
    """
    stripped = line.strip()
    rules = _rules_from(fold(stripped[:1]))[0]
    if len(stripped) > _HEAD:
        head = fold(stripped[:_HEAD])
        if not any(pattern.match(head, partial=True) for _, pattern in rules):
            return "doc-type" if doc_type_of(stripped) else None
    folded = fold(stripped)
    if not folded:
        return None
    for kind, pattern in rules:
        if kind == "signing" and not line.strip()[:1].isupper():
            continue  # ``tl``/``q`` in running text
        if kind == "identity" and len(folded) > 250:
            continue  # an identity line is a title line, never a paragraph
        if pattern.match(folded):
            if kind == "identity" and identity_line(line) is None:
                continue  # a citation in running text, not the document's own title line
            if kind in _REFUSED and _REFUSED[kind].match(stripped):
                continue
            return kind
    return "doc-type" if doc_type_of(line.strip()) else None


_TYPE_NAME = {fold(d["name"]): d["name"] for d in DOC_TYPES}


# A speck before a type name, not a list marker (``1.``, ``a)``, ``-``, ``+``).
_SPECK = regex.compile(r"^(?![-+•–*][ ]|\d{1,2}[.)][ ])[^\p{L}\s]{1,2}\s+(?=\p{Lu}\p{Lu})")


def doc_type_of(line: str) -> str | None:
    """The type name (tên loại) a header line states, as the canonical name: ``BÁO CÁO`` →
    ``Báo cáo``; ``BÁO CÁO ĐỀ XUẤT`` → ``Báo cáo đề xuất``; ``BIÊN BẢN LÀM VIỆC`` → ``Biên bản``.
    Only a short line in capitals.

    >>> doc_type_of("KẾ HOẠCH"), doc_type_of("Kế hoạch số 12"), doc_type_of("BIÊN BẢN LÀM VIỆC")
    ('Kế hoạch', None, 'Biên bản')
    >>> doc_type_of("KẾ HOẠCH, NHIỆM VỤ")
    'Kế hoạch'

    A speck OCR read before it (``3 THÔNG BÁO``) does not hide it:

    >>> doc_type_of("3 THÔNG BÁO")
    'Thông báo'

    A name of more than six words, when the line is that name alone:

    >>> doc_type_of("ĐỀ CƯƠNG VÀ DỰ TOÁN CHI TIẾT"), doc_type_of("KẾ HOẠCH TRIỂN KHAI THỰC HIỆN CÔNG TÁC NĂM 2026")
    ('Đề cương và dự toán chi tiết', None)

    Nor does its first letter split off by OCR, its diacritic misread (``K ÉT LUẬN``):

    >>> doc_type_of("K ÉT LUẬN"), doc_type_of("A BÁO CÁO")
    ('Kết luận', None)
    """
    if not line[:1].isalpha():  # a speck starts with no letter
        line = _SPECK.sub("", line)
    if not in_capitals(line):
        return None
    if len(line.split()) > 6:
        # A long line is a type name only when it is one whole (``ĐỀ CƯƠNG VÀ DỰ TOÁN CHI TIẾT``).
        return _TYPE_NAME.get(fold(line).strip())
    lead = _leading_type(fold(line))
    if lead is None and (split := _SPLIT_FIRST_LETTER.match(line)) is not None:
        # ``K ÉT LUẬN``: the first letter of a type name split off by OCR; the line must be that
        # name alone.
        joined = fold(split.group(1) + split.group(2)).strip()
        return _TYPE_NAME.get(joined)
    return lead[0] if lead is not None else None


# A line's first letter alone before the rest of its word (OCR of a spaced title).
_SPLIT_FIRST_LETTER = regex.compile(r"^\s*(\p{Lu}) (\p{Lu}.*)$")


def _leading_type(f: str) -> tuple[str, int] | None:
    """The longest type name that the folded line ``f`` is, or starts with before a space or a
    comma, and where it ends: the line cut at each of those from the end, rather than every
    name tried."""
    cut = len(f)
    while cut > 0:
        name = _TYPE_NAME.get(f[:cut])
        if name is not None:
            return name, cut
        cut = max(f.rfind(" ", 0, cut), f.rfind(",", 0, cut))
    return None


def type_name_and_title(line: str) -> tuple[str, str] | None:
    """A type name with the trích yếu after it on the same line, in capitals: the canonical
    type and the rest of the line (two words at least). A line that is a type name alone (or
    one of the compound names, ``BÁO CÁO ĐỀ XUẤT``) is :func:`doc_type_of`'s.

    >>> type_name_and_title("BÁO CÁO CÔNG TÁC PHÒNG, CHỐNG THAM NHŨNG")
    ('Báo cáo', 'CÔNG TÁC PHÒNG, CHỐNG THAM NHŨNG')
    >>> type_name_and_title("BÁO CÁO ĐỀ XUẤT"), type_name_and_title("Báo cáo công tác tháng")
    (None, None)
    """
    if not in_capitals(line) or doc_type_of(line) is not None:
        return None
    line = line.strip()
    f = fold(line)
    lead = _leading_type(f)
    if lead is None or f[lead[1]: lead[1] + 1] != " ":
        return None
    rest = line[lead[1]:].strip()
    return (lead[0], rest) if len(rest.split()) >= 2 else None


# The words an issuing body's name starts with (tên cơ quan, tổ chức ban hành). A header
# line in capitals that starts otherwise carries on the name above it
# (``TRUNG TÂM PHỤC VỤ`` / ``HÀNH CHÍNH CÔNG``).
ISSUER_HEADS: list[str] = [
    "ỦY BAN", "UỶ BAN", "UBND", "HỘI ĐỒNG", "HĐND", "SỞ", "BAN", "BỘ", "CỤC", "CHI CỤC", "TỔNG CỤC", "VỤ",
    "VĂN PHÒNG", "PHÒNG", "TRUNG TÂM", "THANH TRA", "CÔNG AN", "BỘ CHỈ HUY", "BỘ PHẬN", "TỈNH ỦY", "TỈNH UỶ",
    "THÀNH ỦY", "THÀNH UỶ", "HUYỆN ỦY", "HUYỆN UỶ", "ĐẢNG ỦY", "ĐẢNG UỶ", "ĐẢNG BỘ", "CHI BỘ", "ĐẢNG ĐOÀN",
    "MẶT TRẬN", "ĐOÀN", "HỘI", "TỔ", "VIỆN", "TRƯỜNG", "QUỐC HỘI", "CHÍNH PHỦ", "THỦ TƯỚNG", "CHỦ TỊCH",
    "KHO BẠC", "NGÂN HÀNG", "TÒA ÁN", "VIỆN KIỂM SÁT", "BAN QUẢN LÝ", "CÔNG TY", "TỔNG CÔNG TY", "ĐÀI",
    "BAN CHẤP HÀNH", "BAN THƯỜNG VỤ", "BAN CHỈ ĐẠO", "UBMTTQ", "THỊ ỦY", "QUẬN ỦY",
]
_ISSUER_HEADS = tuple(sorted({fold(h) for h in ISSUER_HEADS}, key=len, reverse=True))
_LOCALITY_HEADS = ("tinh ", "huyen ", "xa ", "thanh pho ", "phuong ", "thi tran ", "quan ", "thi xa ", "tp ")


def starts_issuer(line: str) -> bool:
    """Whether a header line in capitals starts the name of a body (rather than carrying on
    the one above it, or naming its locality).

    >>> starts_issuer("TRUNG TÂM PHỤC VỤ"), starts_issuer("HÀNH CHÍNH CÔNG"), starts_issuer("TỈNH LÂM ĐỒNG")
    (True, False, False)

    ``BAN HÀNH`` (to issue) opens a trích yếu, not a ``BAN``'s name, and ``HỘI NGHỊ`` (a
    conference, in a Party document's title) is no ``HỘI``:

    >>> starts_issuer("BAN HÀNH QUY ĐỊNH QUẢN LÝ CỤM CÔNG NGHIỆP"), starts_issuer("BAN CHỈ ĐẠO")
    (False, True)
    >>> starts_issuer("HỘI NGHỊ LẦN THỨ TÁM"), starts_issuer("HỘI NÔNG DÂN TỈNH")
    (False, True)
    """
    f = fold(line.strip()) + " "
    return f.startswith(_ISSUER_STARTS) and not f.startswith(_LOCALITY_HEADS) and not f.startswith(_NOT_BODY_HEADS)


_ISSUER_STARTS = tuple(h + " " for h in _ISSUER_HEADS)
# Words that begin with a body's head word (``BAN`` of ``BAN CHỈ ĐẠO``, ``HỘI`` of ``HỘI NÔNG
# DÂN``) and name no body.
_NOT_BODY_HEADS = ("ban hanh ", "hoi nghi ")


def names_locality(line: str) -> bool:
    """A line that starts with a locality's level (``TỈNH LÂM ĐỒNG``, ``Huyện Việt Yên``).

    >>> names_locality("TỈNH LÂM ĐỒNG"), names_locality("TRUNG TÂM PHỤC VỤ")
    (True, False)
    """
    return (fold(line.strip()) + " ").startswith(_LOCALITY_HEADS)


def names_issuer(line: str) -> bool:
    """A capitals line that starts a body's name or the locality under it (``ỦY BAN NHÂN
    DÂN`` / ``TỈNH LÂM ĐỒNG``): the lines of an issuer standing above a second Quốc hiệu.

    >>> names_issuer("ỦY BAN NHÂN DÂN"), names_issuer("TỈNH LÂM ĐỒNG"), names_issuer("HÀNH CHÍNH CÔNG")
    (True, True, False)
    >>> names_issuer("Sở Nội vụ đề nghị")
    False
    """
    return in_capitals(line) and (starts_issuer(line) or names_locality(line))


# The signing mark of the signature column glued after a recipient when two columns arrive as
# one line (the signing rule, in capitals, after a space). A full stop or a space ends the mark:
# an office's code that begins with its letters (``Lưu VT, QLĐN.``) is no mark.
_GLUED_SIGNING = regex.compile(r"[ ]+(?=(?:TM|KT|TL|TUQ|T/M|K/T|Q)(?:\.[ ]*|[ ]+)\p{Lu}{2})")


def before_signing(line: str) -> str:
    """A line of the recipients' column without the signature column glued after it.

    >>> before_signing("- Lưu: VT, NC. TM. BAN CHỈ ĐẠO"), before_signing("- Như trên;")
    ('- Lưu: VT, NC.', '- Như trên;')
    >>> before_signing("- Lưu VT, QLĐN."), before_signing("- Lưu VT. KT.GIÁM ĐỐC")
    ('- Lưu VT, QLĐN.', '- Lưu VT.')
    """
    return str(_GLUED_SIGNING.split(line, maxsplit=1)[0])


# ``CỘNG HÒA XÃ HỘI`` is in no issuer's name: what follows it may be misread (``(?HỦ NGHĨA``).
_MOTTO_INSIDE = regex.compile(r"\s(?:cong hoa xa hoi\b|doc lap\s*[-–—]\s*tu do|dang cong san viet nam)")


def left_of_motto(line: str) -> str | None:
    """The issuer's part of a two-column header line read as one line (text dumps,
    ``pdftotext -layout``, OCR): what stands before the Quốc hiệu or the Party's name.

    >>> left_of_motto("UBND TỈNH BẮC GIANG   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    'UBND TỈNH BẮC GIANG'
    >>> left_of_motto("TỈNH BÀ RỊA - VŨNG TÀU Độc lập - Tự do - Hạnh phúc")
    'TỈNH BÀ RỊA - VŨNG TÀU'
    >>> left_of_motto("SỞ THÔNG TIN & TRUYÈN THÔNG CỘNG HOÀ XÃ HỘI (?HỦ NGHĨA VIỆT NAM")  # OCR
    'SỞ THÔNG TIN & TRUYÈN THÔNG'
    >>> left_of_motto("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") is None
    True
    """
    m = _MOTTO_INSIDE.search(fold(line))
    left = line[: m.start()].strip() if m else ""
    return left or None


_POSITION_FOLDS = {fold(p) for p in POSITIONS}


# Two positions one person holds, on one line: ``BỘ TRƯỞNG, CHỦ NHIỆM`` (of the Government's
# Office), ``GIÁM ĐỐC KIÊM ...``; matched on the folded line, the joiners kept.
_DUAL_POSITION = re.compile(r"(\s*,\s*|\s+kiem\s+)")


def dual_position(line: str) -> list[str] | None:
    """The pieces of a line that names two known positions or more, as written: the positions
    at even places, what joins them at odd ones; None for any other line (one position too).

    >>> dual_position("BỘ TRƯỞNG, CHỦ NHIỆM"), dual_position("GIÁM ĐỐC KIÊM CHÁNH VĂN PHÒNG")
    (['BỘ TRƯỞNG', ', ', 'CHỦ NHIỆM'], ['GIÁM ĐỐC', ' KIÊM ', 'CHÁNH VĂN PHÒNG'])
    >>> dual_position("TRƯỞNG BAN, SỞ NỘI VỤ") is None, dual_position("GIÁM ĐỐC") is None
    (True, True)
    """
    stripped = line.strip()
    pieces = _DUAL_POSITION.split(fold(stripped))
    if len(pieces) < 3 or not all(p in _POSITION_FOLDS for p in pieces[::2]):
        return None
    # Folding keeps the text's length: each piece is read back from the line as written.
    out, at = [], 0
    for piece in pieces:
        out.append(stripped[at:at + len(piece)])
        at += len(piece)
    return out


def is_position(line: str) -> bool:
    """A signer's position (chức vụ) on a line of its own, in capitals: it opens a signature block.
    Two known positions joined by a comma or ``KIÊM`` are one (:func:`dual_position`).

    >>> is_position("GIÁM ĐỐC"), is_position("Giám đốc Sở"), is_position("SỞ NỘI VỤ")
    (True, False, False)
    >>> is_position("BỘ TRƯỞNG, CHỦ NHIỆM"), is_position("TRƯỞNG BAN, SỞ NỘI VỤ")
    (True, False)
    """
    return in_capitals(line) and (fold(line.strip()) in _POSITION_FOLDS or dual_position(line) is not None)


_DEPUTY_HEADS = tuple(fold(t) + " " for t in DEPUTY_TITLES)


def is_deputy(line: str) -> bool:
    """A deputy's title (:data:`~.vocabulary.DEPUTY_TITLES`), the only position that signs ``KT.``.

    >>> [is_deputy(t) for t in ("PHÓ VĂN PHÒNG", "THỨ TRƯỞNG", "VIỆN PHÓ", "P. GIÁM ĐỐC", "PGĐ")]
    [True, True, True, True, True]
    >>> is_deputy("GIÁM ĐỐC"), is_deputy("GIÁM ĐỐC SỞ TƯ PHÁP"), is_deputy("PHÒNG")
    (False, False, False)
    """
    f = fold(line.strip())
    words = f.split()
    return (f + " ").startswith(_DEPUTY_HEADS) or (len(words) == 2 and words[1] == fold(DEPUTY_AFTER))


# Marks a reader looks for anywhere in a line, where a header row may arrive as one line with
# both columns (text layers, OCR), or where a stamp sits over the page. Searched in the folded
# line (lower case, no diacritics, đ → d), so OCR's lost accents still match.
HEADER_MARKS: list[HeaderRule] = [
    {"kind": "motto",  # the Quốc hiệu, the Tiêu ngữ or the Party's name, in either column
     "pattern": rf"{_QUOC_HIEU}|dang cong san viet nam|doc lap\W+tu do",
     "examples": ["UBND TỈNH BẮC GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                  "SỞ THÔNG TIN VÀ TRUYỀN THÔNG CỘN 6 HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                  "TỈNH ỦY BẮC GIANG ĐẢNG CỘNG SẢN VIỆT NAM"],
     "not_examples": ["ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"]},
    {"kind": "number",  # the ``Số:`` of the left column, alone or beside the place and date
     # ``Số A4Ÿš /SNV-VP``: a handwritten number read as letters, before the symbol's slash.
     "pattern": r"^\s*so\s*(?:[:.…_/]|\d|$|\S{1,8}\s*/\s*[^\W\d_]{2,}-)|\sso\s*:",
     "examples": ["Số: 1984/SNV-TCBC", "Số 368-CV/BPTT", "Số: /TB-STTTT", "Số:", "Số. /QĐ-UBND",
                  "Số ....../KH-UBND", "UBND TỈNH LÂM ĐỒNG   Số: 12/BC-UBND", "Số A4Ÿš /SNV-VP"],
     "not_examples": ["SỞ NỘI VỤ", "Số lượng hồ sơ", "TRƯỜNG TIỂU HỌC SỐ 1", "Quy định số 294-QĐ/TW"]},
    {"kind": "date",  # the words of a date in the place-and-date line, its day or month blank
     "pattern": r"\bngay\b.*\bthang\b|\bthang\s*\d{1,2}\s*nam\s*\d{4}",
     "examples": ["Bắc Giang, ngày 18 tháng 10 năm 2012", "Hà Nội, ngày tháng năm 2025",
                  "tháng 10 năm 2012"],
     "not_examples": ["Độc lập - Tự do - Hạnh phúc"]},
    {"kind": "handling",  # how the paper is handled: urgency, secrecy, a draft (độ khẩn, độ mật)
     "pattern": r"^\W*(?:thuong khan|hoa toc(?: hen gio)?|khan|toi mat|tuyet mat|mat|du thao(?: lan \d+)?)\W*$",
     "examples": ["KHẨN", "HỎA TỐC", "THƯỢNG KHẨN", "MẬT", "DỰ THẢO", "DỰ THẢO LẦN 2", "(Dự thảo)"],
     "not_examples": ["KHẨN TRƯƠNG TRIỂN KHAI", "MẶT TRẬN TỔ QUỐC"]},
    {"kind": "gazette",  # the Công báo's part a reprinted document stands in, above its header,
     # the heading of its authority's documents on the same line or not
     "pattern": r"^\W*phan(?:\s+(?:i{1,2}|[12]))?\W+van ban (?:quy pham phap luat|khac)\b",
     "examples": ["PHẦN VĂN BẢN KHÁC", "PHẦN VĂN BẢN QUY PHẠM PHÁP LUẬT", "PHẦN I. VĂN BẢN QUY PHẠM PHÁP LUẬT",
                  "PHẦN VĂN BẢN KHÁC ỦY BAN NHÂN DÂN TỈNH"],
     "not_examples": ["PHẦN I. TÌNH HÌNH CHUNG", "Phần thứ nhất", "PHẦN VĂN BẢN KHÁCH QUAN"]},
    {"kind": "copy-stamp",  # a copy's stamp (sao y) or an e-signature's text over the page
     "pattern": r"^(?:sao y|ban sao|trich sao|sao luc)\b|^(?:ky boi|thoi gian ky)\s*[:;]",
     "examples": ["SAO Y BẢN CHÍNH", "SAO Y; CÔNG AN TỈNH LÂM ĐỒNG; 06/01/2026; 16:42:26",
                  "Thời gian ký: 2025-10-01T17:08:18+07:00", "Sao lục"],
     "not_examples": ["Sáng tạo", "Thời gian ký kết hợp đồng là 12 tháng"]},
]


@functools.cache
def _mark(kind: str) -> regex.Pattern[str]:
    # Compiled on first use: a mark is looked for only where a line may hold it.
    return regex.compile(next(rule["pattern"] for rule in HEADER_MARKS if rule["kind"] == kind))


def has_mark(kind: str, line: str) -> bool:
    """Whether ``line`` holds the header mark ``kind`` (``motto``, ``number``, ``date``,
    ``handling``, ``gazette``, ``copy-stamp``) of ``HEADER_MARKS``.

    >>> has_mark("motto", "UBND TỈNH BẮC GIANG   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    True
    >>> has_mark("number", "SỞ NỘI VỤ"), has_mark("date", "Phú Thọ, ngày tháng 12 năm 2011")
    (False, True)
    """
    return _mark(kind).search(fold(line)) is not None


def gazette_part(line: str) -> str | None:
    """What follows the Công báo's part (``gazette`` of ``HEADER_MARKS``) on ``line``, folded and
    stripped (``""`` when the part stands alone); None when the line holds no part.

    >>> gazette_part("PHẦN VĂN BẢN KHÁC"), gazette_part("PHẦN VĂN BẢN KHÁC ỦY BAN NHÂN DÂN TỈNH")
    ('', 'uy ban nhan dan tinh')
    >>> gazette_part("SỞ TƯ PHÁP") is None
    True
    """
    f = fold(line)
    m = _mark("gazette").search(f)
    return None if m is None else f[m.end():].strip(" .:-")


class HeaderField(TypedDict):
    name: str  # as warnings name it
    label: str  # pattern of the folded label word, matched whole
    next: str  # pattern of the start of the folded word after the field
    value: str  # pattern of the value filled in, matched whole
    most: int  # the largest value (31 for a day), 0 for no bound
    examples: list[str]  # real lines: (label, field, next word) with the field blank, typed or handwritten
    not_examples: list[str]  # (label, next word): no blank field between them


# The fields of the header that an office fills in by hand or by stamp after printing: each
# lies between its label and the word after it, and is blank until filled.
HEADER_FIELDS: list[HeaderField] = [
    {"name": "document number", "label": r"so[\s:.…_]*", "next": r"/\s*(?:(?:19|20)\d\d\s*/\s*)?[a-z]|/$",
     "value": r"\d{1,5}", "most": 0,
     "examples": ["Số: | | /STTTT-VP", "Số: | 1462 | /QĐ-UBND", "Số | 1185 | /SNV-VP", "Số. | | /QĐ-UBND",
                  "Số: | | /2024/QĐ-UBND", "Số: | | / KH-UBND"],
     "not_examples": ["Số: | 12/QĐ-UBND", "Số lượng | 12", "Số: | 2024"]},
    {"name": "day of the date", "label": "ngay", "next": "thang$", "value": r"\d{1,2}", "most": 31,
     "examples": ["ngày | | tháng 12 năm 2011", "ngày | 18 | tháng 10 năm 2012"],
     "not_examples": ["ngày | 18/10/2012", "ngày | 20"]},
    {"name": "month of the date", "label": "thang", "next": "nam$", "value": r"\d{1,2}", "most": 12,
     "examples": ["tháng | | năm 2025", "tháng | 11 | năm 2012"],
     "not_examples": ["tháng | 11/2012", "tháng | 5"]},
]
# Each field's label, next word and value patterns compiled, and its largest value.
_FIELDS = {f["name"]: (regex.compile(f["label"]), regex.compile(f["next"]), regex.compile(f["value"]), f["most"])
           for f in HEADER_FIELDS}


def is_field_value(name: str, text: str) -> bool:
    """Whether ``text`` can be what the header field ``name`` holds (a day is 1 to 31).

    >>> is_field_value("day of the date", "18"), is_field_value("day of the date", "48")
    (True, False)
    """
    _, _, pattern, most = _FIELDS[name]
    return pattern.fullmatch(text) is not None and (not most or 1 <= int(text) <= most)


def is_field_label(name: str, word: str) -> bool:
    """Whether ``word`` is the label of the header field ``name`` (``Số:``, ``ngày``, ``tháng``).

    >>> is_field_label("document number", "Số:"), is_field_label("document number", "Sở")
    (True, True)
    """
    return _FIELDS[name][0].fullmatch(fold(word)) is not None


def is_field_end(name: str, word: str) -> bool:
    """Whether ``word`` is the word after the header field ``name`` (the symbol's ``/QĐ-UBND``,
    ``tháng``, ``năm``).

    >>> is_field_end("document number", "/QĐ-UBND"), is_field_end("document number", "12/QĐ-UBND")
    (True, False)
    """
    return _FIELDS[name][1].match(fold(word)) is not None


def blank_field(label: str, following: str) -> str | None:
    """The header field left blank between the words ``label`` and ``following`` (nothing read
    between them), or ``None``.

    >>> blank_field("ngày", "tháng"), blank_field("Số:", "/SNV-TCBC"), blank_field("ngày", "18")
    ('day of the date', 'document number', None)
    """
    return next((name for name in _FIELDS if is_field_label(name, label) and is_field_end(name, following)), None)


def has_symbol_after_field(line: str) -> bool:
    """Whether a ``Số`` line holds the symbol that follows its number (``Số: 44 /SL-VP``).

    >>> has_symbol_after_field("Số: 44 /SL-VP"), has_symbol_after_field("Số:")
    (True, False)
    """
    return _FIELDS["document number"][1].search(fold(line)) is not None


def is_copy_heading(line: str) -> bool:
    """The heading of a copy's own sheet, where the Quốc hiệu would stand: ``SAO LỤC``, ``SAO Y
    BẢN CHÍNH``, in capitals; no part of the issuer's name.

    >>> is_copy_heading("SAO LỤC"), is_copy_heading("Sao lục"), is_copy_heading("UBND TỈNH BẮC GIANG")
    (True, False, False)
    """
    return in_capitals(line) and has_mark("copy-stamp", line) and len(line.split()) <= 4


class Identity(TypedDict):
    doc_type: str | None
    issuer: str | None
    number: tuple[int, int]  # span of the number in the line
    date: tuple[int, int]
    subject: tuple[int, int] | None


def identity_line(line: str) -> Identity | None:
    """A title line that gives the document's type, author, number and date at once (legal
    texts copied without their header table), with the spans of its parts in ``line``.

    >>> i = identity_line("CỦA CHÍNH PHỦ SỐ 37/2007/NĐ-CP NGÀY 09 THÁNG 3 NĂM 2007")
    >>> i["issuer"], "CỦA CHÍNH PHỦ SỐ 37/2007/NĐ-CP NGÀY 09 THÁNG 3 NĂM 2007"[slice(*i["number"])]
    ('CHÍNH PHỦ', '37/2007/NĐ-CP')
    >>> identity_line("CHỈ THỊ Số 15/2008/CT-TTg ngày 12 tháng 5 năm 2008")["doc_type"]
    'Chỉ thị'
    >>> identity_line("Nghị định số 12/2019/NĐ-CP ngày 01/02/2019 của Chính phủ") is None
    True
    """
    text = line.strip()
    if len(text) > 250:
        return None
    m = HEADER_PATTERNS["identity"].match(fold(text))
    if m is None:
        return None
    doc_type = None
    if m.group("type") is not None:
        # The type name alone (``CHỈ THỊ SỐ 15/2008``), not a title citing another text
        # (``BÁO CÁO TỔNG KẾT CHỈ THỊ SỐ 05-CT/TW``).
        written = text[m.start("type"):m.end("type")]
        doc_type = _TYPE_NAME.get(fold(written).strip()) if in_capitals(written) else None
        if doc_type is None:
            return None
    elif not in_capitals(text[:m.start("number")]):
        return None
    issuer = text[m.start("issuer"):m.end("issuer")] if m.group("issuer") is not None else None
    if issuer is not None and not in_capitals(issuer):
        return None
    subject = m.span("subject") if m.group("subject") is not None else None
    return {"doc_type": doc_type, "issuer": issuer, "number": m.span("number"), "date": m.span("date"),
            "subject": subject}
