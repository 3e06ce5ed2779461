"""Keyword arguments renamed in the public API (every output is now ``out``): the old names keep working for a while,
with a :class:`DeprecationWarning` naming the new one."""

from __future__ import annotations

import functools
import inspect
import warnings
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def renamed(**old_to_new: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Accept each old keyword name of ``old_to_new`` as its new name, warning once a call; giving both is a
    TypeError, as giving one argument twice is."""

    def wrap(func: Callable[P, R]) -> Callable[P, R]:
        names = list(inspect.signature(func).parameters)

        @functools.wraps(func)
        def call(*args: Any, **kwargs: Any) -> Any:
            for old, new in old_to_new.items():
                if old in kwargs:
                    if new in kwargs or names.index(new) < len(args):
                        raise TypeError(f"{func.__name__}() got both {old!r} and {new!r}; use {new!r}")
                    warnings.warn(f"{func.__name__}(): the keyword {old!r} is now {new!r}", DeprecationWarning,
                                  stacklevel=2)
                    kwargs[new] = kwargs.pop(old)
            return func(*args, **kwargs)

        return call

    return wrap


def keyword_only(*former: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Accept the options ``former`` — keyword-only now, positional before — by position for a while: each one given
    by position is passed by its name, with a :class:`DeprecationWarning` naming the keyword to use."""

    def wrap(func: Callable[P, R]) -> Callable[P, R]:
        params = inspect.signature(func).parameters.values()
        positional = sum(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in params)

        @functools.wraps(func)
        def call(*args: Any, **kwargs: Any) -> Any:
            extra = args[positional:]
            if extra:
                if len(extra) > len(former):
                    raise TypeError(f"{func.__name__}() takes at most {positional + len(former)} positional "
                                    f"arguments ({len(args)} given)")
                named = former[:len(extra)]
                for name, value in zip(named, extra, strict=True):
                    if name in kwargs:
                        raise TypeError(f"{func.__name__}() got multiple values for argument {name!r}")
                    kwargs[name] = value
                shown = ", ".join(f"{n}=" for n in named)
                warnings.warn(f"{func.__name__}(): pass {shown} by keyword, not by position", DeprecationWarning,
                              stacklevel=2)
            return func(*args[:positional], **kwargs)

        return call

    return wrap
