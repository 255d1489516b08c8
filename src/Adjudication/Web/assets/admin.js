// The administrator's page: accounts (with roles), password resets, and boards.
"use strict";
async function refresh() {
  const [accounts, boards] = await Promise.all([cc.api("GET", "/api/accounts"), cc.api("GET", "/api/boards")]);
  document.getElementById("accounts").replaceChildren(cc.el("table", { class: "grid", id: "account-table" },
    cc.el("thead", {}, cc.el("tr", {}, cc.el("th", {}, "Account"), cc.el("th", {}, "Name"), cc.el("th", {}, "Role"), cc.el("th", {}, "Board"), cc.el("th", {}, ""))),
    cc.el("tbody", {}, accounts.map((a) => cc.el("tr", { "data-account": a.name },
      cc.el("td", {}, a.name), cc.el("td", {}, a.displayName), cc.el("td", {}, a.role + (a.disabled ? " (disabled)" : "")), cc.el("td", {}, a.board ?? ""),
      cc.el("td", {},
        cc.el("button", { type: "button", onclick: () => resetPassword(a.name) }, "Set password"), " ",
        a.name === cc.me.name ? null : cc.el("button", { type: "button", class: "danger", onclick: () => setDisabled(a.name, !a.disabled) }, a.disabled ? "Enable" : "Disable")))))));
  document.getElementById("boards").replaceChildren(boards.length === 0 ? cc.el("p", { class: "note" }, "No board yet.") :
    cc.el("table", { class: "grid", id: "board-table" },
      cc.el("thead", {}, cc.el("tr", {}, cc.el("th", {}, "Board"), cc.el("th", {}, "Members"), cc.el("th", {}, "Majority"))),
      cc.el("tbody", {}, boards.map((b) => cc.el("tr", {}, cc.el("td", {}, b.id), cc.el("td", {}, b.members.join(", ")), cc.el("td", {}, `${Math.floor(b.size / 2) + 1} of ${b.size}`))))));
  const free = accounts.filter((a) => a.role === "member" && !a.board && !a.disabled);
  const choices = free.length === 0
    ? [cc.el("p", { class: "note" }, "Every board member already sits on a board. Add member accounts first.")]
    : free.map((a) => cc.el("label", {}, cc.el("input", { type: "checkbox", name: "member", value: a.name }), ` ${a.displayName} (${a.name})`, cc.el("br")));
  document.getElementById("board-members").replaceChildren(cc.el("legend", {}, "Members"), ...choices);
}

async function act(work, done) {
  try { await work(); cc.toast(done); await refresh(); } catch (e) { cc.toast(e.message, true); }
}

function resetPassword(name) {
  const password = prompt(`New password for ${name} (at least 10 characters):`);
  if (password) act(() => cc.api("POST", `/api/accounts/${encodeURIComponent(name)}/password`, { password }), `Password set for ${name}; their sessions are ended.`);
}

function setDisabled(name, disabled) {
  act(() => cc.api("POST", `/api/accounts/${encodeURIComponent(name)}/disabled/${disabled}`, {}), `${name} ${disabled ? "disabled" : "enabled"}.`);
}

document.getElementById("new-account").addEventListener("submit", (e) => {
  e.preventDefault();
  const f = e.target;
  act(async () => {
    const v = (id) => document.getElementById(id).value;
    await cc.api("POST", "/api/accounts", { name: v("acct-name"), displayName: v("acct-display"), role: v("acct-role"), password: v("acct-password") });
    f.reset();
  }, "Account added.");
});

document.getElementById("new-board").addEventListener("submit", (e) => {
  e.preventDefault();
  const f = e.target;
  const members = [...f.querySelectorAll("input[name=member]:checked")].map((i) => i.value);
  act(async () => { await cc.api("POST", "/api/boards", { id: document.getElementById("board-name").value, members }); f.reset(); }, "Board set up.");
});

(async () => { await cc.start(); await refresh(); })();
