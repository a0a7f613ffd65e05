// Choices a focus group's note-taker makes while capturing (capture.js sends the quotes):
// - 1-9 pick the speaker, unless a text field has focus (the empty quote box excepted), and
//   the choice is announced to a screen reader;
// - the guide question stays chosen for this group, also after a reload.
(function () {
  "use strict";
  var form = document.getElementById("capture-form");
  if (!form) return;
  var textarea = form.querySelector("textarea[name=text]");
  var question = form.querySelector("select[name=question]");
  var text = form.dataset;
  var storeKey = text.store;

  // --- speaker keys ----------------------------------------------------------------------------

  function digitOf(event) {
    var match = /^(?:Digit|Numpad)([1-9])$/.exec(event.code || "");
    if (match) return match[1];
    return /^[1-9]$/.test(event.key) ? event.key : null;
  }

  function chooseSpeaker(digit) {
    var radio = form.querySelector('input[name=speaker][data-key="' + digit + '"]');
    if (!radio) return false;
    radio.checked = true;
    var announce = document.getElementById("speaker-announce");
    if (announce) announce.textContent = text.speaking.replace("{p}", radio.value);
    return true;
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    var digit = digitOf(event);
    if (!digit) return;
    var target = event.target;
    var typing = target.matches && target.matches("textarea, select, input:not([type=radio]):not([type=checkbox])");
    if (typing && !(target === textarea && textarea.value === "")) return;
    if (chooseSpeaker(digit)) {
      event.preventDefault();
      textarea.focus();
    }
  });

  // The guide question stays chosen for this group, also after a reload.
  if (question) {
    var remembered = null;
    try { remembered = JSON.parse(window.localStorage.getItem(storeKey + ":question")); } catch (error) { /* none kept */ }
    if (remembered !== null && question.querySelector('option[value="' + remembered + '"]')) question.value = remembered;
    question.addEventListener("change", function () {
      try { window.localStorage.setItem(storeKey + ":question", JSON.stringify(question.value)); } catch (error) { /* kept in the page */ }
    });
  }
})();
