"""The numbers of GB/T 9704-2012 《党政机关公文格式》 the library builds and checks against, in one place: paper,
margins, type area, line grid, faces and sizes (see /work/shared/reference/gbt9704.md; clause numbers in brackets).
Lengths in twips (1/1440 inch) unless the name says mm or pt. The template design, ``check``, tables, chart frames
and the 版记 take them from here."""

from __future__ import annotations

from typing import Final

TWIPS_PER_MM: Final = 1440 / 25.4

# Paper and margins [5.2.1, 5.2.2]: A4, 天头 37 mm, 订口 28 mm, type area 156 × 225 mm.
PAPER_MM: Final = (210, 297)
MARGINS_MM: Final = (("top", 37), ("bottom", 35), ("left", 28), ("right", 26))
PAGE_WIDTH: Final = 11906
PAGE_HEIGHT: Final = 16838
MARGIN_TOP: Final = 2098
MARGIN_BOTTOM: Final = 1984
MARGIN_LEFT: Final = 1587
MARGIN_RIGHT: Final = 1474
HEADER: Final = 851  # practice: where Word puts the header
FOOTER: Final = 1304  # practice: the page number 7 mm below the type area

TYPE_WIDTH: Final = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 8845 twips: the 156 mm 版心
TYPE_HEIGHT: Final = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM  # 12756 twips
TYPE_WIDTH_MM: Final = 156.0

# The line grid [5.2.3]: 22 lines of 28 characters of 三号 body text.
LINES_PER_PAGE: Final = 22
CHARS_PER_LINE: Final = 28
LINE: Final = 579  # twips: 12756 / 22 = 28.95 pt a line

# Sizes [7]: the title 二号, body text and headings 三号, the 版记 and page numbers 四号 (captions and table text too,
# in practice).
ERHAO_PT: Final = 22
SANHAO_PT: Final = 16
SIHAO_PT: Final = 14
TITLE_PT: Final = ERHAO_PT
BODY_PT: Final = SANHAO_PT

# Faces named in the Word document [5.2.3, 7] and the space that indents by one character.
FANGSONG: Final = "仿宋_GB2312"
KAITI: Final = "楷体_GB2312"
HEITI: Final = "黑体"
XIAOBIAOSONG: Final = "方正小标宋简体"
SONGTI: Final = "宋体"
LATIN: Final = "Times New Roman"
FULL_SPACE: Final = "\u3000"  # 全角空格

# The look of each heading level [7.3.3]: 一、 黑体, （一） 楷体, 1. 仿宋 bold, （1） 仿宋 — (face, bold). The
# template's heading styles and run-in headings (a heading opening its paragraph) both take it from here.
HEADING_FACES: Final[dict[int, tuple[str, bool]]] = {1: (HEITI, False), 2: (KAITI, False), 3: (FANGSONG, True),
                                                     4: (FANGSONG, False)}
