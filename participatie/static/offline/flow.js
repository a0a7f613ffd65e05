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
  function isRelevant(question, values) {
    try {
      if (question.relevance || question.relevance === null) return Relevance.evaluate(question.relevance, values);
      return Relevance.isRelevant(question.relevant, values);
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
      if (!isRelevant(question, seen)) {
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
    return definition.questions.filter(function (question) { return isRelevant(question, current); });
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
      if (seen && isRelevant(question, current)) return question;
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

  var api = {
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
