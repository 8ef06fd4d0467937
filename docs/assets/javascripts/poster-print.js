// The print page of the poster (poster.md): what a company types appears in the «Наше мероприятие»
// frame of the poster at once, set in the poster's font and shrunk to fit its line; «Распечатать
// плакат» opens the print dialog. Nothing is sent anywhere: the form has no submit.
(() => {
  const form = document.querySelector("[data-qw-poster-form]");
  if (!form) return;
  const fit = (text) => {
    const width = Number(text.dataset.qwWidth);
    const base = Number(text.dataset.qwSize || text.getAttribute("font-size"));
    text.dataset.qwSize = String(base);
    text.setAttribute("font-size", String(base));
    // getComputedTextLength is in the SVG's own units (millimetres here)
    for (let size = base; size > 3.5 && text.getComputedTextLength() > width; size -= 0.25) {
      text.setAttribute("font-size", size.toFixed(2));
    }
  };
  const show = (input) => {
    const text = document.querySelector(`[data-qw-field="${input.dataset.qwInput}"]`);
    if (!text) return;
    text.textContent = input.value.replace(/\s+/g, " ").trim();
    fit(text);
  };
  const inputs = form.querySelectorAll("[data-qw-input]");
  inputs.forEach((input) => {
    input.addEventListener("input", () => show(input));
    show(input); // values the browser kept after a reload
  });
  // the font may arrive after the first fit: fit again with its real widths
  if (document.fonts) document.fonts.ready.then(() => inputs.forEach(show));
  form.addEventListener("submit", (event) => event.preventDefault());
  form.querySelectorAll("[data-qw-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  });
})();
