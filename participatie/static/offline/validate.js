// Reading and checking one page's answer on the device: the twin of parse_answer() in
// participatie/surveys/answers.py, reading each question type's rules as data (`check`). The server checks every synced answer again with the
// Python original; a table of cases (tests/assist/data/validation_cases.json) runs through both.
// A form is {answer: [strings as submitted], decline: "1" or ""}.
(function (root) {
  "use strict";

  var relevance = typeof module !== "undefined" && module.exports
    ? require("./relevance.js")
    : root.ParticipatieRelevance;
  var patterns = typeof module !== "undefined" && module.exports
    ? require("./patterns.js")
    : root.ParticipatiePatterns;

  var SHORT_TEXT_MAX = 500;
  var LONG_TEXT_MAX = 5000;

  // The Dutch source texts; the survey definition brings them in every survey language.
  var SOURCE_MESSAGES = {
    choose_listed: "Kies een van de antwoorden.",
    integer_example: "Vul een getal in, zoals 3.",
    decimal_example: "Vul een getal in, zoals 2,5.",
    number_range: "Vul een getal in van %(low)s tot %(high)s.",
    text_too_long: "Je tekst is te lang. Gebruik hoogstens %(limit)s tekens.",
    required_multiple: "Kies minstens één antwoord.",
    required_one: "Kies een antwoord.",
    required_number: "Vul een getal in.",
    required_text: "Vul hier iets in.",
    pattern: "Dit antwoord past niet. Kijk na wat je schreef."
  };

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function message(messages, key, values) {
    var template = (messages && messages[key]) || SOURCE_MESSAGES[key] || key;
    return format(template, values || {});
  }

  function first(form, name) {
    var values = form[name];
    if (Array.isArray(values)) return values.length ? String(values[0]) : "";
    return values === undefined || values === null ? "" : String(values);
  }

  function all(form, name) {
    var values = form[name];
    if (values === undefined || values === null || values === "") return [];
    return (Array.isArray(values) ? values : [values]).map(String);
  }

  // _plain() in answers.py: 0.0 → "0", 2.5 → "2.5".
  function plain(number) {
    return relevance.asText(number);
  }

  function parsed(value, declined, error) {
    return { value: value === undefined ? null : value, declined: Boolean(declined), error: error || null };
  }

  function isEmpty(result) {
    var value = result.value;
    return !result.declined && (value === null || value === "" || (Array.isArray(value) && value.length === 0));
  }

  function codePoints(text) {
    return Array.from(text).length;
  }

  // What was typed for a number question, read by the server's rules (surveys/numbers.py sends
  // them as data in question.number): {empty: true}, {value: n}, or {} when not a number.
  // The same steps as read_number() in Python, over the same rules.
  function readNumber(text, kind, rules) {
    var chars = Array.from(text).filter(function (c) { return rules.ignored.indexOf(c) < 0; });
    if (!chars.length) return { empty: true };
    var sign = "";
    if (rules.minus.indexOf(chars[0]) >= 0) {
      sign = "-";
      chars = chars.slice(1);
    }
    var whole = [];
    var fraction = [];
    var separated = false;
    for (var i = 0; i < chars.length; i += 1) {
      var digit = digitOf(chars[i], rules.digits);
      if (digit !== null) (separated ? fraction : whole).push(digit);
      else if (rules.separators.indexOf(chars[i]) >= 0 && kind === "decimal" && !separated) separated = true;
      else return {};
    }
    if (whole.length < 1 || whole.length > rules.max_integer_digits) return {};
    if (separated && (fraction.length < 1 || fraction.length > rules.max_fraction_digits)) return {};
    if (kind === "integer") return { value: Number(sign + whole.join("")) };
    return { value: Number(sign + whole.join("") + "." + (fraction.join("") || "0")) };
  }

  function digitOf(character, sets) {
    for (var s = 0; s < sets.length; s += 1) {
      var index = Array.from(sets[s]).indexOf(character);
      if (index >= 0) return String(index);
    }
    return null;
  }

  // A definition kept on a device from before the rules were sent has none: read it by a strict
  // subset of them (Latin digits only), so the device never accepts what the server refuses.
  var SUBSET_RULES = {
    digits: ["0123456789"], separators: [",", "."], minus: ["-"], ignored: [" "],
    max_integer_digits: 12, max_fraction_digits: 6
  };

  function parseNumber(question, check, raw, messages) {
    var read = readNumber(raw, check.kind, check.rules || SUBSET_RULES);
    if (read.empty) return parsed(null);
    if (read.value === undefined) return parsed(null, false, message(messages, check.example));
    var number = read.value;
    var low = question.minimum;
    var high = question.maximum;
    var hasLow = low !== null && low !== undefined;
    var hasHigh = high !== null && high !== undefined;
    if ((hasLow && number < low) || (hasHigh && number > high)) {
      return parsed(null, false, message(messages, "number_range", {
        low: plain(hasLow ? low : 0),
        high: plain(hasHigh ? high : 999999)
      }));
    }
    return parsed(number);
  }

  // Today on this device as an ISO date, for a check whose latest allowed date is "today".
  function today() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  // An answer typed in several fields (a date: day, month, year), read by the type's data:
  // each part keeps its digits (any of the digit sets), is zero-padded, the parts are joined in
  // `order` and must match `pattern`; `min` and `max` compare as text (ISO dates sort so).
  function parseParts(check, values, messages) {
    var parts = [];
    var typed = 0;
    for (var i = 0; i < check.parts.length; i += 1) {
      var spec = check.parts[i];
      var chars = Array.from(values[i] === undefined ? "" : String(values[i])).filter(function (c) {
        return check.ignored.indexOf(c) < 0;
      });
      if (chars.length) typed += 1;
      var digits = [];
      for (var c = 0; c < chars.length; c += 1) {
        var digit = digitOf(chars[c], check.digits);
        if (digit === null) return parsed(null, false, message(messages, check.invalid));
        digits.push(digit);
      }
      if (chars.length && (digits.length < spec.min_digits || digits.length > spec.max_digits)) {
        return parsed(null, false, message(messages, check.invalid));
      }
      var text = digits.join("");
      while (text.length < spec.max_digits) text = "0" + text;
      parts.push(text);
    }
    if (!typed) return parsed(null);
    if (typed < check.parts.length) return parsed(null, false, message(messages, check.invalid));
    var joined = check.order.map(function (index) { return parts[index]; }).join(check.join);
    if (!new RegExp(check.pattern).test(joined)) return parsed(null, false, message(messages, check.invalid));
    var latest = check.max === "today" ? today() : check.max;
    if (check.min && joined < check.min) return parsed(null, false, message(messages, check.too_early, check.values));
    if (latest && joined > latest) return parsed(null, false, message(messages, check.too_late, check.values));
    return parsed(joined);
  }

  // Definitions kept on a device from before the rules came as data name only their type;
  // these are read as they were then. Any other type without its `check` throws.
  var LEGACY_CHECKS = {
    select_one: { op: "choose", multiple: false, required: "required_one" },
    select_multiple: { op: "choose", multiple: true, required: "required_multiple" },
    integer: { op: "number", kind: "integer", example: "integer_example", required: "required_number" },
    decimal: { op: "number", kind: "decimal", example: "decimal_example", required: "required_number" },
    text: { op: "text", limit: SHORT_TEXT_MAX, required: "required_text" },
    note: { op: "none" }
  };

  function checkOf(question) {
    if (question.check) return question.check;
    var legacy = Object.prototype.hasOwnProperty.call(LEGACY_CHECKS, question.type) ? LEGACY_CHECKS[question.type] : null;
    if (!legacy) throw new Error("unknown question type: " + question.type);
    var check = Object.assign({}, legacy);
    if (check.op === "number") check.rules = question.number || SUBSET_RULES;
    if (check.op === "text" && question.appearance === "multiline") check.limit = LONG_TEXT_MAX;
    return check;
  }

  // The answer on a submitted page, or the message to show beside the field. With `extra`
  // ({lang, visible: option names its choice_filter keeps}) a form's regex() constraint and
  // cascading list are checked too, as parse_answer() does with the earlier answers.
  function parseAnswer(question, form, messages, extra) {
    var result = parseOwn(question, form, messages);
    if (result.error !== null || result.declined || isEmpty(result) || !extra) return result;
    if (question.type === "text" && question.pattern && patterns && !patterns.matches(question.pattern, result.value)) {
      var own = (question.constraint_message || {})[extra.lang];
      return parsed(result.value, false, own || message(messages, "pattern"));
    }
    if (extra.visible && (question.type === "select_one" || question.type === "select_multiple")) {
      var chosen = Array.isArray(result.value) ? result.value : [result.value];
      if (chosen.some(function (name) { return extra.visible.indexOf(name) < 0; })) {
        return parsed(null, false, message(messages, "choose_listed"));
      }
    }
    return result;
  }

  // The answer as the question's type reads it, as data (`check`, from surveys/question_types/).
  function parseOwn(question, form, messages) {
    var check = checkOf(question);
    var names = (question.options || []).map(function (option) { return option.name; });
    var result;
    if (check.op === "none") return parsed(null); // a note: nothing to answer
    // Only where "Ik wil dit niet zeggen" is offered, as parse_answer() in surveys/answers.py.
    if (first(form, "decline") && question.offer_decline && !question.required) return parsed(null, true);
    if (check.op === "choose" && check.multiple) {
      var chosen = all(form, "answer");
      if (chosen.some(function (name) { return names.indexOf(name) < 0; })) {
        return parsed(null, false, message(messages, "choose_listed"));
      }
      result = parsed(names.filter(function (name) { return chosen.indexOf(name) >= 0; }));
    } else if (check.op === "choose") {
      var one = first(form, "answer");
      if (one && names.indexOf(one) < 0) return parsed(null, false, message(messages, "choose_listed"));
      result = parsed(one || null);
    } else if (check.op === "number") {
      result = parseNumber(question, check, first(form, "answer"), messages);
    } else if (check.op === "text") {
      var text = relevance.pyStrip(first(form, "answer"));
      if (codePoints(text) > check.limit) {
        return parsed(text, false, message(messages, "text_too_long", { limit: check.limit }));
      }
      result = parsed(text || null);
    } else if (check.op === "parts") {
      result = parseParts(check, all(form, "answer"), messages);
    } else {
      throw new Error("unknown answer check: " + check.op);
    }
    if (result.error === null && isEmpty(result) && question.required) {
      return parsed(null, false, message(messages, check.required));
    }
    return result;
  }

  var api = {
    SOURCE_MESSAGES: SOURCE_MESSAGES,
    parseAnswer: parseAnswer,
    readNumber: readNumber,
    isEmpty: isEmpty,
    format: format
  };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.ParticipatieValidate = api;
})(typeof self !== "undefined" ? self : this);
