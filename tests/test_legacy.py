"""Legacy font encodings (TCVN3 / VNI) → Unicode: tables, detection, conversion.

The expected values come from data independent of the module's tables: glibc's iconv
``TCVN5712-1`` decoder for TCVN3 (whose lowercase half VN3 shares), the structure of VNI
Windows (base letter + mark character) rebuilt here from Unicode decomposition, and
phrases quoted from public sources (cited where used).
"""

from __future__ import annotations

import importlib.util
import subprocess
import unicodedata
from pathlib import Path

import docx
import pytest

from vnreport_extract.legacy import TCVN3, VNI, detect, encoding_of_font, fix_text, to_unicode

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED_TEXT = (FIXTURES / "seed" / "000_c44f0d63a01b8516.txt").read_text(encoding="utf-8")

# The 12 Vietnamese vowels and the five tones (sắc, huyền, hỏi, ngã, nặng) as combining marks.
VOWELS = "aăâeêioôơuưy"
TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
LOWER = [unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES if (v + t) not in "aeiouy"] + ["đ"]
UPPER = [c.upper() for c in LOWER]


def test_alphabet_has_67_letters_a_case() -> None:
    assert (len(LOWER), len(set(LOWER)), len(set(UPPER))) == (67, 67, 67)


# --- TCVN3 ----------------------------------------------------------------------------

def _glibc_tcvn(codes: list[int]) -> list[str]:
    """Decode single bytes with glibc's TCVN5712-1 (one per line, so none combine)."""
    out = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=b"\n".join(bytes([c]) for c in codes),
                         capture_output=True, timeout=10, check=True).stdout.decode("utf-8")
    return out.split("\n")


@pytest.fixture(scope="module")
def glibc_vn3() -> dict[str, str]:
    """Unicode letter → the Latin-1 character a reader shows for its TCVN3 byte, from glibc."""
    codes = list(range(0xA1, 0xFF))
    return {u: chr(c) for c, u in zip(codes, _glibc_tcvn(codes), strict=True)
            if u in LOWER or u in "ĂÂÊÔƠƯĐ"}


def test_tcvn3_table_is_glibc_vn3(glibc_vn3: dict[str, str]) -> None:
    # 67 lowercase letters + 7 uppercase base letters: exactly the VN3 repertoire.
    assert dict(TCVN3) == {latin1: u for u, latin1 in glibc_vn3.items()}


@pytest.mark.parametrize("letter", LOWER)
def test_tcvn3_every_lowercase_letter(letter: str, glibc_vn3: dict[str, str]) -> None:
    assert to_unicode(f"x{glibc_vn3[letter]}x {glibc_vn3[letter]}", "tcvn3") == f"x{letter}x {letter}"


@pytest.mark.parametrize("letter", UPPER)
def test_tcvn3h_every_uppercase_letter(letter: str, glibc_vn3: dict[str, str]) -> None:
    # A capital font (.VnTimeH) draws the lowercase codes as capitals, ASCII letters too.
    assert to_unicode(f"x{glibc_vn3[letter.lower()]}", "tcvn3h") == f"X{letter}"


@pytest.mark.parametrize("letter", ["Ă", "Â", "Ê", "Ô", "Ơ", "Ư", "Đ"])
def test_tcvn3_uppercase_base_letters(letter: str, glibc_vn3: dict[str, str]) -> None:
    assert to_unicode(glibc_vn3[letter] + "n", "tcvn3") == letter + "n"


def test_tcvn3_national_motto_in_vntime() -> None:
    # The brief's example, checked byte by byte against glibc above: é=0xE9 ộ, µ=0xB5 à,
    # ·=0xB7 ã, ñ=0xF1 ủ, Ü=0xDC ĩ, Ö=0xD6 ệ.
    assert to_unicode("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3") == "Cộng hoà xã hội chủ nghĩa Việt Nam"


def test_tcvn3_place_names_with_lost_u_horn() -> None:
    # Quoted from Ductrung03/DuBaoMatRung (server/test.js): "Mêng Kh¬ng" is Mường Khương
    # with TCVN3's ư (0xAD, the Latin-1 soft hyphen) lost on the way.
    assert to_unicode("B¶o Th¾ng, Mêng Kh¬ng", "tcvn3") == "Bảo Thắng, Mường Khương"


def test_tcvn3_soft_hyphen_is_u_horn() -> None:
    assert to_unicode("§¶ng bé Tr\u00adêng", "tcvn3") == "Đảng bộ Trường"


def test_tcvn3_decision_text_of_2002() -> None:
    # A Ministry of Finance decision of November 2002 (archived mof.gov.vn .doc), as
    # quoted read as Latin-1 in public notes on legacy government documents; "trëng" lost
    # its soft hyphen there too.
    assert to_unicode("quyÕt ®Þnh cña bé trëng bé tµi chÝnh\nvÒ viÖc söa ®æi møc thuÕ suÊt cña mét sè mÆt hµng",
                      "tcvn3") == ("quyết định của bộ trưởng bộ tài chính\n"
                                   "về việc sửa đổi mức thuế suất của một số mặt hàng")


def test_tcvn3h_header_of_that_decision() -> None:
    # Its header line, typed in lowercase and set in .VnTimeH.
    assert to_unicode("bé tµi chÝnh", "tcvn3h") == "BỘ TÀI CHÍNH"


def test_tcvn3_capitals_line_was_a_capital_font() -> None:
    assert to_unicode("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", "tcvn3") == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def test_tcvn3_capitals_word_in_mixed_line() -> None:
    # "QUYÕT" has two capitals and no ASCII lowercase; "Cã" (one capital) stays "Có".
    assert to_unicode("§iÒu 1. Cã QUYÕT §ÞNH", "tcvn3") == "Điều 1. Có QUYẾT ĐỊNH"


def test_unknown_encoding_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown legacy encoding"):
        to_unicode("x", "viscii")


# --- VNI ------------------------------------------------------------------------------

# VNI Windows spelled out as a keyboard would type it: a base letter, then the mark
# characters; i's tones, ỵ, ơ, ư and đ are single characters.
_VNI_BASE = {"a": "a", "ă": "aê", "â": "aâ", "e": "e", "ê": "eâ", "o": "o", "ô": "oâ", "ơ": "ô", "u": "u",
             "ư": "ö", "y": "y"}
_VNI_TONE = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
# With a circumflex or breve the mark character carries both: â+sắc is "aá", ă+sắc "aé".
_VNI_HAT_TONE = {"\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
_VNI_BREVE_TONE = {"\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
_VNI_SINGLE = {"í": "í", "ì": "ì", "ỉ": "æ", "ĩ": "ó", "ị": "ò", "ỵ": "î", "đ": "ñ"}


def _vni_encode(letter: str) -> str:
    upper = letter.isupper()
    low = letter.lower()
    if low in _VNI_SINGLE:
        encoded = _VNI_SINGLE[low]
    else:
        decomposed = unicodedata.normalize("NFD", low)
        tone = next((c for c in decomposed if c in _VNI_TONE), "")
        vowel = unicodedata.normalize("NFC", decomposed.replace(tone, "")) if tone else low
        base = _VNI_BASE[vowel]
        if not tone:
            encoded = base
        elif vowel in "âêô":
            encoded = base[0] + _VNI_HAT_TONE[tone]
        elif vowel == "ă":
            encoded = "a" + _VNI_BREVE_TONE[tone]
        else:
            encoded = base + _VNI_TONE[tone]
    return encoded.upper() if upper else encoded


def test_vni_table_is_the_keyboard_spelling() -> None:
    # (í and ì are the same character in both: the table need not list them.)
    assert ({k: v for k, v in VNI.items() if k != v}
            == {_vni_encode(u): u for u in LOWER + UPPER if _vni_encode(u) != u})


@pytest.mark.parametrize("letter", LOWER + UPPER)
def test_vni_every_letter(letter: str) -> None:
    encoded = _vni_encode(letter)
    assert to_unicode(f"n{encoded}n {encoded}", "vni") == f"n{letter}n {letter}"


def test_vni_greeting() -> None:
    # The example of duydev/vietnamese-conversion's README.
    assert to_unicode("Xin chaøo caùc baïn", "vni") == "Xin chào các bạn"


def test_vni_national_motto() -> None:
    assert (to_unicode("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑoäc laäp - Töï do - Haïnh phuùc", "vni")
            == "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc")


def test_vni_capitals_and_u_horn_o_horn() -> None:
    assert to_unicode("UÛY BAN NHAÂN DAÂN TÆNH - ñöôïc ngöôøi TRÖÔØNG", "vni") == (
        "ỦY BAN NHÂN DÂN TỈNH - được người TRƯỜNG")


def test_round_trip_of_the_seed_report() -> None:
    inverse_vni = {u: _vni_encode(u) for u in LOWER + UPPER}
    encoded = "".join(inverse_vni.get(c, c) for c in SEED_TEXT)
    assert to_unicode(encoded, "vni") == SEED_TEXT


def test_round_trip_of_the_seed_report_tcvn3(glibc_vn3: dict[str, str]) -> None:
    # .VnTime has no capitals with tones, so the round trip is of the lowercased report.
    lower = SEED_TEXT.lower()
    assert to_unicode("".join(glibc_vn3.get(c, c) for c in lower), "tcvn3") == lower


# --- Fonts ----------------------------------------------------------------------------

@pytest.mark.parametrize(("font", "encoding"), [
    (".VnTime", "tcvn3"),
    (".VnArial", "tcvn3"),
    (".VnTimeH", "tcvn3h"),
    (".VnArialH", "tcvn3h"),
    ("ABCDEF+.VnTime,Bold", "tcvn3"),    # PDF subset tag and style suffix
    ("VnTimeH-Bold", "tcvn3h"),          # PDF name without the dot
    ("VNI-Times", "vni"),
    ("VNI-Helve-Condense", "vni"),
    ("VNI-Times-Bold", "vni"),
    ("UVnTime", None),                   # a Unicode font (footnotes of bc-cchc-nam-2025.docx)
    ("Times New Roman", None),
    ("", None),
    (None, None),
])
def test_encoding_of_font(font: str | None, encoding: str | None) -> None:
    assert encoding_of_font(font) == encoding


# --- Detection ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "encoding"), [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3"),
    ("quyÕt ®Þnh cña bé tr\u00adëng bé tµi chÝnh", "tcvn3"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "vni"),
    ("Xin chaøo caùc baïn", "vni"),
    ("c¸c", "tcvn3"),
])
def test_detect_legacy(text: str, encoding: str) -> None:
    assert detect(text) == encoding


@pytest.mark.parametrize("text", [
    "Cộng hoà xã hội chủ nghĩa Việt Nam",
    "Toàn quân",                 # Latin-1 letters only, which VNI would read as "Tồn"
    "các",                       # which TCVN3 would read as "cỏc"
    unicodedata.normalize("NFD", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    "The naïve café owner wrote a résumé for the Über-fiancée in Zürich.",
    "Le café « crème » coûte trop cher à Paris, où l'été est chaud.",
    "Straße, schön, Müller, Österreich, Größe, für, über, Mädchen",
    "El niño comió una manzana en España; mañana irá al año nuevo.",
    "Plain ASCII text, 2025.",
    "",
])
def test_detect_not_legacy(text: str) -> None:
    assert detect(text) is None


def test_detect_seed_report_is_unicode() -> None:
    assert detect(SEED_TEXT) is None


def test_detect_seed_report_in_tcvn3(glibc_vn3: dict[str, str]) -> None:
    assert detect("".join(glibc_vn3.get(c, c) for c in SEED_TEXT.lower())) == "tcvn3"


def test_detect_seed_report_in_vni() -> None:
    assert detect("".join(_vni_encode(c) if c in LOWER or c in UPPER else c for c in SEED_TEXT)) == "vni"


# --- fix_text -------------------------------------------------------------------------

def test_fix_text_font_says_tcvn3() -> None:
    assert fix_text("Hµ néi, ngµy 22 th¸ng 11 n¨m 2002", ".VnTime") == "Hà nội, ngày 22 tháng 11 năm 2002"


def test_fix_text_font_says_capitals() -> None:
    assert fix_text("céng hoµ x· héi chñ nghÜa viÖt nam", ".VnTimeH") == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def test_fix_text_font_says_vni() -> None:
    assert fix_text("Ñoäc laäp - Töï do - Haïnh phuùc", "VNI-Times") == "Độc lập - Tự do - Hạnh phúc"


def test_fix_text_short_run_in_font() -> None:
    # One word decides little: "cã" is a well-formed syllable as it is, but the font and a
    # commoner reading ("có") say TCVN3.
    assert fix_text("cã", ".VnTime") == "có"


def test_fix_text_without_font_detects() -> None:
    assert fix_text("Céng hoµ x· héi chñ nghÜa ViÖt Nam") == "Cộng hoà xã hội chủ nghĩa Việt Nam"


def test_fix_text_leaves_unicode_alone() -> None:
    assert fix_text(SEED_TEXT) == SEED_TEXT


def test_fix_text_unicode_words_in_legacy_font() -> None:
    # "có" and "đôn đốc" as TCVN3/VNI would be "cú" and "đơn đốc": the font name alone
    # must not convert Unicode text.
    assert [fix_text("có", ".VnTime"), fix_text("đôn đốc", "VNI-Times"), fix_text("Phát", ".VnTime")] == [
        "có", "đôn đốc", "Phát"]


def test_fix_text_mixed_lines() -> None:
    text = "Việt Nam\nCéng hoµ x· héi chñ nghÜa ViÖt Nam\nCác cơ quan"
    assert fix_text(text) == "Việt Nam\nCộng hoà xã hội chủ nghĩa Việt Nam\nCác cơ quan"


def _runs(path: Path) -> list[str]:
    document = docx.Document(str(path))
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    return [t for p in paragraphs for t in [p.text, *(r.text for r in p.runs)] if t.strip()]


@pytest.mark.parametrize(("name", "font"), [("kh-pcmt-2030.docx", ".VnTime"),
                                            ("bc-quan-ly-hoi-2025.docx", "VNI-Times")])
def test_fix_text_real_unicode_documents_with_legacy_style(name: str, font: str) -> None:
    # Both documents keep a legacy font as their Normal style while their text is Unicode;
    # a reader that passes that font for every run must still get every run back unchanged.
    path = FIXTURES / "legacy" / name
    assert docx.Document(str(path)).styles["Normal"].font.name == font
    runs = _runs(path)
    assert len(runs) > 100
    assert [r for r in runs if fix_text(r, font) != r] == []


# --- Data integrity -------------------------------------------------------------------

def test_syllable_model_accepts_the_dictionary() -> None:
    # The syllables with diacritics of underthesea's Viet74K dictionary must score as
    # Vietnamese, or detection would misjudge real text. The 5 % left out are loanwords
    # ("bêtông", "côngtơ") and the dictionary's own typos ("lưỡì").
    from vnreport_extract.legacy import _syllable_score

    spec = importlib.util.find_spec("underthesea")
    assert spec is not None and spec.origin is not None
    words = (Path(spec.origin).parent / "corpus" / "data" / "Viet74K.txt").read_text(encoding="utf-8").split()
    syllables = {w.lower() for w in words if w.isalpha() and not w.isascii()}
    accepted = sum(1 for s in syllables if _syllable_score(s) > 0)
    assert len(syllables) > 7000
    assert accepted / len(syllables) > 0.94


def test_common_syllables_are_well_formed() -> None:
    from vnreport_extract.legacy import _COMMON, _syllable_score

    assert len(_COMMON) > 900
    assert [s for s in _COMMON if _syllable_score(s.upper()) != 2] == []


# --- Text that is not Vietnamese at all -------------------------------------------------------

# The first lines of the text layer of fixtures/archives/lam-dong-2025/ttr-298-ttr-cat-pc04-2025-
# scan-bad-ocr.pdf (pdftotext): an OCR layer written with a wrong font mapping.
MOJIBAKE = """BØCÔNG AN                    CØNG HOÀXÃ HØI CHæNGH(AVIÆT NAM
CÔNG AN TÈNH LÂM ÒNG                              Ùc l-p - Tå do - H¡nh phúc
SÑg8 /TTr- CAT-PC04                   Lâm ông, ngày24 tháng 10 nm 2025
TÜTRÌNH
V/vxin chçtr°¡ng tri¿n khai thñce hiÇn công tác cai nghiÇn ma túy
tñ nguyÇn t¡i gia ình, cÙng Óng trên Ëa bàn tÉnh Lâm Óng
Kính gíi: Óng chí Chç tËch UBND tinh Lâm Óng.
HiÇn nay, trên dËa bàn tÉinh Lâm ông có 4.289 ng°Ýi sí dång tr£i phép ch¥t
ma túy và 1.028 nguÝi nghiÇn ma túy ngoài xã hÙi."""


def test_mojibake_report_is_flagged_unreadable() -> None:
    from vnreport_extract import parse_text

    assert "text-unreadable" in {w.code for w in parse_text(MOJIBAKE).warnings}


def test_vietnamese_report_is_not_flagged_unreadable() -> None:
    from vnreport_extract import parse_text

    assert "text-unreadable" not in {w.code for w in parse_text(SEED_TEXT).warnings}


def test_legacy_text_once_converted_is_readable() -> None:
    from vnreport_extract.legacy import unreadable

    legacy = "Céng hoµ x· héi chñ nghÜa ViÖt Nam §éc lËp - Tù do - H¹nh phóc " * 2
    assert (unreadable(legacy), unreadable(fix_text(legacy))) == (True, False)


def _read_as(data: bytes, encoding: str) -> str:
    """``data`` decoded as ``encoding``, the bytes it leaves undefined passed as Latin-1."""
    return "".join(bytes([b]).decode(encoding, errors="ignore") or chr(b) for b in data)


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_utf8_read_as_windows_1252_is_decoded_again(encoding: str, tmp_path: Path) -> None:
    # A seed saved again after a program read its UTF-8 as Windows-1252 (``Sá»‘: /BC-UBND``).
    from vnreport_extract import parse_file, parse_text

    garbled = _read_as(SEED_TEXT.encode("utf-8"), encoding)
    (tmp_path / "moji.txt").write_text(garbled, encoding="utf-8")
    clean = parse_text(SEED_TEXT)
    for report in (parse_text(garbled), parse_file(tmp_path / "moji.txt")):
        assert (report.text, [c.symbol for c in report.citations], report.warnings[0].code) == (
            clean.text, [c.symbol for c in clean.citations], "mojibake-repaired")


def test_the_readme_s_short_mojibake_example_is_decoded_again() -> None:
    from vnreport_extract import parse_text

    report = parse_text("Số: /BC-UBND, Phú Tiến".encode().decode("cp1252"))
    assert (report.text, report.warnings[0].code) == ("Số: /BC-UBND, Phú Tiến", "mojibake-repaired")


@pytest.mark.parametrize("text", [
    SEED_TEXT,  # Vietnamese as it should be: nothing to undo
    "Giá: 12 € « hàng mới » – 1º",  # the continuation bytes' characters in a text of their own
    # Pairs enough, but a character no Windows-1252 byte gives (ư): not UTF-8 read so
    "Sá»‘ hiá»‡u tiá»n lương",
])
def test_text_that_is_no_double_encoding_stays(text: str) -> None:
    from vnreport_extract.legacy import undo_double_encoding

    assert undo_double_encoding(text) is None


def test_legacy_text_given_as_a_string_is_converted_as_a_files_is(tmp_path: Path) -> None:
    # Text typed in a TCVN3 font, copied as it displays (``Céng hoµ``): parse_text reads it as
    # parse_file reads the same text saved as UTF-8.
    from vnreport_extract import parse_file, parse_text

    text = "Céng hoµ x· héi chñ nghÜa ViÖt Nam\nQuyÕt ®Þnh sè 12/Q§-UBND ngµy 05/01/2025 cña UBND tØnh"
    (tmp_path / "tcvn3.txt").write_text(text, encoding="utf-8")
    reports = [parse_text(text), parse_file(tmp_path / "tcvn3.txt")]
    assert [([c.symbol for c in r.citations], [w.code for w in r.warnings]) for r in reports] == [
        (["12/QĐ-UBND"], ["legacy-encoding"])] * 2


def test_text_that_only_partly_decodes_again_is_left_as_it_is_with_a_warning() -> None:
    # UTF-8 read as Windows-1252, then a line typed in Unicode added (``lương``): not all of it
    # can be decoded again, so none is, and the report says what it looks like.
    from vnreport_extract import parse_text

    text = "Sá»‘ hiá»‡u tiá»n lương"
    report = parse_text(text)
    assert (report.text, [w.code for w in report.warnings]) == (text, ["mojibake-suspected"])


def test_a_long_report_with_a_sign_in_it_reads_as_vietnamese_and_its_mojibake_does_not() -> None:
    # luat-56-2010-qh12-thanh-tra ends with a ``©`` line: the report's words outnumber four
    # times its signs after its first sentence. The same report in TCVN3 codes shown as Latin-1
    # (a PDF whose font's mapping was lost) is unreadable.
    from vnreport_extract.legacy import share_if_unreadable

    text = SEED_TEXT + "\nCopyright © 2010\n"
    assert share_if_unreadable(text) is None
    codes = {u: code for code, u in TCVN3.items()}
    shown = "".join(codes.get(ch, codes.get(ch.lower(), ch)) for ch in text)
    share = share_if_unreadable(shown)
    assert share is not None and share >= 0.25
