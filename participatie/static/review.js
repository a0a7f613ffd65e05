/* Keyboard shortcuts for the review queue. Every shortcut presses a button that also works
   without JavaScript; the page then comes back at the statement it acted on (#s-<id>). */
(function () {
  "use strict";
  var queue = document.getElementById("queue");
  if (!queue) { return; }
  var help = document.getElementById("shortcuts");
  if (help) { help.hidden = false; }
  var statements = Array.prototype.slice.call(queue.querySelectorAll(".statement"));
  var current = -1;

  function focusAt(index) {
    if (!statements.length) { return; }
    current = Math.max(0, Math.min(statements.length - 1, index));
    statements[current].focus();
  }

  function currentStatement() {
    var active = document.activeElement;
    for (var i = 0; i < statements.length; i++) {
      if (statements[i] === active || statements[i].contains(active)) { current = i; }
    }
    return current >= 0 ? statements[current] : null;
  }

  function press(selector) {
    var statement = currentStatement();
    var button = statement && statement.querySelector(selector);
    if (button) { button.click(); }
  }

  if (location.hash.indexOf("#s-") === 0) {
    var target = document.getElementById(location.hash.slice(1));
    var index = statements.indexOf(target);
    if (index >= 0) { focusAt(index); }
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var tag = event.target && event.target.tagName;
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || (event.target && event.target.isContentEditable)) { return; }
    var key = event.key;
    if (key === "j") { focusAt(current + 1); }
    else if (key === "k") { focusAt(current - 1); }
    else if (key === "a") { press('button[data-shortcut="a"]'); }
    else if (key === "x") { press('button[data-shortcut="x"]'); }
    else if (/^[0-9]$/.test(key)) { press('button[data-shortcut="' + key + '"]'); }
    else if (key === "t") {
      var statement = currentStatement();
      var box = statement && statement.querySelector('input[name="selected"]');
      if (box) { box.checked = true; }
      var theme = document.getElementById("theme");
      if (theme) { theme.focus(); }
    }
    else if (key === "u") {
      var undo = document.getElementById("undo-button");
      if (undo) { undo.click(); }
    }
    else { return; }
    event.preventDefault();
  });
}());
