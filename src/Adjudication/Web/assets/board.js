// A board member's station: one questionable contest at a time, decided from the keyboard.
"use strict";
const state = { item: null, chosen: new Set(), writeIns: {}, kind: "votes", confirming: false, busy: false };

function filter() {
  return { clause: document.getElementById("f-clause").value || null, contest: document.getElementById("f-contest").value || null, batch: document.getElementById("f-batch").value || null };
}

function query(f) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  return q.toString();
}

async function loadFilters() {
  const f = await cc.api("GET", "/api/filters");
  const fill = (id, items) => {
    const select = document.getElementById(id);
    const keep = select.value;
    select.replaceChildren(select.options[0]);
    for (const i of items) select.append(cc.el("option", { value: i.id ?? i }, i.label ?? i));
    select.value = keep;
  };
  fill("f-clause", f.clauses); fill("f-contest", f.contests); fill("f-batch", f.batches);
}

async function loadProgress() {
  const p = await cc.api("GET", "/api/progress");
  const mine = p.boards.find((b) => b.id === cc.me.board);
  const waiting = mine ? (mine.waitingOnMember[cc.me.name] ?? 0) : 0;
  document.getElementById("progress-text").textContent =
    `Board ${cc.me.board}: ${mine ? mine.decided : 0} decided, ${waiting} waiting on you · All boards: ${p.decided} of ${p.total} decided, ${p.waiting} left`;
  document.getElementById("progress-bar").style.width = `${p.total ? Math.round((100 * p.decided) / p.total) : 100}%`;
}

// Rows in the order printed on this ballot (rotation differs between styles), so key 1 is the first oval the member sees.
function rows(item) {
  const printed = item.positions.map((p) => p.optionId !== null ? { key: p.optionId, label: p.label } : { key: `write-in:${p.writeInIndex}`, label: `Write-in ${p.writeInIndex + 1}`, slot: p.writeInIndex });
  const seen = new Set(printed.map((r) => r.key));
  for (const o of item.contest.options) if (!seen.has(o.id)) printed.push({ key: o.id, label: o.label });
  for (let i = 0; i < item.contest.writeInSlots; i++) if (!seen.has(`write-in:${i}`)) printed.push({ key: `write-in:${i}`, label: `Write-in ${i + 1}`, slot: i });
  return printed;
}

function reset(item) {
  Object.assign(state, { item, chosen: new Set(), writeIns: {}, kind: "votes", confirming: false });
  if (item) for (let i = 0; i < item.contest.writeInSlots; i++) state.writeIns[i] = { text: "", comment: false, match: null };
}

function render() {
  const work = document.getElementById("work");
  const item = state.item;
  if (!item) {
    work.replaceChildren(cc.el("div", { class: "panel empty", id: "empty" },
      cc.el("h2", {}, "Nothing waiting for your board"),
      cc.el("p", {}, filter().clause || filter().contest || filter().batch ? "No item matches the filters. Clear them to take any item." : "Every questionable vote in the queue is decided or with another board. New items appear as batches are scanned."),
      cc.el("button", { type: "button", onclick: () => next() }, "Check again")));
    return;
  }
  const machine = new Map(item.positions.map((p) => [p.optionId ?? `write-in:${p.writeInIndex}`, p]));
  const list = cc.el("ol", { class: "options", id: "options" }, rows(item).map((r, index) => {
    const p = machine.get(r.key);
    const chosen = state.kind === "votes" && state.chosen.has(r.key);
    const li = cc.el("li", { class: chosen ? "option chosen" : "option", "data-key": r.key, tabindex: "-1", onclick: (e) => { if (!(e.target instanceof HTMLInputElement)) toggle(index); } },
      cc.el("kbd", {}, index < 9 ? String(index + 1) : ""),
      cc.el("span", { class: "box", "aria-hidden": "true" }, chosen ? "✓" : ""),
      cc.el("span", {}, r.label),
      cc.el("span", { class: p && itemView.marked(p) ? "machine marked" : "machine" }, p ? itemView.describeMark(p) : ""));
    if (r.slot !== undefined) {
      const w = state.writeIns[r.slot];
      const input = cc.el("input", { type: "text", id: `writein-${r.slot}`, placeholder: "Name as written (read it exactly)", value: w.text, "aria-label": `Name written in write-in ${r.slot + 1}` });
      // Typing a name chooses the write-in without redrawing, so the cursor stays in the field.
      input.addEventListener("input", () => {
        w.text = input.value;
        if (input.value.trim() && !(state.kind === "votes" && state.chosen.has(r.key))) {
          state.kind = "votes";
          state.chosen.add(r.key);
          state.confirming = false;
          li.classList.add("chosen");
          li.querySelector(".box").textContent = "✓";
        }
        checkName(r.slot, input.value);
      });
      input.addEventListener("keydown", (e) => {
        if (e.key === "Enter") { e.preventDefault(); input.blur(); confirmStep(); }
        if (e.key === "Escape") { e.preventDefault(); input.blur(); }
        e.stopPropagation();
      });
      const comment = cc.el("input", { type: "checkbox", id: `comment-${r.slot}`, checked: w.comment });
      comment.addEventListener("change", () => { w.comment = comment.checked; });
      li.append(cc.el("div", { class: "writein" }, input, cc.el("label", {}, comment, " a comment, not a name"),
        cc.el("div", { class: w.match === null ? "match" : w.match.declared ? "match ok" : "match no", id: `match-${r.slot}` }, w.match ? w.match.note : "")));
    }
    return li;
  }));

  const kindNote = state.kind === "overvote" ? "You are designating an overvote." : state.kind === "not-clear" ? "You find the voter's intent not clear." : state.chosen.size === 0 ? "No position chosen: no vote in this contest (undervote)." : `${state.chosen.size} chosen.`;
  const right = cc.el("div", { class: "panel" },
    itemView.clause(item),
    cc.el("div", { class: "suggest" }, "Suggested: ", cc.el("b", {}, item.suggestion.text), cc.el("div", { class: "note" }, "A suggestion only. Each member decides on their own; a majority of the board settles it.")),
    cc.el("h3", {}, "Your decision"),
    list,
    cc.el("div", { class: "note", id: "kind-note" }, kindNote),
    cc.el("div", { class: "actions" },
      cc.el("button", { type: "button", id: "no-vote", onclick: () => setKind("votes", true) }, cc.el("kbd", {}, "U"), " No vote"),
      cc.el("button", { type: "button", id: "overvote", class: state.kind === "overvote" ? "primary" : "", onclick: () => setKind("overvote") }, cc.el("kbd", {}, "O"), " Overvote"),
      cc.el("button", { type: "button", id: "not-clear", class: state.kind === "not-clear" ? "primary" : "", onclick: () => setKind("not-clear") }, cc.el("kbd", {}, "N"), " Intent not clear"),
      cc.el("button", { type: "button", id: "confirm", class: "primary", onclick: () => confirmStep() }, cc.el("kbd", {}, "Enter"), " Review and confirm")),
    cc.el("div", { id: "confirm-box" }));

  const left = cc.el("div", {}, itemView.heading(item), itemView.crop(item, state.kind === "votes" ? state.chosen : null),
    cc.el("div", { class: "actions" }, cc.el("button", { type: "button", id: "whole-page", onclick: () => itemView.showPage(item) }, cc.el("kbd", {}, "P"), " Whole page")),
    cc.el("details", {}, cc.el("summary", {}, "The machine's evidence"), itemView.evidence(item)));
  work.replaceChildren(cc.el("section", { class: "item", id: "item", "data-sheet": item.key.sheetId, "data-contest": item.key.contestId }, left, right));
}

function choose(key, on) {
  state.kind = "votes";
  if (on) state.chosen.add(key); else state.chosen.delete(key);
  state.confirming = false;
  render();
}

function toggle(index) {
  const r = rows(state.item)[index];
  if (!r) return;
  const on = !(state.kind === "votes" && state.chosen.has(r.key));
  choose(r.key, on);
  if (on && r.slot !== undefined) document.getElementById(`writein-${r.slot}`).focus();
}

function setKind(kind, clear) {
  state.kind = kind;
  if (clear) state.chosen.clear();
  state.confirming = false;
  render();
}

let nameTimer = null;
function checkName(slot, text) {
  clearTimeout(nameTimer);
  nameTimer = setTimeout(async () => {
    const r = await cc.api("GET", `/api/writein-match?${new URLSearchParams({ contest: state.item.key.contestId, text })}`);
    state.writeIns[slot].match = r;
    const m = document.getElementById(`match-${slot}`);
    if (m) { m.textContent = r.note; m.className = r.declared ? "match ok" : "match no"; }
  }, 150);
}

function decision() {
  const options = [...state.chosen].filter((k) => !k.startsWith("write-in:"));
  const writeIns = [...state.chosen].filter((k) => k.startsWith("write-in:")).map((k) => {
    const slot = Number(k.slice(9));
    return { slot, text: state.writeIns[slot].text, isComment: state.writeIns[slot].comment };
  });
  return { kind: state.kind, options: state.kind === "votes" ? options : [], writeIns: state.kind === "votes" ? writeIns : [], filter: filter() };
}

async function confirmStep() {
  if (!state.item || state.busy) return;
  if (state.confirming) return record();
  const key = state.item.key;
  try {
    const preview = await cc.api("POST", `/api/items/${key.sheetId}/${encodeURIComponent(key.contestId)}/preview`, decision());
    state.confirming = true;
    document.getElementById("confirm-box").replaceChildren(cc.el("div", { class: "confirm", id: "confirm-panel" },
      cc.el("div", {}, "You are recording:"),
      cc.el("div", { class: "what", id: "confirm-what" }, preview.outcome),
      preview.notes.length ? cc.el("ul", {}, preview.notes.map((n) => cc.el("li", {}, n))) : null,
      cc.el("div", { class: "actions" },
        cc.el("button", { type: "button", class: "primary", id: "record", onclick: () => record() }, cc.el("kbd", {}, "Enter"), " Record my decision"),
        cc.el("button", { type: "button", onclick: () => { state.confirming = false; render(); } }, cc.el("kbd", {}, "Esc"), " Change it"))));
    document.getElementById("record").focus();
  } catch (e) { cc.toast(e.message, true); }
}

async function record() {
  if (state.busy) return;
  const key = state.item.key;
  state.busy = true;
  try {
    const r = await cc.api("POST", `/api/items/${key.sheetId}/${encodeURIComponent(key.contestId)}/decision`, decision());
    cc.toast(`Recorded for ${state.item.contest.title} (batch ${state.item.sheet.batchId}, sheet ${state.item.sheet.seq}): ${r.recorded}.` +
      (r.settled ? ` The board has settled it: ${r.settled}.` : " Waiting for the other members."));
    reset(r.next);
    render();
    loadProgress();
  } catch (e) {
    cc.toast(e.message, true);
    if (e.status === 409) await next();
  } finally { state.busy = false; }
}

async function next() {
  const r = await cc.api("GET", `/api/next?${query(filter())}`);
  reset(r.item);
  render();
  loadProgress();
}

document.addEventListener("keydown", (e) => {
  if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.ctrlKey || e.altKey || e.metaKey) return;
  const view = document.getElementById("page-view");
  if (e.key === "Escape") {
    if (view) view.remove(); else if (state.confirming) { state.confirming = false; render(); }
    return;
  }
  if (!state.item || view) return;
  if (/^[1-9]$/.test(e.key)) { e.preventDefault(); toggle(Number(e.key) - 1); }
  else if (e.key === "u" || e.key === "U") setKind("votes", true);
  else if (e.key === "o" || e.key === "O") setKind("overvote");
  else if (e.key === "n" || e.key === "N") setKind("not-clear");
  else if (e.key === "p" || e.key === "P") itemView.showPage(state.item);
  else if (e.key === "Enter") { e.preventDefault(); confirmStep(); }
});

for (const id of ["f-clause", "f-contest", "f-batch"]) document.getElementById(id).addEventListener("change", () => { document.activeElement.blur(); next(); });

(async () => {
  await cc.start();
  await loadFilters();
  // A link may name the filters: /board?contest=...&clause=...&batch=...
  const wanted = new URLSearchParams(location.search);
  for (const k of ["clause", "contest", "batch"]) if (wanted.get(k)) document.getElementById(`f-${k}`).value = wanted.get(k);
  await next();
  setInterval(() => loadProgress().catch(() => {}), 15000);
})();
