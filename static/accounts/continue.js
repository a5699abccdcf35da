// The form kept while the second factor was asked is sent again as soon as the page is read; its button does
// the same where scripts do not run (templates/accounts/continue.html).
document.getElementById("continue-form")?.requestSubmit();
