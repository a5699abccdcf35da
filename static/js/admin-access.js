// What Django's admin and its packages leave unnamed or out of the keyboard's reach, mended in the page
// (axe-core's WCAG 2.1 A/AA walk of every page, `make a11y`; docs/testing.md):
// - a box that scrolls sideways on a phone (an inline group, a rubric's JSON in <pre>) is reached by Tab and named;
// - the autocomplete box (select2) is named by its field's label, also while nothing is chosen;
// - django-import-export's "select all" box is named by the label beside it (whose `for` names no id), and
//   works: its template wires it with an inline onchange, which the portal's Content-Security-Policy blocks;
// - the selection counter ("เลือก ๑ จาก ๒๔") keeps the page's Thai digits when Django's actions.js rewrites it
//   in Arabic ones as boxes are ticked (the server turns the rest of the page: cdd4.middleware.AdminDigitsMiddleware).
(function () {
  "use strict";
  function reachable(root) {
    root.querySelectorAll(".inline-group, #content pre").forEach(function (box) {
      if (box.hasAttribute("tabindex")) return;
      var heading = box.querySelector("h2, caption, legend");
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", ((heading && heading.textContent) || document.title).trim());
    });
  }
  function named(root) {
    root.querySelectorAll(".select2-selection[role=combobox]").forEach(function (combo) {
      var select = combo.closest(".select2-container");
      var original = select && select.previousElementSibling;
      var label = original && original.id && document.querySelector('label[for="' + original.id + '"]');
      if (!label) return;
      var name = label.textContent.trim().replace(/:$/, "");
      // The box, and the text inside it that select2 marks as a read-only textbox (empty until a choice).
      [combo, combo.querySelector("[role=textbox]")].forEach(function (el) {
        if (el && !el.hasAttribute("aria-label")) el.setAttribute("aria-label", name);
      });
    });
    root.querySelectorAll("input.select-toggle").forEach(function (box) {
      var label = box.nextElementSibling;
      if (label && !box.hasAttribute("aria-label")) box.setAttribute("aria-label", label.textContent.trim());
    });
  }
  function selectAll(root) {
    root.querySelectorAll("input.select-toggle").forEach(function (box) {
      box.removeAttribute("onchange");  // blocked by the policy: the listener below does its work
      box.addEventListener("change", function () {
        document.querySelectorAll('.selectable-field-export-row input[type="checkbox"]').forEach(function (field) {
          field.checked = box.checked;
        });
      });
    });
  }
  function thaiCounts(root) {
    if (!document.documentElement.lang.startsWith("th")) return;
    root.querySelectorAll(".action-counter").forEach(function (counter) {
      var thai = function () {
        var text = counter.textContent.replace(/[0-9]/g, function (d) { return String.fromCharCode(0x0e50 + Number(d)); });
        if (text !== counter.textContent) counter.textContent = text;
      };
      new MutationObserver(thai).observe(counter, { childList: true, characterData: true, subtree: true });
      thai();
    });
  }
  function mend() {
    reachable(document);
    named(document);
    selectAll(document);
    thaiCounts(document);
  }
  // After the admin's own scripts: select2 is started on the same event, by a listener added before this one.
  document.addEventListener("DOMContentLoaded", function () { setTimeout(mend, 0); });
  document.addEventListener("formset:added", function (event) { named(event.target); });
})();
