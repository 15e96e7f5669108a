"""Legacy Vietnamese font encodings (bảng mã cũ): TCVN3 (ABC) and VNI → Unicode.

Before Unicode, Vietnamese was typed in 8-bit fonts that draw Vietnamese letters at
Latin-1 code points: TCVN3 fonts (``.VnTime``, ``.VnArial``; bảng mã TCVN3/ABC, TCVN
5712:1993 VN3) and VNI fonts (``VNI-Times``; bảng mã VNI Windows). A DOCX or PDF reader
hands that text over as the Latin-1 characters it stores, so ``Cộng hoà`` arrives as
``Céng hoµ`` (TCVN3) or ``Coäng hoøa`` (VNI). This module finds such text — by font
name, and by character statistics when no font is known — and converts it.

- :func:`encoding_of_font`: ``.VnTime`` → ``"tcvn3"``, ``.VnTimeH`` → ``"tcvn3h"``,
  ``VNI-Times`` → ``"vni"``.
- :func:`detect`: ``"tcvn3"`` / ``"vni"`` when a text reads better converted than as it is.
- :func:`to_unicode`: the conversion itself (``str.translate`` / one precompiled regex).
- :func:`fix_text`: what a reader calls on each run or paragraph.

A legacy font name alone does not prove legacy text: templates keep ``.VnTime`` or
``VNI-Times`` as the ``Normal`` style long after their text became Unicode (two
documents of the real corpus do), so :func:`fix_text` converts a line only when the
converted text reads at least as well as the original.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from typing import Final, Literal

__all__ = ["TCVN3", "VNI", "Encoding", "detect", "encoding_of_font", "fix_text", "to_unicode"]

Encoding = Literal["tcvn3", "tcvn3h", "vni"]

# --- Data -----------------------------------------------------------------------------

# TCVN3 (TCVN 5712:1993 VN3, the ABC fonts): 67 lowercase letters and the 7 uppercase
# base letters Ă Â Ê Ô Ơ Ư Đ at 0xA1–0xFE; ASCII unchanged. Uppercase letters with a
# tone do not exist in VN3: they are the lowercase codes drawn by a capital font
# (.VnTimeH), hence the ``tcvn3h`` encoding. Source: TCVN 5712:1993; checked against
# glibc iconv's TCVN5712-1 (whose 0xA1–0xFE lowercase positions VN3 shares) and the
# TCVN table of xvnkb (lamdao/xvnkb, tcvn.h). Rows: vowel, then sắc, huyền, hỏi, ngã,
# nặng. 0xAD — TCVN3's ư — is the soft hyphen of Latin-1: readers must keep it.
TCVN3: Final[dict[str, str]] = {
    "\u00b8": "á", "\u00b5": "à", "\u00b6": "ả", "\u00b7": "ã", "\u00b9": "ạ",
    "\u00a8": "ă", "\u00be": "ắ", "\u00bb": "ằ", "\u00bc": "ẳ", "\u00bd": "ẵ", "\u00c6": "ặ",
    "\u00a9": "â", "\u00ca": "ấ", "\u00c7": "ầ", "\u00c8": "ẩ", "\u00c9": "ẫ", "\u00cb": "ậ",
    "\u00d0": "é", "\u00cc": "è", "\u00ce": "ẻ", "\u00cf": "ẽ", "\u00d1": "ẹ",
    "\u00aa": "ê", "\u00d5": "ế", "\u00d2": "ề", "\u00d3": "ể", "\u00d4": "ễ", "\u00d6": "ệ",
    "\u00dd": "í", "\u00d7": "ì", "\u00d8": "ỉ", "\u00dc": "ĩ", "\u00de": "ị",
    "\u00e3": "ó", "\u00df": "ò", "\u00e1": "ỏ", "\u00e2": "õ", "\u00e4": "ọ",
    "\u00ab": "ô", "\u00e8": "ố", "\u00e5": "ồ", "\u00e6": "ổ", "\u00e7": "ỗ", "\u00e9": "ộ",
    "\u00ac": "ơ", "\u00ed": "ớ", "\u00ea": "ờ", "\u00eb": "ở", "\u00ec": "ỡ", "\u00ee": "ợ",
    "\u00f3": "ú", "\u00ef": "ù", "\u00f1": "ủ", "\u00f2": "ũ", "\u00f4": "ụ",
    "\u00ad": "ư", "\u00f8": "ứ", "\u00f5": "ừ", "\u00f6": "ử", "\u00f7": "ữ", "\u00f9": "ự",
    "\u00fd": "ý", "\u00fa": "ỳ", "\u00fb": "ỷ", "\u00fc": "ỹ", "\u00fe": "ỵ",
    "\u00ae": "đ",
    "\u00a1": "Ă", "\u00a2": "Â", "\u00a3": "Ê", "\u00a4": "Ô", "\u00a5": "Ơ", "\u00a6": "Ư", "\u00a7": "Đ",
}

# VNI Windows (the VNI-* fonts): a base letter followed by a mark character drawn over
# it (ù sắc, ø huyền, û hỏi, õ ngã, ï nặng; â circumflex and á à å ã ä for â/ê/ô with a
# tone; ê breve and é è ú ü ë for ă with a tone); ơ ư đ, the toned i and ỵ are single
# characters. Source: the VNI table of xvnkb (lamdao/xvnkb, vni.h), same order.
VNI: Final[dict[str, str]] = {
    "aù": "á", "aø": "à", "aû": "ả", "aõ": "ã", "aï": "ạ",
    "aê": "ă", "aé": "ắ", "aè": "ằ", "aú": "ẳ", "aü": "ẵ", "aë": "ặ",
    "aâ": "â", "aá": "ấ", "aà": "ầ", "aå": "ẩ", "aã": "ẫ", "aä": "ậ",
    "eù": "é", "eø": "è", "eû": "ẻ", "eõ": "ẽ", "eï": "ẹ",
    "eâ": "ê", "eá": "ế", "eà": "ề", "eå": "ể", "eã": "ễ", "eä": "ệ",
    "où": "ó", "oø": "ò", "oû": "ỏ", "oõ": "õ", "oï": "ọ",
    "oâ": "ô", "oá": "ố", "oà": "ồ", "oå": "ổ", "oã": "ỗ", "oä": "ộ",
    "ô": "ơ", "ôù": "ớ", "ôø": "ờ", "ôû": "ở", "ôõ": "ỡ", "ôï": "ợ",
    "uù": "ú", "uø": "ù", "uû": "ủ", "uõ": "ũ", "uï": "ụ",
    "ö": "ư", "öù": "ứ", "öø": "ừ", "öû": "ử", "öõ": "ữ", "öï": "ự",
    "yù": "ý", "yø": "ỳ", "yû": "ỷ", "yõ": "ỹ", "î": "ỵ",
    "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị",
    "ñ": "đ",
    "AÙ": "Á", "AØ": "À", "AÛ": "Ả", "AÕ": "Ã", "AÏ": "Ạ",
    "AÊ": "Ă", "AÉ": "Ắ", "AÈ": "Ằ", "AÚ": "Ẳ", "AÜ": "Ẵ", "AË": "Ặ",
    "AÂ": "Â", "AÁ": "Ấ", "AÀ": "Ầ", "AÅ": "Ẩ", "AÃ": "Ẫ", "AÄ": "Ậ",
    "EÙ": "É", "EØ": "È", "EÛ": "Ẻ", "EÕ": "Ẽ", "EÏ": "Ẹ",
    "EÂ": "Ê", "EÁ": "Ế", "EÀ": "Ề", "EÅ": "Ể", "EÃ": "Ễ", "EÄ": "Ệ",
    "OÙ": "Ó", "OØ": "Ò", "OÛ": "Ỏ", "OÕ": "Õ", "OÏ": "Ọ",
    "OÂ": "Ô", "OÁ": "Ố", "OÀ": "Ồ", "OÅ": "Ổ", "OÃ": "Ỗ", "OÄ": "Ộ",
    "Ô": "Ơ", "ÔÙ": "Ớ", "ÔØ": "Ờ", "ÔÛ": "Ở", "ÔÕ": "Ỡ", "ÔÏ": "Ợ",
    "UÙ": "Ú", "UØ": "Ù", "UÛ": "Ủ", "UÕ": "Ũ", "UÏ": "Ụ",
    "Ö": "Ư", "ÖÙ": "Ứ", "ÖØ": "Ừ", "ÖÛ": "Ử", "ÖÕ": "Ữ", "ÖÏ": "Ự",
    "YÙ": "Ý", "YØ": "Ỳ", "YÛ": "Ỷ", "YÕ": "Ỹ", "Î": "Ỵ",
    "Í": "Í", "Ì": "Ì", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị",
    "Ñ": "Đ",
}

# Vietnamese syllable structure (âm đầu + vần), toneless, for telling readable
# Vietnamese from mojibake. The rhyme list is the standard inventory; checked against the
# syllables of underthesea's Viet74K dictionary (99 % pass; the rest are loanwords).
_ONSETS: Final = "ngh ng nh ch gh gi kh ph qu th tr b c d đ g h k l m n p r s t v x".split()  # noqa: SIM905
_RHYMES: Final = """
    a ac ach ai am an ang anh ao ap at au ay  ăc ăm ăn ăng ăp ăt  âc âm ân âng âp ât âu ây
    e ec em en eng eo ep et  ê êch êm ên ênh êp êt êu
    i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
    o oc oi om on ong op ot ooc oong  oa oac oach oai oam oan oang oanh oao oap oat oay
    oăc oăm oăn oăng oăt oe oem oen oeo oet  ô ôc ôi ôm ôn ông ôp ôt  ơ ơi ơm ơn ơp ơt
    u ua uc ui um un ung up ut uân uâng uât uây uê uêch uênh uôc uôi uôm uôn uông uôt uơ
    uy uya uych uyn uynh uyp uyt uyu uyên uyêt
    ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
    y yêm yên yêng yêt yêu ych yn ynh yp yt yu
""".split()  # noqa: SIM905

# Syllables with diacritics seen at least 3 times in the VLSP 2013 legal/political text
# that underthesea ships (pos_crf_vlsp2013_20230303/test_output.txt): a frequency prior
# independent of this project's corpus, to break ties such as Unicode "có" against its
# TCVN3 reading "cú".
_COMMON: Final = frozenset("""
    biên biến biết biểu biện biệt buôn buông buổi buộc bài bàn bào bày bác bách bám bán báo bãi bên bình
    bí bó bùi băng bước bạch bạo bản bảo bảy bất bấy bầu bậc bật bắc bắt bằng bền bệnh bị bỏ bố bối bốn
    bồ bồi bổ bộ bộc bội bởi bức chiêu chiếm chiến chiếu chiều chuyên chuyển chuẩn châm chân châu chéo
    chí chính chóng chú chúng chăm chăng chưa chương chấp chất chậm chắc chắn chẳng chặn chặt chẽ chế
    chết chỉ chỉnh chịu chọn chống chồng chỗ chờ chục chủ chứ chứa chức chứng chừng chữ cuối cuộc càng
    cá các cách cái cán cáo cân câu cây còn có công cùng căn cũ cũng cơ cư cương cường cưỡng cạnh cả cải
    cảm cản cảnh cấm cấp cấu cầm cần cầu cận cập cố cốt cổ cộng cụ cục của củng cứ cứng cứu cử cửa cực
    diễn diện doạ duyệt dài dàng dành dân dã dõi dù dùng dĩ dư dương dưới dưỡng dạng dạy dấu dần dầu dẫn
    dễ dịch dốt dụ dục dụng dừng dự dựa dựng ghép giành giàu giá giác giám gián giáo giúp giả giải giảm
    giản giảng giấu giấy giầu giặc giếng giết giống giới giờ giữ giữa gái gây gì gìn góc góp gũi gần gắn
    gắng gắt gặp gọi gọn gốc gồm gửi hiến hiểm hiểu hiện hiệp hiệu hoà hoàn hoá hoè hoạ hoạch hoại hoạt
    hoặc huyện huống huỳnh huỷ hà hài hàm hàng hành hình hút hơn hương hướng hưởng hạ hại hạn hạnh hạt
    hải hầu hậu hẳn hẹp hết hệ họ học họp hỏi hồ hồi hồng hỗ hộ hội hợp hữu khiếm khiếu khoá khoán khoản
    khoảng khuyên khuyến khuyết khuôn khá khác khách khái kháng khâu khí khía khích khó không khăn khả
    khảo khẩn khẩu khắc khẳng khế khỏi khối khổ khởi kiên kiếm kiến kiểm kiểu kiện kèm kém kéo kê kì kí
    ký kĩ kế kết kể kỉ kịp kỳ kỷ kỹ liên liêu liền liệt liệu loài loại loạt luôn luận luật luồng là làm
    làng lành lào lâm lâu lãng lãnh lê lên lí lòng lõi lúc lĩnh lưu lương lưới lưỡng lược lượng lượt lạ
    lạc lại lạm lấn lấy lần lẫn lận lập lậu lẽ lề lệ lệnh lịch lọc lọt lỏng lối lồng lỗi lộ lớn lớp lời
    lợi lục lựa lực miền miễn miệng muốn mà mác máy mâu mã mình mô môi môn mưu mươi mạc mạch mại mạng
    mạnh mất mấy mật mắc mặc mặt mẽ mệnh mọi mối mỗi một mới mở mục mức mực mỹ nghiêm nghiên nghiệm
    nghiệp nghèo nghìn nghĩ nghĩa nghề nghệ nghị ngoài ngoại nguyên nguyễn nguyện nguồn ngài ngành ngày
    ngân ngôn ngăn ngũ người ngưỡng ngược ngại ngừa ngừng ngữ nhiên nhiêu nhiều nhiễm nhiệm nhà nhân
    nhìn nhóm nhũng như nhưng nhượng nhạy nhấn nhất nhận nhập nhật nhắc nhằm nhẹ nhỏ nhờ những niên niệm
    nào này nâng nét nên nêu nòi nòng nó nói nô nông núi năm năng nơi nước nại nạn nảy nắm nằm nặng nếp
    nếu nề nền nối nổi nỗ nội nộp nửa nữa phiên phiếu phá phác phái phán pháp phát phân phép phê phí
    phía phòng phó phóng phù phú phúc phương phường phạm phạt phải phản phấn phần phẩm phận phố phối phổ
    phụ phục phủ phức quyết quyền quá quán quát quân quý quả quản quần quốc quỳnh quỹ riêng ruộng rà
    ràng rành rào rãi rõ rút răng rất rằng rồi rộng rửa soát soạn suốt sàng sách sáng sánh sát sáu sân
    sâu sôi sĩ sơ sư sạch sản sắc sắp sẵn sẽ số sống sộ sớm sở sụp sứ sức sử sửa sự thiên thiết thiếu
    thiểu thiện thiệp thiệt thoái thoát thoả thuyết thuyền thuần thuẫn thuận thuật thuế thuốc thuộc thuỵ
    thành thác thách thái tháng thánh thân thêm thì thích thói thôn thông thù thúc thăng thơ thư thương
    thường thượng thải thảo thấp thất thấu thấy thần thẩm thậm thập thật thắng thế thể thị thịnh thống
    thổ thời thụ thủ thứ thức thừa thử thực tiên tiêu tiến tiếng tiếp tiết tiềm tiền tiểu tiễn tiện toà
    toàn toán triết triều triển triệt triệu truyền trào trách trái tránh trên trì trình trí trò trù trú
    trúc trăm trưng trương trước trường trưởng trạng trả trải trấn trầm trần trận trật trẻ trị trọng
    trốn trở trợ trừ trừng trừu trực tuyên tuyệt tuân tuý tuệ tuổi tuỳ tài tàn tàng tác tách tái tám tán
    tâm tân tây tên tìm tình tích tín tính tóm tôi tôn tông tù tăng tư tương tướng tường tưởng tượng tại
    tạm tạo tạp tả tải tảng tấn tất tầm tầng tận tập tắc tế tệ tỉnh tịch tỏ tố tốc tối tốn tốt tồn tổ
    tổng tộc tội tới tờ tục tụng tủ tức từ từng tử tự tựu tỷ uỷ viên viết viễn việc viện việt và vài
    vàng vào vì ví vòng vô vùng văn vĩ vũ vương vướng vượt vấn vẫn vận vật vậy về vệ vị vọng vốn với vụ
    vừa vững vực xoá xuyên xuất xuống xác xâm xây xã xét xô xúc xưa xảy xấu xếp xứ xứng xử yêu yếu á ác
    ái án ánh áp âu ích ít ông ý ăn đa đai đang đao đe đem đi điều điểm điển điện điệu đoàn đoán đoạn
    đoạt đuổi đàm đào đáng đánh đáo đáp đây đã đình đích đòi đó đói đóng đôi đông đúng đăng đơn đưa
    đương đường được đại đạo đạt đảm đảng đảo đất đấu đầu đầy đẩy đắn đằng đẳng đặc đặt đẹp đế đến đề
    đền đều để địa định đọc đốc đối đồ đồng đổ đổi đỗ độ độc đội động đột đời đỡ đủ đức đứng đựng ưu
    ương ước ảnh ấn ấy ổn ở ủng ứng
""".split())  # noqa: SIM905

# --- Compiled helpers ------------------------------------------------------------------

_TCVN3_TABLE: Final = str.maketrans(TCVN3)
_VNI_PATTERN: Final = re.compile("|".join(sorted(map(re.escape, VNI), key=len, reverse=True)))
# Characters that are not in the repertoire of either legacy reading: any letter of
# Vietnamese Unicode beyond Latin-1 (ă ơ ư đ ĩ ũ and the U+1EA0 block) or a combining
# mark (NFD text). Their presence means the text was stored as Unicode.
_BEYOND_LATIN1: Final = re.compile("[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1"
                                   "\u01af\u01b0\u1ea0-\u1ef9\u0300-\u036f]")
_WORD: Final = re.compile("[A-Za-z\u00a1-\u1eff]+")
_SYLLABLE: Final = re.compile(
    "(?:" + "|".join(_ONSETS) + ")?(?:" + "|".join(sorted(_RHYMES, key=len, reverse=True)) + ")")
_STOP_FINAL: Final = re.compile("(?:c|ch|p|t)$")
_TONES: Final = {"\u0300": "huyền", "\u0301": "sắc", "\u0303": "ngã", "\u0309": "hỏi", "\u0323": "nặng"}
# What Unicode Vietnamese never writes inside a word and legacy text read as Latin-1
# always does: a Latin-1 sign or letter Vietnamese does not use (µ ¸ ¶ § Ö ø ï ...), or a
# lowercase letter followed by an uppercase Latin-1 one ("ViÖt", "chÝnh": TCVN3 puts a
# third of its lowercase letters at the uppercase positions 0xC6–0xDE).
_VIETNAMESE_LATIN1: Final = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
# A Latin-1 sign or letter Vietnamese does not use, alone: a pattern of one character class
# is searched at a few nanoseconds a character, the whole of _FOREIGN at about twenty.
_FOREIGN_SIGN: Final = re.compile(
    "[" + "".join(chr(c) for c in range(0xA1, 0x100) if chr(c) not in _VIETNAMESE_LATIN1 and chr(c) != "\\") + "]")
# A capital Latin-1 letter after a lower-case one (``chÝnh``).
_FOREIGN_CASE: Final = re.compile("[a-z\u00df-\u00ff][\u00c0-\u00de]")
_FOREIGN: Final = re.compile(_FOREIGN_CASE.pattern + "|" + _FOREIGN_SIGN.pattern)
# Where TCVN3's ư (the soft hyphen 0xAD) was dropped on the way, "ương"/"ước"/"ươu"
# arrive as "ơng"/"ơc"/"ơu" — rhymes Vietnamese does not have — so the ư is certain.
_LOST_U_HORN: Final = re.compile(
    r"(?<=[bcdđghklmnprstvxBCDĐGHKLMNPRSTVX])([ơớờởỡợƠỚỜỞỠỢ])(?=(?:ng|c|u|NG|C|U)(?![^\W\d_]))")
_ASCII_LOWER: Final = re.compile("[a-z]")
_UPPER: Final = re.compile("[A-Z\u0102\u00c2\u00ca\u00d4\u01a0\u01af\u0110]")
_LOWER_CONVERTED: Final = re.compile("[\u00e0-\u00fd\u0103\u0111\u0129\u0169\u01a1\u01b0\u1ea0-\u1ef9]")
_FONT_SUBSET: Final = re.compile(r"^[A-Z]{6}\+")
_FONT_STYLE: Final = re.compile(r"[,-](?:Bold|Italic|Oblique|Regular|Roman|BoldItalic|BoldOblique)$", re.I)
_VNI_FONT: Final = re.compile(r"^VNI[- ]", re.I)
_DOTLESS_TCVN3_FONT: Final = re.compile(r"Vn[A-Z]")

# How much detect() reads: enough words to decide, bounded for long texts.
_SAMPLE_WORDS: Final = 400
_SAMPLE_CHARS: Final = 200_000


# --- Fonts ----------------------------------------------------------------------------

def encoding_of_font(font_name: str | None) -> Encoding | None:
    """The legacy encoding a font name implies, or None for a Unicode font.

    PDF subset tags (``ABCDEF+``) and style suffixes (``,Bold``, ``-Italic``) are ignored;
    ``UVnTime`` (a Unicode font despite its name) is not legacy.

    >>> encoding_of_font(".VnTime"), encoding_of_font(".VnTimeH"), encoding_of_font("VNI-Helve")
    ('tcvn3', 'tcvn3h', 'vni')
    >>> encoding_of_font("ABCDEF+.VnArialH,Bold"), encoding_of_font("UVnTime")
    ('tcvn3h', None)
    """
    if not font_name:
        return None
    name = _FONT_STYLE.sub("", _FONT_SUBSET.sub("", font_name.strip()))
    if _VNI_FONT.match(name):
        return "vni"
    # ".VnTime" as Word names it; PDF producers may drop the dot ("VnTimeH"), so the
    # dotless form needs the capital that follows in every ABC font name.
    if name.startswith("."):
        if not name.lower().startswith(".vn"):
            return None
    elif not _DOTLESS_TCVN3_FONT.match(name):
        return None
    # The capital ("hoa") fonts of the ABC set end in H: .VnTimeH, .VnArialH, .VnAvantH.
    return "tcvn3h" if name.endswith(("H", "h")) else "tcvn3"


# --- Conversion -----------------------------------------------------------------------

def to_unicode(text: str, encoding: str) -> str:
    """Convert TCVN3 (``"tcvn3"``, ``"tcvn3h"`` for the capital fonts) or VNI text to NFC.

    For TCVN3, two losses common in archived documents are repaired: a word or line whose
    ASCII letters are all capitals was set in a capital font, so its Vietnamese letters
    are capitals too (``TOµN`` → ``TOÀN``); and a dropped ư (TCVN3's 0xAD is Latin-1's
    soft hyphen, which many tools drop) is restored where only ``ư`` makes a Vietnamese
    rhyme (``trëng`` → ``trưởng``).

    >>> to_unicode("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3")
    'Cộng hoà xã hội chủ nghĩa Việt Nam'
    >>> to_unicode("bé tµi chÝnh", "tcvn3h")
    'BỘ TÀI CHÍNH'
    >>> to_unicode("Ñoäc laäp - Töï do - Haïnh phuùc", "vni")
    'Độc lập - Tự do - Hạnh phúc'
    """
    if encoding == "vni":
        converted = _VNI_PATTERN.sub(lambda m: VNI[m.group()], text)
    elif encoding in ("tcvn3", "tcvn3h"):
        converted = text.translate(_TCVN3_TABLE)
        if encoding == "tcvn3h":
            # A capital font draws every letter as a capital, ASCII ones included.
            converted = converted.upper()
        elif converted != text:
            converted = _fix_capital_font_case(converted)
        converted = _LOST_U_HORN.sub(lambda m: ("Ư" if m.group(1).isupper() else "ư") + m.group(1), converted)
    else:
        raise ValueError(f"unknown legacy encoding {encoding!r} (expected 'tcvn3', 'tcvn3h' or 'vni')")
    if unicodedata.is_normalized("NFC", converted):
        return converted
    return unicodedata.normalize("NFC", converted)


def _fix_capital_font_case(converted: str) -> str:
    """Capitalise TCVN3 letters of lines, then words, typed in capitals (a .VnTimeH run)."""
    lines = converted.split("\n")
    for i, line in enumerate(lines):
        if not _LOWER_CONVERTED.search(line) or not _UPPER.search(line):
            continue
        if not _ASCII_LOWER.search(line) and len(_UPPER.findall(line)) >= 2:
            lines[i] = line.upper()
        else:
            lines[i] = _WORD.sub(_capitalise_word, line)
    return "\n".join(lines)


def _capitalise_word(m: re.Match[str]) -> str:
    word = m.group()
    # Two capitals and no ASCII lowercase: "HéI" is HỘI, while "Cã" stays "Có".
    if not _ASCII_LOWER.search(word) and len(_UPPER.findall(word)) >= 2 and _LOWER_CONVERTED.search(word):
        return word.upper()
    return word


# --- Detection ------------------------------------------------------------------------

@functools.lru_cache(maxsize=16384)
def _syllable_score(word: str) -> int:
    """2 for a common Vietnamese syllable, 1 for a well-formed one, 0 for anything else."""
    lower = unicodedata.normalize("NFC", word.lower())
    if lower in _COMMON:
        return 2
    decomposed = unicodedata.normalize("NFD", lower)
    tones = [c for c in decomposed if c in _TONES]
    if len(tones) > 1:
        return 0
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    if not _SYLLABLE.fullmatch(base):
        return 0
    # Syllables closed by a stop (c, ch, p, t) carry only sắc or nặng.
    if _STOP_FINAL.search(base) and (not tones or _TONES[tones[0]] not in ("sắc", "nặng")):
        return 0
    return 1


def _touched_words(text: str) -> list[str]:
    """Words with a non-ASCII character: the only ones the readings disagree on."""
    return [w for w in _WORD.findall(text) if not w.isascii()]


@functools.lru_cache(maxsize=32768)
def _reading_score(word: str, encoding: Encoding) -> int:
    """The syllable score of ``word`` read in ``encoding`` (words repeat: cached)."""
    return sum(_syllable_score(w) for w in _WORD.findall(to_unicode(word, encoding)))


def _scores(words: Iterable[str], encoding: Encoding) -> tuple[int, int]:
    """(score as is, score read in ``encoding``)."""
    as_is = converted = 0
    for word in words:
        as_is += _syllable_score(word)
        converted += _reading_score(word, encoding)
    return as_is, converted


def detect(text: str) -> Encoding | None:
    """``"tcvn3"`` or ``"vni"`` when the text is legacy Vietnamese read as Latin-1, else None.

    Each word with a non-ASCII character is scored as a Vietnamese syllable (common,
    well-formed, or not) as it is and under each legacy reading; the text is legacy when a
    reading gains at least half a point per such word and reads as Vietnamese. Unicode
    Vietnamese (which loses under either reading), English and other Latin-1 languages
    (which gain almost nothing) stay None.

    >>> detect("Céng hoµ x· héi chñ nghÜa ViÖt Nam"), detect("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam")
    ('tcvn3', 'vni')
    >>> detect("Cộng hoà xã hội chủ nghĩa Việt Nam") is None, detect("Le café où l'été") is None
    (True, True)
    """
    words = list(itertools.islice((w for w in _WORD.findall(text[:_SAMPLE_CHARS]) if not w.isascii()),
                                  _SAMPLE_WORDS))
    if not words:
        return None
    best: Encoding | None = None
    best_gain = 0
    for encoding in ("tcvn3", "vni"):
        as_is, converted = _scores(words, encoding)
        gain = converted - as_is
        if gain > best_gain and gain >= 2 and 2 * gain >= len(words) and converted >= len(words):
            best, best_gain = encoding, gain
    return best


# A text is judged on this many words at least (of two letters or more): fewer (a stamp, a
# page number) say nothing of it.
JUDGED_WORDS: Final = 20
# Unreadable: at least this share of its words are foreign (see _foreign_word), fewer than
# UNREADABLE_SYLLABLES of them read as Vietnamese syllables, and most of the others do (it is
# Vietnamese, garbled: not German or French, whose words hold ü, ö, é too). Every page of the
# text PDFs of the corpus has no foreign word and at least 95 % syllables; the OCR layer of a
# phone scan written with a wrong font mapping (``CØNG HOÀ XÃ HØI``, ``ng°Ýi``) 34 % foreign
# words and 45 % syllables, 63 % of its words that are not foreign (a German text: 5 %).
UNREADABLE_FOREIGN: Final = 0.25
UNREADABLE_SYLLABLES: Final = 0.8
_CLEAN_SYLLABLES: Final = 0.5


def _foreign_word(word: str) -> bool:
    """Whether a word holds what Vietnamese never writes: a Latin-1 letter it does not use
    (``Ø``, ``å``, ``µ``), a capital Latin-1 letter after a lower-case one (``chÝnh``), or a
    sign between two letters (``ng°Ýi``, ``H¡nh``). A sign at a word's end is not: ``m²``.

    >>> [_foreign_word(w) for w in ("CØNG", "ng°Ýi", "chÝnh", "m²", "Hạnh", "für")]
    [True, True, True, False, False, True]
    """
    if _FOREIGN_CASE.search(word):
        return True
    for m in _FOREIGN_SIGN.finditer(word):
        i = m.start()
        if word[i].isalpha() or (0 < i < len(word) - 1 and word[i - 1].isalpha() and word[i + 1].isalpha()):
            return True
    return False


def _vietnamese_word(word: str) -> bool:
    return _syllable_score(word) > 0 or (word.isascii() and word.isupper())


def unreadable_share(text: str, min_words: int = JUDGED_WORDS) -> float | None:
    """The share of the words of ``text`` that are foreign (:func:`_foreign_word`) when
    ``text`` is Vietnamese that does not read as such: fewer than :data:`UNREADABLE_SYLLABLES`
    of its words are syllables, but most of its words that are not foreign are. ``0.0`` when
    it reads as Vietnamese, or as another language (English, German: its words are not
    syllables); ``None`` when it has fewer than ``min_words`` words to tell.

    Legacy text (TCVN3, VNI) is unreadable too until converted: readers call this on what
    they converted already.

    >>> unreadable_share("BØCÔNG AN CØNG HOÀXÃ HØI CHæNGH(AVIÆT NAM CÔNG AN TÈNH LÂM ÒNG "
    ...                  "Ùc l-p - Tå do - H¡nh phúc HiÇn nay, trên dËa bàn tÉinh Lâm ông có "
    ...                  "4.289 ng°Ýi sí dång tr£i phép ch¥t ma túy") > UNREADABLE_FOREIGN
    True
    >>> unreadable_share("Hiện nay, trên địa bàn tỉnh Lâm Đồng có 4.289 người sử dụng trái phép "
    ...                  "chất ma túy và 1.028 người nghiện ma túy ngoài xã hội")
    0.0
    >>> unreadable_share("Die Verwaltung der Stadt München hat für die Bürger eine neue Übersicht "
    ...                  "über alle Ämter veröffentlicht, die für Anträge zuständig sind")
    0.0
    >>> unreadable_share("Số: 12/BC-UBND") is None
    True
    """
    return _share_of([w for w in _WORD.findall(text) if len(w) >= 2], min_words)


def _share_of(words: list[str], min_words: int) -> float | None:
    """:func:`unreadable_share` of a text's ``words`` (its ``_WORD`` runs of two letters or more)."""
    if len(words) < max(1, min_words):
        return None
    # Each distinct word judged once, counted as often as it stands (a law of 16,000 words has
    # 2,000 distinct ones).
    counts = Counter(words)
    syllable = {w: _vietnamese_word(w) for w in counts}
    syllables = sum(n for w, n in counts.items() if syllable[w])
    if syllables >= UNREADABLE_SYLLABLES * len(words):
        return 0.0
    clean = {w: n for w, n in counts.items() if not _foreign_word(w)}
    clean_words = sum(clean.values())
    if clean and sum(n for w, n in clean.items() if syllable[w]) < _CLEAN_SYLLABLES * clean_words:
        return 0.0  # another language
    return (len(words) - clean_words) / len(words)


def unreadable(text: str, min_words: int = JUDGED_WORDS) -> bool:
    """Whether ``text`` is mojibake, not Vietnamese (see :func:`unreadable_share`);
    ``min_words``: the fewest words it is judged on.

    >>> unreadable("Kính báocáo Óng chí ChçtËchUBND tinh chÉ ¡o./. " * 4)
    True
    >>> unreadable("The committee approved the plan of the province for the next five years "
    ...            "and asked every department to report on its progress in writing")
    False
    >>> unreadable("Thu hồi đất: 1 Nguyễn Văn An Thôn 1 120 m² 50 m² 2 Trần Văn Bình Thôn 2 "
    ...            "80 m² 30 m² 3 Lê Thị Cúc Thôn 3 200 m² 90 m² cộng 400 m² 170 m²")
    False
    """
    return share_if_unreadable(text, min_words) is not None


def share_if_unreadable(text: str, min_words: int = JUDGED_WORDS) -> float | None:
    """The share of foreign words (:func:`unreadable_share`) of a text that is
    :func:`unreadable`; None for a text that is not.

    >>> share_if_unreadable("Hiện nay, trên địa bàn tỉnh Lâm Đồng có 4.289 người sử dụng trái phép chất ma túy") is None
    True
    """
    # Almost every text: one quick scan, no word scored. (Mojibake and legacy text hold such
    # signs by the dozen: Ø, °, ¡, µ, ·.)
    if not _FOREIGN_SIGN.search(text):
        return None
    # A foreign word holds a sign or a capital Latin-1 letter after a lower-case one (neither
    # reaches past a word, nor do two overlap): once the words outnumber those marks so far that
    # not UNREADABLE_FOREIGN of them can be foreign, the text is readable. A long report with a
    # © or a ° in it is told so after its first words, instead of having all of them scored.
    marks = len(_FOREIGN_SIGN.findall(text)) + len(_FOREIGN_CASE.findall(text))
    words: list[str] = []
    for m in _WORD.finditer(text):
        if m.end() - m.start() >= 2:
            words.append(m.group())
            if len(words) * UNREADABLE_FOREIGN > marks:
                return None
    share = _share_of(words, min_words)  # the words read once, for the bound and the scoring
    return share if share is not None and share >= UNREADABLE_FOREIGN else None


def _line_is_legacy(line: str, encoding: Encoding) -> bool:
    """Whether one line, known or guessed to be in ``encoding``'s font, should be converted."""
    if _BEYOND_LATIN1.search(line):
        # A letter no legacy font stores (ư, đ, ộ ...): the line is Unicode already. Readers
        # call this per run or per paragraph of one font, so a line never mixes the two.
        return False
    words = _touched_words(line)
    if not words:
        # ASCII only: nothing to lose (a capital font still capitalises it).
        return True
    as_is, converted = _scores(words, encoding)
    if converted != as_is:
        return converted > as_is
    # A tie ("Toàn" as is, "Tồn" in VNI): convert only what Unicode could not have written.
    return _FOREIGN.search(line) is not None


# The Latin-1 characters that Vietnamese in Unicode never holds (its letters there are à á â
# ã è é ê ì í ò ó ô õ ù ú ý, in both cases) and that TCVN3 and VNI text read as Latin-1 is full
# of (``µ`` ``¸`` ``©`` ``Ö`` ``ø`` ``ä``): a text without one in its first few thousand
# characters is no legacy text, and detect's scoring (half a millisecond) is not needed. Not
# the signs a Unicode report uses (``m²``, ``°C``, ``«»``, ``½``, ``±``): legacy text has many
# marks besides them.
_LEGACY_MARKS: Final = re.compile("[" + re.escape("".join(
    chr(c) for c in range(0xA1, 0x100)
    if chr(c) not in "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ×÷°²³«»½¼¾±")) + "]")
_MARKS_SAMPLE: Final = 4000


def legacy_text(text: str) -> Encoding | None:
    """:func:`detect` of a whole text, after a cheap test that rules most texts out.

    >>> legacy_text("Céng hoµ x· héi chñ nghÜa ViÖt Nam"), legacy_text("Cộng hoà xã hội chủ nghĩa Việt Nam")
    ('tcvn3', None)
    >>> _LEGACY_MARKS.search("diện tích 1.460 m², nhiệt độ 25 °C, «Ngày hội»") is None
    True
    """
    return detect(text) if _LEGACY_MARKS.search(text, 0, _MARKS_SAMPLE) else None


def legacy_warning(encoding: str) -> tuple[str, str]:
    """The warning (code, message) of a text converted from ``encoding``."""
    return "legacy-encoding", f"text in the legacy {encoding.upper()} encoding was converted to Unicode"


def fix_text(text: str, font_name: str | None = None) -> str:
    """Text in Unicode, whatever legacy font it was typed in.

    The font decides the encoding when it names one (``.VnTime``, ``VNI-Times``); otherwise
    :func:`detect` does. Either way each line is converted only where the conversion reads
    at least as well as the original, so Unicode text in a legacy-named style stays as is.

    >>> fix_text("Céng hoµ x· héi chñ nghÜa ViÖt Nam")
    'Cộng hoà xã hội chủ nghĩa Việt Nam'
    >>> fix_text("Phát huy sức mạnh tổng hợp", ".VnTime")
    'Phát huy sức mạnh tổng hợp'
    """
    encoding = encoding_of_font(font_name) or detect(text)
    if encoding is None:
        return text
    if "\n" not in text:
        return to_unicode(text, encoding) if _line_is_legacy(text, encoding) else text
    return "\n".join(to_unicode(line, encoding) if _line_is_legacy(line, encoding) else line
                     for line in text.split("\n"))


# --- UTF-8 read as Windows-1252 ----------------------------------------------------------

# What Windows-1252 puts at the C1 codes 0x80-0x9F (``€``, ``“``, ``–`` ...); it leaves five of
# them undefined, which decoders let pass as Latin-1 (U+0081 ...).
C1_AS_CP1252: Final = {c: bytes([c]).decode("cp1252") for c in range(0x80, 0xA0)
                       if c not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}

# UTF-8's lead byte of a Vietnamese letter read as Windows-1252 (or Latin-1), then a
# continuation byte (0x80-0xBF) read so: ``ố`` (E1 BB 91) → ``á»‘``, ``ú`` (C3 BA) → ``Ãº``.
_DOUBLE_ENCODED: Final = re.compile(
    f"[ÂÃÄÅÆáâ][{re.escape(''.join(C1_AS_CP1252.values()))}\u0080-\u00bf]")
# The second character of ``ạ``-``ỹ`` read so (E1 BA xx, E1 BB xx: ``áº``, ``á»``), which every such
# Vietnamese text holds and few others do; one character is looked for at C speed, two are not.
_LEADS: Final = ("º", "»")
# Each Windows-1252 (or Latin-1) character back to its byte.
_CP1252_BYTES: Final = {**{chr(b): b for b in range(0x100)}, **{ch: b for b, ch in C1_AS_CP1252.items()}}


def double_encoded_look(text: str) -> bool:
    """Whether ``text`` holds the look of UTF-8 read as Windows-1252 (three pairs such as ``á»``,
    ``Ã¡`` at least), whether or not all of it can be decoded again."""
    # Most texts hold neither of the second characters: ``in`` rules them out at once.
    return any(lead in text for lead in _LEADS) and len(_DOUBLE_ENCODED.findall(text, 0, 20_000)) >= 3


def undo_double_encoding(text: str) -> str | None:
    """``text`` decoded again when it is UTF-8 that was read as Windows-1252 or Latin-1 and
    saved as UTF-8 again (mojibake: ``Sá»‘: /BC-UBND``, ``PhÃº Tiáº¿n``); None when it is not
    (a character those encodings do not have, bytes that are no UTF-8, or no Vietnamese letter
    in the result).

    >>> undo_double_encoding("Số: /BC-UBND, Phú Tiến, ngày 15 tháng 5".encode().decode("cp1252"))
    'Số: /BC-UBND, Phú Tiến, ngày 15 tháng 5'
    >>> undo_double_encoding("Số: 12/BC-UBND") is None, undo_double_encoding("Ã  la carte") is None
    (True, True)
    """
    return decode_again(text) if double_encoded_look(text) else None


def decode_again(text: str) -> str | None:
    """:func:`undo_double_encoding` of a text that has the look (:func:`double_encoded_look`)."""
    try:
        again = bytes(_CP1252_BYTES[c] for c in text).decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return None
    # A Vietnamese letter (ơ, ư, đ, or one of the toned letters) shows what it was.
    return again if re.search("[ơưđƠƯĐ\u1ea0-\u1ef9]", again) else None
