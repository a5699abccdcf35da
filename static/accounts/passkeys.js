// A passkey just added shows in the count beside it: the page is read again once the library says it is saved.
document.addEventListener("otp_webauthn.register_complete", () => window.location.reload());
