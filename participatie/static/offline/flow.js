// Where a participant is in the survey, from their answers: the twin of journey.py and of
// prune_skipped() in answers.py, on the forms the device keeps ({name: {answer, decline}}).
// Pure functions of the survey definition, so node runs them against the Python originals in
// the tests (tests/assist/test_twins.py).
(function (root) {
  "use strict";

  var node = typeof module !== "undefined" && module.exports;
  var Relevance = node ? require("./relevance.js") : root.ParticipatieRelevance;
  var Validate = node ? require("./validate.js") : root.ParticipatieValidate;

  // The server sends the parsed expression (`relevance`: a tree, or null for always); a
  // definition from before, or one the server could not read (false), brings only the text.
  // The form's calculations (XLSForm `calculate`) are looked up by name while evaluating.
  function isRelevant(question, values, definition) {
    var calculations = (definition && definition.calculations) || {};
    try {
      if (question.relevance || question.relevance === null) {
        return Relevance.evaluate(question.relevance, Relevance.scope(values, calculations));
      }
      return Relevance.isRelevant(question.relevant, values, calculations);
    } catch (problem) {
      return true; // an expression we cannot read (the server refuses those): show the question
    }
  }

  // answer_values(): what the stored answers say, declined ones left out.
  function values(definition, forms) {
    var result = {};
    definition.questions.forEach(function (question) {
      var form = forms[question.name];
      if (!form) return;
      var answer = Validate.parseAnswer(question, form);
      if (!answer.declined && !answer.error) result[question.name] = answer.value;
    });
    return result;
  }

  // prune_skipped(): questions that routing now skips keep no answer. Changes `forms`.
  function prune(definition, forms) {
    var seen = {};
    definition.questions.forEach(function (question) {
      if (!isRelevant(question, seen, definition)) {
        delete forms[question.name];
        return;
      }
      var form = forms[question.name];
      if (form) {
        var answer = Validate.parseAnswer(question, form);
        if (!answer.declined) seen[question.name] = answer.value;
      }
    });
    return forms;
  }

  // SurveyDef.relevant_questions()
  function visible(definition, forms) {
    var current = values(definition, forms);
    return definition.questions.filter(function (question) { return isRelevant(question, current, definition); });
  }

  // journey.place_of()
  function placeOf(definition, forms, name) {
    var shown = visible(definition, forms);
    for (var index = 0; index < shown.length; index += 1) {
      if (shown[index].name === name) {
        return { question: shown[index], number: index + 1, total: shown.length, previous: shown[index - 1] || null };
      }
    }
    return null;
  }

  // journey.next_after()
  function nextAfter(definition, forms, name) {
    var current = values(definition, forms);
    var seen = false;
    for (var index = 0; index < definition.questions.length; index += 1) {
      var question = definition.questions[index];
      if (seen && isRelevant(question, current, definition)) return question;
      seen = seen || question.name === name;
    }
    return null;
  }

  // A note is read, not answered: its type's check says so (older definitions: its type).
  function answerable(question) {
    return question.check ? question.check.op !== "none" : question.type !== "note";
  }

  // journey.first_unanswered()
  function firstUnanswered(definition, forms) {
    var shown = visible(definition, forms);
    for (var index = 0; index < shown.length; index += 1) {
      if (!forms[shown[index].name] && answerable(shown[index])) return shown[index];
    }
    return null;
  }

  // QuestionDef.visible_options(): the options its choice_filter keeps, given the answers.
  function visibleOptions(definition, question, forms) {
    if (!question.choice_filter) return question.options;
    var current = values(definition, forms);
    return question.options.filter(function (option) {
      var columns = Object.assign({ name: option.name }, option.filters || {});
      try {
        return Relevance.choicePasses(question.choice_filter, current, columns, definition.calculations || {});
      } catch (problem) {
        return true; // refused on import: show the option
      }
    });
  }

  // QuestionDef.piped(): each ${name} in the texts replaced by that answer or calculation.
  function piped(definition, texts, forms) {
    var current = values(definition, forms);
    var result = {};
    Object.keys(texts || {}).forEach(function (lang) {
      result[lang] = texts[lang].replace(/\$\{[A-Za-z_][A-Za-z0-9._-]*\}/g, function (reference) {
        return Relevance.calculate(reference, current, definition.calculations || {});
      });
    });
    return result;
  }

  // The question as the online page shows it: ${…} in its texts filled in, and only the options
  // its choice_filter keeps.
  function presented(definition, question, forms) {
    return Object.assign({}, question, {
      label: piped(definition, question.label, forms),
      hint: piped(definition, question.hint, forms),
      options: visibleOptions(definition, question, forms)
    });
  }

  var api = {
    presented: presented,
    visibleOptions: visibleOptions,
    piped: piped,
    values: values,
    prune: prune,
    visible: visible,
    placeOf: placeOf,
    nextAfter: nextAfter,
    firstUnanswered: firstUnanswered
  };
  if (node) module.exports = api;
  else root.ParticipatieFlow = api;
})(typeof self !== "undefined" ? self : this);
