"""Write one PNG of every chart kind to a folder, to look at them: python examples/chart_gallery.py [folder].

Trend and branch numbers below are ILLUSTRATIVE (the 2020 report gives only the 2020 figure, 13.10万册次).
"""

from __future__ import annotations

import sys
from pathlib import Path

from annual_docx._charts import (
    Branch,
    OrgBox,
    category_chart,
    line_chart,
    org_chart,
    party_chart,
    series_bar_chart,
)

YEARS = [2016, 2017, 2018, 2019, 2020]
LOANS = [("成人外借", [14.2, 15.1, 15.8, 16.3, 9.6]), ("少儿外借", [4.1, 4.6, 5.2, 5.5, 3.5])]


def main(folder: Path) -> None:
    """Draw every kind and write it to ``folder`` as PNG."""
    folder.mkdir(parents=True, exist_ok=True)
    library = [
        OrgBox(
            "曲阜市图书馆",
            "馆长 孔德安",
            tuple(OrgBox(d) for d in ["办公室", "采编部", "外借处", "阅览室", "少儿部", "数字资源部", "分馆管理部"]),
        )
    ]
    wide = [OrgBox("文化和旅游局", "局长 某某", tuple(OrgBox(f"第{i}图书室", "主任 某某") for i in range(1, 33)))]
    guided = [
        OrgBox("曲阜市图书馆", "馆长 孔德安", (OrgBox("办公室"), OrgBox("外借处", guides=("尼山书院分馆",)))),
        OrgBox("分馆", None, (OrgBox("尼山书院分馆"), OrgBox("孔子研究院分馆"))),
        OrgBox("党支部", guides=("工会",)),
        OrgBox("工会"),
    ]
    branch = Branch(
        "图书馆支部", (("书记", "孔德安"), ("组织委员", "王建伟"), ("宣传委员", "季旭"), ("纪检委员", "马亮"))
    )
    charts = {
        "title_pie": category_chart("职称结构", [("高级职称", 2), ("中级职称", 8), ("初级职称", 3), ("管理人员", 1)]),
        "education_pie": category_chart("学历结构", [("大专学历", 1), ("本科学历", 13), ("研究生学历", 0)]),
        "education_barh": category_chart(
            "学历结构", [("大专学历", 1), ("本科学历", 13), ("研究生学历", 0)], kind="barh", source="资料来源：人事档案"
        ),
        "org": org_chart(library),
        "org_wide": org_chart(wide, title="32个图书室"),
        "org_guides": org_chart(guided, title="业务指导关系"),
        "party": party_chart([branch]),
        "loans_line": line_chart("外借册次", YEARS, LOANS, unit="万册次", source="资料来源：曲阜市图书馆业务统计"),
        "loans_total_line": line_chart("外借册次", YEARS, [("外借", [18.3, 19.7, 21.0, 21.8, 13.1])], unit="万册次"),
        "loans_grouped": series_bar_chart("外借册次", YEARS, LOANS, unit="万册次"),
        "loans_stacked": series_bar_chart("外借册次", YEARS, LOANS, unit="万册次", stacked=True),
        "loans_stacked_h": series_bar_chart("外借册次", YEARS, LOANS, unit="万册次", stacked=True, horizontal=True),
    }
    for name, chart in charts.items():
        (folder / f"{name}.png").write_bytes(chart.png)
        print(f"{name}.png  {chart.width_mm:.0f}×{chart.height_mm:.0f} mm  {chart.alt_text[:70]}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "chart_gallery"))
