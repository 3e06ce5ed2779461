"""docxtpl's ``DocxTemplate`` with two costs of large templates removed.

- Swapping the rendered body in: lxml's ``replace`` walks the whole *old* body node by node to move it out of the
  document, which took 3.9 s for a template with 12,000 tags (docxtpl #490). Emptying the old body first makes the
  swap take milliseconds.
- Cleaning the template's XML for Jinja (``patch_xml``, a dozen regular expressions over the whole part) depends only
  on the template, so it runs once per process and template part.
"""

from __future__ import annotations

import functools
from typing import Any, Final

_MAX_PATCHED: Final = 16
_patched: dict[str, str] = {}


@functools.cache
def template_class() -> Any:
    """Return the ``DocxTemplate`` subclass (docxtpl is imported on first use)."""
    from docxtpl import DocxTemplate

    class FastTemplate(DocxTemplate):  # type: ignore[misc]
        """A DocxTemplate whose body swap is linear in the new body and whose XML clean-up is memoised."""

        def patch_xml(self, src_xml: str) -> str:
            patched = _patched.get(src_xml)
            if patched is None:
                if len(_patched) >= _MAX_PATCHED:
                    _patched.clear()
                patched = _patched[src_xml] = super().patch_xml(src_xml)
            return patched

        def map_tree(self, tree: Any) -> None:
            root = self.docx._element
            body = root.body
            body.clear()  # nothing of the old body survives; emptied, lxml need not walk it to move it out
            root.replace(body, tree)

    return FastTemplate
