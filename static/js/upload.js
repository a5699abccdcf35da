// One XHR per file so each gets its own real progress bar; the page stays usable while they run. A file
// larger than RESUME_FROM goes in pieces over tus (tus-js-client, static/vendor/): a broken link, a closed
// laptop or a reload resumes from the last piece the portal holds instead of from zero.
(function () {
  "use strict";
  const form = document.getElementById("upload-form");
  if (!form) return;
  const input = document.getElementById("file-input");
  const zone = document.getElementById("dropzone");
  const queue = document.getElementById("queue");
  const list = document.getElementById("evidence-list");
  const en = document.documentElement.lang === "en";
  // The words, in the page's language, from the form's data- attributes (templates/submissions/_upload.html).
  const words = form.dataset;
  const csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  const MAX_PARALLEL = 2;
  const RESUME_FROM = 5 * 1024 * 1024;
  const PIECE = 8 * 1024 * 1024;
  const waiting = [];
  let running = 0;

  function item(file) {
    const li = document.createElement("li");
    li.className = "upload-item";
    const name = document.createElement("span");
    name.className = "name";
    name.textContent = file.name; // textContent: a hostile file name stays text
    const bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    const pct = document.createElement("span");
    pct.className = "pct";
    pct.textContent = "0%";
    const msg = document.createElement("span");
    msg.className = "msg";
    li.append(name, bar, pct, msg);
    queue.prepend(li);
    return { li, bar, pct, msg };
  }

  // `again`: sending the same file again could work (the connection or the server failed, not the file):
  // a refused file (a duplicate, a wrong type) gets no "Retry" that cannot help.
  function done(job, ok, text, again) {
    const ui = job.ui;
    ui.li.classList.add(ok ? "ok" : "failed");
    ui.msg.textContent = text;
    if (!ok) failed(job, again);
    running -= 1;
    next();
  }

  // A refused or lost file must not look sent: its bar empties and a button sends the same file again.
  function failed(job, again) {
    const ui = job.ui;
    ui.bar.value = 0;
    ui.pct.textContent = "✕";
    if (!again) return;
    const retry = document.createElement("button");
    retry.type = "button";
    retry.className = "retry";
    retry.textContent = words.retry;
    retry.addEventListener("click", function () {
      retry.remove();
      ui.li.classList.remove("failed");
      ui.msg.textContent = "";
      ui.pct.textContent = "0%";
      waiting.push(job);
      next();
    });
    ui.msg.append(" ", retry);
  }

  // The portal keeps at most 120 characters of a name; a longer one (Thai is 3 bytes a character) could pass
  // the server's 1,024-byte limit on a part's headers, so it is cut here the same way, keeping the extension.
  const NAME_MAX = 120;
  function shortName(name) {
    const chars = Array.from(name);
    if (chars.length <= NAME_MAX) return name;
    const dot = name.lastIndexOf(".");
    const ext = dot > 0 && name.length - dot <= 6 ? name.slice(dot) : "";
    return chars.slice(0, NAME_MAX - ext.length).join("") + ext;
  }

  function progress(ui, sent, total) {
    const p = Math.floor((sent / total) * 100);
    ui.bar.value = p;
    ui.pct.textContent = p + "%";
  }

  // The saved row and the criterion's new status, as the one-request upload's answer gives them.
  function saved(job, body) {
    const ui = job.ui;
    ui.bar.value = 100;
    ui.pct.textContent = "100%";
    const empty = document.getElementById("no-evidence");
    if (empty) empty.remove();
    (body.created || []).forEach(function (row) { list.insertAdjacentHTML("afterbegin", row.row_html); });
    const status = document.getElementById("criterion-status");
    if (status && body.status) status.textContent = body.status;
    done(job, true, words.saved);
  }

  function reasonOf(text) {
    let body = {};
    try { body = JSON.parse(text); } catch (e) { /* not JSON: a proxy's page */ }
    const first = (body.errors || [])[0];
    return first ? (en ? first.en : first.th) : "";
  }

  function sendResumable(job) {
    const ui = job.ui;
    const upload = new window.tus.Upload(job.file, {
      endpoint: form.dataset.resumable,
      chunkSize: PIECE,
      retryDelays: [0, 1000, 3000, 5000, 10000, 20000, 30000],
      removeFingerprintOnSuccess: true,
      headers: { "X-CSRFToken": csrf },
      metadata: {
        kind: "evidence", rubric: form.dataset.rubric, unit: form.dataset.unit, criterion: form.dataset.criterion,
        filename: shortName(job.file.name), description: job.description, round: job.round,
      },
      onProgress: function (sent, total) { progress(ui, sent, total); },
      onShouldRetry: function (err, attempt, options) {
        const status = err.originalResponse ? err.originalResponse.getStatus() : 0;
        if (status === 0 || status >= 500 || status === 409 || status === 423) {
          ui.msg.textContent = words.resuming;
          return true;
        }
        return false;
      },
      onError: function (err) {
        const response = err.originalResponse;
        const status = response ? response.getStatus() : 0;
        const reason = response ? reasonOf(response.getBody()) : "";
        done(job, false, reason || words.failedResumes,
          status === 0 || status >= 500);
      },
      onSuccess: function () {
        fetch(upload.url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
          .then(function (r) { return r.json(); })
          .then(function (body) { saved(job, { created: [{ row_html: body.row_html }], status: body.status }); })
          .catch(function () { done(job, true, words.saved); });
      },
    });
    // The same file started before (a reload, a closed laptop): carry on from what the portal holds.
    upload.findPreviousUploads().then(function (previous) {
      if (previous.length) upload.resumeFromPreviousUpload(previous[0]);
      upload.start();
    });
  }

  function send(job) {
    if (window.tus && window.tus.isSupported && form.dataset.resumable && job.file.size > RESUME_FROM) {
      sendResumable(job);
      return;
    }
    const ui = job.ui;
    const data = new FormData();
    data.append("file", job.file, shortName(job.file.name));
    data.append("description", job.description);
    data.append("round", job.round);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.setRequestHeader("X-CSRFToken", csrf);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = function (ev) {
      if (ev.lengthComputable) progress(ui, ev.loaded, ev.total);
    };
    xhr.onload = function () {
      let body = {};
      try { body = JSON.parse(xhr.responseText); } catch (e) { /* not JSON: a proxy error page */ }
      if (xhr.status === 201) {
        saved(job, body);
      } else if (xhr.status === 503 && (job.tries || 0) < 3) {
        // Busy for a moment (the database restarting, a lock held): the server asks to try again in a few
        // seconds, so the page does, keeping the slot, before it shows the row as failed.
        job.tries = (job.tries || 0) + 1;
        ui.msg.textContent = words.busy;
        setTimeout(function () { send(job); }, 1000 * job.tries);
      } else {
        // A refusal of this file, else the server's reason in core.api's error shape (a session that expired:
        // 401; 503 while the database restarts), Thai first.
        const r = (body.refused || [])[0];
        const reason = r ? r.message : reasonOf(xhr.responseText);
        done(job, false, reason || words.failedStatus.replace("{status}", xhr.status), xhr.status >= 500 || xhr.status === 0);
      }
    };
    xhr.onerror = function () { done(job, false, words.lost, true); };
    xhr.send(data);
  }

  function next() {
    while (running < MAX_PARALLEL && waiting.length) {
      running += 1;
      send(waiting.shift());
    }
  }

  function add(files) {
    const description = form.elements.description.value;
    // The round a late report answers, as chosen when it was added (a criterion asked once has no choice: "").
    const round = form.elements.round ? form.elements.round.value : "";
    Array.from(files).forEach(function (file) { waiting.push({ file, description, round, ui: item(file) }); });
    next();
  }

  input.addEventListener("change", function () { add(input.files); input.value = ""; });
  // Phones: the camera button (capture="environment") sends its photo the same way.
  const camera = document.getElementById("camera-input");
  if (camera) camera.addEventListener("change", function () { add(camera.files); camera.value = ""; });
  ["dragenter", "dragover"].forEach(function (t) {
    zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (t) {
    zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.remove("over"); });
  });
  zone.addEventListener("drop", function (e) { if (e.dataTransfer) add(e.dataTransfer.files); });
  // The zone is a button (role="button"): a click, Enter or Space opens the file chooser, as "choose files" does.
  zone.addEventListener("click", function () { input.click(); });
  zone.addEventListener("keydown", function (e) {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      input.click();
    }
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); add(input.files); });
})();
