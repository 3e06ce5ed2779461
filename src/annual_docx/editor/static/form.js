"use strict";
// The report as a form, built from the report's JSON Schema (annual-docx schema). Plain JavaScript, no build step.
// The data lives in one tree (Form.data); every field reads and writes it by its path (["sections", 0, "title"]),
// and carries data-path="sections[0].title": the library's own spelling of field paths, so its messages find it.

const Form = (() => {
  let defs = {};
  let root = null; // the element the form is drawn in
  let data = {};
  let changed = () => {};
  let pictureUpload = null; // async (File) => "images/x.jpg"
  let fileUrl = (p) => p;
  const open = new Set(["sections"]); // paths of the cards the user opened, kept across redraws

  // --- paths and values -------------------------------------------------------------------------------------------
  const pathText = (path) => path.map((k, i) => (typeof k === "number" ? `[${k}]` : i ? `.${k}` : k)).join("");
  const get = (path) => path.reduce((v, k) => (v == null ? undefined : v[k]), data);
  function put(path, value) {
    if (!path.length) { data = value; return; }
    const parent = get(path.slice(0, -1));
    parent[path[path.length - 1]] = value;
  }
  function drop(path) {
    const parent = get(path.slice(0, -1));
    const key = path[path.length - 1];
    if (Array.isArray(parent)) parent.splice(key, 1); else delete parent[key];
  }
  function set(path, value) { put(path, value); changed(); }

  // --- schema helpers ---------------------------------------------------------------------------------------------
  const resolve = (s) => { let n = 0; while (s && s.$ref && n++ < 20) s = defs[s.$ref.split("/").pop()]; return s || {}; };
  function options(s) {
    s = resolve(s);
    const list = s.anyOf || (s.oneOf && !s.discriminator ? s.oneOf : null);
    if (!list) return { schema: s, nullable: false };
    const real = list.filter((o) => resolve(o).type !== "null");
    return real.length === 1 ? { schema: resolve(real[0]), nullable: true, outer: s }
      : { schema: s, nullable: real.length < list.length, choices: real.map(resolve) };
  }
  const NAMES = { chart: "图表类型", caption: "图题", kind: "类型", type: "类型", name: "名称", text: "文字",
    title: "标题", head: "负责人", children: "下级单位", roles: "职务", date: "日期", event: "事件", photos: "照片",
    units: "单位", branches: "党支部", events: "大事", awards: "荣誉", items: "条目" };
  function zh(s, key) {
    // the Chinese half of the schema's description, else a Chinese name for the key, else the key
    const d = (s && s.description) || "";
    const first = d.split(" / ")[0].split(/[；（(]/)[0].trim();
    return first || NAMES[key] || (s && s.title) || key || "";
  }
  function scalarType(s) {
    s = resolve(s);
    if (s.enum) return "enum";
    if (s.const !== undefined) return "const";
    if (s.type === "string" || s.type === "integer" || s.type === "number" || s.type === "boolean") return s.type;
    if (s.anyOf && s.anyOf.every((o) => ["string", "integer", "number", "null"].includes(resolve(o).type))) return "mixed";
    return null;
  }
  function blank(s) {
    const { schema } = options(s);
    s = schema;
    if (s.oneOf && s.discriminator) return variant(s, Object.keys(s.discriminator.mapping)[0]);
    if (s.const !== undefined) return s.const;
    if (s.enum) return s.enum[0];
    switch (s.type) {
      case "string": return "";
      case "integer": case "number": return 0;
      case "boolean": return false;
      case "array": return s.minItems ? [blank(s.items)] : [];
      case "object": {
        const out = {};
        if (s.properties) for (const k of s.required || []) out[k] = blank(s.properties[k]);
        else if (s.additionalProperties && s.minProperties) out["系列1"] = blank(s.additionalProperties);
        return out;
      }
      default: return "";
    }
  }
  const STARTERS = { // blocks a clerk adds most, with a shape that already renders
    table: { type: "table", title: "", header: ["项目", "数量"], rows: [["", 0]] },
    chart: { type: "chart", chart: "bar", title: "", labels: ["2024年", "2025年"], series: { "数量": [0, 0] } },
    paragraph: { type: "paragraph", text: "" },
    photos: { type: "photos", photos: [] },
  };
  function variant(union, tag) {
    const key = union.discriminator.propertyName;
    if (key === "type" && STARTERS[tag]) return JSON.parse(JSON.stringify(STARTERS[tag]));
    const s = resolve({ $ref: union.discriminator.mapping[tag] });
    const out = { [key]: tag };
    for (const k of s.required || []) if (k !== key) out[k] = blank(s.properties[k]);
    if (s.properties && s.properties.title && !("title" in out)) out.title = "";
    if (key === "kind" && tag === "section") { delete out.kind; out.paragraphs = [""]; } // kind: section is the default
    return out;
  }
  function tagOf(union, value) {
    const key = union.discriminator.propertyName;
    return (value && value[key]) || (key === "kind" ? "section" : Object.keys(union.discriminator.mapping)[0]);
  }

  // --- small DOM helpers ------------------------------------------------------------------------------------------
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v == null || v === false) continue;
      if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children) if (c != null) node.append(c);
    return node;
  }
  function field(path, label, help, body) {
    return el("div", { class: "field", "data-path": pathText(path) },
      label ? el("label", { class: "label", title: help || "" }, label) : null, body, el("div", { class: "msgs" }));
  }
  function parseNumber(text) {
    const t = text.trim();
    return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : text; // anything else is kept: validation names it
  }
  function redraw() { draw(); changed(); }

  // --- widgets ----------------------------------------------------------------------------------------------------
  function scalar(path, s, { long = false, label = "", help = "" } = {}) {
    const value = get(path);
    const kind = scalarType(s);
    let input;
    if (kind === "boolean") {
      input = el("input", { type: "checkbox", checked: value === undefined ? !!resolve(s).default : !!value,
        onchange: (e) => set(path, e.target.checked) });
    } else if (kind === "enum") {
      const choices = resolve(s).enum;
      input = el("select", { onchange: (e) => set(path, e.target.value) },
        ...choices.map((c) => el("option", { value: c, selected: c === value }, String(c))));
    } else if (kind === "const") {
      input = el("span", { class: "const" }, String(value));
    } else {
      const numeric = kind === "integer" || kind === "number";
      const text = value == null ? "" : String(value);
      const attrs = { value: text, spellcheck: false,
        oninput: (e) => set(path, numeric || kind === "mixed" ? parseNumber(e.target.value) : e.target.value) };
      if (long || text.length > 40) {
        input = el("textarea", { ...attrs, rows: Math.min(8, Math.max(2, Math.ceil(text.length / 45))) });
        input.value = text;
      } else {
        input = el("input", { ...attrs, type: "text", inputmode: numeric ? "decimal" : null,
          placeholder: resolve(s).format === "date" ? "2026-01-10" : null });
      }
    }
    return field(path, label, help, input);
  }

  function optionalWrap(path, s, label, help, build) {
    // a field that may be left out: shown when present, with ✕ to leave it out again
    const node = build();
    const remove = el("button", { type: "button", class: "mini", title: "删除此项 / leave this out",
      onclick: () => {
        const v = get(path);
        const big = v && typeof v === "object" && Object.keys(v).length > 0;
        if (big && !confirm(`删除“${label || path[path.length - 1]}”及其全部内容？/ Remove it and everything in it?`)) return;
        drop(path); redraw();
      } }, "✕");
    node.querySelector(".label")?.append(remove);
    return node;
  }

  function object(path, s, label, help, hidden = []) {
    s = resolve(s);
    const value = get(path) || {};
    const box = el("div", { class: "object" });
    const required = new Set(s.required || []);
    const props = s.properties || {};
    const skip = new Set(hidden);
    const absent = [];
    const grids = {}; // a chart's labels + series, a table's header + rows: one grid, where the first of them is
    if (props.labels && props.series) { grids.labels = grids.series = () => chartGrid(path); }
    if (props.header !== undefined && props.rows !== undefined && tableFits(value)) {
      grids.header = grids.rows = () => tableGrid(path);
    }
    const order = [...Object.keys(value).filter((k) => k in props), ...Object.keys(props).filter((k) => !(k in value))];
    for (const key of order) { // the file's order first: the form reads like the file
      const ps = props[key];
      if (skip.has(key)) continue;
      if (grids[key]) {
        box.append(grids[key]());
        for (const k of Object.keys(grids)) if (grids[k] === grids[key]) skip.add(k);
        continue;
      }
      if (!(key in value) && !required.has(key) && unionList(ps)) { // blocks, sections: always offered
        box.append(list([...path, key], resolve(ps), zh(ps, key), (ps.description || "") + ` (${key})`));
        continue;
      }
      if (!(key in value) && !required.has(key)) { absent.push(key); continue; }
      const node = any([...path, key], ps, zh(ps, key), (ps.description || "") + ` (${key})`);
      box.append(required.has(key) ? node : optionalWrap([...path, key], ps, zh(ps, key), "", () => node));
    }
    if (absent.length) {
      const pick = el("select", { class: "add-field", onchange: (e) => {
        const key = e.target.value; if (!key) return;
        value[key] = blank(props[key]); put(path, value); redraw();
      } }, el("option", { value: "" }, "＋ 添加字段… / add a field"),
      ...absent.map((k) => el("option", { value: k }, `${zh(props[k], k)} (${k})`)));
      box.append(pick);
    }
    return label ? field(path, label, help, box) : el("div", { "data-path": pathText(path), class: "field" }, box,
      el("div", { class: "msgs" }));
  }
  function unionList(ps) {
    const r = resolve(ps);
    return r.type === "array" && !!resolve(r.items).discriminator;
  }
  function tableFits(value) {
    const flat = (row) => Array.isArray(row) && row.every((c) => c === null || typeof c !== "object");
    return (value.header == null || flat(value.header)) && (value.rows == null || value.rows.every(flat)) && !value.source;
  }

  function list(path, s, label, help) {
    s = resolve(s);
    const present = Array.isArray(get(path));
    const items = present ? get(path) : []; // an absent list is written only when an item is added
    const keep = () => { if (!present && items.length) put(path, items); };
    const itemSchema = options(s.items);
    const box = el("div", { class: "list" });
    const simple = scalarType(s.items) !== null;
    items.forEach((item, i) => {
      const tools = el("span", { class: "tools" },
        el("button", { type: "button", class: "mini", title: "上移 / up", disabled: i === 0,
          onclick: () => { items.splice(i - 1, 0, items.splice(i, 1)[0]); redraw(); } }, "↑"),
        el("button", { type: "button", class: "mini", title: "下移 / down", disabled: i === items.length - 1,
          onclick: () => { items.splice(i + 1, 0, items.splice(i, 1)[0]); redraw(); } }, "↓"),
        el("button", { type: "button", class: "mini", title: "删除 / remove",
          onclick: () => { if (simple || confirm("删除这一项？/ Remove this item?")) { items.splice(i, 1); redraw(); } } },
        "✕"));
      if (path[path.length - 1] === "sections") tools.prepend(...nestTools(path, i));
      const itemPath = [...path, i];
      if (simple) {
        const long = ["paragraphs", "opening", "items", "closing"].includes(path[path.length - 1]);
        const node = scalar(itemPath, s.items, { long });
        node.prepend(tools);
        box.append(node);
      } else {
        const key = pathText(itemPath);
        const card = el("details", { class: "card", "data-path": key, open: open.has(key),
          ontoggle: (e) => { if (e.target !== card) return; card.open ? open.add(key) : open.delete(key); } });
        card.append(el("summary", {}, el("span", { class: "summary" }, summary(item, s.items, i)), tools),
          el("div", { class: "msgs" }));
        card.addEventListener("toggle", () => { if (card.open && !card.dataset.built) build(); }, { once: false });
        const build = () => { card.dataset.built = "1"; card.append(any(itemPath, s.items, "", "", true)); };
        if (card.open) build();
        box.append(card);
      }
    });
    box.append(adder(path, s, itemSchema, items, keep));
    return field(path, label, help, box);
  }

  function nestTools(path, i) {
    // sections: move under the previous sibling (one level down) or out to the parent's level (one level up)
    const depth = path.filter((k) => k === "sections").length;
    const items = get(path);
    const down = el("button", { type: "button", class: "mini", title: "降一级，放到上一节之下 / make it a subsection of the one above",
      disabled: i === 0 || depth >= 4, onclick: () => {
        const target = items[i - 1];
        (target.sections = target.sections || []).push(items.splice(i, 1)[0]);
        open.add(pathText([...path, i - 1])); // show where it went
        redraw();
      } }, "→");
    const parentPath = path.slice(0, -1); // the section this list belongs to
    const outerPath = path.slice(0, -2); // the list that section is in
    const up = el("button", { type: "button", class: "mini", title: "升一级，排在所属节之后 / move up a level",
      disabled: depth < 2, onclick: () => {
        const moved = items.splice(i, 1)[0];
        if (!items.length) delete get(parentPath).sections;
        get(outerPath).splice(parentPath[parentPath.length - 1] + 1, 0, moved); redraw();
      } }, "←");
    return [up, down];
  }

  function adder(path, s, itemSchema, items, keep) {
    const union = resolve(s.items);
    if (union.oneOf && union.discriminator) {
      const mapping = union.discriminator.mapping;
      return el("select", { class: "add-item", onchange: (e) => {
        if (!e.target.value) return;
        items.push(variant(union, e.target.value)); keep();
        open.add(pathText([...path, items.length - 1])); redraw();
      } }, el("option", { value: "" }, path[path.length - 1] === "sections" ? "＋ 添加一节… / add a section"
        : "＋ 添加内容块… / add a block"),
      ...Object.keys(mapping).map((tag) => el("option", { value: tag },
        `${zh(resolve({ $ref: mapping[tag] }), tag)} (${tag})`)));
    }
    return el("button", { type: "button", class: "add", onclick: () => {
      items.push(blank(itemSchema.schema)); keep(); open.add(pathText([...path, items.length - 1])); redraw();
    } }, "＋ 添加 / add");
  }

  function summary(item, s, i) {
    const text = item && typeof item === "object"
      ? item.title || item.name || item.caption || item.text || item.path || item.event || "" : "";
    const u = resolve(s);
    const tag = u.discriminator ? tagOf(u, item) : "";
    const kind = tag ? `[${zh(resolve({ $ref: u.discriminator.mapping[tag] }), tag)}] ` : "";
    return `${i + 1}. ${kind}${String(text).slice(0, 40)}`;
  }

  function union(path, s, label, help) {
    const u = resolve(s);
    const value = get(path) || {};
    const key = u.discriminator.propertyName;
    const tag = tagOf(u, value);
    const select = el("select", { class: "variant", onchange: (e) => {
      const next = variant(u, e.target.value);
      if (value.title && "title" in next) next.title = value.title;
      put(path, next); redraw();
    } }, ...Object.keys(u.discriminator.mapping).map((t) => el("option", { value: t, selected: t === tag },
      `${zh(resolve({ $ref: u.discriminator.mapping[t] }), t)} (${key}: ${t})`)));
    const chosen = resolve({ $ref: u.discriminator.mapping[tag] });
    const inner = object(path, chosen, "", "", [key]);
    inner.querySelector(".object").prepend(el("div", { class: "field" }, el("label", { class: "label" }, "类型 / kind"),
      select));
    return label ? field(path, label, help, inner) : inner;
  }

  function raw(path, s, label, help) {
    // anything the form has no widget for: JSON text, checked as it is typed
    const area = el("textarea", { class: "raw", rows: 4, spellcheck: false });
    area.value = JSON.stringify(get(path) ?? null, null, 1);
    area.addEventListener("input", () => {
      try { set(path, JSON.parse(area.value)); area.classList.remove("bad"); } catch { area.classList.add("bad"); }
    });
    return field(path, label, (help || "") + " — JSON", area);
  }

  function picture(path, s, label, help) {
    const node = scalar(path, s, { label, help });
    const input = node.querySelector("input");
    const img = el("img", { class: "thumb", alt: "" });
    const show = () => { img.src = input.value ? fileUrl(input.value) : ""; img.hidden = !input.value; };
    input.addEventListener("change", show); show();
    const chooser = el("input", { type: "file", accept: "image/png,image/jpeg", class: "upload",
      onchange: async (e) => {
        const file = e.target.files[0]; if (!file) return;
        const saved = await pictureUpload(file);
        if (saved) { input.value = saved; set(path, saved); show(); }
      } });
    node.insertBefore(el("div", { class: "picture" }, chooser, img), node.querySelector(".msgs"));
    return node;
  }

  function chartGrid(path) {
    // labels across the top, one row per series: 系列名 | value per label
    const value = get(path);
    value.labels = value.labels || [];
    value.series = value.series || {};
    const table = el("table", { class: "grid" });
    const head = el("tr", {}, el("th", {}, "系列 \\ 标签"));
    value.labels.forEach((lab, j) => head.append(el("th", { "data-path": pathText([...path, "labels", j]) },
      cell(String(lab), (t) => { value.labels[j] = parseNumber(t); changed(); }))));
    table.append(head);
    Object.entries(value.series).forEach(([name, values]) => {
      const row = el("tr", { "data-path": pathText([...path, "series", name]) });
      row.append(el("th", {}, cell(name, (t) => {
        const entries = Object.entries(value.series).map(([k, v]) => [k === name ? t : k, v]);
        value.series = Object.fromEntries(entries); name = t; changed();
      })));
      value.labels.forEach((_, j) => row.append(el("td", { "data-path": pathText([...path, "series", name, j]) },
        cell(values[j] == null ? "" : String(values[j]), (t) => { values[j] = parseNumber(t); changed(); }))));
      table.append(row);
    });
    const tools = el("div", { class: "grid-tools" },
      el("button", { type: "button", class: "mini", onclick: () => {
        value.labels.push(""); for (const v of Object.values(value.series)) v.push(0); redraw(); } }, "＋ 标签 / label"),
      el("button", { type: "button", class: "mini", disabled: value.labels.length < 2, onclick: () => {
        value.labels.pop(); for (const v of Object.values(value.series)) v.pop(); redraw(); } }, "－ 标签"),
      el("button", { type: "button", class: "mini", onclick: () => {
        let n = Object.keys(value.series).length + 1; while (value.series[`系列${n}`]) n++;
        value.series[`系列${n}`] = value.labels.map(() => 0); redraw(); } }, "＋ 系列 / series"),
      el("button", { type: "button", class: "mini", disabled: Object.keys(value.series).length < 2, onclick: () => {
        const names = Object.keys(value.series); delete value.series[names[names.length - 1]]; redraw(); } }, "－ 系列"));
    return el("div", { class: "field", "data-path": pathText([...path, "series"]) },
      el("label", { class: "label" }, "图表数据 / chart data"), table, tools, el("div", { class: "msgs" }),
      el("div", { "data-path": pathText([...path, "labels"]) }, el("div", { class: "msgs" })));
  }

  function tableGrid(path) {
    // header (one row) and body rows as one grid; numbers typed as numbers, anything else as text
    const value = get(path);
    if (value.header == null && value.rows == null) { value.header = ["", ""]; value.rows = [["", ""]]; }
    const width = Math.max(value.header ? value.header.length : 0, ...(value.rows || []).map((r) => r.length), 1);
    const table = el("table", { class: "grid" });
    if (value.header) {
      const tr = el("tr", { "data-path": pathText([...path, "header"]) });
      for (let j = 0; j < width; j++) tr.append(el("th", { "data-path": pathText([...path, "header", j]) },
        cell(value.header[j] == null ? "" : String(value.header[j]), (t) => { value.header[j] = t; changed(); })));
      table.append(tr);
    }
    (value.rows || []).forEach((row, i) => {
      const tr = el("tr", { "data-path": pathText([...path, "rows", i]) });
      for (let j = 0; j < width; j++) tr.append(el("td", { "data-path": pathText([...path, "rows", i, j]) },
        cell(row[j] == null ? "" : String(row[j]), (t) => { row[j] = parseNumber(t); changed(); })));
      table.append(tr);
    });
    const grow = (fn) => () => { fn(); redraw(); };
    const tools = el("div", { class: "grid-tools" },
      el("button", { type: "button", class: "mini", onclick: grow(() => {
        (value.rows = value.rows || []).push(Array.from({ length: width }, () => "")); }) }, "＋ 行 / row"),
      el("button", { type: "button", class: "mini", disabled: !(value.rows || []).length,
        onclick: grow(() => value.rows.pop()) }, "－ 行"),
      el("button", { type: "button", class: "mini", onclick: grow(() => {
        if (value.header) value.header.push(""); for (const r of value.rows || []) r.push(""); }) }, "＋ 列 / column"),
      el("button", { type: "button", class: "mini", disabled: width < 2, onclick: grow(() => {
        if (value.header) value.header.splice(width - 1); for (const r of value.rows || []) r.splice(width - 1); }) },
      "－ 列"));
    return el("div", { class: "field", "data-path": pathText([...path, "rows"]) },
      el("label", { class: "label" }, "表格（第一行为表头）/ table (first row: header)"), table, tools,
      el("div", { class: "msgs" }));
  }

  function cell(text, write) {
    const input = el("input", { type: "text", value: text, spellcheck: false });
    input.addEventListener("input", () => write(input.value));
    return input;
  }

  function any(path, s, label, help, bare = false) {
    const { schema, nullable, choices } = options(s);
    if (nullable && get(path) === null) return scalar(path, { type: "string" }, { label, help });
    if (schema.oneOf && schema.discriminator) return union(path, schema, bare ? "" : label, help);
    if (choices) {
      if (scalarType(schema) === "mixed") return scalar(path, schema, { label, help });
      return raw(path, s, label, help);
    }
    if (scalarType(schema)) {
      if (schema.format === "path") return picture(path, schema, label, help);
      return scalar(path, schema, { label, help, long: path[path.length - 1] === "text" });
    }
    if (schema.type === "array") {
      if (schema.items && resolve(schema.items).type === "array") return raw(path, s, label, help);
      return list(path, schema, label, help);
    }
    if (schema.type === "object" && schema.properties) return object(path, schema, bare ? "" : label, help);
    return raw(path, s, label, help);
  }

  // --- the whole form, and messages at their fields ---------------------------------------------------------------
  function draw() {
    const scroll = root.parentElement ? root.parentElement.scrollTop : 0;
    const top = resolve({ $ref: data.kind === "govinfo" ? "#/$defs/GovinfoReport" : "#/$defs/Report" });
    root.replaceChildren(object([], top, "", ""));
    showProblems(lastProblems);
    if (root.parentElement) root.parentElement.scrollTop = scroll;
  }

  let lastProblems = [];
  function showProblems(problems) {
    lastProblems = problems;
    for (const m of root.querySelectorAll(".msgs")) m.replaceChildren();
    for (const bad of root.querySelectorAll(".has-error,.has-warning")) bad.classList.remove("has-error", "has-warning");
    const placed = [];
    for (const p of problems) {
      const target = fieldFor(p.path);
      if (!target) continue;
      const msgs = target.querySelector(":scope > .msgs") || target.querySelector(".msgs");
      msgs.append(el("div", { class: `msg ${p.level}`, role: p.level === "error" ? "alert" : null },
        `${p.code ? `[${p.code}] ` : ""}${p.message}`));
      target.classList.add(p.level === "error" ? "has-error" : "has-warning");
      for (let d = target.parentElement?.closest("details"); d; d = d.parentElement?.closest("details")) {
        d.classList.add(p.level === "error" ? "has-error" : "has-warning");
      }
      placed.push(p);
    }
    return placed;
  }

  function fieldFor(path) {
    // the field the path names, or the nearest one above it that is drawn (a closed card, an object)
    let text = path || "";
    while (text) {
      const found = root.querySelector(`[data-path="${CSS.escape(text)}"]`);
      if (found) return found;
      const cut = Math.max(text.lastIndexOf("."), text.lastIndexOf("["));
      text = cut > 0 ? text.slice(0, cut) : "";
    }
    return root.querySelector(".field");
  }

  function reveal(path) {
    // open the cards down to a field and scroll to it
    const parts = []; const re = /([^.[\]]+)|\[(\d+)\]/g; let m;
    while ((m = re.exec(path))) parts.push(m[2] !== undefined ? Number(m[2]) : m[1]);
    for (let i = 1; i <= parts.length; i++) open.add(pathText(parts.slice(0, i)));
    draw();
    const target = fieldFor(path);
    if (target) target.scrollIntoView({ block: "center" });
    return target;
  }

  return {
    init(options) {
      defs = options.schema.$defs || {}; root = options.root; changed = options.onChange;
      pictureUpload = options.pictureUpload; fileUrl = options.fileUrl;
    },
    load(value) { data = value; draw(); },
    get data() { return data; },
    draw, showProblems, reveal, pathText,
  };
})();
