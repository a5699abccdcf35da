// A stage's file over 5 MB (seed 002's 5–7-minute video) goes in 8 MB pieces over tus (tus-js-client): a broken
// mobile link resumes from the last piece the portal holds. Smaller files, or a browser without it, post the
// form as before. Once saved the page is read again and lists the file as received.
(function () {
  "use strict";
  if (!window.tus || !window.tus.isSupported) return;
  const RESUME_FROM = 5 * 1024 * 1024;
  const en = document.documentElement.lang === "en";

  function reasonOf(response) {
    let body = {};
    try { body = JSON.parse(response.getBody()); } catch (e) { /* not JSON */ }
    const first = (body.errors || [])[0];
    return first ? (en ? first.en : first.th) : "";
  }

  document.querySelectorAll("form[data-resumable]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      const file = form.elements.file.files[0];
      if (!file || file.size <= RESUME_FROM) return;
      event.preventDefault();
      const bar = form.querySelector("progress");
      const msg = form.querySelector(".msg");
      const button = form.querySelector("button");
      bar.hidden = false;
      button.disabled = true;
      const upload = new window.tus.Upload(file, {
        endpoint: form.dataset.resumable,
        chunkSize: 8 * 1024 * 1024,
        retryDelays: [0, 1000, 3000, 5000, 10000, 20000, 30000],
        removeFingerprintOnSuccess: true,
        headers: { "X-CSRFToken": form.elements.csrfmiddlewaretoken.value },
        metadata: {
          kind: "stage_file", contest: form.dataset.contest, unit: form.dataset.unit, code: form.dataset.code,
          filename: file.name,
        },
        onProgress: function (sent, total) {
          bar.value = Math.floor((sent / total) * 100);
          msg.textContent = bar.value + "%";
        },
        onError: function (err) {
          const response = err.originalResponse;
          msg.textContent = (response && reasonOf(response)) ||
            form.dataset.notSent;
          button.disabled = false;
        },
        onSuccess: function () { window.location.reload(); },
      });
      upload.findPreviousUploads().then(function (previous) {
        if (previous.length) upload.resumeFromPreviousUpload(previous[0]);
        upload.start();
      });
    });
  });
})();
