// Draws one questionable contest: the crop of the ballot with every position outlined and the
// marks highlighted, the machine's evidence, the clause with its text and the suggested outcome.
"use strict";
const SVG = "http://www.w3.org/2000/svg";
const itemView = {
  marked: (p) => p.markClass !== "empty" || p.writtenIn,
  describeMark(p) {
    const parts = [p.markClass === "empty" ? "no mark" : p.markClass.replace(/-/g, " ")];
    if (p.writtenIn) parts.push("writing in area");
    return `${parts.join(", ")} · fill ${Math.round(p.fill * 100)}%`;
  },
  crop(item, chosen) {
    const box = cc.el("div", { class: "crop", id: "crop" });
    if (!item.crop) {
      box.append(cc.el("div", { class: "missing" }, `No image: ${item.cropProblem || "the sheet's image is not in the store"}. Use the paper ballot (batch ${item.sheet.batchId}, sheet ${item.sheet.seq}).`));
      return box;
    }
    box.append(cc.el("img", { src: item.crop.url, alt: `Contest ${item.contest.title} on sheet ${item.sheet.seq} of batch ${item.sheet.batchId}`, width: item.crop.width, height: item.crop.height }));
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", `0 0 ${item.crop.width} ${item.crop.height}`);
    svg.setAttribute("aria-hidden", "true");
    for (const p of item.positions) {
      if (p.x === null) continue;
      if (p.writeInArea) {
        const r = document.createElementNS(SVG, "rect");
        Object.entries({ x: p.writeInArea.x, y: p.writeInArea.y, width: p.writeInArea.w, height: p.writeInArea.h, fill: "none", stroke: p.writtenIn ? "#d9480f" : "#7a5cc2", "stroke-width": p.writtenIn ? 3 : 1.5, "stroke-dasharray": "6 4" }).forEach(([k, v]) => r.setAttribute(k, v));
        svg.append(r);
      }
      const key = p.optionId ?? `write-in:${p.writeInIndex}`;
      const e = document.createElementNS(SVG, "ellipse");
      const isChosen = chosen && chosen.has(key);
      Object.entries({ cx: p.x, cy: p.y, rx: p.rx, ry: p.ry, fill: isChosen ? "rgba(11,97,164,.22)" : "none", stroke: itemView.marked(p) ? "#d9480f" : "#2f6fb0", "stroke-width": itemView.marked(p) ? 4 : 2 }).forEach(([k, v]) => e.setAttribute(k, v));
      e.dataset.key = key;
      svg.append(e);
      if (itemView.marked(p)) {
        const t = document.createElementNS(SVG, "text");
        Object.entries({ x: p.x - p.rx, y: p.y - p.ry - 6, "text-anchor": "start", "font-size": 15, "font-weight": 700, fill: "#d9480f", "font-family": "DejaVu Sans, sans-serif" }).forEach(([k, v]) => t.setAttribute(k, v));
        t.textContent = p.markClass === "empty" ? "writing" : p.markClass;
        svg.append(t);
      }
    }
    box.append(svg);
    return box;
  },
  evidence(item) {
    return cc.el("table", { class: "evidence" },
      cc.el("thead", {}, cc.el("tr", {}, cc.el("th", {}, "Position"), cc.el("th", {}, "What the machine saw"), cc.el("th", {}, "Fill"))),
      cc.el("tbody", {}, item.positions.map((p) => cc.el("tr", {},
        cc.el("td", {}, p.label),
        cc.el("td", {}, p.markClass === "empty" ? "no mark" : p.markClass.replace(/-/g, " "), p.writtenIn ? " · writing in the write-in area" : ""),
        cc.el("td", { class: "num" }, `${Math.round(p.fill * 100)}%`)))));
  },
  clause(item) {
    if (!item.clause) return cc.el("div", { class: "clause" }, "No clause recorded for this item.");
    return cc.el("div", { class: "clause", id: "clause" },
      cc.el("div", {}, cc.el("span", { class: "cite" }, item.clause.citation), " — ", item.clause.situation),
      cc.el("div", {}, "The rule says: ", item.clause.direction, "."));
  },
  heading(item) {
    return [cc.el("h2", {}, item.contest.title, cc.el("span", { class: "note" }, ` · vote for ${item.contest.voteFor}`)),
      cc.el("div", { class: "where" }, `Batch ${item.sheet.batchId} · sheet ${item.sheet.seq} · file ${item.sheet.frontFile}${item.sheet.backFile ? " / " + item.sheet.backFile : ""}`,
        item.crop && item.crop.upsideDown ? " · fed upside down, shown upright" : "")];
  },
  showPage(item) {
    const close = () => { overlay.remove(); };
    const overlay = cc.el("div", { class: "page-view", id: "page-view", onclick: (e) => { if (e.target === overlay) close(); } },
      cc.el("button", { class: "close", type: "button", onclick: close }, "Close (Esc)"),
      cc.el("img", { src: item.pageUrl, alt: "The whole page" }));
    document.body.append(overlay);
  },
};
