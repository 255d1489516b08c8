// One item, read-only: what the board sees, who has decided it and when, and how it was settled.
"use strict";
(async () => {
  await cc.start();
  const q = new URLSearchParams(location.search);
  try {
    const r = await cc.api("GET", `/api/items/${Number(q.get("sheet"))}/${encodeURIComponent(q.get("contest") || "")}`);
    const item = r.item;
    document.getElementById("work").replaceChildren(cc.el("section", { class: "item", id: "item" },
      cc.el("div", {}, itemView.heading(item), itemView.crop(item, null),
        cc.el("div", { class: "actions" }, cc.el("button", { type: "button", onclick: () => itemView.showPage(item) }, "Whole page")), itemView.evidence(item)),
      cc.el("div", { class: "panel" }, itemView.clause(item),
        cc.el("div", { class: "suggest" }, "Suggested: ", cc.el("b", {}, item.suggestion.text)),
        cc.el("h3", {}, "Status"),
        cc.el("p", { id: "status" }, item.settled ? `Settled by board ${item.board}: ${item.settled}.` : item.board ? `With board ${item.board}: ${item.decisionsRecorded} of ${item.boardSize} members have decided.` : "Waiting for a board."),
        r.deciders.length ? cc.el("ul", {}, r.deciders.map((d) => cc.el("li", {}, `${d.account} decided at ${d.at}`))) : null,
        cc.el("p", { class: "note", id: "read-only" }, "Read-only view. Only the members of the board that takes an item decide it."))));
    document.addEventListener("keydown", (e) => { if (e.key === "Escape") document.getElementById("page-view")?.remove(); });
  } catch (e) { document.getElementById("work").textContent = e.message; }
})();
