// Progress of documents being rendered: poll each unfinished row's status until it is done or failed.
(function () {
  "use strict";
  var rows = document.querySelectorAll("tr[data-status-url]");
  function poll(row) {
    fetch(row.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        row.querySelector("progress").value = data.progress;
        row.querySelector(".state").textContent = data.status_label.split(" / ")[document.documentElement.lang === "en" ? 1 : 0];
        if (data.status === "done" && data.download) {
          var a = document.createElement("a");
          a.href = data.download;
          a.textContent = row.dataset.download;
          row.querySelector(".link").replaceChildren(a);
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
