// Progress of documents being rendered: poll each unfinished row's status until it is done or failed.
(function () {
  "use strict";
  var rows = document.querySelectorAll("tr[data-status-url]");
  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }
  function poll(row) {
    fetch(row.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        row.querySelector("progress").value = data.progress;
        row.querySelector(".state").textContent = data.status_label.split(" / ")[document.documentElement.lang === "en" ? 1 : 0];
        if (data.status === "done" && data.download) {
          row.querySelector(".link").replaceChildren(link(data.download, row.dataset.download));
          // The combined certificates: each awardee's own file, made with them, is ready now too.
          (data.parts || []).forEach(function (part) {
            var cell = row.querySelector('li[data-part="' + part.id + '"] .part-link');
            if (cell && part.download) cell.replaceChildren(link(part.download, row.dataset.download));
          });
        } else if (data.status !== "failed") {
          setTimeout(function () { poll(row); }, 1000);
        }
      })
      .catch(function () { setTimeout(function () { poll(row); }, 3000); });
  }
  rows.forEach(function (row) {
    if (row.dataset.status === "pending" || row.dataset.status === "running") poll(row);
  });
})();
