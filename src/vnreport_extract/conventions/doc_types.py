"""Document types (thể loại văn bản) and their codes.

State codes: Nghị định 30/2020/NĐ-CP, Phụ lục III; legal normative documents:
Luật Ban hành văn bản quy phạm pháp luật. Party codes: Hướng dẫn 36-HD/VPTW.
"""

from __future__ import annotations

from typing import TypedDict


class DocType(TypedDict):
    name: str
    state: str | None
    party: str | None
    examples: list[str]


DOC_TYPES: list[DocType] = [
    {"name": "Nghị quyết liên tịch", "state": "NQLT", "party": "NQLT", "examples": []},
    {"name": "Nghị quyết", "state": "NQ", "party": "NQ",
     "examples": ["Nghị quyết số 76/NQ-CP ngày 15/7/2021", "Nghị quyết số 18-NQ/TW"]},
    {"name": "Nghị định", "state": "NĐ", "party": None, "examples": ["Nghị định số 61/2018/NĐ-CP ngày 23/4/2018"]},
    {"name": "Quyết định", "state": "QĐ", "party": "QĐ",
     "examples": ["Quyết định số 33/2018/QĐ-UBND ngày 18/10/2018", "Quyết định số 49 - QĐ/ĐU"]},
    {"name": "Chỉ thị", "state": "CT", "party": "CT", "examples": ["Chỉ thị số 33/CT-TTg", "Chỉ thị số 05-CT/TW"]},
    {"name": "Kết luận", "state": None, "party": "KL", "examples": ["Kết luận số 01-KL/TW, ngày 18 tháng 5 năm 2021"]},
    {"name": "Thông báo kết luận", "state": "TB", "party": "TB", "examples": []},
    {"name": "Thông báo", "state": "TB", "party": "TB", "examples": ["Thông báo số 12/TB-UBND"]},
    {"name": "Thông tư liên tịch", "state": "TTLT", "party": None, "examples": []},
    {"name": "Thông tư", "state": "TT", "party": None, "examples": ["Thông tư số 01/2011/TT-BNV"]},
    {"name": "Thông tri", "state": None, "party": "TT", "examples": []},
    {"name": "Thông cáo", "state": "TC", "party": None, "examples": []},
    {"name": "Quy chế phối hợp", "state": "QCPH", "party": "QCPH", "examples": []},
    {"name": "Quy chế", "state": "QC", "party": "QC", "examples": []},
    {"name": "Quy định", "state": "QyĐ", "party": "QĐi", "examples": ["Quy định số 05/QyĐ-UBND"]},
    {"name": "Hướng dẫn", "state": "HD", "party": "HD", "examples": ["Hướng dẫn số 36-HD/VPTW"]},
    {"name": "Chương trình phối hợp", "state": "CTPH", "party": "CTr",
     "examples": ["Chương trình phối hợp số 03-CTr/BDVTW-BCSĐCP", "Chương trình phối hợp số 05-CTPH/BDVHU-UBND"]},
    {"name": "Chương trình hành động", "state": "CTr", "party": "CTr", "examples": []},
    {"name": "Chương trình", "state": "CTr", "party": "CTr", "examples": []},
    {"name": "Kế hoạch hành động", "state": "KH", "party": "KH",
     "examples": ["Kế hoạch hành động số 08-KH/TU ngày 29/8/2025"]},
    {"name": "Kế hoạch", "state": "KH", "party": "KH",
     "examples": ["Kế hoạch số 41/KH-UBND ngày 15/02/2022", "Kế hoạch số 245/KHUBND"]},
    {"name": "Phương án", "state": "PA", "party": "PA", "examples": []},
    {"name": "Đề án", "state": "ĐA", "party": "ĐA", "examples": []},
    {"name": "Dự án", "state": "DA", "party": None, "examples": []},
    {"name": "Báo cáo đề xuất", "state": "BCĐX", "party": None, "examples": ["Báo cáo đề xuất số 03/BCĐX-CAT"]},
    {"name": "Báo cáo", "state": "BC", "party": "BC", "examples": ["Báo cáo số 12/BC-UBND"]},
    {"name": "Biên bản", "state": "BB", "party": "BB", "examples": []},
    # A member's self-review (Hướng dẫn 36-HD/VPTW) and a body's statement to a court: no code.
    {"name": "Bản tự kiểm điểm", "state": None, "party": None, "examples": []},
    {"name": "Bản tự khai", "state": None, "party": None, "examples": []},
    {"name": "Tờ trình", "state": "TTr", "party": "TTr", "examples": ["Tờ trình số 629/TTr-SNV"]},
    {"name": "Hợp đồng", "state": "HĐ", "party": None, "examples": []},
    {"name": "Công điện", "state": "CĐ", "party": "CĐ", "examples": []},
    {"name": "Công văn", "state": None, "party": None, "examples": ["Công văn số 12/UBND-VX"]},
    {"name": "Văn bản", "state": None, "party": None, "examples": ["Văn bản số 1234/UBND-NC"]},
    {"name": "Bản ghi nhớ", "state": "GN", "party": None, "examples": []},
    # The rest of Nghị định 30/2020's types (Phụ lục III), with their codes. Not ``Thư công``
    # (no code): without its diacritics it is ``thủ công`` (by hand), which the readers would
    # then take for a type word (``nộp thủ công số 15 hồ sơ``).
    {"name": "Bản thỏa thuận", "state": "BTT", "party": None, "examples": []},
    {"name": "Giấy ủy quyền", "state": "GUQ", "party": None, "examples": []},
    {"name": "Giấy mời", "state": "GM", "party": None, "examples": []},
    {"name": "Giấy giới thiệu", "state": "GGT", "party": None, "examples": []},
    {"name": "Giấy nghỉ phép", "state": "GNP", "party": None, "examples": []},
    {"name": "Phiếu gửi", "state": "PG", "party": None, "examples": []},
    {"name": "Phiếu chuyển", "state": "PC", "party": None, "examples": []},
    {"name": "Phiếu báo", "state": "PB", "party": None, "examples": []},
    # A licence of a specialised law (Luật Xây dựng): ``GIẤY PHÉP XÂY DỰNG`` / ``Số: 19.2012/GPXD``.
    {"name": "Giấy phép xây dựng", "state": "GPXD", "party": None, "examples": []},
    # An IT project's outline and cost estimate (Thông tư 21/2010/TT-BTTTT): a cover page with the
    # body above, ``ĐỀ CƯƠNG VÀ DỰ TOÁN CHI TIẾT``, its name in quotes, and ``Phú Thọ, 2012``.
    {"name": "Đề cương và dự toán chi tiết", "state": None, "party": None, "examples": []},
    {"name": "Giấy phép", "state": "GP", "party": None, "examples": []},
    # The slip a citizens' reception office sends a complaint on with (Luật Tiếp công dân): no code.
    {"name": "Phiếu chuyển đơn", "state": None, "party": None,
     "examples": ["phiếu chuyển đơn số 2374/UBND-TCD, ngày 13/10/2011 của UBND tỉnh"]},
    {"name": "Luật", "state": "QH", "party": None, "examples": ["Luật số 25/2018/QH14"]},
    {"name": "Bộ luật", "state": "QH", "party": None, "examples": []},
    {"name": "Pháp lệnh", "state": "PL", "party": None, "examples": []},
    {"name": "Lệnh", "state": "L", "party": None, "examples": []},
    {"name": "Điều lệ", "state": None, "party": None, "examples": []},
    {"name": "Hiến pháp", "state": None, "party": None, "examples": ["Hiến pháp năm 2013"]},
]

# The types several bodies issue together (``Thông tư liên tịch``, ``Chương trình phối hợp``): a
# citation's authority names every one of them (``của Bộ Nội vụ và Văn phòng Chính phủ``).
# (Not a code another type shares: ``CTr`` is a Party's Chương trình phối hợp and its every Chương trình.)
_JOINT = [d for d in DOC_TYPES if "liên tịch" in d["name"] or "phối hợp" in d["name"]]
JOINT_TYPE_CODES = frozenset(
    code for d in _JOINT for code in (d["state"], d["party"])
    if code and not any(code in (o["state"], o["party"]) for o in DOC_TYPES if o not in _JOINT))

# Short forms that stand for a type word in running text (``QĐ số 12/QĐ-UBND``).
ABBREVIATIONS: dict[str, str] = {
    "NQ": "Nghị quyết", "NĐ": "Nghị định", "QĐ": "Quyết định", "CT": "Chỉ thị", "KH": "Kế hoạch",
    "TT": "Thông tư", "CV": "Công văn", "TB": "Thông báo", "HD": "Hướng dẫn", "BC": "Báo cáo",
}

# Types that are usually cited by name, without a number (``Luật Tiếp cận thông tin``,
# ``Quy chế làm việc của Ban Chấp hành Trung ương``), the type word capitalised.
NAMED_TYPES = ("Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh", "Nghị quyết", "Điều lệ", "Quy chế")

# Documents that set out a plan or a programme, cited by name without a number, by the type
# word capitalised inside a sentence, after a lower-case word: ``tổ chức thực hiện Kế hoạch rà
# soát, đánh giá thủ tục hành chính năm 2026 của tỉnh``, ``ban hành Chương trình tổng thể cải
# cách hành chính nhà nước giai đoạn 2021 - 2030``, ``trên cơ sở Quy hoạch tỉnh Lâm Đồng``,
# ``căn cứ Kế hoạch của Ban Thường vụ Tỉnh ủy``. In lower case the words speak of plans in
# general (``kết quả thực hiện kế hoạch xúc tiến đầu tư``); at the start of a line they head a
# section or a title; after a figure they are the report's own (``Hoàn thành 100% Kế hoạch đề
# ra``). The name is at least two words, or the author after ``của``.
NAMED_PLAN_TYPES = ("Chương trình", "Kế hoạch", "Đề án", "Quy hoạch", "Cương lĩnh")
# Plans and schemes also named by a title in quotes, whatever its words (``dự thảo Kế hoạch
# “Nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2026”``). Not ``Chương trình``: in quotes
# it is as often a broadcast or an event (``Chương trình “Xuân yêu thương”``).
NAMED_QUOTED_TYPES = ("Kế hoạch", "Đề án")
# Types whose type word and a number name a part of something, not a document: the projects
# of a national target programme (``Dự án 1``, ``Dự án 2: 3,683 tỷ đồng``). No short citation.
SHORT_NOT_TYPES = ("Dự án",)
# National standards (tiêu chuẩn quốc gia, ``TCVN``) and national technical regulations (quy
# chuẩn kỹ thuật quốc gia, ``QCVN``, issued by a ministry) are cited by their code, with or
# without the words before it: short citations, the type by the code, the code as the number
# (one space after ``TCVN``/``QCVN`` and ``ISO``, none around ``:``), its year after the colon
# (after a hyphen in older ones).
# An international standard alone (``ISO 9001:2008``) is none of the state's documents.
STANDARD_TYPES: dict[str, str] = {"TCVN": "Tiêu chuẩn", "QCVN": "Quy chuẩn"}
# (line, the mention: the citation's ``raw``, its number)
STANDARD_EXAMPLES: list[tuple[str, str, str]] = [
    # tt-01-2011-tt-bnv-the-thuc-van-ban.doc, Điều 4
    ("bộ mã ký tự chữ Việt (font chữ tiếng Việt Unicode) theo tiêu chuẩn Việt Nam TCVN 6909:2001.",
     "tiêu chuẩn Việt Nam TCVN 6909:2001", "TCVN 6909:2001"),
    # de-cuong-du-toan-qlvb-syt-sct-phu-tho-2012.doc: the code alone
    ("sử dụng bộ mã chuẩn tiếng Việt TCVN 6909:2001 cho toàn bộ hệ thống", "TCVN 6909:2001", "TCVN 6909:2001"),
    ("áp dụng Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015 vào hoạt động",
     "Tiêu chuẩn quốc gia TCVN ISO 9001:2015", "TCVN ISO 9001:2015"),
    ("kết cấu bê tông theo TCVN 5574 : 2018;", "TCVN 5574 : 2018", "TCVN 5574:2018"),
    ("tải trọng và tác động theo TCVN 2737-1995", "TCVN 2737-1995", "TCVN 2737-1995"),  # an older standard's year
    ("bộ tiêu chuẩn TCVN 7391-1:2004 về đánh giá sinh học", "tiêu chuẩn TCVN 7391-1:2004", "TCVN 7391-1:2004"),
    ("phòng thử nghiệm đạt TCVN ISO/IEC 17025:2017;", "TCVN ISO/IEC 17025:2017", "TCVN ISO/IEC 17025:2017"),
    ("đảm bảo Quy chuẩn kỹ thuật quốc gia QCVN 01:2021/BXD về quy hoạch xây dựng",
     "Quy chuẩn kỹ thuật quốc gia QCVN 01:2021/BXD", "QCVN 01:2021/BXD"),
    ("nước thải đạt cột A của QCVN 40:2011/BTNMT trước khi xả ra môi trường", "QCVN 40:2011/BTNMT",
     "QCVN 40:2011/BTNMT"),
    ("chất lượng nước mặt theo QCVN 08-MT:2015/BTNMT;", "QCVN 08-MT:2015/BTNMT", "QCVN 08-MT:2015/BTNMT"),
]
STANDARD_NOT_EXAMPLES: list[str] = [
    # bc-115-bc-kcn-pctn-2012-scan.pdf: an international standard
    "tiếp tục duy trì áp dụng hệ thống quản lý chất lượng ISO 9001:2008.",
    "đạt chuẩn TCVN",  # no code
    "mã số TCVN2001X",  # a code glued to other letters
]
# Certificates a body grants to an investor or a business, cited by their number alone (no ký
# hiệu): short citations, the certificate's name as the type, its number as written, and its date
# and issuer where the text says when and by whom it was granted (``do Sở ... cấp lần đầu ngày
# ...``); ``của`` after one names its holder, who is not its author. An investment certificate
# (Luật Đầu tư 2005: a number of 11 or 12 digits), the investment registration certificate that
# followed it (Luật Đầu tư 2014: the project's code, 10 digits), and a business's registration
# (its code, 10 digits; a branch's, ``-001`` after the business's code).
CERTIFICATE_TYPES = ("Giấy chứng nhận đầu tư", "Giấy chứng nhận đăng ký đầu tư",
                     "Giấy chứng nhận đăng ký doanh nghiệp", "Giấy chứng nhận đăng ký kinh doanh",
                     "Giấy chứng nhận đăng ký hoạt động chi nhánh")
# (line, the mention: the citation's ``raw``, its number)
CERTIFICATE_EXAMPLES: list[tuple[str, str, str]] = [
    # ban-tu-khai-bql-kcn-2012-tcvn3.doc
    ("được Ban Quản lý các khu công nghiệp cấp Giấy chứng nhận đầu tư số 20221000015 ngày 14/8/2007.",
     "Giấy chứng nhận đầu tư số 20221000015 ngày 14/8/2007", "20221000015"),
    ("tại Giấy chứng nhận đầu tư số 20221000071 cho Công ty cổ phần Transimex",
     "Giấy chứng nhận đầu tư số 20221000071", "20221000071"),
    # Forms (not in the corpus): the registration certificates, a branch's code, ``số:``, the
    # words in capitals, the date and issuer as granted, the holder after ``của`` left out.
    ("theo Giấy chứng nhận đăng ký đầu tư số 6543210987 chứng nhận lần đầu ngày 05/3/2019",
     "Giấy chứng nhận đăng ký đầu tư số 6543210987", "6543210987"),
    ("Giấy Chứng Nhận Đăng Ký Doanh Nghiệp số: 0100109106 do Sở Kế hoạch và Đầu tư cấp lần đầu ngày 20/10/2004",
     "Giấy Chứng Nhận Đăng Ký Doanh Nghiệp số: 0100109106 do Sở Kế hoạch và Đầu tư cấp lần đầu ngày 20/10/2004",
     "0100109106"),
    ("hoạt động theo Giấy chứng nhận đăng ký hoạt động chi nhánh số 0100109106-001;",
     "Giấy chứng nhận đăng ký hoạt động chi nhánh số 0100109106-001", "0100109106-001"),
    ("Giấy chứng nhận đăng ký kinh doanh số 3700148230 của Công ty cổ phần XYZ",
     "Giấy chứng nhận đăng ký kinh doanh số 3700148230", "3700148230"),
]
CERTIFICATE_NOT_EXAMPLES: list[str] = [
    # ban-tu-khai-bql-kcn-2012-tcvn3.doc: the certificate in general, or dated without its number
    "Ban Quản lý các khu công nghiệp có công văn số 201/KCN-ĐT về việc thông báo thu hồi Giấy chứng nhận đầu tư.",
    "Dự án của nhà đầu tư được cấp Giấy chứng nhận đầu tư ngày 31/3/2009 đến 31/3/2010 là đủ 12 tháng",
    "cấp 05 Giấy chứng nhận đầu tư với tổng vốn 120 tỷ đồng",  # a count
    "Giấy chứng nhận đầu tư số 2022",  # too short for a certificate's number
    "Giấy chứng nhận đầu tư số 010010 9106",  # digits parted by a space: not read in part
    "Giấy chứng nhận đầu tư số 12/GCN-BQL",  # a ký hiệu: a document's number, not a certificate's
]
# Programmes of spending and allocations, not documents (``Chương trình mục tiêu quốc gia
# phòng, chống ma túy đến năm 2030``, ``Chương trình MTQG ...``, ``Kế hoạch vốn năm 2025``): the
# first words of their names.
NAMED_PLAN_NOT_DOCUMENTS = ("mục tiêu quốc gia", "MTQG", "vốn")
# (line, the mention: the citation's ``raw``)
NAMED_PLAN_EXAMPLES: list[tuple[str, str]] = [
    ("- Ban hành và tổ chức thực hiện Kế hoạch rà soát, đánh giá thủ tục hành chính năm 2026 của tỉnh, "
     "trong đó", "Kế hoạch rà soát, đánh giá thủ tục hành chính năm 2026"),
    ("- Xây dựng và tổ chức thực hiện đầy đủ, kịp thời Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên "
     "chức năm 2026 của tỉnh.", "Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm 2026"),
    ("Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính "
     "nhà nước giai đoạn 2021 - 2030;", "Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030"),
    ("giai đoạn 2021 - 2025: triển khai thực hiện Chương trình phòng, chống ma tuý giai đoạn 2021 - 2025 (Dự "
     "án 2", "Chương trình phòng, chống ma tuý giai đoạn 2021 - 2025"),
    ("phù hợp với Quy hoạch phát triển thủy sản tỉnh Bắc Giang đến năm 2020;",
     "Quy hoạch phát triển thủy sản tỉnh Bắc Giang đến năm 2020"),
    ("các vùng, đô thị (trên cơ sở Quy hoạch tỉnh Lâm Đồng mới),…", "Quy hoạch tỉnh Lâm Đồng mới"),
    ("căn cứ Kế hoạch của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết", "Kế hoạch của Ban Thường vụ Tỉnh ủy"),
    ("- Thừa nhận và tự nguyện thực hiện Cương lĩnh chính trị, Điều lệ Đảng", "Cương lĩnh chính trị"),
    # the period ends the name, with its outlook
    ("phù hợp Quy hoạch tỉnh Lâm Đồng thời kỳ 2021 - 2030, tầm nhìn đến năm 2050;",
     "Quy hoạch tỉnh Lâm Đồng thời kỳ 2021 - 2030, tầm nhìn đến năm 2050"),
    ("thực hiện Chương trình phát triển du lịch giai đoạn 2021 - 2025 và định hướng đến năm 2030;",
     "Chương trình phát triển du lịch giai đoạn 2021 - 2025 và định hướng đến năm 2030"),
    # a name in quotes (tb-kl-pci-2026-du-thao.docx)
    ("(4) thống nhất các nội dung dự thảo Kế hoạch “Nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm "
     "2026” do đồng chí", "Kế hoạch “Nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2026”"),
]
NAMED_PLAN_NOT_EXAMPLES: list[str] = [
    # an item of a meeting's agenda, in a table (gm-289-gm-ubnd-2012-scan.pdf)
    "9.\tĐiều chỉnh Quy hoạch chung thị trấn Chữ\tChủ tịch UBND huyện Lục Ngạn\tGiám đốc các Sở: Xây dựng",
    # programmes on the air and events, counted or not (bc-cchc-nam-2025.docx)
    "Truyền hình Lâm Đồng 22 Chương trình “Đối thoại về cải cách hành chính”; sản xuất",
    "duy trì Chương trình “Đối thoại về cải cách hành chính” hằng tháng.",
    "tổ chức Chương trình “Xuân yêu thương” cho 200 hộ nghèo",
    "Hoàn thành 100% Kế hoạch đề ra",  # the report's own plan, after a figure
    "1. Kế hoạch tuyên truyền năm 2026",  # a heading
    "kết quả thực hiện kế hoạch xúc tiến đầu tư năm 2026",  # lower case: plans in general
    "triển khai thực hiện Kế hoạch này",  # the report itself
    "tổ chức thực hiện Kế hoạch.",  # no name
    "thực hiện Chương trình 135",  # a number: a short citation's, or a quantity
    "sử dụng kinh phí Chương trình đúng mục tiêu, đúng đối tượng",  # the programme named before
    "bố trí kinh phí thực hiện Chương trình năm 2026",  # the same, in its year
    "triển khai Quy hoạch thời kỳ 2021 - 2030",  # the same, in its period
    "thực hiện Kế hoạch triển khai thi hành Luật sửa đổi, bổ sung một số điều của Luật Xử lý vi phạm hành chính",
    "thực hiện Đề án sắp xếp, tổ chức lại các đơn vị",  # no year, no place: a task, maybe
    "Tổng mức đầu tư\tKế hoạch vốn năm 2012\tGhi chú",  # a column's head (cv-404)
    "hoàn thành Kế hoạch đề ra năm 2025",  # targets and allocations
    "vượt Kế hoạch tỉnh giao năm 2025",
    "đạt 95% so với Kế hoạch vốn năm 2025, giải ngân Kế hoạch vốn đầu tư công năm 2025",
    "thực hiện Chương trình của Chính phủ về phòng, chống ma túy",  # a programme by its author alone
    # a national target programme: spending, not a document
    "xây dựng phương án kinh phí thực hiện Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030",
    # the subject of the decision cited before it
    "Quyết định số 468/QĐ-UBND ngày 15 tháng 12 năm 2011 về việc giao chỉ tiêu Kế hoạch Phát triển kinh tế - "
    "xã hội năm 2012;",
]

# Types cited by name only with their author (``Quy chế làm việc của Ban Chấp hành Trung
# ương``): without one the words name a practice, not a document (``thực hiện Quy chế dân chủ ở
# cơ sở``, ``Quy chế bầu cử trong Đảng``).
NAMED_NEEDS_AUTHOR = ("Quy chế",)

# Types whose name starts with a capital: in lower case the word after them counts or speaks
# of such documents in general (``36 Nghị quyết QPPL``, ``Điều lệ hội``). A law's or an
# ordinance's name may start in lower case (``Luật tiếp cận thông tin``, ``Pháp lệnh công
# chức, viên chức``).
NAMED_NEEDS_CAPITAL = ("Nghị quyết", "Điều lệ")

# Words that make a type word part of a common noun, not a document's name: ``luật gia`` (a
# lawyer: ``Hội Luật gia VN``), ``luật sư``, ``luật học``, ``luật pháp`` and ``luật lệ`` (law
# and rules in general).
NAMED_NOT_NAMES: dict[str, tuple[str, ...]] = {"Luật": ("gia", "sư", "học", "pháp", "lệ")}
# Type words also written with a capital inside (``Bộ Luật dân sự``), looked for as they are
# written; the type is the canonical one (``Bộ luật``).
NAMED_TYPE_SPELLINGS = ("Bộ Luật",)
# (line, the mention: the citation's ``raw``), and lines that cite nothing by name.
NAMED_EXAMPLES: list[tuple[str, str]] = [
    ("có năng lực hành vi dân sự đầy đủ (theo quy định của Bộ Luật dân sự).", "Bộ Luật dân sự"),
    # the name ends at a conjunction of the sentence (nd-86-2011-nd-cp-thanh-tra.doc)
    ("quy định tại Điều 44, Điều 52 của Luật Thanh tra nhưng phải ghi rõ phạm vi, đối tượng", "Luật Thanh tra"),
    # a plenum by its number and term (cv-368-cv-bptt-tinh-uy-2012-scan.pdf)
    ("chỉ đạo thực hiện Nghị quyết Trung ương 4 (khóa XI) của tỉnh yêu cầu:", "Nghị quyết Trung ương 4 (khóa XI)"),
    ("theo tinh thần Nghị quyết Trung ương 4 khóa XII về tăng cường xây dựng", "Nghị quyết Trung ương 4 khóa XII"),
    ("Nghị quyết Hội nghị Trung ương 6 khóa X về tiếp tục", "Nghị quyết Hội nghị Trung ương 6 khóa X"),
    ("Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng (Khoá XI) “Một số vấn đề cấp bách",
     "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng (Khoá XI)"),
    ("kết quả thực hiện Nghị quyết Trung ương 4: (1) Về đấu tranh", "Nghị quyết Trung ương 4"),
    # a congress by its term's years (a Party committee's resolution, after its number)
    ("Nghị quyết Đại hội Đảng bộ huyện lần thứ XVIII (nhiệm kỳ 2020-2025) đã đề ra",
     "Nghị quyết Đại hội Đảng bộ huyện lần thứ XVIII (nhiệm kỳ 2020-2025)"),
    ("Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI, nhiệm kỳ 2020 - 2025 đã đề ra",
     "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI, nhiệm kỳ 2020 - 2025"),
    # ... but a time after the number is not the plenum's
    ("sau 10 năm thực hiện Nghị quyết Trung ương 10 năm qua đã đạt kết quả", "Nghị quyết Trung ương"),
]
NAMED_NOT_EXAMPLES: list[str] = [
    "Luật “mềm” nhưng không thể thiếu trong quản lý",  # quotes name plans and schemes only
    "Hội Chữ thập đỏ Việt Nam, Phòng Thương mại và Công nghiệp VN, Hội Luật gia VN",  # tt-2442-2007
    "đề nghị Đoàn Luật sư tỉnh cử luật sư tham gia tố tụng",
    # a table cell ends a name: a type word last in its cell names nothing (cv-27-stttt-vp-2012-scan)
    "3\tLã Duy Khiêm\tNam\t1955\tCử nhân Luật\tPhó GĐ Sở\tSở Thông tin và Truyền thông",
]

# Types named by the body they govern (``Điều lệ Đảng``, ``Điều lệ Hội Cựu chiến binh Việt
# Nam``): the name ends at the body's last capitalised word, or at its term (``Điều lệ Đảng
# khoá II``); lower-case words after it are the sentence's (``Điều lệ Đảng hoặc đúng với``,
# ``Điều lệ Đảng đồng bộ với``).
NAMED_BY_BODY = ("Điều lệ",)

# The term of a Party body, in brackets after the name of what it adopted: part of the name, as
# the plenum's number after ``Trung ương`` is (``Nghị quyết Trung ương 4 (khóa XI)``: the fourth
# plenum of the 11th Central Committee, not the one of the 12th). Unbracketed (``Nghị quyết
# Hội nghị Trung ương 6 khóa X``), the term's words go on the name as any others do. A congress's
# term is its years, in brackets or after a comma (``Nghị quyết Đại hội Đảng bộ huyện lần thứ XVIII
# (nhiệm kỳ 2020-2025)``, ``... lần thứ XI, nhiệm kỳ 2020 - 2025``).
_TERM_YEARS = r"(?i:nhiệm[ ]+kỳ)[ ]+(?:19|20)\d\d[ ]*[-–][ ]*(?:19|20)\d\d"
PARTY_TERM = (r"[ ]*\([ ]*(?:(?i:khóa|khoá)[ ]+[IVXLC]+|" + _TERM_YEARS + r")[ ]*\)"
              r"|[ ]*,[ ]*" + _TERM_YEARS)

# Words a comma joins inside a name: pairs of the same kind that the name lists
# (``Luật Phòng, chống ma túy``, ``Luật Thi đua, khen thưởng``, ``Pháp lệnh công chức, viên
# chức``, ``Luật Sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ``). Any other comma
# ends the name.
NAME_COMMA_PAIRS: list[tuple[str, str]] = [
    ("phòng", "chống"), ("thi đua", "khen thưởng"), ("công chức", "viên chức"), ("sửa đổi", "bổ sung"),
    ("cán bộ", "công chức"), ("rà soát", "đánh giá"), ("đào tạo", "bồi dưỡng"), ("tuyên truyền", "phổ biến"),
    ("phổ biến", "giáo dục"),
]

# Laws, codes and ordinances are cited by their name with the number after it (``Luật Thanh
# tra số 22/2004/QH11``); the number is one of the Quốc hội or its Ủy ban Thường vụ (``QH11``,
# ``UBTVQH12``, ``PL-UBTVQH11``), which tells such a name from a phrase before another symbol.
# An amending law is named after the law it amends (``Luật sửa đổi, bổ sung một số điều của
# Luật Khiếu nại tố cáo số 58/2005/QH11``): the mention starts at the amending law.
# The name runs from the type word to ``số``: another type word there (``Luật Ban hành văn bản
# quy phạm pháp luật và Nghị quyết của Ủy ban Thường vụ Quốc hội số 1211/2016/UBTVQH13``) makes
# the number that document's, not the law's.
NAMED_NUMBER_TYPES = ("Bộ luật", "Luật", "Pháp lệnh")
# The words that make a law an amending one; its name goes on over ``một số điều của`` to the
# name of the law it amends, and over the other laws it amends, listed with commas and ``và``
# when each but the last is a name alone, with no year or date of its own (one law, of one date
# and number, amends them all).
AMENDING_WORDS = r"(?i:sửa[ ]+đổi)(?:[ ]*,[ ]*|[ ]+(?i:và)[ ]+)(?i:bổ[ ]+sung)"
AMENDING_LAW_EXAMPLES: list[str] = [
    "Luật sửa đổi, bổ sung một số điều của Luật Xử lý vi phạm hành chính",  # bc-cchc-nam-2025.docx
    # qd-353 (Vũng Tàu 2025): Luật số 47/2019/QH14
    "Luật Sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương",
    # Luật số 52/2019/QH14; Luật số 106/2016/QH13
    "Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức",
    "Luật sửa đổi, bổ sung một số điều của Luật Thuế giá trị gia tăng, Luật Thuế tiêu thụ đặc biệt và Luật "
    "Quản lý thuế",
    "Luật sửa đổi, bổ sung một số điều của Luật Kinh doanh bảo hiểm, Luật Sở hữu trí tuệ",  # 42/2019/QH14
]
# What follows an amending law's name and is not a law it amends: the name ends before it.
AMENDING_LAW_NOT_EXAMPLES: list[tuple[str, str]] = [
    ("thi hành Luật sửa đổi, bổ sung một số điều của Luật Xử lý vi phạm hành chính và Nghị định số "
     "118/2021/NĐ-CP ngày 23/12/2021", "Luật sửa đổi, bổ sung một số điều của Luật Xử lý vi phạm hành chính"),
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đất đai, các văn bản hướng dẫn",
     "Luật sửa đổi, bổ sung một số điều của Luật Đất đai"),
    ("thi hành Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Quốc hội và Nghị quyết của Ủy ban "
     "Thường vụ Quốc hội về", "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Quốc hội"),
    # Laws listed in a sentence with a year after one: each is its own (a list an amending law
    # amends ends with ``và Luật ...``).
    ("Triển khai Luật sửa đổi, bổ sung một số điều của Luật Xử lý vi phạm hành chính, Luật Đất đai năm 2024, "
     "Luật Nhà ở năm 2023", "Luật sửa đổi, bổ sung một số điều của Luật Xử lý vi phạm hành chính"),
    ("Triển khai Luật sửa đổi, bổ sung một số điều của Luật Đất đai, Luật Nhà ở, tuyên truyền Luật Hòa giải ở cơ "
     "sở và Luật Trẻ em", "Luật sửa đổi, bổ sung một số điều của Luật Đất đai"),
]
# A Quốc hội number after a law that an amending law's name does not reach: that law's own.
AMENDING_LAW_NUMBER_NOT_EXAMPLES: list[tuple[str, str]] = [
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đất đai ngày 29/6/2018, Luật Nhà ở số 65/2014/QH13;",
     "Luật Nhà ở số 65/2014/QH13"),
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Xử lý vi phạm hành chính năm 2020 và Luật Thanh tra số "
     "11/2022/QH15;", "Luật Thanh tra số 11/2022/QH15"),
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đất đai, các văn bản hướng dẫn thi hành và Luật Nhà ở số "
     "65/2014/QH13;", "Luật Nhà ở số 65/2014/QH13"),
]
# The issuers of a law's number: the Quốc hội and its Standing Committee (``22/2004/QH11``,
# ``1211/2016/UBTVQH13``) and, for the laws of 1992-2001, the President who promulgated them
# (``Luật Đất đai số 24-L/CTN``: L for Luật, CTN for Chủ tịch nước).
NAMED_NUMBER_ISSUERS = ("QH", "UBTVQH", "CTN")
NAMED_NUMBER_EXAMPLES: list[tuple[str, str]] = [
    ("Luật thanh tra số 22/2004/QH11 hết hiệu lực kể từ ngày Luật này có hiệu lực.", "22/2004/QH11"),
    ("Căn cứ Điều 37, Luật sửa đổi, bổ sung một số điều của Luật Khiếu nại tố cáo số 58/2005/QH11, "
     "ngày 29/11/2005.", "58/2005/QH11"),
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa "
     "phương số 47/2019/QH14;", "47/2019/QH14"),
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Kinh doanh bảo hiểm, Luật Sở hữu trí tuệ số 42/2019/QH14;",
     "42/2019/QH14"),
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư, Luật Đầu tư theo phương thức đối "
     "tác công tư và Luật Đấu thầu số 57/2024/QH15;", "57/2024/QH15"),
    ("Căn cứ Luật Đất đai số 24-L/CTN ngày 14/7/1993;", "24-L/CTN"),
]
# A Quốc hội number after a law's name, that is another document's (the type word before it).
NAMED_NUMBER_NOT_EXAMPLES: list[tuple[str, str]] = [
    ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật và Nghị quyết của Ủy ban Thường vụ Quốc hội số "
     "1211/2016/UBTVQH13;", "Nghị quyết"),
    ("theo Luật Tổ chức Quốc hội và Nghị quyết Đại hội số 12/2016/QH14", "Nghị quyết"),
]

# The issuing body may stand between the type word and ``số`` (``Quyết định của UBND tỉnh số
# 468/QĐ-UBND``): the type word is the citation's, the body its authority, when the words
# between are a body's name and nothing more.
AUTHOR_BEFORE_NUMBER_EXAMPLES: list[tuple[str, str, str]] = [
    # cv-61-skh-th-2012-scan.pdf (Sở Kế hoạch và Đầu tư Bắc Giang, 2012)
    ("Thực hiện Quyết định của UBND tỉnh số 468/QĐ-UBND ngày 15 tháng 12 năm 2011 về việc giao chỉ tiêu",
     "468/QĐ-UBND", "UBND tỉnh"),
]

# Codes as they are canonically written; a code matching one of these case-insensitively
# takes this spelling (``Ttg`` → ``TTg``).
CANONICAL_CODES: list[str] = sorted(
    {c for d in DOC_TYPES for c in (d["state"], d["party"]) if c}
    | {
        "TTg", "CP", "UBND", "HĐND", "UBMTTQ", "MTTQ", "QH", "UBTVQH", "CTN", "VPCP", "TW", "TU", "HU", "ĐU",
        "VPTW", "BDVTW", "BDVTU", "BDVHU", "BCSĐ", "BCSĐCP", "BCSĐUBND", "BNV", "BCA", "BQP", "BTC",
        "BKHĐT", "BTTTT", "BYT", "BGDĐT", "BTP", "BTNMT", "BNNPTNT", "BLĐTBXH", "BXD", "BGTVT", "BCT",
        "BVHTTDL", "BKHCN", "TTCP", "KTNN", "TANDTC", "VKSNDTC", "NHNN", "SNV", "STC", "SKHĐT",
        "STTTT", "SYT", "SGDĐT", "STP", "SXD", "VP", "VX", "NC", "KT", "TH", "XD", "NV", "TCCB", "BTCTW",
        "UBKTTW", "BTGTW", "CAT", "PC04", "BCĐ", "BCĐX", "KTTH", "QLHC",
    }
)


# Issuer codes of the bodies the country has one of (a symbol of theirs names one document a
# year): the Government, its Prime Minister and Office, the National Assembly and its organs, the
# State President, the ministries and central agencies. A code ending in ``TW`` is the Party's
# centre's. Provinces', districts' and communes' codes (``UBND``, ``TU``, ``SNV``) repeat in each.
NATIONAL_CODES: frozenset[str] = frozenset({
    "CP", "TTG", "VPCP", "QH", "UBTVQH", "CTN", "TTCP", "KTNN", "TANDTC", "VKSNDTC", "NHNN", "BNV", "BCA", "BQP",
    "BTC", "BKHDT", "BTTTT", "BYT", "BGDDT", "BTP", "BTNMT", "BNNPTNT", "BLDTBXH", "BXD", "BGTVT", "BCT",
    "BVHTTDL", "BKHCN", "BNG", "BNNMT", "BDTTG", "UBDT",
})

# The type codes of each type name, state and Party (``Kế hoạch``: ``KH``; ``Công văn``: none).
CODES_OF_TYPE: dict[str, frozenset[str]] = {d["name"]: frozenset(c for c in (d["state"], d["party"]) if c)
                                           for d in DOC_TYPES}
TYPE_CODES: frozenset[str] = frozenset().union(*CODES_OF_TYPE.values())
# Type codes written for a type besides its own, as offices do: a Party Quy định as ``QĐ``
# (``Quy định số 29-QĐ/TW``), a Party Công văn as ``CV`` (``Công văn 368-CV/BPTT``), a law of the 1990s
# as ``L`` (``Bộ luật lao động số 35-L/CTN``). ``Văn bản`` (a document) may be of any type.
CODES_ALSO_OF_TYPE: dict[str, frozenset[str]] = {
    "Quy định": frozenset({"QĐ"}), "Công văn": frozenset({"CV"}), "Luật": frozenset({"L"}),
    "Bộ luật": frozenset({"L"}), "Pháp lệnh": frozenset({"L"}),
}
ANY_TYPE_CODE = ("Văn bản",)


def type_code_disagrees(doc_type: str, type_code: str | None) -> bool:
    """Whether a symbol's type code is another type's than the type word cited with it
    (``Kế hoạch số 1109/QĐ-UBND``: a slip in one of them, tb-kl-pci-2026-du-thao).

    >>> type_code_disagrees("Kế hoạch", "QĐ"), type_code_disagrees("Kế hoạch", "KH")
    (True, False)
    >>> type_code_disagrees("Quy định", "QĐ"), type_code_disagrees("Công văn", None)
    (False, False)
    """
    return type_code is not None and type_code in TYPE_CODES and doc_type in CODES_OF_TYPE \
        and doc_type not in ANY_TYPE_CODE and type_code not in CODES_OF_TYPE[doc_type] \
        and type_code not in CODES_ALSO_OF_TYPE.get(doc_type, frozenset())


def doc_type_of_number(type_code: str | None, convention: str | None, *, has_issuer: bool,
                       year: int | None = None) -> str | None:
    """The type a document's own number names when the header states no type name: the type
    whose code it is (the shortest name of those sharing it: ``TB`` → ``Thông báo``), and a
    state number with no type code (``4409/BCA-C04``) is a Công văn (Nghị định 30/2020/NĐ-CP,
    Phụ lục III: a công văn's symbol holds only the issuer's and the drafting unit's codes).

    >>> doc_type_of_number("CV", "party", has_issuer=True), doc_type_of_number("TB", "state", has_issuer=True)
    ('Công văn', 'Thông báo')
    >>> doc_type_of_number(None, "state", has_issuer=True), doc_type_of_number(None, "state", has_issuer=False)
    ('Công văn', None)

    A number with a year (``56/2010/QH12``) is a legal normative text's, never a công văn's:

    >>> doc_type_of_number(None, "state", has_issuer=True, year=2010) is None
    True
    """
    if type_code is None:
        return "Công văn" if has_issuer and convention == "state" and year is None else None
    names = [d["name"] for d in DOC_TYPES if (d["party"] if convention == "party" else d["state"]) == type_code]
    if names:
        return min(names, key=len)
    return ABBREVIATIONS.get(type_code)
