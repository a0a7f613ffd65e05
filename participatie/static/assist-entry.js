// Keying in paper forms with the keyboard only: Enter goes to the next field (and saves on the
// last one; Shift+Enter is a new line in a long text); fields that routing skips, given what is typed so far, are greyed out and passed by.
// The routing is relevance.js, the twin of the server's evaluator; the server checks again.
(function () {
  "use strict";
  var form = document.querySelector("form.entry");
  if (!form || !self.ParticipatieRelevance || !self.ParticipatieValidate) return;
  var Relevance = self.ParticipatieRelevance;
  var Validate = self.ParticipatieValidate;
  var specs = JSON.parse(form.dataset.questions);
  var SEPARATORS = /[\s,;+/]+/;

  function input(spec) {
    return form.elements[spec.field];
  }

  // What was typed as the page's values, as the server reads it (the type's entry_answer()):
  // option numbers become option names; a type that splits its answer (a date) says how.
  function typedForm(spec, typed) {
    var entry = spec.entry || {};
    if (entry.split) return { answer: typed.split(new RegExp(entry.split)).filter(Boolean) };
    if (!entry.options) return { answer: [typed] };
    var tokens = typed.split(SEPARATORS).filter(Boolean);
    if (entry.multiple && spec.options.length <= 9) {
      tokens = tokens.reduce(function (all, token) {
        return all.concat(/^\d+$/.test(token) ? token.split("") : [token]);
      }, []);
    }
    return {
      answer: tokens.map(function (token) {
        var option = /^\d+$/.test(token) ? spec.options[Number(token) - 1] : null;
        return option ? option.name : "?";
      })
    };
  }

  function update() {
    var values = {};
    specs.forEach(function (spec) {
      var field = input(spec);
      var relevant;
      try {
        relevant = spec.relevance || spec.relevance === null
          ? Relevance.evaluate(spec.relevance, Relevance.scope(values, spec.calculations || {}))
          : Relevance.isRelevant(spec.relevant, values, spec.calculations || {});
      } catch (problem) {
        relevant = true;
      }
      var wrapper = form.querySelector('[data-field="' + spec.field + '"]');
      wrapper.classList.toggle("skipped", !relevant);
      wrapper.querySelector(".skipped-note").hidden = relevant;
      field.disabled = !relevant;
      var refusal = wrapper.querySelector("[data-declines]");
      if (refusal) refusal.disabled = !relevant;
      var typed = field.value.trim();
      if (!relevant || !typed) return;
      var parsed = Validate.parseAnswer(spec, typedForm(spec, typed));
      if (!parsed.error && !parsed.declined) values[spec.name] = parsed.value;
    });
  }

  function fields() {
    return specs.map(input).filter(function (field) { return !field.disabled; });
  }

  form.addEventListener("input", update);
  form.addEventListener("keydown", function (event) {
    // Shift+Enter keeps its newline in a long text; Enter always goes on.
    if (event.key !== "Enter" || event.shiftKey || event.isComposing) return;
    var list = fields();
    var index = list.indexOf(event.target);
    if (index < 0) return;
    event.preventDefault();
    update();
    list = fields();
    index = list.indexOf(event.target);
    if (index >= 0 && index + 1 < list.length) list[index + 1].focus();
    else form.requestSubmit();
  });
  update();
})();
