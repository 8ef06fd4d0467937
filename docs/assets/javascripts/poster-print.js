// The print page of the poster (poster.md): what a company types appears in the «Наше мероприятие»
// frame of the poster at once, set in the poster's font. A field's words wrap onto the lines the
// layout gives it (data-qw-lines: «Что» has a spare line) and shrink no smaller than
// data-qw-smallest; under each field the page says how many characters are left, or by how much
// the text is too long: words are never cut off. «Распечатать плакат» opens the print dialog.
// Nothing is sent anywhere: the form has no submit.
(() => {
  const form = document.querySelector("[data-qw-poster-form]");
  if (!form) return;
  const SVG = "http://www.w3.org/2000/svg";

  // «1 знак», «2 знака», «5 знаков»
  const signs = (n) => {
    const tens = n % 100, ones = n % 10;
    if (tens >= 11 && tens <= 14) return `${n} знаков`;
    if (ones === 1) return `${n} знак`;
    return ones >= 2 && ones <= 4 ? `${n} знака` : `${n} знаков`;
  };

  // the words in at most `lines` lines of `width` at the text's current size, or null
  const wrap = (text, words, width, lines) => {
    const out = [];
    let line = "";
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      text.textContent = candidate;
      // getComputedTextLength is in the SVG's own units (millimetres here)
      if (!line || text.getComputedTextLength() <= width) {
        line = candidate;
      } else {
        out.push(line);
        line = word;
      }
    }
    if (line) out.push(line);
    const fits = out.length <= lines && out.every((l) => {
      text.textContent = l;
      return text.getComputedTextLength() <= width;
    });
    return fits ? out : null;
  };

  // the largest size from the layout's down to the smallest at which the words fit; at the
  // smallest, the words as they wrap even if they do not fit (said under the field)
  const fit = (text, value) => {
    const width = Number(text.dataset.qwWidth);
    const lines = Number(text.dataset.qwLines || 1);
    const pitch = Number(text.dataset.qwPitch || 0);
    const smallest = Number(text.dataset.qwSmallest || 3.5);
    const base = Number(text.dataset.qwSize || text.getAttribute("font-size"));
    text.dataset.qwSize = String(base);
    const words = value.split(" ").filter(Boolean);
    let size = base, wrapped = null;
    for (; size >= smallest; size -= 0.25) {
      text.setAttribute("font-size", size.toFixed(2));
      wrapped = wrap(text, words, width, lines);
      if (wrapped) break;
    }
    const fits = Boolean(wrapped);
    if (!wrapped) {
      size = smallest;
      text.setAttribute("font-size", size.toFixed(2));
      wrapped = wrap(text, words, width, Infinity) || [];
    }
    text.textContent = "";
    wrapped.forEach((line, index) => {
      const span = document.createElementNS(SVG, "tspan");
      span.setAttribute("x", text.getAttribute("x"));
      span.setAttribute("y", String(Number(text.getAttribute("y")) + index * pitch));
      // a line ends with its space, so the words read apart when copied or read aloud
      span.textContent = index < wrapped.length - 1 ? `${line} ` : line;
      text.appendChild(span);
    });
    return fits;
  };

  const show = (input) => {
    const name = input.dataset.qwInput;
    const text = document.querySelector(`[data-qw-field="${name}"]`);
    const count = form.querySelector(`[data-qw-count="${name}"]`);
    if (!text) return;
    const value = input.value.replace(/\s+/g, " ").trim();
    const fits = fit(text, value);
    const limit = Number(input.dataset.qwLimit);
    const over = Array.from(value).length - limit;
    let message;
    if (over > 0) message = `На ${signs(over)} больше, чем помещается на плакат: сократите текст`;
    else if (!fits) message = "Не помещается на плакат: сократите текст";
    else message = `Можно ещё ${signs(-over)} из ${limit}`;
    const wrong = over > 0 || !fits;
    if (count) {
      count.textContent = message;
      count.classList.toggle("qw-poster-count--over", wrong);
    }
    if (wrong) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
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
