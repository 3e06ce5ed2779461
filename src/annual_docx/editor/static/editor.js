"use strict";
// The editor page: loads the report, checks it as it is typed (messages at their fields), renders the pages in the
// background, saves, exports and imports. Every request carries the run's token.

(() => {
  const token = document.querySelector('meta[name="token"]').content;
  const $ = (id) => document.getElementById(id);
  let version = "";
  let dirty = false;
  let checkTimer = 0;
  let renderTimer = 0;
  let rendering = false;
  let renderAgain = false;
  let checkSeq = 0;
  let hasErrors = false;
  let edits = 0; // changes made so far: a render's messages are shown only if nothing changed since it started
  let lastCheck = [];

  async function api(path, { body, json = true, method = body === undefined ? "GET" : "POST" } = {}) {
    const headers = { "X-Token": token };
    if (json && body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(path, { method, headers, body: json && body !== undefined ? JSON.stringify(body) : body });
    const answer = await response.json().catch(() => ({ ok: false, error: `HTTP ${response.status}` }));
    if (!response.ok) throw Object.assign(new Error(answer.error || `HTTP ${response.status}`), { status: response.status });
    return answer;
  }
  const withToken = (url) => `${url}${url.includes("?") ? "&" : "?"}token=${encodeURIComponent(token)}`;

  function banner(text, error = false) {
    const b = $("banner");
    b.textContent = text || ""; b.hidden = !text; b.classList.toggle("error", error);
  }
  function status(text, state) { const s = $("status"); s.textContent = text; s.dataset.state = state; }
  function markDirty() {
    edits++;
    dirty = true; status("未保存 / not saved", "dirty");
    clearTimeout(checkTimer); checkTimer = setTimeout(check, 400);
  }

  // --- checking: validation errors and lint warnings at their fields ----------------------------------------------
  async function check() {
    const seq = ++checkSeq;
    let problems;
    try { problems = (await api("api/check", { body: { data: Form.data } })).problems; } catch (e) { banner(e.message, true); return; }
    if (seq !== checkSeq) return; // a newer check is on its way
    lastCheck = problems;
    Form.showProblems(problems);
    const errors = problems.filter((p) => p.level === "error");
    hasErrors = errors.length > 0;
    const summary = $("summary");
    summary.replaceChildren();
    if (problems.length) {
      const head = document.createElement("div");
      head.className = "msg " + (errors.length ? "error" : "warning");
      head.textContent = errors.length ? `${errors.length} 处错误，改正后才能生成页面 / ${errors.length} error(s): fix them to see the pages`
        : `${problems.length} 条提示 / ${problems.length} warning(s)`;
      summary.append(head);
      for (const p of problems.slice(0, 30)) {
        const line = document.createElement("div");
        line.className = `msg ${p.level}`;
        line.textContent = `${p.path || "（全文）"}: ${p.message}`;
        line.addEventListener("click", () => Form.reveal(p.path));
        summary.append(line);
      }
    }
    if (!hasErrors) scheduleRender(); else renderStatus("有错误，页面未更新 / errors: the pages are not updated", "error");
  }

  // --- pages beside the form ---------------------------------------------------------------------------------------
  function renderStatus(text, cls) { const r = $("render-status"); r.textContent = text; r.className = cls || ""; }
  function scheduleRender() {
    clearTimeout(renderTimer); renderTimer = setTimeout(render, 600);
    if (!rendering) renderStatus("即将生成页面… / rendering soon…", "busy");
  }
  async function render() {
    if (rendering) { renderAgain = true; return; }
    rendering = true; renderAgain = false;
    renderStatus("正在生成页面… / rendering the pages…", "busy");
    const started = edits;
    try {
      const answer = await api("api/render", { body: { data: Form.data } });
      // when the form changed while this render ran, its messages are out of date (the check that follows the
      // change asks for the next render), but its pages are still the best there is
      const current = started === edits;
      if (!answer.ok) {
        if (current && answer.problems) {
          Form.showProblems([...lastCheck, ...answer.problems.map((p) => ({ ...p, level: "error" }))]);
        }
        if (current) renderStatus(answer.error, "error");
      } else {
        if (current) Form.showProblems(lastCheck);
        showPages(answer, current);
      }
    } catch (e) {
      renderStatus(e.message, "error");
    } finally {
      rendering = false;
      if (renderAgain) render();
    }
  }
  function showPages(answer, current = true) {
    const pages = $("pages");
    pages.replaceChildren(...answer.pages.map((p, i) => {
      const img = document.createElement("img");
      img.src = withToken(`api/out/${answer.render}/${p}`);
      img.alt = `第 ${i + 1} 页 / page ${i + 1}`;
      return img;
    }));
    pages.dataset.render = answer.render;
    const bad = answer.findings.filter((f) => !f.ok);
    const findings = $("findings");
    findings.replaceChildren(...bad.map((f) => {
      const row = document.createElement("div");
      row.className = "finding bad";
      row.textContent = `✗ ${f.item}：${f.found}（应为 ${f.expected}）${f.where ? " — " + f.where : ""}`;
      return row;
    }));
    const ok = document.createElement("div");
    ok.className = "finding";
    ok.textContent = `${answer.findings.length - bad.length} 项符合，${bad.length} 项不符合 / ${bad.length} violation(s)`;
    findings.prepend(ok);
    const notes = [answer.no_pdf, ...(answer.font_warnings || [])].filter(Boolean);
    if (!current) return; // the status says what the next render does
    renderStatus(notes.length ? notes.join("\n") : `已更新（${answer.pages.length} 页）/ updated (${answer.pages.length} pages)`,
      answer.no_pdf ? "error" : "done");
  }

  // --- save, export, import ----------------------------------------------------------------------------------------
  async function save() {
    status("正在保存… / saving…", "saving");
    try {
      const answer = await api("api/save", { body: { data: Form.data, version } });
      version = answer.version; dirty = false;
      status("已保存 / saved", "saved"); banner("");
    } catch (e) {
      status("未保存 / not saved", "error");
      banner(e.message, true);
    }
  }
  async function exportAs(kind) {
    renderStatus(`正在生成 ${kind.toUpperCase()}… / exporting…`, "busy");
    try {
      const answer = await api("api/render", { body: { data: Form.data, pdf: kind === "pdf", pages: false } });
      if (!answer.ok) { renderStatus(answer.error, "error"); return; }
      if (kind === "pdf" && !answer.pdf) { renderStatus(answer.no_pdf, "error"); return; }
      const link = document.createElement("a");
      link.href = withToken(`api/out/${answer.render}/report.${kind}`);
      link.download = "";
      document.body.append(link); link.click(); link.remove();
      renderStatus(`已导出 / exported .${kind}`, "done");
    } catch (e) { renderStatus(e.message, "error"); }
  }
  async function importDocx(file) {
    if (!file) return;
    if (dirty && !confirm("当前修改尚未保存，仍要导入吗？/ Unsaved changes: import anyway?")) return;
    banner(`正在导入 ${file.name}… / importing…`);
    try {
      const state = await api(`api/import?name=${encodeURIComponent(file.name)}`, { body: file, json: false });
      start(state);
      banner(`已导入为 ${state.name}（与原文件在同一文件夹）/ imported as ${state.name}`);
    } catch (e) { banner(e.message, true); }
  }
  async function uploadPicture(file) {
    try {
      return (await api(`api/picture?name=${encodeURIComponent(file.name)}`, { body: file, json: false })).path;
    } catch (e) { banner(e.message, true); return null; }
  }

  function start(state) {
    version = state.version; dirty = false;
    $("file").textContent = state.name;
    document.title = `${state.name} — 年报编辑器`;
    status("已打开 / opened", "saved");
    if (!state.libreoffice) {
      renderStatus("没有找到 LibreOffice：不能显示页面或导出 PDF，仍可保存和导出 .docx。安装：apt-get install "
        + "--no-install-recommends libreoffice-writer poppler-utils fonts-noto-cjk / LibreOffice is not installed", "error");
    }
    Form.load(state.data);
    check();
  }

  async function main() {
    const [state, schema] = await Promise.all([api("api/state"), api("api/schema")]);
    Form.init({ schema, root: $("form"), onChange: markDirty, pictureUpload: uploadPicture,
      fileUrl: (p) => withToken(`api/file?path=${encodeURIComponent(p)}`) });
    $("form").addEventListener("submit", (e) => e.preventDefault());
    start(state);
    $("save").addEventListener("click", save);
    $("export-docx").addEventListener("click", () => exportAs("docx"));
    $("export-pdf").addEventListener("click", () => exportAs("pdf"));
    $("import").addEventListener("change", (e) => importDocx(e.target.files[0]));
    document.addEventListener("keydown", (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key === "s") { e.preventDefault(); save(); }
    });
    window.addEventListener("beforeunload", (e) => { if (dirty) e.preventDefault(); });
    let depth = 0;
    document.addEventListener("dragenter", (e) => { if (e.dataTransfer.types.includes("Files")) { depth++; $("drop").hidden = false; } });
    document.addEventListener("dragleave", () => { if (--depth <= 0) { depth = 0; $("drop").hidden = true; } });
    document.addEventListener("dragover", (e) => e.preventDefault());
    document.addEventListener("drop", (e) => {
      e.preventDefault(); depth = 0; $("drop").hidden = true;
      const file = [...e.dataTransfer.files].find((f) => f.name.toLowerCase().endsWith(".docx"));
      if (file) importDocx(file); else banner("只能导入 .docx 文件 / only .docx files can be imported", true);
    });
  }
  main().catch((e) => banner(`无法打开 / cannot open: ${e.message}`, true));
})();
