"""Words with a fixed canonical spelling: authorities, position titles, signing
authority marks, and the measured nouns of figures."""

from __future__ import annotations

# Authorities (cơ quan ban hành) as cited after ``của``; matched case- and accent-insensitively.
AUTHORITIES: list[str] = [
    "Thủ tướng Chính phủ", "Phó Thủ tướng Chính phủ", "Chính phủ", "Quốc hội", "Ủy ban Thường vụ Quốc hội",
    "Chủ tịch nước", "Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương", "Ban Chấp hành Trung ương Đảng",
    "Văn phòng Chính phủ", "Bộ Nội vụ", "Bộ Công an", "Bộ Tài chính", "Bộ Tư pháp", "Bộ Y tế",
    "Bộ Thông tin và Truyền thông", "Bộ Kế hoạch và Đầu tư", "Bộ Giáo dục và Đào tạo", "Tỉnh ủy", "Huyện ủy",
    "Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Huyện ủy", "Đảng ủy", "HĐND tỉnh", "UBND tỉnh", "UBND huyện",
    "UBND xã", "Ủy ban nhân dân tỉnh", "Ủy ban nhân dân huyện", "Ủy ban nhân dân xã", "Hội đồng nhân dân tỉnh",
]

# Position titles (chức vụ) of a signer, canonical spelling.
POSITIONS: list[str] = [
    "Chủ tịch", "Phó Chủ tịch", "Thường trực", "Giám đốc", "Phó Giám đốc", "Bí thư", "Phó Bí thư",
    "Trưởng ban", "Phó Trưởng ban", "Chánh Văn phòng", "Phó Chánh Văn phòng", "Trưởng phòng",
    "Phó Trưởng phòng", "Bộ trưởng", "Thứ trưởng", "Thủ tướng", "Phó Thủ tướng", "Chủ nhiệm", "Phó Chủ nhiệm",
    "Cục trưởng", "Phó Cục trưởng", "Chi cục trưởng", "Tổng cục trưởng", "Viện trưởng", "Hiệu trưởng",
    "Chánh Thanh tra", "Phó Chánh Thanh tra", "Trưởng Công an", "Tổng Thư ký", "Thư ký",
]

SIGNING_AUTHORITIES = ("TM.", "KT.", "TL.", "TUQ.")

# Military and police ranks (cấp bậc hàm) written before a signer's name.
RANKS: list[str] = [
    "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá",
    "Đại úy", "Thượng úy", "Trung úy", "Thiếu úy",
]

# Measured nouns of figures, longest first where one starts another. Each is written
# as it appears in running text; examples in tests/test_figures.py.
UNITS: list[str] = [
    "%", "ha", "km2", "km²", "m2", "m²", "m3", "km", "m", "kg", "tấn", "tạ",
    "nghìn tỷ đồng", "tỷ đồng", "triệu đồng", "nghìn đồng", "ngàn đồng", "đồng", "USD", "tỷ", "triệu",
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
]

# Words after a number that make it a duration, an ordinal or a time, not a figure.
TIME_WORDS = ("ngày", "tháng", "năm", "quý", "tuần", "giờ", "phút", "giây", "lần", "kỳ", "khóa", "nhiệm kỳ")
