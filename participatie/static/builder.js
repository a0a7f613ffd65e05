// Survey builder, progressive enhancement only: every page works without this file.
// - "Wanneer tonen?": the answer list shows only the chosen question's answers, the number box
//   only for number questions, and operators that do not fit the question are disabled.
// - Pictogram pickers show the chosen pictogram next to the list.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  var NUMERIC_OPS = ["gt", "ge", "lt", "le"];

  function routing(form) {
    var kinds = {};
    try { kinds = JSON.parse(form.getAttribute("data-kinds") || "{}"); } catch (e) { return; }
    form.querySelectorAll("fieldset.condition").forEach(function (row) {
      var question = row.querySelector(".route-question");
      var operator = row.querySelector(".route-operator");
      var option = row.querySelector(".route-option");
      var optionField = row.querySelector(".route-option-field");
      var numberField = row.querySelector(".route-number-field");
      if (!question || !operator || !option) return;
      function update() {
        var name = question.value;
        var kind = kinds[name] || "";
        // The server says which questions route by option and which by number (routing.py).
        var isChoice = kind === "choice";
        var isNumber = kind === "number";
        Array.prototype.forEach.call(option.querySelectorAll("option"), function (item) {
          var fits = item.value === "" || item.value.indexOf(name + "=") === 0;
          item.hidden = !fits;
          item.disabled = !fits;
        });
        Array.prototype.forEach.call(option.querySelectorAll("optgroup"), function (group) {
          var any = group.querySelector("option:not([disabled])");
          group.hidden = !any;
        });
        if (option.selectedOptions.length && option.selectedOptions[0].disabled) option.value = "";
        Array.prototype.forEach.call(operator.options, function (item) {
          var value = item.value;
          var fits = value === "" || value === "answered" || value === "unanswered" ||
            (NUMERIC_OPS.indexOf(value) >= 0 ? isNumber : (isChoice || isNumber));
          item.disabled = name !== "" && !fits;
        });
        var valueFree = operator.value === "answered" || operator.value === "unanswered";
        optionField.hidden = name !== "" && (!isChoice || valueFree);
        numberField.hidden = name !== "" && (!isNumber || valueFree);
      }
      question.addEventListener("change", update);
      operator.addEventListener("change", update);
      update();
    });
  }

  function pictograms() {
    document.querySelectorAll(".pictogram-show[data-for]").forEach(function (show) {
      var select = document.getElementById(show.getAttribute("data-for"));
      if (!select) return;
      select.addEventListener("change", function () {
        while (show.firstChild) show.removeChild(show.firstChild);
        if (!select.value || !document.getElementById("p-" + select.value)) return;
        var ns = "http://www.w3.org/2000/svg";
        var svg = document.createElementNS(ns, "svg");
        svg.setAttribute("class", "pict");
        svg.setAttribute("aria-hidden", "true");
        svg.setAttribute("focusable", "false");
        var use = document.createElementNS(ns, "use");
        use.setAttribute("href", "#p-" + select.value);
        svg.appendChild(use);
        show.appendChild(svg);
      });
    });
  }

  document.querySelectorAll("form.routing[data-kinds]").forEach(routing);
  pictograms();
})();
