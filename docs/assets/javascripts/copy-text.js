// Copy buttons: the ready texts (docs/kit.md), copied exactly as the .txt file holds them, and
// the calendar's address (home and kit pages). A button's data-qw-copy names the element whose
// text it copies; data-qw-copied, what its status line then says. Progressive enhancement: the
// buttons stay hidden without this script, and the text can still be selected by hand or
// downloaded. The form «Предложить мероприятие» copies with the same function (window.qwCopy).
// Our own code, no libraries.
(function () {
  "use strict";

  // The Clipboard API needs a secure context (https, localhost); a preview opened by address
  // on a phone in the local network is not one, so fall back to a selected hidden textarea.
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.top = "0";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      area.setSelectionRange(0, text.length);  // iOS Safari selects only with a range
      var done = false;
      try { done = document.execCommand("copy"); } catch (e) { done = false; }
      document.body.removeChild(area);
      if (done) resolve(); else reject(new Error("copy"));
    });
  }
  window.qwCopy = copy;

  function setUp(button) {
    var body = document.getElementById(button.getAttribute("data-qw-copy"));
    var status = button.parentNode.querySelector("[role=status]");
    if (!body || !status || button.dataset.qwReady) return;
    button.dataset.qwReady = "1";
    button.addEventListener("click", function () {
      copy(body.textContent).then(function () {
        status.textContent = button.getAttribute("data-qw-copied") || "Текст скопирован";
      }, function () {
        status.textContent = "Не удалось скопировать: выделите текст и скопируйте его вручную";
      });
    });
    button.hidden = false;
  }

  function init() {
    document.querySelectorAll("button[data-qw-copy]").forEach(setUp);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
