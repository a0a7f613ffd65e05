// Runs the shared case tables through the browser's evaluators, in node:
//   node run_cases.js CASES.json  →  {"relevance": [true|false|"error", …], "validation": [{…}, …]}
"use strict";

const fs = require("fs");
const path = require("path");

const offline = path.join(__dirname, "..", "..", "..", "participatie", "static", "offline");
const relevance = require(path.join(offline, "relevance.js"));
const validate = require(path.join(offline, "validate.js"));
const flow = require(path.join(offline, "flow.js"));

const cases = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));

function relevanceResult(item) {
  try {
    return relevance.evaluate(relevance.parse(item.expression, "columns" in item), relevance.scope(item.answers, item.calculations, item.columns));
  } catch (error) {
    if (error instanceof relevance.ExpressionError) return "error";
    throw error;
  }
}

// The question as the device gets it: the server's `check` and `widget` (item.offline) when the
// test sends them, else only its type (a definition stored before the rules came as data).
function question(item) {
  const spec = item.question;
  return Object.assign({
    type: spec.type,
    appearance: spec.appearance || "",
    required: Boolean(spec.required),
    offer_decline: Boolean(spec.offer_decline),
    minimum: spec.minimum === undefined ? null : spec.minimum,
    maximum: spec.maximum === undefined ? null : spec.maximum,
    number: cases.number_rules,
    options: (spec.options || []).map((name) => ({ name: name }))
  }, item.offline || {});
}

function journeyResult(item) {
  const definition = item.definition;
  const forms = JSON.parse(JSON.stringify(item.forms));
  const shown = flow.visible(definition, forms).map((q) => q.name);
  const next = {};
  shown.forEach((name) => {
    const found = flow.nextAfter(definition, forms, name);
    next[name] = found ? found.name : null;
  });
  const first = flow.firstUnanswered(definition, forms);
  const place = shown.length ? flow.placeOf(definition, forms, shown[shown.length - 1]) : null;
  flow.prune(definition, forms);
  const kept = definition.questions
    .filter((q) => forms[q.name] && !validate.isEmpty(validate.parseAnswer(q, forms[q.name])))
    .map((q) => q.name);
  return {
    visible: shown,
    next: next,
    first: first ? first.name : null,
    last_place: place ? [place.number, place.total] : null,
    kept: kept
  };
}

const out = {
  relevance: cases.relevance.map(relevanceResult),
  // The trees the server parsed (assist/offline.py sends them): evaluated, never parsed here.
  relevance_trees: (cases.relevance_trees || []).map((item) => relevance.evaluate(item.tree, relevance.scope(item.answers, item.calculations || {}))),
  validation: cases.validation.map((item) => validate.parseAnswer(question(item), item.form, item.offline ? cases.messages : undefined)),
  journey: (cases.journey || []).map(journeyResult)
};
process.stdout.write(JSON.stringify(out));
