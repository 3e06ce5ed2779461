"""One home for each mechanism, found from the code (``ast`` over ``src/annual_docx``): the places that write a file
atomically, write a zip, follow ``basedOn``, spell a namespace URI, define a get-attribute helper, declare a GB/T
9704 number or format a number as the report prints it. Each must be its one home.

``python tests/test_homes.py`` prints the places found for each mechanism (the counts in issue 24's note).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "annual_docx"

URI_MARKS = (
    "schemas.openxmlformats.org", "schemas.microsoft.com", "purl.org/dc", "www.w3.org", "urn:schemas-microsoft")
GBT_NUMBERS = {579, 8845, 11906, 16838, 1587, 1474, 2098, 12756, 156}  # twips: line, type width, A4, margins,
# type height; mm: the type width
GBT_FACES = {"仿宋_GB2312", "楷体_GB2312", "方正小标宋简体", "Times New Roman"}
SCALES = {10_000, 100_000_000}  # 万, 亿


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path.relative_to(PACKAGE).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def _calls(tree: ast.Module) -> Iterator[ast.Call]:
    yield from (node for node in ast.walk(tree) if isinstance(node, ast.Call))


def _name(node: ast.expr) -> str:
    return ast.unparse(node)


def atomic_writes(tree: ast.Module) -> bool:
    """A rename of a file onto another (``Path.replace(target)``, ``.rename``, ``os.replace``, ``shutil.move``; a
    scratch file that is never renamed is no writer). ``str.replace`` takes two arguments and ``dataclasses.replace``
    keywords, so a one-argument ``.replace`` is a file's."""
    for call in _calls(tree):
        func = call.func
        name = _name(func)
        if name in ("os.replace", "os.rename", "shutil.move"):
            return True
        if isinstance(func, ast.Attribute) and func.attr in ("replace", "rename") and len(call.args) == 1 \
                and not call.keywords and name != "dataclasses.replace":
            return True
    return False


def zip_writes(tree: ast.Module) -> bool:
    """A ``ZipFile`` opened to write (mode ``w``, ``a`` or ``x``)."""
    for call in _calls(tree):
        if _name(call.func).endswith("ZipFile"):
            modes = [*call.args[1:2], *[k.value for k in call.keywords if k.arg == "mode"]]
            if any(isinstance(m, ast.Constant) and m.value in ("w", "a", "x") for m in modes):
                return True
    return False


def based_on_walks(tree: ast.Module) -> bool:
    """A lookup of a style's ``w:basedOn`` (a ``find``/``findall``/``iterfind`` whose path names it)."""
    for call in _calls(tree):
        if isinstance(call.func, ast.Attribute) and call.func.attr in ("find", "findall", "iterfind", "findtext") \
                and any("basedOn" in ast.unparse(arg) for arg in call.args):
            return True
    return False


def namespace_uris(tree: ast.Module) -> bool:
    """A string constant spelling a namespace URI."""
    return any(isinstance(node, ast.Constant) and isinstance(node.value, str)
               and any(mark in node.value for mark in URI_MARKS) for node in ast.walk(tree))


def get_attribute_helpers(tree: ast.Module) -> bool:
    """A function whose whole body is ``return None if element is None else element.get(…)``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and len(node.body) - (1 if ast.get_docstring(node) else 0) == 1:
            body = node.body[-1]
            if isinstance(body, ast.Return) and isinstance(body.value, ast.IfExp) \
                    and isinstance(body.value.orelse, ast.Call) and _name(body.value.orelse.func).endswith(".get") \
                    and isinstance(body.value.body, ast.Constant) and body.value.body.value is None:
                return True
    return False


def gbt_numbers(tree: ast.Module) -> bool:
    """A GB/T 9704 number (in twips) or official face written as a literal."""
    return any(isinstance(node, ast.Constant) and not isinstance(node.value, bool)
               and (node.value in GBT_NUMBERS if isinstance(node.value, int) else node.value in GBT_FACES)
               for node in ast.walk(tree))


def _spec(value: ast.FormattedValue) -> str:
    """The constant text of a format spec (``,.2f`` of ``f"{x:,.2f}"``)."""
    parts = value.format_spec.values if isinstance(value.format_spec, ast.JoinedStr) else []
    return "".join(str(p.value) for p in parts if isinstance(p, ast.Constant))


def _percent_after(node: ast.JoinedStr) -> bool:
    """An f-string writing a number with a format spec and ``%`` after it (``f"{share:.1f}%"``), or ``{x:.1%}``."""
    for value, following in zip(node.values, [*node.values[1:], None], strict=True):
        spec = _spec(value) if isinstance(value, ast.FormattedValue) else ""
        if spec and (spec.endswith("%") or (isinstance(following, ast.Constant)
                                            and str(following.value)[:1] in "%％" and spec[-1:] in "fgdn")):
            return True
    return False


def number_formats(tree: ast.Module) -> bool:
    """Code that writes a number the way a report prints it: a thousands separator (``f"{n:,}"``,
    ``format(n, ",")``, ``"{:,}".format``), a percentage (``f"{x:.1f}%"``), trailing zeros trimmed
    (``.rstrip("0")``), a Decimal rounded (``.quantize``), a value scaled to 万 or 亿 (``/ 10_000``), or the written
    form of a number read from the report file (``getattr(x, "source")``, ``hasattr``)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.FormattedValue) and "," in _spec(node):
            return True
        if isinstance(node, ast.JoinedStr) and _percent_after(node):
            return True
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Div, ast.FloorDiv)) \
                and isinstance(node.right, ast.Constant) and node.right.value in SCALES:
            return True
        if not isinstance(node, ast.Call):
            continue
        name, args = _name(node.func), node.args
        texts = [a.value for a in args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        if name == "format" and any("," in text for text in texts[-1:]):
            return True
        if isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Constant) \
                and node.func.attr == "format" and "{:," in str(node.func.value.value):
            return True
        if isinstance(node.func, ast.Attribute) and node.func.attr == "rstrip" and texts[:1] == ["0"]:
            return True
        if isinstance(node.func, ast.Attribute) and node.func.attr == "quantize":
            return True
        if name in ("getattr", "hasattr") and texts[:1] == ["source"]:
            return True
    return False


MECHANISMS: dict[str, tuple[Callable[[ast.Module], bool], set[str]]] = {
    "atomic writer": (atomic_writes, {"_atomic.py"}),
    "zip writer": (zip_writes, {"_ooxml/zipwrite.py"}),
    "style resolver (basedOn)": (based_on_walks, {"_ooxml/body_styles.py"}),
    "namespace URIs": (namespace_uris, {"_ooxml/ns.py"}),
    "get-attribute helper": (get_attribute_helpers, {"_ooxml/ns.py"}),
    "GB/T 9704 numbers": (gbt_numbers, {"gbt9704.py"}),
    "number formatter": (number_formats, {"_numbers.py"}),
}


def places() -> dict[str, list[str]]:
    modules = list(_modules())
    return {name: [file for file, tree in modules if found(tree)] for name, (found, _home) in MECHANISMS.items()}


def test_each_mechanism_has_one_home() -> None:
    found = places()
    assert {name: sorted(files) for name, files in found.items()} == {
        name: sorted(home) for name, (_f, home) in MECHANISMS.items()}


def test_the_finders_find_what_they_look_for() -> None:
    """Each finder recognises the code it is meant to find and leaves ordinary code alone."""
    yes = {
        atomic_writes: "tmp.replace(out)",
        zip_writes: "zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED)",
        based_on_walks: "style.find(qn('w:basedOn'))",
        namespace_uris: "W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'",
        get_attribute_helpers: "def _val(e, a):\n    return None if e is None else e.get(W + a)",
        gbt_numbers: "LINE = 579",
        number_formats: "f'{value:,.2f}'.rstrip('0')",
    }
    no = {
        atomic_writes: "text.replace('a', 'b'); dataclasses.replace(x, y=1)",
        zip_writes: "zipfile.ZipFile(path)",
        based_on_walks: "el('w:basedOn', {'w:val': base})",
        namespace_uris: "W = W_NS",
        get_attribute_helpers: "def f(e):\n    return e.get('x')",
        gbt_numbers: "WIDTH = 140",
        number_formats: "f'{twips / 56.7:.1f} mm'; f'{n}%'; text.rstrip(); getattr(block, 'title'); x / 100",
    }
    for finder, code in yes.items():
        assert finder(ast.parse(code)), finder.__name__
    for each in ("f'{n:,}'", "format(n, ',')", "'{:,}'.format(n)", "f'{share:.1f}%'", "f'{share:.1%}'",
                 "s.rstrip('0')", "d.quantize(q)", "v / 10_000", "v / 100_000_000", "getattr(v, 'source', None)",
                 "hasattr(v, 'source')"):
        assert number_formats(ast.parse(each)), each
    for finder, code in no.items():
        assert not finder(ast.parse(code)), finder.__name__


if __name__ == "__main__":
    for mechanism, files in places().items():
        print(f"{mechanism}: {len(files)}  {' '.join(files)}")
