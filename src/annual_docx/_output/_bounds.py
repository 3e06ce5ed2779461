"""Bounds on the work a template may make: a template can come from another agency, and Jinja's sandbox stops code
but not work (``{{ 'a' * 10**10 }}`` runs until the machine runs out of memory).

- ``BoundedSandbox``: results of ``*``, ``**``, ``+``, ``%``, ``~``, ``str.format`` and string methods (``center``,
  ``ljust``, ``zfill``, ``replace``…) and of filters (``indent``, ``center``, ``wordwrap``, ``format``, ``replace``,
  ``batch``, ``slice``…) are capped at ``MAX_LENGTH`` characters or items — checked *before* the work for the
  operations whose size the arguments decide; integers at ``MAX_INT_BITS`` bits; ``range`` at Jinja's 100,000 items;
  one part's output at ``MAX_OUTPUT`` characters. Each breach raises ``BoundsError`` (a Jinja ``SecurityError``),
  which the render turns into a TemplateError naming the template.
- ``time_limit(seconds)``: a render that takes longer is stopped by an exception raised in the rendering thread
  (CPython's ``PyThreadState_SetAsyncExc``), at the next bytecode — loops without output included.
"""

from __future__ import annotations

import contextlib
import re
import string
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.sandbox import MAX_RANGE, SandboxedEnvironment

MAX_LENGTH = 1_000_000
MAX_INT_BITS = 100_000
MAX_OUTPUT = 64_000_000
_PRINTF = re.compile(r"%(?:\([^)]*\))?[#0 +\-]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?[a-zA-Z%]")
_SIZED = (str, bytes, list, tuple, dict, set, frozenset)


class BoundsError(SecurityError):
    """A template asked for more work than the sandbox allows."""


class RenderTimeout(BaseException):
    """Raised inside a render that ran past its time limit (BaseException: template code cannot swallow it)."""


def _too_big(what: str, size: int, limit: int = MAX_LENGTH) -> BoundsError:
    from annual_docx._numbers import format_number

    return BoundsError(f"模板运算结果过大 / a template expression is too big: {what} would make "
                       f"{format_number(size)} (limit {format_number(limit)})")


def sized(value: Any) -> Any:
    """Return ``value`` after checking it is at most MAX_LENGTH long (strings, lists…) or MAX_INT_BITS (ints)."""
    if isinstance(value, _SIZED) and len(value) > MAX_LENGTH:
        raise _too_big(type(value).__name__, len(value))
    if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
        raise _too_big("integer (bits)", value.bit_length(), MAX_INT_BITS)
    return value


def _check_printf(fmt: Any) -> None:
    for width, precision in _PRINTF.findall(str(fmt)) if isinstance(fmt, str) else ():
        for number in (width, precision):
            if number == "*" or (number and len(number) > 7) or (number.isdigit() and int(number) > MAX_LENGTH):
                raise _too_big(f"the format width {number!r}", MAX_LENGTH + 1)


def _check_format(fmt: str) -> None:
    for _, _, spec, _ in string.Formatter().parse(fmt):
        if spec and "{" in spec:
            raise BoundsError(f"模板中的格式不能嵌套 / nested format fields are not allowed: {spec!r}")
        for number in re.findall(r"\d+", spec or ""):
            if len(number) > 7 or int(number) > MAX_LENGTH:
                raise _too_big(f"the format width {number!r}", MAX_LENGTH + 1)


def _estimate_call(obj: Any, args: tuple[Any, ...]) -> None:
    """Check, before running it, a string method whose result size its arguments decide."""
    owner, name = getattr(obj, "__self__", None), getattr(obj, "__name__", "")
    if not isinstance(owner, str):
        return
    if name in ("center", "ljust", "rjust", "zfill") and args and isinstance(args[0], int) and args[0] > MAX_LENGTH:
        raise _too_big(f"str.{name}({args[0]})", args[0])
    if name == "expandtabs" and args and isinstance(args[0], int):
        _limit(f"str.{name}", len(owner) + owner.count("\t") * args[0])
    if name == "replace" and len(args) >= 2:
        _limit("str.replace", _replaced(owner, str(args[0]), str(args[1])))


def _limit(what: str, size: int) -> None:
    if size > MAX_LENGTH:
        raise _too_big(what, size)


def _replaced(text: str, old: str, new: str) -> int:
    return len(text) + (text.count(old) if old else len(text) + 1) * max(0, len(new) - len(old))


def _bounded_filters(filters: dict[str, Callable[..., Any]]) -> dict[str, Callable[..., Any]]:
    """Return ``filters`` with the size-deciding arguments checked first and every result checked after."""
    checks: dict[str, Callable[..., None]] = {
        "center": lambda v, width=80, *a, **k: _limit("|center", int(width)),
        "indent": lambda v, width=4, *a, **k: _limit("|indent", len(str(v)) + (str(v).count("\n") + 1) * (
            len(width) if isinstance(width, str) else int(width))),
        "wordwrap": lambda v, width=79, brk=True, wrapstring=None, *a, **k: _limit("|wordwrap", len(str(v)) + (
            len(str(v)) // max(1, int(width)) + 1) * len(wrapstring or "\n")),
        "format": lambda v, *a, **k: _check_printf(v),
        "replace": lambda v, old, new, *a, **k: _limit("|replace", _replaced(str(v), str(old), str(new))),
        "batch": lambda v, linecount, *a, **k: _limit("|batch", int(linecount)),
        "slice": lambda v, slices, *a, **k: _limit("|slice", int(slices)),
    }

    def wrap(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        check = checks.get(name)

        def bounded(*args: Any, **kwargs: Any) -> Any:
            if check is not None:
                first = 1 if getattr(fn, "jinja_pass_arg", None) else 0  # eval context / environment comes first
                check(*args[first:], **kwargs)
            return sized(fn(*args, **kwargs))

        bounded.__dict__.update(getattr(fn, "__dict__", {}))  # keep jinja's pass_context / pass_environment markers
        return bounded

    return {name: wrap(name, fn) for name, fn in filters.items()}


def _range(*args: int) -> range:
    found = range(*args)
    if len(found) > MAX_RANGE:
        raise _too_big(f"range{args}", len(found), MAX_RANGE)
    return found


class _ConcatChecked(CodeGenerator):
    """Compile ``a ~ b`` so its result is size-checked like ``+``."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.sized(")
        super().visit_Concat(node, frame)
        self.write(")")


class BoundedSandbox(SandboxedEnvironment):
    """A sandbox that bounds the size of what template expressions produce (see the module docstring)."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _ConcatChecked

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.filters = _bounded_filters(dict(self.filters))
        self.globals["range"] = _range
        self.globals.pop("lipsum", None)  # lorem ipsum of any length; no report needs it
        self.sized = sized

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, count in ((left, right), (right, left)):
                if isinstance(seq, _SIZED) and isinstance(count, int):
                    _limit(f"{type(seq).__name__} * {count}", len(seq) * count)
            if isinstance(left, int) and isinstance(right, int):
                _limit_bits("*", left.bit_length() + right.bit_length())
        elif operator == "**" and isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
            _limit_bits("**", left.bit_length() * right)
        elif operator == "%":
            _check_printf(left)
        return sized(super().call_binop(context, operator, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _estimate_call(__obj, args)
        return sized(super().call(__context, __obj, *args, **kwargs))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapper = super().wrap_str_format(value)
        if wrapper is None:
            return None
        _check_format(value.__self__)

        def checked(*args: Any, **kwargs: Any) -> str:
            return str(sized(wrapper(*args, **kwargs)))

        return checked

    def concat(self, chunks: Iterable[str]) -> str:
        """Join a part's output, stopping at MAX_OUTPUT characters."""
        out: list[str] = []
        total = 0
        for chunk in chunks:
            total += len(chunk)
            if total > MAX_OUTPUT:
                raise _too_big("the rendered part", total, MAX_OUTPUT)
            out.append(chunk)
        return "".join(out)


def _limit_bits(op: str, bits: int) -> None:
    if bits > MAX_INT_BITS:
        raise _too_big(f"an integer {op}", bits, MAX_INT_BITS)


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise RenderTimeout in this thread when the block runs longer than ``seconds`` (None: no limit)."""
    if seconds is None:
        yield
        return
    import ctypes  # only a custom template's render is timed: the bundled template's start-up skips it

    target = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def fire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(RenderTimeout))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    start = time.monotonic()
    timer.start()
    try:
        yield
    except RenderTimeout:
        pass
    finally:
        with lock:
            state["done"] = True
            if state["fired"]:  # clear it if it is still pending (it fired as the block ended)
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)
        timer.cancel()
    if state["fired"]:
        raise BoundsError(f"模板渲染超时（{seconds:g} 秒）/ the template took longer than {seconds:g} s to render "
                          f"(stopped after {time.monotonic() - start:.1f} s)")
