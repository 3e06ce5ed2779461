"""The Jinja environment templates run in: sandboxed, autoescaped, strict about unknown names, and safe from
docxtpl's post-render rewrites of user text."""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from ._bounds import BoundedSandbox
from ._text import clean_text

_UNDERSCORE_NEXT_TO_TAG = re.compile(r"(?<=[{%])_|_(?=[}%])|^_|_$")
_PROPERTY_LIMIT = 255  # characters python-docx (and Word) allow in a core text property
_CORE_TEXT_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")


def protect(value: Any) -> Any:
    """Return a string escaped for XML with ``_`` beside ``{``/``}``/``%`` as ``&#95;``, so docxtpl's rewriting of
    ``{_{`` into ``{{`` after rendering leaves user text alone; other values pass through unchanged."""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return Markup(_UNDERSCORE_NEXT_TO_TAG.sub("&#95;", str(escape(value))))
    return value


class _CompilingOnceSandbox(BoundedSandbox):
    """A sandbox (bounded in work, see ``_bounds``) that compiles each template source once: rendering many reports
    reuses the compiled parts."""

    MAX_SOURCES = 64

    def __init__(self, autoescape: bool) -> None:
        super().__init__(autoescape=autoescape, undefined=jinja2.StrictUndefined)
        self._compiled: dict[str, jinja2.Template] = {}

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> jinja2.Template:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        compiled = self._compiled.get(source)
        if compiled is None:
            if len(self._compiled) >= self.MAX_SOURCES:
                self._compiled.clear()
            compiled = self._compiled[source] = super().from_string(source)
        return compiled


@functools.cache
def sandbox(*, autoescape: bool = True) -> SandboxedEnvironment:
    """Return this process's sandboxed environment (one escaping XML, one for plain-text properties): unknown
    names are errors, and each template source is compiled once."""
    env = _CompilingOnceSandbox(autoescape)
    if autoescape:
        env.finalize = protect
    return env


def render_properties(core: Any, context: dict[str, Any], date: dt.date | None) -> None:
    """Render the template's text core properties (title, subject…) as plain text in the sandbox, cut to 255
    characters; date the document with the report's 成文日期 rather than the clock (python-docx ``CoreProperties``)."""
    env = sandbox(autoescape=False)
    for name in _CORE_TEXT_PROPERTIES:
        initial = getattr(core, name)
        if initial and ("{" in initial):
            text = clean_text(env.from_string(initial).render(context))
            setattr(core, name, text[:_PROPERTY_LIMIT])
    if date is not None:
        stamp = dt.datetime(date.year, date.month, date.day, tzinfo=dt.timezone.utc)
        core.created = stamp
        core.modified = stamp
