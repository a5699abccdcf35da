// Scoring screen: "[" and "]" go to the previous and next province for the same criterion.
// event.code names the physical key, so it works with the Thai keyboard layout too.
document.addEventListener("keydown", (event) => {
  const target = event.target;
  if (event.ctrlKey || event.metaKey || event.altKey || target.isContentEditable) return;
  if (["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return;
  const link = document.querySelector(`a[data-key="${event.code}"]`);
  if (link) {
    event.preventDefault();
    window.location.assign(link.href);
  }
});
