// Shared by every page: the signed-in account, calls to the API with the session's CSRF token, and the header bar.
"use strict";
const cc = {
  me: null,
  async api(method, url, body) {
    const headers = { "Accept": "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (method !== "GET" && cc.me) headers["X-CSRF-Token"] = cc.me.csrf;
    const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "same-origin" });
    if (response.status === 401 && !url.startsWith("/api/signin")) { location.href = "/signin"; throw new Error("signed out"); }
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw Object.assign(new Error(data.error || `${response.status} ${response.statusText}`), { status: response.status });
    return data;
  },
  el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v; else if (k.startsWith("on")) node.addEventListener(k.slice(2), v); else node.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return node;
  },
  async start() {
    cc.me = await cc.api("GET", "/api/me");
    const e = cc.me.election;
    const bar = document.querySelector("header.bar");
    bar.replaceChildren(
      cc.el("div", {}, cc.el("div", { class: "title" }, "CentralCount · Adjudication board"), cc.el("div", { class: "sub" }, `${e.title} · ${e.county}, ${e.state} · ${e.date}`)),
      cc.el("div", { class: "who" },
        cc.el("span", { class: "badge role" }, cc.me.role === "member" ? `Board ${cc.me.board ?? "—"}` : cc.me.role),
        " ", cc.me.displayName, " (", cc.me.name, ")",
        cc.el("button", { type: "button", onclick: cc.signOut, id: "signout" }, "Sign out")));
    return cc.me;
  },
  async signOut() { await cc.api("POST", "/api/signout", {}); location.href = "/signin"; },
  toast(text, error) {
    const t = document.getElementById("toast");
    if (!t) return;
    t.className = error ? "toast error" : "toast";
    t.textContent = text;
    t.hidden = !text;
  },
};
