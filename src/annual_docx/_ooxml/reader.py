"""Open a Word package that came from outside — a .docx to check, a template, a document to import — safely.

Every problem becomes one :class:`~annual_docx.errors.DocumentError` that names the file and the part, in Chinese
and English; nothing else escapes. Typical use::

    with open_package(path) as package:          # Limits() by default; TEMPLATE_LIMITS for templates
        main = package.main_part                  # found through _rels/.rels ("word/document2.xml" works)
        styles = package.related(main, "styles")  # part names of the main part's relationships of a type
        root = package.xml(styles[0])             # a parsed part (small parts: styles, settings, footers)
        for block in package.blocks(main):        # the body's paragraphs and tables, one at a time,
            ...                                   # freed after use: memory stays flat for any size
        data = package.part("word/media/image1.png")

What it guarantees:

- the main part comes from the package relationships (``officeDocument``), its kind from ``[Content_Types].xml``:
  ``document`` (.docx), ``template`` (.dotx), ``macro-document`` (.docm), ``macro-template`` (.dotm); Strict Open
  XML, encrypted (password-protected) files, Word 97–2003 .doc, RTF, PDF, OpenDocument and other formats are
  refused with what to do (save as a normal .docx in Word);
- the uncompressed size of each part and of the whole package is capped (:class:`Limits`) by the sizes the zip
  declares, before anything is inflated — :mod:`zipfile` never inflates an entry past its declared size (an entry
  that holds more fails its CRC: damaged) — and one body-level block (paragraph or table while streaming) is capped
  while inflating;
- zip entries that are encrypted, use a method other than stored/deflate (Deflate64, bzip2, LZMA, AES), have a bad
  CRC or a corrupt deflate stream, or appear twice, are errors naming the entry;
- XML is parsed with entity resolution, DTD loading and network access off and libxml2's depth limit (256 levels)
  on; a part with a DTD (``<!DOCTYPE``, as in entity-expansion "billion laughs" attacks) is refused — Word never
  writes one;
- relationship targets resolve inside the package (``../`` escapes, duplicate ids and missing attributes are errors;
  a target that is not in the package is an error when it is followed).
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import unquote

from lxml import etree

from annual_docx._ooxml import spans
from annual_docx._ooxml.formats import (
    CT_NS,
    MAIN_KINDS,
    OFFICE_REL,
    REL_NS,
    SAVE_AS,
    STRICT_REL,
    STRICT_W_NS,
    not_a_zip,
)
from annual_docx._ooxml.limits import MB, TEMPLATE_LIMITS, Capped, Limits, mb_text
from annual_docx._ooxml.order import local_name
from annual_docx._ooxml.props import W_NS, Element
from annual_docx.errors import DocumentError

__all__ = ["CT_NS", "MAIN_KINDS", "REL_NS", "SAVE_AS", "TEMPLATE_LIMITS", "Limits", "Package", "Relationship",
           "open_package"]

_METHODS = {9: "Deflate64", 12: "bzip2", 14: "LZMA", 93: "Zstandard", 95: "XZ", 98: "PPMd", 99: "AES"}
_BLOCK_NAMES = ("p", "tbl", "sdt", "sectPr", "customXml", "style", "abstractNum", "num", "footnote", "endnote",
                "comment", "docPart", "bookmarkStart", "bookmarkEnd", "altChunk", "proofErr", "permStart", "permEnd")
_BLOCK_TAGS = tuple(f"{{{W_NS}}}{t}" for t in _BLOCK_NAMES)
_BLOCK_SPANS = frozenset(f"w:{t}".encode() for t in _BLOCK_NAMES)


@dataclass(frozen=True)
class Relationship:
    """One relationship of a part: its id, type (the last segment of the type URI, e.g. ``styles``), the full type
    URI, and the target part name (resolved) or the external address."""

    id: str
    type: str
    type_uri: str
    target: str
    external: bool


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


class Package:
    """An opened Word package; see the module docstring. Close it (or use ``with``) when done."""

    def __init__(self, path: Path, limits: Limits) -> None:
        self.path, self.limits = path, limits
        self._rels: dict[str, list[Relationship]] = {}
        self._ids: dict[str, dict[str, Relationship]] = {}
        self._zip = self._open_zip()
        try:
            self._infos = self._index()
            self.content_types = self._content_types()
            self.main_part, self.kind = self._main()
        except BaseException:
            self._zip.close()
            raise

    # -- opening ----------------------------------------------------------------------------------------------
    def fail(self, part: str | None, zh: str, en: str) -> DocumentError:
        """Return the error for a problem with ``part`` of this package (None: the package), in both languages."""
        where = f"{self.path}" + (f" [{part}]" if part else "")
        return DocumentError(f"{where}: {zh} / {en}")

    def _open_zip(self) -> zipfile.ZipFile:
        try:
            with self.path.open("rb") as f:
                head = f.read(8)
                if not head.startswith(b"PK"):
                    f.seek(0)
                    raise not_a_zip(self.path, head, f.read(4 * MB))
            return zipfile.ZipFile(self.path)
        except DocumentError:
            raise
        except FileNotFoundError as exc:
            raise DocumentError(f"{self.path}: 文件不存在 / file not found") from exc
        except IsADirectoryError as exc:
            raise DocumentError(f"{self.path}: 这是文件夹，不是文件 / this is a folder, not a file") from exc
        except PermissionError as exc:
            raise DocumentError(f"{self.path}: 无法读取文件 / cannot read the file ({exc.strerror or exc})") from exc
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            raise DocumentError(f"{self.path}: zip 包已损坏，无法打开 / the zip package is damaged ({exc}); "
                                f"{SAVE_AS}") from exc

    def _index(self) -> dict[str, zipfile.ZipInfo]:
        infos = self._zip.infolist()
        if len(infos) > self.limits.entries:
            raise self.fail(None, f"zip 包有 {len(infos)} 个条目，超过上限 {self.limits.entries}",
                             f"the package has {len(infos)} entries, more than the limit {self.limits.entries}")
        index: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            key = info.filename.lstrip("/").lower()  # OPC part names are case-insensitive
            if key in index:
                raise self.fail(info.filename, "zip 包中有两个同名条目", "the package has two entries of this name")
            index[key] = info
            total += info.file_size
            if total > self.limits.package_bytes:
                cap = mb_text(self.limits.package_bytes)
                raise self.fail(info.filename, f"解压后总大小超过上限 {cap}",
                                f"the package is larger than {cap} uncompressed, the limit")
        return index

    def _content_types(self) -> dict[str, str]:
        if self.has("mimetype") and not self.has("[Content_Types].xml"):
            raise self.fail(None, "这是 OpenDocument 文件（如 .odt），不是 .docx", f"an OpenDocument file (such as "
                             f".odt), not a .docx; {SAVE_AS}")
        if not self.has("[Content_Types].xml") or not self.has("_rels/.rels"):
            missing = "[Content_Types].xml" if not self.has("[Content_Types].xml") else "_rels/.rels"
            raise self.fail(missing, "缺少此部件：这个 zip 包不是 .docx",
                            "this part is missing: the zip is not a .docx")
        root = self.xml("[Content_Types].xml")
        types: dict[str, str] = {}
        for node in root:
            name, ext, ctype = node.get("PartName"), node.get("Extension"), node.get("ContentType") or ""
            if name:
                types[unquote(name).lstrip("/").lower()] = ctype
            elif ext:
                types["*." + ext.lower()] = ctype
        return types

    def _main(self) -> tuple[str, str]:
        rels = self.rels("")
        if any(r.type_uri.startswith(STRICT_REL) for r in rels):
            raise self.fail(None, "这是 Strict Open XML 格式，不受支持", f"Strict Open XML is not supported; {SAVE_AS}")
        main = next((r for r in rels if r.type_uri == OFFICE_REL + "officeDocument" and not r.external), None)
        if main is None:
            raise self.fail("_rels/.rels", "找不到主文档部件（officeDocument 关系），不是有效的 .docx",
                             "no main document part (officeDocument relationship): not a valid .docx")
        ctype = self.content_type(main.target) or ""
        if ctype not in MAIN_KINDS:
            what = ("Excel" if "spreadsheetml" in ctype or "ms-excel" in ctype else
                    "PowerPoint" if "presentationml" in ctype or "ms-powerpoint" in ctype else "")
            shown = ctype or "缺失 / missing"
            zh, en = (f"，是 {what} 文件", f"; this is a {what} file") if what else ("", "")
            raise self.fail(main.target, f"不是 Word 文档（内容类型 {shown}）{zh}", f"not a Word document (content "
                            f"type {shown}){en}")
        if not self.has(main.target):
            raise self.fail(main.target, "主文档部件不在包中", "the main document part is not in the package")
        return main.target, MAIN_KINDS[ctype]

    # -- parts ------------------------------------------------------------------------------------------------
    def names(self) -> list[str]:
        """Return the part names in the package (as stored)."""
        return [info.filename for info in self._infos.values() if not info.is_dir()]

    def has(self, name: str) -> bool:
        """Return whether the package holds a part ``name`` (case-insensitive, as OPC part names are)."""
        return name.lstrip("/").lower() in self._infos

    def content_type(self, name: str) -> str | None:
        """Return the content type of part ``name`` (an Override, else the Default of its extension)."""
        key = name.lstrip("/").lower()
        return self.content_types.get(key) or self.content_types.get("*." + key.rsplit(".", 1)[-1])

    def _entry(self, name: str) -> zipfile.ZipInfo:
        info = self._infos.get(name.lstrip("/").lower())
        if info is None:
            raise self.fail(name, "部件不在包中", "the part is not in the package")
        if info.flag_bits & 0x1:
            raise self.fail(name, "该部件已加密（zip 密码）", "the entry is encrypted (zip password)")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            method = _METHODS.get(info.compress_type, f"#{info.compress_type}")
            raise self.fail(name, f"该部件使用不支持的压缩方法 {method}", f"the entry uses the compression method "
                             f"{method}, which .docx files do not use; {SAVE_AS}")
        if info.file_size > self.limits.part_bytes:
            raise self._too_big(name)
        return info

    def _too_big(self, name: str) -> DocumentError:
        cap = mb_text(self.limits.part_bytes)
        return self.fail(name, f"部件解压后超过上限 {cap}", f"the part is larger than {cap} uncompressed, the limit")

    def _damaged(self, name: str, exc: BaseException) -> DocumentError:
        return self.fail(name, "部件已损坏，无法解压", f"the part is damaged and cannot be read: {exc}")

    def _stream(self, name: str, block: int = 0) -> Capped:
        info = self._entry(name)
        try:
            raw = self._zip.open(info)
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, ValueError, zlib.error) as exc:
            raise self._damaged(name, exc) from exc
        cap = mb_text(self.limits.block_bytes)
        block_error = self.fail(name, f"一个段落或表格超过 {cap}，无法处理", f"one paragraph or table is larger than "
                                 f"{cap}, the limit")
        return Capped(raw, block_error, block)

    def part(self, name: str) -> bytes:
        """Return the bytes of part ``name``, within the size cap."""
        stream = self._stream(name)
        chunks: list[bytes] = []
        try:
            while chunk := stream.read(1 << 20):
                chunks.append(chunk)
        except DocumentError:
            raise
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error) as exc:
            raise self._damaged(name, exc) from exc
        finally:
            stream.close()
        return b"".join(chunks)

    def _xml_error(self, name: str, exc: BaseException) -> DocumentError:
        if isinstance(exc, DocumentError):
            return exc
        if isinstance(exc, etree.XMLSyntaxError):
            if "entit" in str(exc).lower():
                return self._dtd_error(name)
            if "Excessive depth" in str(exc):
                return self.fail(name, "XML 嵌套超过 256 层", f"the XML is nested deeper than 256 levels: {exc}")
            return self.fail(name, "XML 格式错误", f"malformed XML: {exc}")
        return self._damaged(name, exc)

    def _dtd_error(self, name: str) -> DocumentError:
        return self.fail(name, "XML 含有 DTD 或实体（<!DOCTYPE>/<!ENTITY>），Word 文档不会有，拒绝读取",
                         "the XML has a DTD or entities (<!DOCTYPE>/<!ENTITY>), which Word never writes (entity "
                         "expansion); refused")

    def _no_dtd(self, name: str, tree: Any) -> None:
        if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
            raise self._dtd_error(name)

    def xml(self, name: str) -> Element:
        """Return the parsed root of XML part ``name`` (hardened parser; whole part in memory — use
        :meth:`blocks` for parts that may be large)."""
        data = self.part(name)
        try:
            root = etree.fromstring(data, _parser())
        except (etree.XMLSyntaxError, ValueError) as exc:
            raise self._xml_error(name, exc) from exc
        self._no_dtd(name, root.getroottree())
        return root

    def blocks(self, name: str, depth: int | None = None, tags: tuple[str, ...] | None = None) -> Iterator[Element]:
        """Yield the block-level elements of XML part ``name`` one at a time — paragraphs, tables, section
        properties, styles, numbering definitions, notes, comments — and free each after use, so memory stays flat
        however large the part. ``depth`` is how many ancestors a block has (default: 2 in a ``w:document``, whose
        blocks sit in ``w:body``; 1 elsewhere); ``tags`` the block tags (Clark notation) to yield instead of the
        default ones — siblings of other tags are freed unseen. The root element is available as
        ``block.getroottree().getroot()`` while iterating (without its freed children)."""
        stream = self._stream(name, self.limits.block_bytes)
        events = etree.iterparse(stream, events=("end",), tag=tags or _BLOCK_TAGS, resolve_entities=False,
                                 no_network=True, huge_tree=False, load_dtd=False)
        checked = False
        container: Element | None = None  # the parent of the blocks (w:body), once known: a cheap depth test
        try:
            for _, element in events:
                if not checked:
                    tree = element.getroottree()
                    self._check_tree(name, tree)
                    if depth is None:  # w:document/w:body/…, w:glossaryDocument/w:docParts/…, else w:hdr/…
                        depth = 2 if local_name(tree.getroot()).endswith("ocument") else 1
                    checked = True
                parent = element.getparent()
                if parent is None:
                    continue  # the root itself is never a block
                if parent is not container:
                    if container is not None or sum(1 for _ in element.iterancestors()) != depth:
                        continue  # nested in a block (a paragraph in a table): it goes with its block
                    container = parent
                yield element
                element.clear()
                while len(parent) and parent[0] is not element:
                    del parent[0]
                stream.mark = stream.count
            if not checked and events.root is not None:  # a part without one block is refused all the same
                self._check_tree(name, events.root.getroottree())
        except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error) as exc:
            raise self._xml_error(name, exc) from exc
        finally:
            stream.close()

    def body_spans(self, name: str) -> Iterator[tuple[bytes, bytes, int]] | None:
        """The body-level blocks of the document part ``name`` as bytes, cut without building a tree
        (:mod:`~annual_docx._ooxml.spans`): the same blocks, in the same order, as :meth:`blocks` yields, each as
        ``(qualified name, bytes, count)`` (``w:p``, ``w:tbl``…; ``count``: that many in a row of the same bytes),
        after a first item ``(b"", the root's start tag, 1)`` that
        declares their namespaces (``spans.fragment`` makes a parseable document of some of them). The part is first
        read once through libxml2 without a tree: malformed XML, a DTD, a Strict part are the errors :meth:`blocks`
        raises. None when the part is one the cut is not exact for (a comment, a processing instruction, CDATA, the
        ``w`` prefix bound to another namespace, a root other than ``w:document`` or another encoding than UTF-8):
        read it with :meth:`blocks`."""
        survey: Any = spans.Survey()  # an lxml parser target (its callbacks, no tree)
        parser = etree.XMLParser(target=survey, resolve_entities=False, no_network=True, huge_tree=False,
                                 load_dtd=False)
        stream = self._stream(name)
        tail = b""
        cdata = False
        try:
            while chunk := stream.read(spans.CHUNK):
                cdata = cdata or b"<![CDATA[" in tail + chunk[:16] or b"<![CDATA[" in chunk
                tail = chunk[-16:]
                parser.feed(chunk)
            parser.close()
        except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error) as exc:
            raise self._xml_error(name, exc) from exc
        finally:
            stream.close()
        if survey.doctype_seen:
            raise self._dtd_error(name)
        if not survey.plain or cdata:
            return None
        return self._spans(name)

    def _spans(self, name: str) -> Iterator[tuple[bytes, bytes, int]] | None:
        stream = self._stream(name)
        cap = mb_text(self.limits.block_bytes)
        error = self.fail(name, f"一个段落或表格超过 {cap}，无法处理", f"one paragraph or table is larger than "
                          f"{cap}, the limit")
        cut = spans.split(stream.read, lambda: error, self.limits.block_bytes, _BLOCK_SPANS)
        try:
            first = next(cut)
        except spans.Unusual:
            stream.close()
            return None
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error) as exc:
            stream.close()
            raise self._damaged(name, exc) from exc
        return self._yield_spans(name, stream, first, cut)

    def _yield_spans(self, name: str, stream: Capped, first: tuple[bytes, bytes, int],
                     cut: Iterator[tuple[bytes, bytes, int]]) -> Iterator[tuple[bytes, bytes, int]]:
        try:
            yield first
            yield from cut  # other elements at the body's level are passed over, as blocks() skips them
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error) as exc:
            raise self._damaged(name, exc) from exc
        finally:
            stream.close()

    def parse_spans(self, name: str, root: bytes, blocks: list[bytes]) -> Element:
        """Parse ``blocks`` (bytes from :meth:`body_spans`) under the document's start tag ``root``; return the body
        element holding them, one child each."""
        try:
            return etree.fromstring(spans.fragment(root, blocks), _parser())[0]
        except (etree.XMLSyntaxError, ValueError) as exc:
            raise self._xml_error(name, exc) from exc

    def _check_tree(self, name: str, tree: Any) -> None:
        """Refuse a streamed part with a DTD, or one in Strict Open XML."""
        self._no_dtd(name, tree)
        if tree.getroot().tag.startswith(f"{{{STRICT_W_NS}}}"):
            raise self.fail(name, "这是 Strict Open XML 格式，不受支持", f"Strict Open XML is not supported; {SAVE_AS}")

    # -- relationships ----------------------------------------------------------------------------------------
    def rels(self, source: str) -> list[Relationship]:
        """Return the relationships of part ``source`` (``""`` for the package's own, ``_rels/.rels``)."""
        if source in self._rels:
            return self._rels[source]
        folder, base = posixpath.split(source)
        rels_name = posixpath.join(folder, "_rels", base + ".rels") if source else "_rels/.rels"
        found: list[Relationship] = []
        if self.has(rels_name):
            ids: set[str] = set()
            for node in self.xml(rels_name).iter(f"{{{REL_NS}}}Relationship"):
                rid, type_uri, target = node.get("Id"), node.get("Type"), node.get("Target")
                if not rid or not type_uri or target is None:
                    raise self.fail(rels_name, "关系缺少 Id、Type 或 Target", "a relationship lacks Id, Type or Target")
                if rid in ids:
                    raise self.fail(rels_name, f"关系编号 {rid} 重复", f"the relationship id {rid} appears twice")
                ids.add(rid)
                external = node.get("TargetMode") == "External"
                found.append(Relationship(rid, type_uri.rsplit("/", 1)[-1], type_uri,
                                          target if external else self._resolve(rels_name, folder, target), external))
        self._rels[source] = found
        return found

    def _resolve(self, rels_name: str, folder: str, target: str) -> str:
        target = unquote(target.split("#", 1)[0])
        joined = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        name = posixpath.normpath(joined) if joined else ""
        if not name or name == "." or name.startswith("../") or name == "..":
            raise self.fail(rels_name, f"关系目标 {target!r} 指向包外", f"the relationship target {target!r} points "
                             "outside the package")
        return name

    def related(self, source: str, rel_type: str, *, missing_ok: bool = False) -> list[str]:
        """Return the part names that ``source`` relates to with relationships of type ``rel_type`` (last segment of
        the type URI, e.g. ``styles``, ``settings``, ``footer``), in document order, checking each is present
        (``missing_ok``: leaving out those that are not, as the importer does with a dangling styles part)."""
        names = [r.target for r in self.rels(source) if r.type == rel_type and not r.external]
        if missing_ok:
            return [name for name in names if self.has(name)]
        for name in names:
            if not self.has(name):
                raise self.fail(name, f"{source or '包'} 的 {rel_type} 关系指向的部件不存在",
                                 f"the {rel_type} relationship of {source or 'the package'} points to a missing part")
        return names

    def target(self, source: str, rid: str) -> str | None:
        """Return the part name relationship ``rid`` of ``source`` points to (None: no such internal one)."""
        by_id = self._ids.get(source)
        if by_id is None:  # an index per part: a document with thousands of pictures looks each one up
            by_id = self._ids[source] = {r.id: r for r in self.rels(source)}
        found = by_id.get(rid)
        return found.target if found is not None and not found.external and self.has(found.target) else None

    # -- lifetime ---------------------------------------------------------------------------------------------
    def close(self) -> None:
        """Close the zip file."""
        self._zip.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


def open_package(path: str | Path, limits: Limits | None = None) -> Package:
    """Open the Word package at ``path`` within ``limits`` (default :class:`Limits`); raise DocumentError when it
    cannot be read, naming the file and part and saying what to do."""
    return Package(Path(path), limits or Limits())
