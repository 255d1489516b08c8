// What observers and administrators watch: each board's progress, the items, and the tallies as decisions land. Nothing here changes anything.
"use strict";
async function refresh() {
  const [p, t, items] = await Promise.all([cc.api("GET", "/api/progress"), cc.api("GET", "/api/tally"), cc.api("GET", `/api/items?state=${document.getElementById("state").value}&limit=40`)]);
  document.getElementById("boards").replaceChildren(
    cc.el("p", {}, `${p.decided} of ${p.total} questionable contests decided; ${p.waiting} waiting (${p.unclaimed} not yet taken by a board).`),
    cc.el("table", { class: "grid", id: "board-table" },
      cc.el("thead", {}, cc.el("tr", {}, cc.el("th", {}, "Board"), cc.el("th", {}, "Members"), cc.el("th", {}, "Decided"), cc.el("th", {}, "In progress"))),
      cc.el("tbody", {}, p.boards.map((b) => cc.el("tr", {}, cc.el("td", {}, b.id), cc.el("td", {}, b.members.map((m) => `${m} (${b.waitingOnMember[m]} waiting)`).join(", ")),
        cc.el("td", { class: "num" }, b.decided), cc.el("td", { class: "num" }, b.inProgress))))));
  document.getElementById("items").replaceChildren(items.length === 0 ? cc.el("p", { class: "note" }, "None.") :
    cc.el("table", { class: "grid", id: "item-table" },
      cc.el("thead", {}, cc.el("tr", {}, cc.el("th", {}, "Batch · sheet"), cc.el("th", {}, "Contest"), cc.el("th", {}, "Clause"), cc.el("th", {}, "Board"), cc.el("th", {}, "Decisions"), cc.el("th", {}, "Outcome"))),
      cc.el("tbody", {}, items.map((i) => cc.el("tr", {},
        cc.el("td", {}, cc.el("a", { href: `/item?sheet=${i.sheetId}&contest=${encodeURIComponent(i.contestId)}` }, `${i.batchId} · ${i.seq}`)),
        cc.el("td", {}, i.contestTitle), cc.el("td", { class: "nowrap" }, i.clause ?? ""), cc.el("td", {}, i.board ?? "—"), cc.el("td", { class: "num" }, i.decisions), cc.el("td", {}, i.settled ?? "waiting"))))));
  document.getElementById("official").replaceChildren(t.unofficial ? cc.el("span", { class: "badge unofficial" }, "UNOFFICIAL — contests still wait on the board") : cc.el("span", { class: "badge" }, "no contest waiting on the board"));
  document.getElementById("tallies").replaceChildren(cc.el("table", { class: "grid", id: "tally-table" },
    cc.el("thead", {}, cc.el("tr", {}, cc.el("th", {}, "Contest"), cc.el("th", {}, "Option"), cc.el("th", {}, "Votes"))),
    cc.el("tbody", {}, t.contests.flatMap((c) => [
      ...c.options.map((o, i) => cc.el("tr", { "data-contest": c.id, "data-option": o.id }, cc.el("td", {}, i === 0 ? c.title : ""), cc.el("td", {}, o.label), cc.el("td", { class: "num" }, o.votes))),
      cc.el("tr", { "data-contest": c.id }, cc.el("td", {}, ""), cc.el("td", { class: "note" }, `undervoted ${c.undervotes} · overvoted ${c.overvotes} · not valid ${c.notValid} · write-ins not matched ${c.writeIns} · waiting on the board ${c.waitingOnBoard}`), cc.el("td", {}, "")),
    ]))));
}
(async () => {
  await cc.start();
  document.getElementById("role-note").textContent = cc.me.role === "observer"
    ? "You are observing: you can see the boards' progress, the items and the tallies, but you cannot decide or change anything."
    : cc.me.role === "administrator" ? "Progress of every board. Accounts and boards are set up on the administration page." : "";
  if (cc.me.role === "administrator") document.getElementById("role-note").append(" ", cc.el("a", { href: "/admin" }, "Administration"));
  document.getElementById("state").addEventListener("change", refresh);
  await refresh();
  setInterval(() => refresh().catch(() => {}), 10000);
})();
