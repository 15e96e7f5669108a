"""Batch inputs: files, folders, globs, zip members, and the zip safety rules."""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

import pytest

from vnreport_extract import InputError
from vnreport_extract.batch.inputs import (
    ArchiveRefusedError,
    ZipLimits,
    expand_inputs,
    materialize,
    member_problem,
    zip_items,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "seed" / "000_c44f0d63a01b8516.txt"


def _tree(root: Path) -> None:
    (root / "b").mkdir(parents=True)
    (root / "a.txt").write_text("a", encoding="utf-8")
    (root / "b" / "c.md").write_text("c", encoding="utf-8")
    (root / ".hidden.txt").write_text("h", encoding="utf-8")
    (root / "~$lock.docx").write_text("lock", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "x.txt").write_text("x", encoding="utf-8")


def test_folder_is_walked_recursively_sorted_without_hidden_and_lock_files(tmp_path: Path) -> None:
    _tree(tmp_path / "in")
    keys = [i.key for i in expand_inputs([tmp_path / "in"])]
    assert keys == [str(tmp_path / "in" / "a.txt"), str(tmp_path / "in" / "b" / "c.md")]


def test_output_folder_inside_an_input_folder_is_not_read(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / "out" / "reports").mkdir(parents=True)
    (tmp_path / "out" / "reports" / "0123456789abcdef.json").write_text("{}", encoding="utf-8")
    keys = [i.key for i in expand_inputs([tmp_path], exclude=tmp_path / "out")]
    assert not any("out" in Path(k).parts for k in keys)


def test_glob_and_repeated_inputs(tmp_path: Path) -> None:
    _tree(tmp_path)
    items = expand_inputs([str(tmp_path / "**" / "*.md"), tmp_path / "b" / "c.md"])
    assert [i.key for i in items] == [str(tmp_path / "b" / "c.md")]


def test_one_file_named_relative_and_absolute_is_listed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    items = expand_inputs(["b/c.md", str(tmp_path / "b" / "c.md"), "./b/../b/c.md", "b"])
    assert [i.key for i in items] == ["b/c.md"]


def test_a_link_to_a_file_is_listed_under_its_own_name(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / "latest.md").symlink_to(tmp_path / "b" / "c.md")
    items = expand_inputs([tmp_path / "b" / "c.md", tmp_path / "latest.md"])
    assert [Path(i.key).name for i in items] == ["c.md", "latest.md"]


def test_missing_path_and_empty_glob_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        expand_inputs([tmp_path / "nope.pdf"])
    with pytest.raises(InputError, match="matches no file"):
        expand_inputs([str(tmp_path / "*.pdf")])


def _zip(path: Path, members: dict[str, bytes], *, symlink: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=zipfile.ZIP_DEFLATED)
        if symlink:
            info = zipfile.ZipInfo(symlink)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, "/etc/passwd")
    return path


def test_zip_members_get_logical_paths_and_unsafe_ones_are_refused(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "a.zip", {
        "docs/seed.txt": SEED.read_bytes(), "../evil.txt": b"evil", "/abs.txt": b"abs",
        "..\\win.txt": b"win", "C:/drive.txt": b"drive", "__MACOSX/._seed.txt": b"apple", "docs/": b"",
    }, symlink="link.txt")
    items = {i.key: i.refused for i in expand_inputs([archive])}
    key = str(archive)
    assert items[f"{key}!docs/seed.txt"] is None
    assert items[f"{key}!../evil.txt"].startswith("unsafe-path")  # type: ignore[union-attr]
    assert items[f"{key}!/abs.txt"].startswith("unsafe-path")  # type: ignore[union-attr]
    assert items[f"{key}!..\\win.txt"].startswith("unsafe-path")  # type: ignore[union-attr]
    assert items[f"{key}!C:/drive.txt"].startswith("unsafe-path")  # type: ignore[union-attr]
    assert items[f"{key}!link.txt"].startswith("symlink")  # type: ignore[union-attr]
    assert not any("__MACOSX" in k or k.endswith("docs/") for k in items)


def test_an_archive_inside_an_archive_is_listed_as_not_opened(tmp_path: Path) -> None:
    inner = _zip(tmp_path / "inner.zip", {"seed.txt": SEED.read_bytes()})
    archive = _zip(tmp_path / "a.zip", {"inner.zip": inner.read_bytes(), "sheet.xlsx": b"x"})
    items = {i.key.rpartition("!")[2]: i.skipped for i in expand_inputs([archive])}
    assert items == {"inner.zip": "an archive inside the archive (not opened)",
                     "sheet.xlsx": "not a document type this tool reads (.xlsx)"}


def _zip_without_utf8_flag(path: Path, members: dict[bytes, bytes]) -> Path:
    """An archive whose members' names are the given bytes with no UTF-8 flag, as Info-ZIP on
    Linux and many Windows tools write them: written under ASCII names of the same length, whose
    bytes are then put back (a name is in no checksum)."""
    stand_ins = {name: f"{i:0{len(name)}d}".encode() for i, name in enumerate(members)}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(stand_ins[name].decode(), data)
    raw = path.read_bytes()
    for name, stand_in in stand_ins.items():
        raw = raw.replace(stand_in, name)
    path.write_bytes(raw)
    return path


def test_member_names_without_the_utf8_flag_are_read_as_their_tool_wrote_them(tmp_path: Path) -> None:
    archive = _zip_without_utf8_flag(tmp_path / "a.zip", {
        "Quyết định số 12.txt".encode(): SEED.read_bytes(),  # UTF-8 bytes, no flag (Info-ZIP)
        "Báo cáo.txt".encode("cp437"): b"x",  # code page 437, as the zip format says
    })
    with zipfile.ZipFile(archive) as zf:
        assert [info.flag_bits & 0x800 for info in zf.infolist()] == [0, 0]
    items = expand_inputs([archive])
    assert [(i.key, i.member) for i in items] == [
        (f"{archive}!Quyết định số 12.txt", "Quyết định số 12.txt"), (f"{archive}!Báo cáo.txt", "Báo cáo.txt")]
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    assert materialize(items[0], tmp, serial=0).path.read_bytes() == SEED.read_bytes()


def test_zip_bomb_is_refused_by_its_ratio(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "bomb.zip", {"bomb.txt": bytes(20 << 20)})
    (item,) = zip_items(archive)
    assert item.refused is not None and item.refused.startswith("expansion-ratio")
    info = zipfile.ZipFile(archive).getinfo("bomb.txt")
    problem = member_problem(info, ZipLimits())
    assert isinstance(problem, ArchiveRefusedError) and problem.reason == "expansion-ratio"
    assert str(problem).endswith(", limit max_ratio=100")


def test_too_many_members_refuse_the_whole_archive(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "many.zip", {f"{i}.txt": b"x" for i in range(6)})
    (item,) = zip_items(archive, ZipLimits(max_members=5))
    assert item.key == str(archive) and item.refused is not None
    assert item.refused == "too-many-members: 6 members, limit max_members=5"


def test_not_a_zip_is_refused_as_corrupt(tmp_path: Path) -> None:
    fake = tmp_path / "fake.zip"
    fake.write_bytes(b"PK\x03\x04 not really")
    (item,) = zip_items(fake)
    assert item.refused is not None and item.refused.startswith("corrupt-archive")


def test_member_is_extracted_under_a_generated_name_inside_the_temp_dir(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "a.zip", {"../../x/seed.md": SEED.read_bytes(), "ok/seed.md": SEED.read_bytes()})
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    items = zip_items(archive)
    with pytest.raises(ArchiveRefusedError, match="unsafe-path"):
        materialize(items[0], tmp, serial=0)
    mat = materialize(items[1], tmp, serial=7)
    assert mat.path == tmp / "m7.md" and mat.temporary
    assert mat.path.read_bytes() == SEED.read_bytes()
    assert mat.size == SEED.stat().st_size
    assert sorted(os.listdir(tmp)) == ["m7.md"]
    assert not (tmp_path / "x").exists()


def test_real_expansion_is_checked_while_extracting(tmp_path: Path) -> None:
    # A directory entry can lie; the bytes actually inflated are held to the same budget.
    archive = _zip(tmp_path / "a.zip", {"z.txt": bytes(1 << 20)})
    (item,) = zip_items(archive, ZipLimits(max_ratio=10_000))
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    with pytest.raises(ArchiveRefusedError, match="expansion-ratio"):
        materialize(item, tmp, ZipLimits(max_ratio=50))
    assert list(tmp.iterdir()) == []


@pytest.mark.parametrize("named", [True, False])
def test_an_empty_zip_is_listed_itself(tmp_path: Path, named: bool) -> None:
    # It left no trace in the manifest: no member, no line.
    archive = tmp_path / "docs" / "empty.zip"
    archive.parent.mkdir()
    zipfile.ZipFile(archive, "w").close()
    [item] = expand_inputs([archive if named else archive.parent])
    assert (item.key, item.member, item.skipped, item.named) == (
        str(archive), None, "a zip archive with no documents in it", named)
