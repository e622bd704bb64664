"""The interactive page's template, style and script (see :mod:`argmap.formats.html`).

Kept as Python strings, not files beside the package, so the page can never be written
without them (an installed package may leave data files behind); the script is plain
ES2017 with no library, so the page runs offline in any current browser.
"""

from __future__ import annotations

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy"
 content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>{{TITLE}}</title>
<style>{{STYLE}}</style>
</head>
<body>
<header><h1>{{TITLE}}</h1>
<div id="views"><label>Show <select id="view-choice"><option value="">The whole map</option></select></label>
<span id="stepper" hidden><button id="back" title="Hide the last step (Left)">◀</button>
<span id="step-label"></span>
<button id="next" title="Show the next step (Right)">▶</button>
<button id="all" title="Show every step">All</button></span></div>
<div id="zoom"><button id="zoom-out" title="Zoom out">−</button><button id="zoom-fit"
 title="Fit to the window">Fit</button><button id="zoom-in" title="Zoom in">+</button></div>
</header>
<main>
<div id="canvas">{{FIGURES}}</div>
<aside>
<section id="detail"><p class="hint">Click a card to read its quote and the article it
comes from. Drag to pan, scroll to zoom.</p></section>
<section><h2>Authors</h2><div id="author-filters"></div></section>
<section><h2>Kinds</h2><div id="kind-filters"></div></section>
</aside>
</main>
<pre id="selftest-result" hidden></pre>
<script type="application/json" id="map-data">{{DATA}}</script>
<script>{{SCRIPT}}</script>
</body>
</html>
"""

STYLE = """
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; font-family: "DejaVu Sans", Verdana, sans-serif;
  color: #222; background: #f4f4f4; }
body { display: flex; flex-direction: column; }
header { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 6px 12px;
  background: #fff; border-bottom: 1px solid #ccc; }
header h1 { font-size: 18px; margin: 0 12px 0 0; }
button { font: inherit; padding: 2px 8px; }
main { flex: 1; display: flex; min-height: 0; }
#canvas { flex: 1; position: relative; overflow: hidden; background: #fff; cursor: grab; }
#canvas.dragging { cursor: grabbing; }
figure.drawing { margin: 0; width: 100%; height: 100%; }
figure.drawing svg { width: 100%; height: 100%; display: block; }
g.claim { cursor: pointer; }
g.claim.chosen > rect:first-of-type { stroke: #f9a825; stroke-width: 5px; }
.off { display: none; }
aside { width: 320px; overflow-y: auto; padding: 8px 12px; border-left: 1px solid #ccc;
  background: #fafafa; font-size: 14px; }
aside h2 { font-size: 14px; margin: 12px 0 4px; }
aside label { display: block; margin: 2px 0; }
#detail blockquote { margin: 6px 0; padding-left: 8px; border-left: 3px solid #999; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 4px;
  border: 1px solid #666; }
.hint { color: #666; }
"""

SCRIPT = r"""
"use strict";
(function () {
  const errors = [];
  window.addEventListener("error", (e) => errors.push(String(e.message || e)));
  const data = JSON.parse(document.getElementById("map-data").textContent);
  const canvas = document.getElementById("canvas");
  const figures = Array.from(canvas.querySelectorAll("figure.drawing"));
  const hiddenAuthors = new Set();
  const hiddenKinds = new Set();
  let figure = figures[0];
  let view = null;
  let step = 0;
  const boxes = new Map();

  function svgOf(fig) { return fig.querySelector("svg"); }
  function box(fig) {
    if (!boxes.has(fig)) {
      const vb = svgOf(fig).viewBox.baseVal;
      boxes.set(fig, { x: vb.x, y: vb.y, w: vb.width, h: vb.height, home: [vb.x, vb.y, vb.width, vb.height] });
    }
    return boxes.get(fig);
  }
  function apply(fig) {
    const b = box(fig);
    svgOf(fig).setAttribute("viewBox", [b.x, b.y, b.w, b.h].join(" "));
  }
  function zoom(factor, cx, cy) {
    const b = box(figure);
    const px = cx === undefined ? 0.5 : cx;
    const py = cy === undefined ? 0.5 : cy;
    const w = b.w / factor, h = b.h / factor;
    b.x += (b.w - w) * px; b.y += (b.h - h) * py; b.w = w; b.h = h;
    apply(figure);
  }
  function fit() {
    const b = box(figure);
    [b.x, b.y, b.w, b.h] = b.home;
    apply(figure);
  }

  canvas.addEventListener("wheel", (e) => {
    e.preventDefault();
    const r = canvas.getBoundingClientRect();
    zoom(e.deltaY < 0 ? 1.2 : 1 / 1.2, (e.clientX - r.left) / r.width, (e.clientY - r.top) / r.height);
  }, { passive: false });
  let drag = null;
  canvas.addEventListener("pointerdown", (e) => {
    drag = { x: e.clientX, y: e.clientY, moved: false };
  });
  window.addEventListener("pointermove", (e) => {
    if (!drag) return;
    const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    drag.moved = true;
    canvas.classList.add("dragging");
    const b = box(figure), r = canvas.getBoundingClientRect();
    const scale = Math.max(b.w / r.width, b.h / r.height);
    b.x -= dx * scale; b.y -= dy * scale;
    drag.x = e.clientX; drag.y = e.clientY;
    apply(figure);
  });
  window.addEventListener("pointerup", () => {
    canvas.classList.remove("dragging");
    setTimeout(() => { drag = null; }, 0);
  });
  document.getElementById("zoom-in").onclick = () => zoom(1.25);
  document.getElementById("zoom-out").onclick = () => zoom(1 / 1.25);
  document.getElementById("zoom-fit").onclick = fit;

  function text(tag, content, cls) {
    const el = document.createElement(tag);
    el.textContent = content;
    if (cls) el.className = cls;
    return el;
  }
  function showClaim(id) {
    const claim = data.claims[id];
    const detail = document.getElementById("detail");
    detail.replaceChildren();
    if (!claim) return;
    for (const g of canvas.querySelectorAll("g.claim.chosen")) g.classList.remove("chosen");
    for (const g of figure.querySelectorAll("g.claim")) {
      if (g.dataset.id === id) g.classList.add("chosen");
    }
    detail.appendChild(text("h2", claim.text));
    const author = claim.author && data.authors[claim.author];
    detail.appendChild(text("p", claim.kind + (author ? " · " + author.name : ""), "hint"));
    if (claim.quote) detail.appendChild(text("blockquote", "“" + claim.quote + "”"));
    const source = claim.source && data.sources[claim.source];
    if (source) {
      const p = document.createElement("p");
      p.appendChild(text("i", source.title || claim.source));
      const where = [source.outlet, source.date].filter(Boolean).join(", ");
      if (where) p.appendChild(document.createTextNode(", " + where));
      if (source.url && /^https?:/.test(source.url)) {
        p.appendChild(document.createTextNode(" "));
        const a = text("a", "(article)");
        a.href = source.url; a.rel = "noopener"; a.target = "_blank";
        p.appendChild(a);
      }
      detail.appendChild(p);
    }
  }
  canvas.addEventListener("click", (e) => {
    if (drag && drag.moved) return;
    const g = e.target.closest && e.target.closest("g.claim");
    if (g) showClaim(g.dataset.id);
  });

  function visibleClaim(id) {
    const claim = data.claims[id];
    if (!claim) return true;
    if (hiddenKinds.has(claim.kind)) return false;
    if (claim.author && hiddenAuthors.has(claim.author)) return false;
    if (view && !view.steps.slice(0, step).includes(id)) return false;
    return true;
  }
  function refresh() {
    for (const g of figure.querySelectorAll("g.claim")) {
      g.classList.toggle("off", !visibleClaim(g.dataset.id));
    }
    for (const g of figure.querySelectorAll("g.link")) {
      const ends = data.links[g.dataset.id] || [];
      g.classList.toggle("off", !ends.every(visibleClaim));
    }
    const stepper = document.getElementById("stepper");
    stepper.hidden = !view;
    if (view) {
      document.getElementById("step-label").textContent = "step " + step + " of " + view.steps.length;
    }
  }
  function choose(viewId) {
    view = data.views.find((v) => v.id === viewId) || null;
    figure = figures.find((f) => f.dataset.view === (view ? view.id : "")) || figures[0];
    for (const f of figures) f.hidden = f !== figure;
    step = view ? 1 : 0;
    refresh();
  }
  function stepBy(delta) {
    if (!view) return;
    step = Math.max(1, Math.min(view.steps.length, step + delta));
    refresh();
  }
  const select = document.getElementById("view-choice");
  for (const v of data.views) {
    const option = document.createElement("option");
    option.value = v.id; option.textContent = v.name;
    select.appendChild(option);
  }
  if (!data.views.length) document.getElementById("views").hidden = true;
  select.onchange = () => choose(select.value);
  document.getElementById("next").onclick = () => stepBy(1);
  document.getElementById("back").onclick = () => stepBy(-1);
  document.getElementById("all").onclick = () => stepBy(view ? view.steps.length : 0);
  window.addEventListener("keydown", (e) => {
    if (e.target && e.target.tagName === "SELECT") return;
    if (e.key === "ArrowRight" || e.key === "PageDown") { stepBy(1); e.preventDefault(); }
    if (e.key === "ArrowLeft" || e.key === "PageUp") { stepBy(-1); e.preventDefault(); }
  });

  function filters(containerId, entries, hidden) {
    const box = document.getElementById(containerId);
    for (const [key, label, color] of entries) {
      const row = document.createElement("label");
      const check = document.createElement("input");
      check.type = "checkbox"; check.checked = true; check.dataset.key = key;
      check.onchange = () => { if (check.checked) hidden.delete(key); else hidden.add(key); refresh(); };
      row.appendChild(check);
      if (color) {
        const swatch = text("span", "", "swatch");
        swatch.style.background = color;
        row.appendChild(swatch);
      }
      row.appendChild(document.createTextNode(label));
      box.appendChild(row);
    }
  }
  filters("author-filters", Object.entries(data.authors).map(([id, a]) => [id, a.name, a.color]), hiddenAuthors);
  filters("kind-filters", data.kinds.map((k) => [k, k, null]), hiddenKinds);
  refresh();

  function selftest() {
    const result = { errors };
    const cards = figures[0].querySelectorAll("g.claim");
    result.cards = cards.length;
    result.claims = Object.keys(data.claims).length;
    result.drawn = Array.from(cards).every((g) => g.getBBox().width > 0);
    const first = cards[0];
    first.querySelector("rect, path, polygon, text").dispatchEvent(new MouseEvent("click", { bubbles: true }));
    const claim = data.claims[first.dataset.id];
    const detail = document.getElementById("detail").textContent;
    result.click = detail.includes(claim.text) && (!claim.quote || detail.includes(claim.quote));
    const author = Object.keys(data.authors)[0];
    const check = document.querySelector('#author-filters input[data-key="' + author + '"]');
    check.click();
    result.hiddenByAuthor = figures[0].querySelectorAll("g.claim.off").length;
    result.ofAuthor = Object.values(data.claims).filter((c) => c.author === author).length;
    check.click();
    if (data.views.length) {
      select.value = data.views[0].id; select.onchange();
      const shownAt = () => figure.querySelectorAll("g.claim:not(.off)").length;
      result.viewStep1 = shownAt();
      stepBy(1);
      result.viewStep2 = shownAt();
      stepBy(-1);
      result.viewBack = shownAt();
      result.viewSteps = data.views[0].steps.length;
    }
    const before = box(figure).w;
    zoom(2);
    result.zoomed = box(figure).w < before;
    const out = document.getElementById("selftest-result");
    out.textContent = JSON.stringify(result);
    out.hidden = false;
  }
  // A link can open the page on a view, a step and a card: #view=ID&step=N&claim=ID
  const wanted = new URLSearchParams(location.hash.slice(1));
  if (wanted.get("view")) {
    select.value = wanted.get("view");
    choose(select.value);
    if (wanted.get("step")) stepBy(Number(wanted.get("step")) - 1);
  }
  if (wanted.get("claim")) showClaim(wanted.get("claim"));
  if (location.hash === "#selftest") {
    try { selftest(); } catch (e) {
      errors.push(String(e));
      const out = document.getElementById("selftest-result");
      out.textContent = JSON.stringify({ errors });
    }
  }
})();
"""
