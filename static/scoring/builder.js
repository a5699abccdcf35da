// The contest builder, a small enhancement: the page works without it.
// As a criterion's rule or sample facts are typed, the explanation an entrant will read is fetched
// (debounced) from the preview endpoint, which saves nothing; Enter in the entrants' search searches.
(function () {
  "use strict";
  var form = document.getElementById("builder");
  if (!form || !window.fetch || !window.FormData || !window.URLSearchParams) return;
  var url = form.getAttribute("data-preview");
  var timers = {};

  function preview(box, typedInPreview) {
    var target = box.querySelector(".preview");
    // Sent as the form itself sends it (urlencoded; the builder takes no files): as multipart, a large contest's
    // form (the national one's is over 64 KB) was refused by the upload gate before the view (403, "this
    // address does not take files"), and its preview never came.
    var data = new URLSearchParams(new FormData(form));
    data.set("criterion", box.id.slice("crit-".length));
    fetch(url, { method: "POST", body: data, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html === null) return;
        var fresh = document.createElement("div");
        fresh.innerHTML = html;
        var result = fresh.querySelector(".result");
        var old = target.querySelector(".result");
        // Typing in a sample fact keeps that box (and its cursor); only the explanation changes.
        if (typedInPreview && result && old) old.replaceWith(result);
        else target.innerHTML = html;
      });
  }

  form.addEventListener("input", function (ev) {
    var box = ev.target.closest("fieldset.criterion");
    if (!box || !box.querySelector(".preview")) return;
    var inPreview = !!ev.target.closest(".preview");
    clearTimeout(timers[box.id]);
    timers[box.id] = setTimeout(function () { preview(box, inPreview); }, 450);
  });

  var search = document.getElementById("b-entrant_q");
  if (search) {
    search.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") {
        ev.preventDefault();
        document.getElementById("entrant-search").click();
      }
    });
  }
})();

// Level bands and a criterion's rounds: "add a level" and "add a round" copy the blank last row in the page, no
// round trip. Without this script the page always offers one blank row, and checking or saving
// offers the next. One listener on the page answers every section's button, those of a dimension or criterion
// copied in the page too (a copy has no listener).
(function () {
  "use strict";
  var buttons = "details.bands .add-band, details.rounds .add-round";
  document.querySelectorAll(buttons).forEach(function (button) { button.hidden = false; });
  document.addEventListener("click", function (ev) {
    var button = ev.target.closest(buttons);
    var body = button && button.closest("details").querySelector("tbody");
    if (!body) return;
    var last = body.querySelector("tr:last-child");
    var row = last.cloneNode(true);
    row.querySelectorAll("input").forEach(function (input) { input.value = ""; });
    body.appendChild(row);
    row.querySelector("input").focus();
  });
})();

// Award tiers: "add an award" copies the blank last row in the page and renumbers its boxes (a3- → a4-), so a
// contest's five tiers take no round trip. Without this script the page offers one blank row and
// "check" offers the next, as before.
(function () {
  "use strict";
  var box = document.getElementById("awards");
  if (!box) return;
  var count = box.querySelector("input[name=awards]");
  var note = box.querySelector(".add-award-note");
  var button = document.createElement("button");
  button.type = "button";
  button.className = "secondary";
  button.id = "add-award";
  button.textContent = box.dataset.addAward; // its words from the page, in the page's language
  if (note) note.replaceWith(button);
  else box.appendChild(button);
  button.addEventListener("click", function () {
    var n = Number(count.value);
    var rows = box.querySelectorAll(".row-of-boxes");
    var last = rows[rows.length - 1];
    var from = "a" + (n - 1) + "-";
    var to = "a" + n + "-";
    var row = last.cloneNode(true);
    row.id = "award-" + to;
    row.querySelectorAll("[name], [id], [for]").forEach(function (el) {
      ["name", "id", "for"].forEach(function (attr) {
        var value = el.getAttribute(attr);
        if (value && value.indexOf(from) !== -1) el.setAttribute(attr, value.split(from).join(to));
      });
    });
    row.querySelectorAll("input, textarea").forEach(function (el) { el.value = ""; });
    row.querySelectorAll(".error").forEach(function (el) { el.remove(); });
    last.after(row);
    count.value = String(n + 1);
    var first = row.querySelector("input");
    if (first) first.focus();
  });
})();

// Criteria and dimensions are added in the page. "+ เพิ่มตัวชี้วัด" copies the dimension's last criterion
// with its boxes emptied and renumbered (d0c2- → d0c3-), keeping its rule kind, which "ตรวจ / เปลี่ยนชนิด" still
// changes; "+ เพิ่มมิติ" copies the last dimension the same way (d1- → d2-) with one criterion. Without this script
// each button asks the server for a blank one, as before.
(function () {
  "use strict";
  var form = document.getElementById("builder");
  var dims = form && form.querySelector("input[type=hidden][name=dims]");
  if (!form || !dims) return;

  // Every name, id, label and button value that carries `from` gets `to` instead.
  function renumber(root, from, to) {
    root.querySelectorAll("[name], [id], [for], button[value]").forEach(function (el) {
      ["name", "id", "for", "value"].forEach(function (attr) {
        if (attr === "value" && el.tagName !== "BUTTON") return;
        var value = el.getAttribute(attr);
        if (value && value.indexOf(from) !== -1) el.setAttribute(attr, value.split(from).join(to));
      });
    });
  }

  function emptied(copy) {
    copy.querySelectorAll("input:not([type=hidden]), textarea").forEach(function (el) {
      if (el.type === "checkbox") el.checked = false;
      else el.value = "";
    });
    copy.querySelectorAll(".refusals, .result, .facts, .preview h3").forEach(function (el) { el.remove(); });
    // "ตัวชี้วัด 2.2.2" → "ตัวชี้วัด": the code copied is not this one's (a rule's tables keep their legends)
    copy.querySelectorAll("fieldset.criterion > legend, section.dimension > h2").forEach(function (el) { el.textContent = el.textContent.trim().split(/\s+/)[0]; });
    return copy;
  }

  function addCriterion(section) {
    var count = section.querySelector("input[type=hidden][name$='crits']");
    var all = section.querySelectorAll(":scope > fieldset.criterion");
    if (!count || !all.length) return false; // the server adds it
    var last = all[all.length - 1];
    var n = Number(count.value);
    var from = last.id.slice("crit-".length);
    var to = count.name.slice(0, -"-crits".length) + "c" + n + "-"; // "d0-crits" → "d0c3-"
    var copy = last.cloneNode(true);
    copy.id = "crit-" + to;
    renumber(copy, from, to);
    copy.querySelectorAll("tr.round-row:not(:first-child)").forEach(function (row) { row.remove(); });
    last.after(emptied(copy));
    count.value = String(n + 1);
    copy.querySelector("input:not([type=hidden])").focus();
    return true;
  }

  function addDimension() {
    var all = form.querySelectorAll("section.dimension");
    if (!all.length) return false;
    var last = all[all.length - 1];
    var n = Number(dims.value);
    var old = last.id.slice("dim-".length);
    var copy = last.cloneNode(true);
    copy.id = "dim-" + n;
    copy.querySelectorAll(":scope > fieldset.criterion").forEach(function (c, j) { if (j) c.remove(); });
    var first = copy.querySelector(":scope > fieldset.criterion");
    if (first) {
      first.id = "crit-d" + n + "c0-";
      renumber(first, first.querySelector("[name$='code']").name.slice(0, -"code".length), "d" + n + "c0-");
    }
    renumber(copy, "d" + old + "-", "d" + n + "-");
    renumber(copy, "add_criterion:" + old, "add_criterion:" + n);
    copy.querySelector("input[type=hidden][name$='-crits']").value = first ? "1" : "0";
    copy.querySelectorAll("tr.band-row:not(:first-child), tr.round-row:not(:first-child)").forEach(function (row) {
      row.remove();
    });
    copy.querySelectorAll(".dim-sum").forEach(function (el) { el.textContent = ""; });
    last.after(emptied(copy));
    dims.value = String(n + 1);
    copy.querySelector("input:not([type=hidden])").focus();
    return true;
  }

  form.addEventListener("click", function (ev) {
    var button = ev.target.closest("button[name=action]");
    if (!button) return;
    var done = false;
    if (button.value.indexOf("add_criterion:") === 0) done = addCriterion(button.closest("section.dimension"));
    else if (button.value === "add_dimension") done = addDimension();
    if (done) ev.preventDefault();
  });
})();

// A period is added in the page: "+ เพิ่มรอบ" copies the last period's boxes, emptied and renumbered
// (p5- → p6-), without the criteria of its own; "give this period its own rule" still asks the server.
(function () {
  "use strict";
  var box = document.getElementById("periods");
  var count = box && box.querySelector("input[type=hidden][name=periods]");
  var button = document.getElementById("add-period");
  if (!count || !button) return;
  button.addEventListener("click", function (ev) {
    var all = box.querySelectorAll(".row-of-boxes.period");
    if (!all.length) return; // the server adds the first
    ev.preventDefault();
    var last = all[all.length - 1];
    var n = Number(count.value);
    var old = last.id.slice("period-p".length, -1); // "period-p5-" → "5"
    var copy = last.cloneNode(true);
    copy.id = "period-p" + n + "-";
    copy.querySelectorAll("fieldset.criterion, .refusals, input[type=hidden][name$='-own']").forEach(function (el) { el.remove(); });
    copy.querySelectorAll("[name], [id], [for], button[value]").forEach(function (el) {
      ["name", "id", "for", "value"].forEach(function (attr) {
        if (attr === "value" && el.tagName !== "BUTTON") return;
        var value = el.getAttribute(attr);
        if (!value) return;
        value = value.split("p" + old + "-").join("p" + n + "-").split("add_period_criterion:" + old).join("add_period_criterion:" + n);
        el.setAttribute(attr, value);
      });
    });
    copy.querySelectorAll("input:not([type=hidden])").forEach(function (el) { el.value = ""; });
    copy.querySelector("input[type=hidden][name$='-crits']").value = "0";
    last.after(copy);
    count.value = String(n + 1);
    copy.querySelector("input:not([type=hidden])").focus();
  });
})();

// A rule's rows are added in the page too: "+ เพิ่ม…" under a table (measures, score rows, levels,
// the facts' names…) copies its last row, the blank one, emptied and renumbered (…-measures-2- → …-measures-3-),
// and "+ เพิ่มเกณฑ์ / เงื่อนไข" a row's last line the same way (…-when-0- → …-when-1-). The hidden counts say how
// many rows were sent, as the server's blank row does. Without this script "ตรวจ" offers the next blank row.
(function () {
  "use strict";
  var form = document.getElementById("builder");
  if (!form) return;
  // Once: copies of a criterion or a period carry these already shown.
  form.querySelectorAll("button.add-row, button.add-line").forEach(function (b) { b.hidden = false; });
  form.querySelectorAll(".by-check").forEach(function (el) { el.hidden = true; });

  function renumber(root, from, to) {
    root.querySelectorAll("[name], [id], [for]").forEach(function (el) {
      ["name", "id", "for"].forEach(function (attr) {
        var value = el.getAttribute(attr);
        if (value && value.indexOf(from) !== -1) el.setAttribute(attr, value.split(from).join(to));
      });
    });
  }

  // The last of `units`, copied after it as number n of the count (its name "<base>rows" names its boxes "<base>n-…").
  function copyLast(count, units) {
    var n = Number(count.value);
    var base = count.name.slice(0, -"rows".length);
    var last = units[units.length - 1];
    var copy = last.cloneNode(true);
    renumber(copy, base + (n - 1) + "-", base + n + "-");
    copy.querySelectorAll("input:not([type=hidden]), textarea").forEach(function (el) {
      if (el.type === "checkbox") el.checked = false;
      else el.value = "";
    });
    copy.querySelectorAll("select").forEach(function (el) { el.selectedIndex = 0; });
    copy.querySelectorAll(".refusals").forEach(function (el) { el.remove(); });
    last.after(copy);
    count.value = String(n + 1);
    return copy;
  }

  function addRow(table) {
    var count = table.querySelector(":scope > input[type=hidden][name$='-rows']");
    var rows = table.querySelectorAll(".rule-row");
    if (!count || !rows.length) return null;
    var row = copyLast(count, rows);
    // A new row starts with one blank line, as the server gives it.
    row.querySelectorAll(".conditions-cell").forEach(function (cell) {
      cell.querySelectorAll("li.rule-line").forEach(function (li, j) { if (j) li.remove(); });
      cell.querySelector(":scope > input[type=hidden]").value = "1";
    });
    var number = row.querySelector(".row-number");
    if (number) number.textContent = count.value;
    return row;
  }

  function addLine(cell) {
    var count = cell.querySelector(":scope > input[type=hidden]");
    var lines = cell.querySelectorAll("li.rule-line");
    return count && lines.length ? copyLast(count, lines) : null;
  }

  form.addEventListener("click", function (ev) {
    var button = ev.target.closest("button.add-row, button.add-line");
    if (!button) return;
    ev.preventDefault();
    var added = button.classList.contains("add-row")
      ? addRow(button.closest("fieldset.table-param"))
      : addLine(button.closest(".conditions-cell"));
    var first = added && added.querySelector("input:not([type=hidden]), select");
    if (first) first.focus();
  });
})();

// A period's own criterion is added in the page: "+ กำหนดเกณฑ์เฉพาะรอบนี้" copies the blank one the
// server put in <template id="own-criterion"> (numbered p_c_-) as that period's next (p6c0-), what the server
// would add. Without this script the button asks the server, as before.
(function () {
  "use strict";
  var form = document.getElementById("builder");
  var blank = document.getElementById("own-criterion");
  if (!form || !blank || !blank.content) return;
  var from = "p_c_-";

  form.addEventListener("click", function (ev) {
    var button = ev.target.closest("button[name=action]");
    if (!button || button.value.indexOf("add_period_criterion:") !== 0) return;
    var k = button.value.slice("add_period_criterion:".length);
    var count = form.querySelector("input[type=hidden][name='p" + k + "-crits']");
    if (!count) return; // the server adds it
    ev.preventDefault();
    var to = "p" + k + "c" + count.value + "-";
    var copy = blank.content.firstElementChild.cloneNode(true);
    copy.id = "crit-" + to;
    copy.querySelectorAll("[name], [id], [for], button[value]").forEach(function (el) {
      ["name", "id", "for", "value"].forEach(function (attr) {
        if (attr === "value" && el.tagName !== "BUTTON") return;
        var value = el.getAttribute(attr);
        if (value && value.indexOf(from) !== -1) el.setAttribute(attr, value.split(from).join(to));
      });
    });
    // The template's content never met the script that shows the rows' "+" buttons.
    copy.querySelectorAll("button.add-row, button.add-line").forEach(function (b) { b.hidden = false; });
    copy.querySelectorAll(".by-check").forEach(function (el) { el.hidden = true; });
    button.before(copy);
    count.value = String(Number(count.value) + 1);
    copy.querySelector("select").focus();
  });
})();

// A period's own rule names a criterion by its code: the server listed the codes it last saw, so a
// criterion added or renumbered in the page since was missing from the list until "ตรวจ". The list is read
// again from the criteria's code boxes whenever it is opened; a code chosen before stays, even if now gone.
(function () {
  "use strict";
  var form = document.getElementById("builder");
  if (!form) return;
  var own = /^p\d+c\d+-code$/, criterion = /^d\d+c\d+-code$/;

  form.addEventListener("focusin", function (ev) {
    var select = ev.target;
    if (select.tagName !== "SELECT" || !own.test(select.name)) return;
    var chosen = select.value, codes = [];
    form.querySelectorAll("input[name$='-code']").forEach(function (box) {
      var code = box.value.trim();
      if (criterion.test(box.name) && code && codes.indexOf(code) === -1) codes.push(code);
    });
    if (chosen && codes.indexOf(chosen) === -1) codes.push(chosen);
    select.replaceChildren.apply(select, codes.map(function (code) {
      var option = document.createElement("option");
      option.value = option.textContent = code;
      option.selected = code === chosen;
      return option;
    }));
  });
})();
