"""``check`` items for the official parts of a 公文 (GB/T 9704 7.2–7.4): 版头 (issuer in red, 发文字号, red rule,
签发人), 主送, 附件说明, 附件 pages, 落款 (署名 and date position, Arabic date) and 版记 (rules, 抄送, 印发 line at the
bottom of the last page). Each item returns no findings when the document lacks the part."""

from __future__ import annotations

import re

from annual_docx._ooxml.body_facts import Para, TableFacts
from annual_docx._ooxml.read import DocFacts
from annual_docx._output._check_roles import ARABIC_DATE, LABEL, Parts, compact, is_red
from annual_docx._output._check_stream import Gathered
from annual_docx._output._check_text import has_face, look, paragraph_rows
from annual_docx._output._finding import Finding, note, quote, text_width
from annual_docx.gbt9704 import BODY_PT, SIHAO_PT

NUMBER = re.compile(r"〔\d{4}〕[1-9]\d*号")
TOLERANCE = 0.25  # 字
THICK, THIN = range(7, 10), range(5, 7)  # eighths of a point: 0.35 mm ≈ 1 pt (8), 0.25 mm ≈ 0.75 pt (6)
WIDTH_SLACK = 57  # twips: 1 mm


def _row(item: str, expected: str, p: Para, found: str, ok: bool, clause: str) -> Finding:
    return Finding(item, expected, found, ok, quote(p.n, p.text), clause)


def head(facts: DocFacts, parts: Gathered) -> list[Finding]:
    """版头: the issuer mark red and centred (7.2.4; 小标宋 is recommended: a note); the 发文字号 as 代字〔2021〕3号
    (7.2.5); a red rule below (7.2.7); 签发人 for upward documents (a 请示, or any document that names one), with
    the 发文字号 then on the left (7.2.5, 7.2.6)."""
    issuers, numbers, signers = parts.of("issuer"), parts.of("number"), parts.of("signer")
    if not (issuers or numbers or signers):
        titles = parts.of("title")
        if titles and "请示" in titles[0].text:  # the 签发人 sits in the 版头, which this document does not have
            return [note("签发人 / signer",
                         "上行文（请示）的版头标注签发人 / an upward document's 版头 names its signer",
                         "无版头 / no 版头", False, quote(titles[0].n, titles[0].text))]
        return []
    rows = []
    for p in issuers:
        rows.append(_row("发文机关标志 / issuer mark", "红色，居中 / red, centred", p,
                         f"{p.color or '黑色 / black'}，{p.align or 'left'}", is_red(p.color) and p.align == "center",
                         "7.2.4"))
        rows.append(note("发文机关标志字体 / issuer mark font", "推荐小标宋 / 小标宋 recommended", look(p),
                         has_face(p.east_asia, "小标宋"), quote(p.n, p.text)))
    if not issuers:
        rows.append(Finding("发文机关标志 / issuer mark", "红色，居中 / red, centred", "无 / none", False,
                            clause="7.2.4"))
    for p in numbers:
        text = compact(p.text.split("签发人")[0])
        rows.append(_row("发文字号 / document number", "代字〔年份〕序号号，序号不编虚位 / 曲图发〔2021〕3号", p,
                         text, NUMBER.search(text) is not None, "7.2.5"))
        align = "left" if signers else "center"
        found_align = "left" if (p.align or "left") in ("left", "both", "start", "distribute") else p.align
        rows.append(_row("发文字号位置 / number position",
                         "居左空一字（有签发人）/ left, 1 字 in" if signers else "居中 / centred", p,
                         f"{p.align or 'left'}", found_align == align, "7.2.5"))
    if not numbers:
        rows.append(Finding("发文字号 / document number", "代字〔年份〕序号号 / 曲图发〔2021〕3号", "无 / none", False,
                            clause="7.2.5"))
    titles = parts.of("title")
    end = titles[0].n if titles else (numbers or issuers or signers)[-1].n + 1
    start = min(p.n for p in issuers + numbers + signers)
    red = [n for n in parts.red_lines if start <= n <= end]
    rows.append(Finding("版头红色分隔线 / red rule", "发文字号下 4 mm 红线 / red rule below the number",
                        "有 / present" if red else "无 / none", bool(red), clause="7.2.7"))
    for p in signers:
        name = compact(p.text).split("签发人")[-1].lstrip("：:")
        ok = bool(re.search(r"签发人：\S", compact(p.text))) and bool(name)
        rows.append(_row("签发人 / signer", "签发人：姓名（居右空一字）/ 签发人：name, right", p, compact(p.text), ok,
                         "7.2.6"))
    if not signers and titles and "请示" in titles[0].text:
        rows.append(_row("签发人 / signer", "上行文（请示）标注签发人 / an upward document names its signer",
                         titles[0], "无 / none", False, "7.2.6"))
    return rows


def recipients(facts: DocFacts, parts: Parts) -> list[Finding]:
    """主送机关: flush left, ending in a full-width colon."""
    return [_row("主送机关 / addressees", "顶格，以全角冒号结尾 / flush left, ends with ：", p,
                 f"{'顶格 / flush left' if abs(p.left + p.first) < TOLERANCE else f'缩进 {p.left + p.first:g} 字'}，"
                 f"结尾 / ends with “{p.text.rstrip()[-1:]}”",
                 abs(p.left + p.first) < TOLERANCE and p.text.rstrip().endswith("："), "7.3.2")
            for p in parts.of("recipients")]


def _start(p: Para) -> float:
    """Where ``p``'s first character starts, in 字 from the left edge of the type area (left-aligned text)."""
    stripped = p.text.lstrip(" \u3000")
    return p.left + p.first + text_width(p.text[: len(p.text) - len(stripped)])


def attachment_note(facts: DocFacts, parts: Parts) -> list[Finding]:
    """附件说明: 2 字 in, ``附件：1. 名称`` numbered in order when more than one, no final punctuation, continuation
    lines under the first name; before the 署名."""
    notes = parts.of("note")
    if not notes:
        return []
    rows = []
    first = notes[0]
    text = compact(first.text)
    rows.append(_row("附件说明 / attachment note", "空二字，“附件：” / 2 字 in, 附件：", first,
                     f"缩进 / indent {_start(first):g} 字，{text[:3]}",
                     abs(_start(first) - 2) < TOLERANCE and text.startswith("附件："), "7.3.4"))
    alone = text in ("附件：", "附件:") and len(notes) > 1  # 「附件：」 on a line of its own, the names below it
    named = notes[1:] if alone else notes
    names = ([] if alone else [text[3:]]) + [compact(p.text) for p in notes[1:]]
    numbers = [m.group(1) if (m := re.match(r"^(\d+)[.．]", n)) else None for n in names]
    if alone:  # one fact: the names do not follow 「附件：」 (their numbers and punctuation are still judged)
        rows.append(_row("附件说明格式 / attachment note layout", "“附件：”后接附件名称 / the first name after 附件：",
                         first, "“附件：”单独成行 / 附件： on a line of its own", False, "7.3.4"))
    if len(names) > 1:
        wanted = [str(i) for i in range(1, len(names) + 1)]
        rows.append(_row("附件序号 / attachment numbers", "1. 2. 3. … 依次 / in order", first,
                         " ".join(n or "—" for n in numbers), numbers == wanted, "7.3.4"))
        for p in [] if alone else notes[1:]:
            rows.append(_row("附件说明回行 / note continuation", "与首个附件名称对齐（5 字）/ under the first name",
                             p, f"{_start(p):g} 字", abs(_start(p) - 5) < TOLERANCE, "7.3.4"))
    rows += paragraph_rows("附件名称标点 / attachment names", "名称后不加标点 / no final punctuation", named,
                           lambda p: f"“{compact(p.text)[-1]}”" if compact(p.text)[-1:] in "。.；;，,：:" else None,
                           "无标点 / none", "7.3.4")
    closing = parts.of("signature") + parts.of("date")
    if closing:
        rows.append(_row("附件说明位置 / note position", "正文之后、署名之前 / after the body, before the 署名",
                         first, "署名之前 / before" if first.n < closing[0].n else "署名之后 / after",
                         first.n < closing[0].n, "7.3.4"))
    return rows


def attachment_pages(facts: DocFacts, parts: Gathered) -> list[Finding]:
    """附件 pages: each on a new page, ``附件N`` in 黑体 三号 flush left, numbered as in the 附件说明; the
    attachment's title centred below it."""
    labels = parts.of("label")
    if not labels:
        return []
    rows = []
    notes = parts.of("note")
    first_text = parts.first_text
    for i, p in enumerate(labels, start=1):
        if p.n != first_text:  # a file that is itself an attachment starts with its label: no page to break
            rows.append(_row("附件另起页 / attachment page", "另面编排 / starts a new page", p,
                             "另起页 / new page" if p.page_break_before else "接排 / same page",
                             p.page_break_before, "7.3.7"))
        m = LABEL.match(compact(p.text))
        if notes:  # 7.3.7: the label's number as in the 附件说明
            wanted = f"附件{i}" if len(labels) > 1 or len(notes) > 1 else "附件"
            ok = m is not None and compact(p.text) in (wanted, "附件1" if wanted == "附件" else wanted)
        else:  # no 附件说明 to agree with (the file is an attachment on its own): any 附件N
            wanted, ok = "附件N", m is not None
        rows.append(_row("附件标识 / attachment label", f"{wanted}，黑体 三号，顶格 / 黑体 16 pt, flush left", p,
                         f"{compact(p.text)}，{look(p)}，{_start(p):g} 字", ok and has_face(p.east_asia, "黑体")
                         and p.size_pt == BODY_PT and abs(_start(p)) < TOLERANCE and p.align != "center", "7.3.7"))
    rows += [_row("附件标题 / attachment title", "居中 / centred", p, p.align or "left", p.align == "center", "7.3.7")
             for p in parts.of("attachment_title")]
    return rows


def _from_right(p: Para, line_chars: float) -> float:
    """Where ``p``'s first character starts, in 字 from the right edge of the type area."""
    if p.align in ("right", "end"):
        return p.right + text_width(p.text.rstrip(" "))
    if p.align == "center":
        return (line_chars + text_width(p.text.strip())) / 2
    return line_chars - _start(p)


def closing(facts: DocFacts, parts: Parts) -> list[Finding]:
    """落款: the date in Arabic numerals without padding (2021年1月5日); the 署名 and date 2 字 from the right, the
    date's first character 2 字 right of the 署名's (GB/T 9704 7.3.5.2)."""
    rows = []
    dates, signatures = parts.of("date"), parts.of("signature")
    for p in dates:
        text = compact(p.text)
        rows.append(_row("成文日期 / date", "阿拉伯数字，不编虚位 / 2021年1月5日", p, text,
                         ARABIC_DATE.fullmatch(text) is not None, "7.3.5.4"))
    if dates and signatures:
        date, sign = dates[0], signatures[0]
        width = facts.body.sections[min(date.section, len(facts.body.sections) - 1)][0]
        line = width / ((date.size_pt or BODY_PT) * 20)
        d, s = _from_right(date, line), _from_right(sign, line)
        d_end, s_end = d - text_width(compact(date.text)), s - text_width(compact(sign.text))
        ok = abs((s - d) - 2) <= TOLERANCE and abs(min(d_end, s_end) - 2) <= TOLERANCE
        rows.append(_row("署名和日期位置 / 署名 and date position",
                         "署名右空二字，日期首字比署名首字右移二字 / 2 字 from the right, date 2 字 right of 署名",
                         date, f"署名首字距右 / 署名 starts {s:g} 字，日期 / date {d:g} 字，右空 / right space "
                         f"{min(d_end, s_end):g} 字", ok, "7.3.5.2"))
    return rows


def _record_table(parts: Gathered, records: list[Para], last: Para) -> TableFacts | None:
    """The table that holds the 版记 lines (the last table starting before the first), if they are in one."""
    table = parts.record_table
    return table if table is not None and records[0].place != "body" and last.n >= table.n else None


def record(facts: DocFacts, parts: Gathered) -> list[Finding]:
    """版记: 抄送 and 印发 lines in 仿宋 四号; ``抄送：…。``; ``印发机关　2021年1月5日印发`` last; rules as wide as the
    版心, first and last 0.35 mm, between 0.25 mm; the whole 版记 pinned to the bottom of the last page."""
    records = parts.of("record")
    if not records:
        return []
    final = parts.last.get("record", records[-1])
    rows = paragraph_rows("版记字体 / 版记 font", "仿宋 四号 14 pt", records,
                          lambda p: None if has_face(p.east_asia, "仿宋") and p.size_pt == SIHAO_PT else look(p),
                          "仿宋 14 pt", "7.4.2")
    for p in records:
        text = compact(p.text)
        if text.startswith("抄送"):
            rows.append(_row("抄送 / copied to", "抄送：机关，机关。/ 抄送： … ends with 。", p, text[:3] + "…" +
                             text[-1:], text.startswith("抄送：") and text.endswith("。"), "7.4.2"))
    last = compact(final.text)
    rows.append(_row("印发机关和日期 / printed by", "末行：印发机关　2021年1月5日印发 / last line, Arabic date",
                     final, last, last.endswith("印发") and re.search(
                         r"\d{4}年[1-9]\d?月[1-9]\d?日印发$", last) is not None, "7.4.3"))
    table = _record_table(parts, records, final)
    if table is not None:
        width = facts.body.sections[min(table.section, len(facts.body.sections) - 1)][0]
        rules = [table.borders.get("top"), *([table.borders.get("insideH")] if len(records) > 1 else []),
                 table.borders.get("bottom")]
        span = table.width is not None and abs(table.width + table.indent - width) <= WIDTH_SLACK
    else:
        rules = [records[0].borders.get("top"), *[p.borders.get("bottom") for p in records]]
        span = True
    sizes = [r.size if r else 0 for r in rules]
    ok = len(sizes) >= 2 and sizes[0] in THICK and sizes[-1] in THICK and all(s in THIN for s in sizes[1:-1])
    rows.append(Finding("版记分隔线 / 版记 rules", "首末 0.35 mm、中间 0.25 mm，与版心等宽 / 0.35–0.25–0.35 mm, "
                        "type-area wide", f"{' / '.join(f'{s / 8:g} pt' for s in sizes)}"
                        f"{'' if span else '，宽度不等于版心 / not type-area wide'}", ok and span,
                        quote(records[0].n, records[0].text), "7.4.1"))
    later = parts.text_after_record
    pinned = all(p.pinned_bottom for p in records) and final.pinned_bottom
    rows.append(_row("版记位置 / 版记 position", "最后一页版心底部 / bottom of the last page", final,
                     "固定在页面底部 / pinned to the bottom" if pinned and not later else
                     "其后还有正文 / text follows it" if later else
                     "随正文排列，未固定在页面底部 / in the text flow, not pinned to the bottom", pinned and not later,
                     "7.4.1"))
    return rows
