// The verification page's file check: the browser computes the PDF's SHA-256 and submits only that,
// so the document never leaves the visitor's device (and an anonymous visitor sends no body).
(function () {
  "use strict";
  const form = document.getElementById("verify-file");
  const zone = document.getElementById("verify-drop");
  if (!form || !zone) return;
  const input = document.getElementById("verify-input");
  const msg = document.getElementById("verify-msg");
  const digestField = form.querySelector("input[name=sha256]");
  const MAX_BYTES = 100 * 1024 * 1024;
  if (!(window.crypto && window.crypto.subtle)) return; // only over https: paste the SHA-256 instead
  zone.hidden = false;

  // The words, in the page's one language, from the zone's data- attributes.
  function say(word) {
    msg.textContent = zone.dataset[word];
  }

  async function check(file) {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      say("tooBig");
      return;
    }
    say("computing");
    const digest = await window.crypto.subtle.digest("SHA-256", await file.arrayBuffer());
    digestField.value = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
    form.submit();
  }

  input.addEventListener("change", () => check(input.files[0]));
  zone.addEventListener("dragover", (e) => {
    e.preventDefault();
    zone.classList.add("over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("over");
    check(e.dataTransfer.files[0]);
  });
  // The button is the way in for a keyboard, a switch or a screen reader; the zone only takes a dropped file.
  document.getElementById("verify-choose").addEventListener("click", () => input.click());
})();
