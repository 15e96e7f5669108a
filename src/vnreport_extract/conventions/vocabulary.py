"""Words with a fixed canonical spelling: authorities, position titles, signing
authority marks, and the measured nouns of figures."""

from __future__ import annotations

# Authorities (cơ quan ban hành) as cited after ``của``; matched case- and accent-insensitively.
AUTHORITIES: list[str] = [
    "Thủ tướng Chính phủ", "Phó Thủ tướng Chính phủ", "Chính phủ", "Quốc hội", "Ủy ban Thường vụ Quốc hội",
    "Chủ tịch nước", "Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương", "Ban Chấp hành Trung ương Đảng",
    "Ban Bí thư Trung ương", "Ban Bí thư Trung ương Đảng", "Ban Bí thư Trung ương Đoàn",
    "Ban Chấp hành Trung ương Đoàn",
    "Văn phòng Chính phủ", "Bộ Nội vụ", "Bộ Công an", "Bộ Tài chính", "Bộ Tư pháp", "Bộ Y tế",
    "Bộ Thông tin và Truyền thông", "Bộ Kế hoạch và Đầu tư", "Bộ Giáo dục và Đào tạo", "Tỉnh ủy", "Huyện ủy",
    "Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Huyện ủy", "Đảng ủy", "HĐND tỉnh", "UBND tỉnh", "UBND huyện",
    "UBND xã", "Ủy ban nhân dân tỉnh", "Ủy ban nhân dân huyện", "Ủy ban nhân dân xã", "Hội đồng nhân dân tỉnh",
    "Ủy ban Mặt trận Tổ quốc Việt Nam", "Thanh tra Chính phủ",
    # National bodies that issue joint documents with the ministries (Thông tư liên tịch số
    # 527/TTLT/TTCP-BNV-UBKTTW of the Thanh tra Chính phủ, the Bộ Nội vụ and the Ủy ban Kiểm tra Trung ương).
    "Ủy ban Kiểm tra Trung ương", "Ban Tổ chức Trung ương", "Ban Tuyên giáo Trung ương", "Ban Dân vận Trung ương",
    "Ban Nội chính Trung ương", "Văn phòng Trung ương Đảng", "Tòa án nhân dân tối cao",
    "Viện kiểm sát nhân dân tối cao", "Kiểm toán nhà nước", "Ngân hàng Nhà nước Việt Nam",
    "Bảo hiểm xã hội Việt Nam", "Tổng Liên đoàn Lao động Việt Nam",
]

# Fields of ministries and of provincial departments (ngành): ``Bộ Tài nguyên và Môi trường``,
# ``Sở Văn hóa, Thể thao và Du lịch``; the parts of a name that a comma splits are listed apart.
SECTORS: list[str] = [
    "Nội vụ", "Tài chính", "Tư pháp", "Y tế", "Công an", "Quốc phòng", "Ngoại giao", "Công Thương",
    "Xây dựng", "Giao thông vận tải", "Kế hoạch và Đầu tư", "Giáo dục và Đào tạo", "Thông tin và Truyền thông",
    "Tài nguyên và Môi trường", "Nông nghiệp và Phát triển nông thôn", "Nông nghiệp và Môi trường",
    "Khoa học và Công nghệ", "Văn hóa", "Thể thao và Du lịch", "Lao động", "Thương binh và Xã hội",
    "Dân tộc và Tôn giáo", "Tài nguyên", "Môi trường", "Du lịch",
]

# The parts of SECTORS that are no whole sector's name: no ministry or department is named by one.
SECTOR_PARTS: frozenset[str] = frozenset({
    "Văn hóa", "Thể thao và Du lịch", "Lao động", "Thương binh và Xã hội", "Tài nguyên", "Môi trường", "Du lịch",
})

# Sectors whose names hold a comma or a dash, as ministries and departments are named (``Sở Văn
# hóa, Thể thao và Du lịch``, ``Bộ Lao động - Thương binh và Xã hội``): in a body's name the mark
# does not end it.
MARKED_SECTORS: list[str] = [
    "Văn hóa, Thể thao và Du lịch", "Lao động - Thương binh và Xã hội", "Lao động, Thương binh và Xã hội",
]

# Position titles (chức vụ) of a signer, canonical spelling.
POSITIONS: list[str] = [
    "Chủ tịch", "Phó Chủ tịch", "Thường trực", "Giám đốc", "Phó Giám đốc", "Bí thư", "Phó Bí thư",
    "Trưởng ban", "Phó Trưởng ban", "Chánh Văn phòng", "Phó Chánh Văn phòng", "Trưởng phòng",
    "Phó Trưởng phòng", "Bộ trưởng", "Thứ trưởng", "Thủ tướng", "Phó Thủ tướng", "Chủ nhiệm", "Phó Chủ nhiệm",
    "Cục trưởng", "Phó Cục trưởng", "Chi cục trưởng", "Tổng cục trưởng", "Viện trưởng", "Hiệu trưởng",
    "Chánh Thanh tra", "Phó Chánh Thanh tra", "Tổng Thanh tra", "Phó Tổng Thanh tra", "Trưởng Công an",
    "Tổng Thư ký", "Thư ký", "Tổng Bí thư", "Vụ trưởng", "Phó Vụ trưởng", "Viện phó", "Cục phó",
]

SIGNING_AUTHORITIES = ("TM.", "KT.", "TL.", "TUQ.")

# The titles of a deputy (cấp phó), who alone signs ``KT.`` (ký thay) for the head: ``KT. GIÁM ĐỐC``
# / ``PHÓ GIÁM ĐỐC`` (``P. GIÁM ĐỐC``, ``PGĐ``, ``PCT``), ``KT. BỘ TRƯỞNG`` / ``THỨ TRƯỞNG``; matched
# at the start of the position. A head's title and ``phó`` (``VIỆN PHÓ``, ``CỤC PHÓ``) is one too.
DEPUTY_TITLES: list[str] = ["Phó", "Thứ trưởng", "P.", "PGĐ", "PCT"]
DEPUTY_AFTER = "phó"
# Short forms of a title's first word before a position, spelt out in the record
# (``P. GIÁM ĐỐC`` is ``Phó Giám đốc``); a whole position abbreviated (``PGĐ``) stays as written.
TITLE_ABBREVIATIONS: dict[str, str] = {"P.": "Phó"}

# Military and police ranks (cấp bậc hàm) written before a signer's name.
RANKS: list[str] = [
    "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá",
    "Đại úy", "Thượng úy", "Trung úy", "Thiếu úy",
]

# Measured nouns of figures, longest first where one starts another. Each is written
# as it appears in running text; examples in tests/test_figures.py.
UNITS: list[str] = [
    "%", "ha", "km2", "km²", "m2", "m²", "m3", "km", "m", "kg", "tấn", "tạ",
    "nghìn tỷ đồng", "tỷ đồng", "triệu đồng", "nghìn đồng", "ngàn đồng", "đồng chí", "đồng", "tỷ USD", "triệu USD",
    "nghìn USD", "USD", "tỷ", "triệu", "VNĐ", "VND", "đ",
    "hộ", "nhân khẩu", "khẩu", "người", "lao động", "dân tộc", "chi bộ", "đảng bộ", "đảng viên",
    "hồ sơ", "thủ tục", "TTHC", "lĩnh vực", "xã", "phường", "thị trấn", "thôn", "tổ dân phố", "bản", "làng",
    "cơ quan", "đơn vị", "văn bản", "cuộc", "lượt", "buổi", "lớp", "học viên", "cán bộ", "công chức",
    "viên chức", "doanh nghiệp", "hợp tác xã", "trường", "học sinh", "giáo viên", "ca", "vụ việc", "vụ",
    "đơn thư", "đơn", "kiến nghị", "phiếu", "tin bài", "tin", "bài", "dự án", "công trình", "mô hình",
    "sáng kiến", "chỉ tiêu", "tiêu chí", "nhiệm vụ", "thành viên", "hội viên", "hội", "tổ chức", "đối tượng",
    "trường hợp", "dịch vụ công", "máy", "bộ", "thiết bị", "cái", "chiếc", "con", "điểm", "đoàn",
    "hội nghị", "đợt", "trang", "tài khoản", "giấy phép", "ý kiến", "nội dung", "cá nhân", "tập thể",
    "cấp", "tỉnh", "huyện", "dự thảo", "phóng viên", "hệ thống", "lãnh đạo", "phản ánh", "xe", "gia đình",
    "tổ", "đội", "nhóm", "phòng", "sở", "ban", "ngành", "cơ sở", "điểm cầu", "lớp học", "quyết định",
    "cấp ủy viên", "cấp ủy", "ủy viên", "hội đồng", "biên chế", "chuyên viên", "địa phương", "căn nhà", "căn hộ",
    "hoạt động", "sản phẩm", "nghị quyết", "kế hoạch", "chương trình", "báo cáo", "đại biểu", "chi cục",
    "chứng thư", "phóng sự", "túi", "cuốn", "đảng ủy", "đảng uỷ",
]

# Units written right after the number, with no space (``72m2``, ``15.000.000đ``, ``100ha``): a
# number glued to any other letters is no quantity (``12a``, ``4G``).
GLUED_UNITS: list[str] = ["km2", "km²", "km", "m2", "m²", "m3", "m", "ha", "kg", "đ", "VNĐ", "VND", "USD"]

# Amounts written in two units of money, the larger first (``2 tỷ 500 triệu đồng``: 2,5 tỷ đồng):
# each unit with the next smaller one and how many of it make one of the larger.
MONEY_STEPS: dict[str, tuple[str, int]] = {"tỷ": ("triệu", 1000), "triệu": ("nghìn", 1000)}
# The smaller unit's other spellings.
MONEY_STEP_SPELLINGS: dict[str, tuple[str, ...]] = {"nghìn": ("nghìn", "ngàn")}

# A unit word that opens another word with the word after it: ``01 ban hành`` (Mẫu số 01 ban
# hành kèm theo ...) is no count of boards.
NOT_UNIT_BEFORE: dict[str, tuple[str, ...]] = {"ban": ("hành",)}

# Words after which a number is a label, not a quantity: ``Điều 5 Quyết định số 28/2025/QĐ-TTg``,
# ``Mẫu số 01 ban hành kèm theo``, ``ô số 14 trang thứ nhất``, ``phản biện 1 Hội đồng``. ``Điều``
# only with its capital (``đã điều 150 cán bộ`` sends officers).
LABEL_WORDS: tuple[str, ...] = (
    "khoản", "mẫu", "mẫu số", "biểu", "biểu số", "biểu mẫu", "phụ lục", "phụ lục số", "ô số",
    "phiếu số", "bảng số", "chương", "mục", "tiểu mục", "phần", "phản biện",
)
LABEL_WORDS_CAPITALISED: tuple[str, ...] = ("Điều",)
# ... unless the word before makes another word of the label: ``danh mục 72 dự án``, ``hạng mục 5
# công trình``, ``thành phần 15 người``, ``chuyên mục``.
LABEL_COMPOUNDS: frozenset[tuple[str, str]] = frozenset({
    ("danh", "mục"), ("hạng", "mục"), ("chuyên", "mục"), ("thành", "phần"), ("bộ", "phần"), ("cổ", "phần"),
    ("một", "phần"), ("từng", "phần"), ("các", "khoản"), ("những", "khoản"),
})

# Words after a number that make it a duration, an ordinal or a time, not a figure.
TIME_WORDS = ("ngày", "tháng", "năm", "quý", "tuần", "giờ", "phút", "giây", "lần", "kỳ", "khóa", "nhiệm kỳ")

# Provinces and centrally-run cities, before and after the 2025 merger (tỉnh, thành phố trực
# thuộc trung ương): the places of a header's ``<place>, ngày ...`` line and of issuers' names.
PROVINCES: list[str] = [
    "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định",
    "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông", "Điện Biên",
    "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương", "Hậu Giang", "Hòa Bình",
    "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An",
    "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam",
    "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên",
    "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc",
    "Yên Bái", "Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Hồ Chí Minh", "Huế",
]

# Phrases of upper-case header and signature lines (tên cơ quan, tên loại, chức vụ) with their
# one spelling, beside the type names and the provinces. OCR of capitals often loses one of two
# stacked diacritics (``ĐỀ`` → ``ĐÈ``, ``TRUYỀN`` → ``TRUYÈN``); a run of words that folds to
# one of these takes its spelling (``readers.ocr.fix_capitals``).
HEADER_PHRASES: list[str] = [
    # qualifiers of a type name
    "ĐỀ XUẤT", "TÓM TẮT", "TỔNG HỢP", "THẨM ĐỊNH", "THẨM TRA", "GIẢI TRÌNH", "KẾT QUẢ", "SƠ KẾT",
    "TỔNG KẾT", "CHUYÊN ĐỀ", "NHANH", "ĐỊNH KỲ", "ĐÁNH GIÁ", "LIÊN TỊCH", "HÀNH ĐỘNG", "PHỐI HỢP",
    # headings and bodies
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM",
    "ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "MẶT TRẬN TỔ QUỐC", "CÔNG AN", "BỘ CÔNG AN",
    "BỘ QUỐC PHÒNG", "BỘ NỘI VỤ", "BỘ TÀI CHÍNH", "BỘ TƯ PHÁP", "BỘ Y TẾ", "SỞ NỘI VỤ", "SỞ TÀI CHÍNH",
    "SỞ TƯ PHÁP", "SỞ Y TẾ", "VĂN PHÒNG", "TỈNH ỦY", "TỈNH UỶ", "HUYỆN ỦY", "HUYỆN UỶ", "ĐẢNG ỦY", "ĐẢNG UỶ",
    "BAN CHỈ ĐẠO", "BAN THƯỜNG VỤ", "ĐẢNG BỘ", "CHI BỘ", "TỈNH", "HUYỆN", "THÀNH PHỐ", "THỊ XÃ", "XÃ",
    "PHƯỜNG", "THỊ TRẤN", "ĐẶC KHU", "PHÒNG", "CỤC", "CHI CỤC", "TRUNG TÂM", "BAN", "SỞ", "BỘ",
    "LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "VĂN HÓA, THỂ THAO VÀ DU LỊCH",
    "BAN QUẢN LÝ", "KHU CÔNG NGHIỆP", "CÁC KHU CÔNG NGHIỆP", "BAN QUẢN LÝ CÁC KCN", "BỘ PHẬN", "THƯỜNG TRỰC", "CHỈ ĐẠO",
    "THỰC HIỆN", "NGHỊ QUYẾT", "QUYẾT", "PHÁT TRIỂN", "TRIỂN", "BAN CHẤP HÀNH", "TRUNG ƯƠNG",
    "BỘ CHÍNH TRỊ", "BAN BÍ THƯ",
    # a programme's steering board (cv-1139, 2012: ``BAN ĐIỂU HÀNH CHƯƠNG TRÌNH ...`` as read)
    "BAN ĐIỀU HÀNH",
    # a council (a biên bản's ``HỘI ĐỒNG THẨM ĐỊNH``, Lâm Đồng 2025, read ``HỘI ĐÒNG``)
    "HỘI ĐỒNG",
    # positions
    "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "BÍ THƯ",
    "PHÓ BÍ THƯ", "TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "CHÁNH VĂN PHÒNG", "THỦ TRƯỞNG",
    # the fields of ministries and departments (``SỞ THÔNG TIN VÀ TRUYỀN THÔNG``)
    *(sector.upper() for sector in SECTORS),
]

# A body's standing committee, named on a line of its own over the body it belongs to: the two
# lines are one issuer (``THƯỜNG TRỰC`` / ``HĐND - UBND HUYỆN ĐẦM DƠI``, ``BAN THƯỜNG TRỰC`` /
# ``ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH PHÚ YÊN``, ``BAN THƯỜNG VỤ`` / ``HUYỆN ỦY ...``).
STANDING_COMMITTEES: tuple[str, ...] = ("THƯỜNG TRỰC", "BAN THƯỜNG TRỰC", "THƯỜNG VỤ", "BAN THƯỜNG VỤ")

# Bodies' names as offices shorten them (``CHỦ TỊCH HĐND TỈNH`` under ``TM. HỘI ĐỒNG NHÂN DÂN``).
BODY_ABBREVIATIONS: dict[str, str] = {
    "HĐND": "Hội đồng nhân dân", "UBND": "Ủy ban nhân dân", "MTTQ": "Mặt trận Tổ quốc",
}

# How a ``Kính gửi`` item that is not a body's name opens (``Các Sở, cơ quan thuộc UBND tỉnh``,
# ``Thường trực HĐND tỉnh``, ``Đồng chí Chủ tịch UBND tỉnh``, ``Bà Bùi Thu Hằng``).
ADDRESSEE_OPENINGS: list[str] = ["Các", "Thường trực", "Đồng chí", "Ông", "Bà", "Ban", "Thành viên"]

# Recipients that every office writes in its ``Nơi nhận`` (capitalised, as listed there): a run
# of words of a recipient line that folds to one of these takes its spelling
# (``readers.ocr_words``: ``Lãnh đạo Sử`` → ``Lãnh đạo Sở``, ``Tô công tác`` → ``Tổ công tác``).
RECIPIENT_PHRASES: list[str] = [
    "Như trên", "Như kính gửi", "Như Điều", "Lãnh đạo Sở", "Lãnh đạo Ban", "Lãnh đạo Văn phòng",
    "Lãnh đạo UBND", "Lãnh đạo Cục", "Lãnh đạo Bộ", "Lãnh đạo Phòng", "Tổ công tác", "Thành viên Tổ công tác",
    "Thường trực Tỉnh ủy", "Thường trực HĐND", "Ban Thường vụ", "Các đơn vị thuộc Sở", "Các phòng thuộc Sở",
]

# Why a copy goes to a recipient, in brackets after it in ``Nơi nhận`` (``- Đ/c Bộ trưởng (để báo
# cáo);``, ``- V01, V03 (để theo dõi);``): a bracket opening with one of these folded (``(đề báo
# cáo)``, ``(đê theo dõi)`` as OCR reads them) takes its spelling (``readers.ocr_words``).
RECIPIENT_PURPOSES: list[str] = [
    "để báo cáo", "để biết", "để thực hiện", "để theo dõi", "để phối hợp", "để chỉ đạo", "để tổng hợp",
    "để kiểm tra", "để giám sát", "để thi hành", "để đăng tải", "để đăng tin", "để tham mưu", "để chủ trì",
]
# Words a sentence cannot end with (a preposition, a conjunction, a plural marker): a line
# ending with one goes on in the next line, whatever that line's case (``... quy định tại`` /
# ``Quy định này gồm ...``; a trích yếu ``... của`` / ``Ủy ban nhân dân tỉnh``).
OPEN_END_WORDS: list[str] = ["của", "và", "về", "cho", "tại", "trên", "với", "đối với", "theo", "giữa", "thuộc",
                             "do", "các", "những", "trong"]
# The phrases that end with one of them and still end a noun phrase (``Tình hình hiện tại``,
# ``thời gian tiếp theo``, ``các đơn vị trực thuộc``, ``Lý do``, ``nêu trên``): after them a text's
# line does not go on by that word alone.
OPEN_END_PHRASES_CLOSED: list[str] = ["hiện tại", "tiếp theo", "sau đây", "trực thuộc", "lý do", "nêu trên",
                                      "như trên", "ở trên", "bên trong", "ở trong", "sau đó", "trước đó"]

# ... and their abbreviations (``(để b/c)``, ``(để p/h)``), after which ``để`` is certain: an OCR's
# ``đề``/``đê`` there is ``để`` (``Đ/c Bộ trưởng (đề b/cáo)``).
RECIPIENT_PURPOSE_ABBREVIATIONS: list[str] = ["b/c", "b/cáo", "p/h", "p/hợp", "t/h", "th/h"]

# What opens the trích yếu of a document cited by its number, right after the symbol (its date,
# its author): ``Nghị định số 184/2025/NĐ-CP ngày 01/7/2025 của Chính phủ quy định phân định thẩm
# quyền khi tổ chức chính quyền địa phương 02 cấp``, ``Kế hoạch số 12/KH-UBND về ...``,
# ``Thông tư số 01/2010/TT-TTCP hướng dẫn ...``. Numbers in it name the cited document (``02
# cấp``), they are no figures of the report.
CITED_TITLE_OPENERS: list[str] = ["về việc", "về", "v/v", "quy định", "hướng dẫn", "ban hành", "phê duyệt"]
# Words that end such a title where no comma does: the report's own clause goes on (``... về
# giảm nghèo đến nay đã hỗ trợ 62 hộ``, ``... toàn xã giảm 62 hộ``, ``... với tổng vốn 1.200 tỷ
# đồng``). A title cut short keeps its numbers as figures, the safe side.
CITED_TITLE_ENDS: list[str] = [
    "đã", "đang", "sẽ", "được", "đến nay", "trong đó", "kết quả", "với", "toàn", "gồm", "có", "đạt", "tăng",
    "giảm", "hỗ trợ", "thì", "nhưng", "nên", "tuy nhiên", "qua đó", "theo đó", "đồng thời",
]

# A body after a comma inside a cited document's subject, then a tense word before a verb, show
# the report's own clause has begun (``... năm 2025, Ủy ban nhân dân tỉnh đã ban hành Kế hoạch ...``,
# ``..., các cơ quan, đơn vị đã xây dựng kế hoạch``, ``..., xã đã tặng 150 suất quà``): the subject ends
# at that comma. (Not a comma inside the subject: ``..., nâng cao năng lực cạnh tranh``.)
# Openers are matched as written (``Sở``, not ``sở hữu``; ``Ban``, not ``ban hành``).
SUBJECT_CLAUSE_OPENERS: list[str] = [
    "Ủy ban nhân dân", "UBND", "các cơ quan", "các đơn vị", "các sở", "các ngành", "các địa phương", "các cấp",
    "Sở", "Ban", "Phòng", "Bộ", "Công an", "Thanh tra", "Chủ tịch", "Thường trực", "toàn tỉnh", "toàn huyện",
    "toàn xã", "chúng tôi",
]
# ... and a place word only right before the tense word (``..., xã đã tặng``; not ``xã hội``).
SUBJECT_CLAUSE_PLACES: list[str] = ["xã", "phường", "huyện", "tỉnh"]
SUBJECT_CLAUSE_VERBS: list[str] = ["đã", "đang", "sẽ"]
# ... or one of these verbs, of a report's opening sentence, after the body (``... định kỳ, Ủy ban nhân
# dân tỉnh Lâm Đồng báo cáo kết quả ...``, ``..., Chủ tịch Ủy ban nhân dân tỉnh có ý kiến như sau``).
REPORTING_VERBS: list[str] = ["báo cáo", "ban hành", "chỉ đạo", "triển khai", "đề nghị", "có ý kiến", "kính trình"]
# ... or these words right after the comma, which go on with the report's sentence, never a title:
# ``... quản lý hội, có hiệu lực thi hành từ 26/11/2024, thay thế Nghị định số 45/2010/NĐ-CP``
# (ttr-3367-ttr-snv-binh-thuan-2024), ``..., trong đó có nêu`` (ban-tu-khai-bql-kcn-2012). (Not
# ``thay thế`` alone: ``về việc bãi bỏ, thay thế một số quyết định`` is a title's.)
SUBJECT_CLAUSE_AFTER_COMMA: list[str] = ["có hiệu lực thi hành", "có hiệu lực từ", "có hiệu lực kể từ", "trong đó"]
# What a subject read on into the report's sentence goes on with, right after the title another
# mention of the same document ends with (``quản lý hội`` / ``quản lý hội cho phù hợp với tình hình
# ...``, bc-quan-ly-hoi-2025; ``... chỉ quy định về việc``, cv-8977-bnv-tcpcp-2025).
SUBJECT_RUN_ON_WORDS: list[str] = ["cho phù hợp", "chỉ", "để", "nhằm", "đã", "đang", "sẽ", "thì", "trong đó"]

# What a document does, written right after its body's name (with a capital, as a title's words
# often are: ``của Bộ Tài chính Sửa đổi, bổ sung Thông tư ...``, ``của Bộ trưởng Bộ Thông tin và
# Truyền thông Công bố Định mức ...``): the body's name ends before it.
AUTHORITY_ENDING_VERBS: list[str] = [
    "sửa đổi", "bổ sung", "công bố", "ban hành", "hướng dẫn", "quy định", "phê duyệt", "thành lập", "về việc",
]

# Vietnamese family names (họ), the first word of a signer's name: an OCR reading one accent
# off (``Trân Văn Thanh``) folds to exactly one of them.
SURNAMES: list[str] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
    "Dương", "Lý", "Đào", "Đoàn", "Vương", "Trịnh", "Đinh", "Lâm", "Phùng", "Mai", "Tô", "Trương", "Hà",
    "Lưu", "Lương", "Cao", "Tạ", "Thân", "Lại", "Kiều", "Chu", "Triệu", "Quách", "Thái", "Tăng", "La", "Lục",
    "Nông", "Hứa", "Âu", "Khổng", "Mạc", "Tôn", "Từ", "Đàm", "Cù", "Giang", "Châu", "Diệp", "Đường", "Hầu",
    "Phí", "Lã", "Bạch", "Nghiêm", "Doãn", "Tống", "Khúc", "Ninh", "Giáp", "Thạch", "Âu Dương", "Lữ", "Mạnh",
    "Ông", "Quan", "Tiêu", "Yên", "Khương", "Văn", "Hàn", "Kha", "Sầm", "Lò", "Vi",
    # family names of the Thái, Hmông, Tày, Nùng, Dao ... (họ của các dân tộc thiểu số)
    "Tòng", "Giàng", "Lường", "Vì", "Cầm", "Quàng", "Sùng", "Thào", "Mùa", "Hảng", "Vàng", "Lầu", "Bế",
    "Lù", "Lý", "Hờ", "Sình", "Chảo", "Bàn", "Triệu", "Lèo", "Khà", "Mè", "Nịnh", "Ma",
    # of the Jrai, Ê Đê, Ba Na ... of the Tây Nguyên, and of the Khmer
    "Ksor", "Siu", "Rơ Mah", "Rah Lan", "Nay", "Kpă", "Rơ Châm", "Kpuiih", "Niê", "Mlô", "Êban", "Byă",
    "Danh", "Sơn", "Kim", "Chau", "Néang",
    # rarer Kinh family names
    "Tất", "Nhữ", "Thang", "Ứng", "Viên", "Trình", "Cung",
]

# Middle names (tên đệm) that most names carry between the family name and the given name: a name
# of two words that starts with one (``Văn Diệu``) lost its family name, though ``Văn`` is also
# a family name of its own.
MIDDLE_NAMES: list[str] = ["Văn", "Thị", "Hữu", "Đức", "Công", "Quang", "Minh", "Ngọc", "Thanh", "Xuân"]
