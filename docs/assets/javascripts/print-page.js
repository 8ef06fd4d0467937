// «Распечатать чек-лист» (participate.md): the button is hidden in the HTML, so a reader without
// JavaScript never meets a button that does nothing; here it appears and opens the print dialog.
document.querySelectorAll("[data-qw-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
