"use strict";
document.getElementById("signin").addEventListener("submit", async (event) => {
  event.preventDefault();
  try {
    const r = await cc.api("POST", "/api/signin", { name: document.getElementById("name").value, password: document.getElementById("password").value });
    location.href = r.next;
  } catch (e) {
    cc.toast(e.message, true);
    document.getElementById("password").value = "";
    document.getElementById("password").focus();
  }
});
