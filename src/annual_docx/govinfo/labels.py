"""The national format of the 政府信息公开工作年度报告 (国办公开办函〔2021〕30号) as data: the six section headings,
their common longer variants, and every label of tables 二、三、四, character for character (full-width brackets and
punctuation, U+201C/U+201D quotes, an ASCII "." after item digits)."""

from __future__ import annotations

from dataclasses import dataclass

HEADINGS: tuple[str, ...] = (
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
)
"""The six section headings of the template annex, without their numbers 一、…六、."""

HEADING_VARIANTS: dict[int, tuple[str, ...]] = {
    2: ("收到和处理政府信息公开的申请情况",),
    3: ("因政府信息公开工作被申请行政复议、提起行政诉讼情况",),
    4: ("政府信息公开工作存在的主要问题及改进情况", "存在的主要问题和改进情况"),
}
"""Longer wordings in common use (the notice's own 报告内容 headings), by section index (0 = 一)."""

# ── Table 二 主动公开政府信息情况: four stacked blocks, four columns wide ──────────────────────────────────────────
CONTENT = "信息内容"


@dataclass(frozen=True)
class Block2:
    """One block of table 二: its title row, its column labels and the rows (信息内容) it counts."""

    title: str
    columns: tuple[str, ...]  # one label per number column; a single label spans the three number columns
    rows: tuple[str, ...]


TABLE2: tuple[Block2, ...] = (
    Block2("第二十条第（一）项", ("本年制发件数", "本年废止件数", "现行有效件数"), ("规章", "行政规范性文件")),
    Block2("第二十条第（五）项", ("本年处理决定数量",), ("行政许可",)),
    Block2("第二十条第（六）项", ("本年处理决定数量",), ("行政处罚", "行政强制")),
    Block2("第二十条第（八）项", ("本年收费金额（单位：万元）",), ("行政事业性收费",)),
)
FEE_ROW = "行政事业性收费"
"""The one row of table 二 that holds an amount (万元, decimals allowed) rather than a count."""

# ── Table 三 收到和处理政府信息公开申请情况 ─────────────────────────────────────────────────────────────────────
NOTE3 = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANTS = "申请人情况"
NATURAL = "自然人"
LEGAL = "法人或其他组织"
TOTAL = "总计"
LEGAL_KINDS = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
COLUMNS3 = (NATURAL, *LEGAL_KINDS, TOTAL)
"""The seven number columns of table 三, left to right."""


@dataclass(frozen=True)
class Node:
    """A row label of table 三; a label with children spans their rows (a merged cell), a leaf is a data row."""

    label: str
    children: tuple[Node, ...] = ()


def _items(*labels: str) -> tuple[Node, ...]:
    return tuple(Node(f"{n}.{label}") for n, label in enumerate(labels, start=1))


NEW = "一、本年新收政府信息公开申请数量"
CARRIED = "二、上年结转政府信息公开申请数量"
OUTCOMES = "三、本年度办理结果"
OUTCOME_TOTAL = "（七）总计"
CARRY_OVER = "四、结转下年度继续办理"
TABLE3: tuple[Node, ...] = (
    Node(NEW),
    Node(CARRIED),
    Node(OUTCOMES, (
        Node("（一）予以公开"),
        Node("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
        Node("（三）不予公开", _items(
            "属于国家秘密", "其他法律行政法规禁止公开", "危及\u201c三安全一稳定\u201d", "保护第三方合法权益",
            "属于三类内部事务信息", "属于四类过程性信息", "属于行政执法案卷", "属于行政查询事项")),
        Node("（四）无法提供", _items(
            "本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确")),
        Node("（五）不予处理", _items(
            "信访举报投诉类申请", "重复申请", "要求提供公开出版物", "无正当理由大量反复申请",
            "要求行政机关确认或重新出具已获取信息")),
        Node("（六）其他处理", _items(
            "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "其他")),
        Node(OUTCOME_TOTAL),
    )),
    Node(CARRY_OVER),
)


def leaves(nodes: tuple[Node, ...] = TABLE3, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Return the label path of every data row of table 三, top to bottom (25 rows)."""
    out: list[tuple[str, ...]] = []
    for node in nodes:
        here = (*path, node.label)
        out += leaves(node.children, here) if node.children else [here]
    return out


ROWS3 = leaves()
"""The 25 data rows of table 三 as label paths, e.g. ``("三、本年度办理结果", "（三）不予公开", "1.属于国家秘密")``."""
OUTCOME_ROWS = [p for p in ROWS3 if p[0] == OUTCOMES and p[-1] != OUTCOME_TOTAL]
"""The 21 outcome rows that add up to （七）总计."""

# ── Table 四 政府信息公开行政复议、行政诉讼情况 ─────────────────────────────────────────────────────────────────
REVIEW = "行政复议"
LITIGATION = "行政诉讼"
DIRECT = "未经复议直接起诉"
AFTER_REVIEW = "复议后起诉"
GROUPS4 = (REVIEW, DIRECT, AFTER_REVIEW)
"""The three groups of five numbers of table 四, left to right."""
RESULTS4 = ("结果维持", "结果纠正", "其他结果", "尚未审结", TOTAL)
