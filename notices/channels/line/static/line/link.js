// The code's page asks every few seconds, while its code lives, whether the person's LINE is linked and the code
// used, and then goes back to the LINE box on My account (templates/line/code.html). No words here: the
// page says what it waits for.
(function () {
  "use strict";
  var page = document.getElementById("line-connect-page");
  if (!page) return;
  var until = Date.parse(page.dataset.until);
  function ask() {
    if (Date.now() > until) return;
    fetch(page.dataset.status, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        if (data.linked && !data.waiting) window.location.assign(page.dataset.linked);
        else setTimeout(ask, 2000);
      })
      .catch(function () { setTimeout(ask, 5000); });
  }
  setTimeout(ask, 2000);
})();
