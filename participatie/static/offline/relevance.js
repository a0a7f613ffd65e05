// XLSForm expressions (`relevant`, `calculation`, `choice_filter`), evaluated on the device: the
// twin of participatie/surveys/relevance.py. Same grammar, same values, same answers: the tests run
// one table of cases through both (tests/data/relevance_cases.json, tests/assist/data/).
// Loaded as a classic script in the browser (self.ParticipatieRelevance) and with require() in node.
(function (root) {
  "use strict";

  var Expressions = typeof module !== "undefined" && module.exports
    ? require("./expressions.js")
    : root.ParticipatieExpressions;
  var ExpressionError = Expressions.ExpressionError;
  var parse = Expressions.parse;
  var pyStrip = Expressions.pyStrip;
  var pySplit = Expressions.pySplit;

  var DIGIT = /\p{Nd}/u;
  var DIGITS = /\p{Nd}/gu;
  var FLOAT = /^[+-]?(?:(?:\d(?:_?\d)*)(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;
  var SPECIAL_FLOAT = /^[+-]?(inf|infinity|nan)$/i;

  // Python reads every Unicode decimal digit (Arabic-Indic ٣, Persian ۳, …) as a number. Each
  // script's digits form runs of ten, zero first, so a digit's value is its distance from the
  // start of its run, modulo ten.
  function digitValue(character) {
    var code = character.codePointAt(0);
    var start = code;
    while (start > 0 && DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
    return (code - start) % 10;
  }

  function asciiDigits(text) {
    return text.replace(DIGITS, function (character) {
      return character >= "0" && character <= "9" ? character : String(digitValue(character));
    });
  }

  // float(text) in Python, or null where Python raises ValueError.
  function pyFloat(text) {
    var stripped = asciiDigits(pyStrip(text));
    var special = SPECIAL_FLOAT.exec(stripped);
    if (special) {
      if (special[1].toLowerCase() === "nan") return NaN;
      return stripped.charAt(0) === "-" ? -Infinity : Infinity;
    }
    if (!FLOAT.test(stripped)) return null;
    return Number(stripped.replace(/_/g, ""));
  }

  function isPlainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  // bool(value) in Python.
  function pyTruthy(value) {
    if (value === null || value === undefined) return false;
    if (typeof value === "number") return value !== 0;
    if (typeof value === "string" || Array.isArray(value)) return value.length > 0;
    if (isPlainObject(value)) return Object.keys(value).length > 0;
    return Boolean(value);
  }

  function numberText(value) {
    if (Object.is(value, -0)) return "0";
    if (Number.isInteger(value)) return BigInt(value).toString();
    if (value === Infinity) return "inf";
    if (value === -Infinity) return "-inf";
    if (Number.isNaN(value)) return "nan";
    return String(value);
  }

  function asText(value) {
    if (value === null || value === undefined) return "";
    if (typeof value === "boolean") return value ? "true" : "false";
    if (Array.isArray(value)) return value.map(function (v) { return String(v); }).join(" ");
    if (typeof value === "number") return numberText(value);
    return String(value);
  }

  function asNumber(value) {
    return pyFloat(asText(value));
  }

  function has(object, name) {
    return object !== null && object !== undefined && Object.prototype.hasOwnProperty.call(object, name);
  }

  // Scope in relevance.py: the answers, the form's calculations (computed when first needed) and
  // in a choice_filter the columns of one choice.
  function scope(answers, calculations, columns) {
    if (answers && answers.isScope) return answers;
    var computed = {};
    var busy = {};
    var made = {
      isScope: true,
      columns: columns || {},
      lookup: function (name) {
        if (has(calculations, name) && !has(answers, name)) {
          if (!has(computed, name)) {
            if (busy[name]) return "";
            busy[name] = true;
            computed[name] = valueOf(parse(calculations[name]), made);
            delete busy[name];
          }
          return computed[name];
        }
        return has(answers, name) ? answers[name] : null;
      }
    };
    return made;
  }

  function arithmetic(operator, left, right) {
    var a = asNumber(left);
    var b = asNumber(right);
    if (a === null || b === null) return NaN;
    if (operator === "+") return a + b;
    if (operator === "-") return a - b;
    if (operator === "*") return a * b;
    if (b === 0) {
      if (a === 0 || Number.isNaN(a) || operator === "mod") return NaN;
      return (a > 0 ? Infinity : -Infinity) * (Object.is(b, -0) ? -1 : 1);
    }
    return operator === "div" ? a / b : a % b;
  }

  function round(number, digits) {
    if (number === null || digits === null) return NaN;
    if (Number.isNaN(number) || !Number.isFinite(number)) return number;
    var scale = Math.pow(10, Math.trunc(digits));
    var rounded = Math.floor(Math.abs(number) * scale + 0.5) / scale;
    return number < 0 || Object.is(number, -0) ? -rounded : rounded;
  }

  function call(item, context) {
    var name = item.value;
    var args = item.children;
    if (name === "if") return valueOf(evaluate(args[0], context) ? args[1] : args[2], context);
    var values = args.map(function (arg) { return valueOf(arg, context); });
    if (name === "concat") return values.map(asText).join("");
    if (name === "coalesce") return asText(values[0]) !== "" ? values[0] : values[1];
    if (name === "string-length") return Array.from(asText(values[0])).length;
    var number = asNumber(values[0]);
    if (name === "round") return round(number, values.length > 1 ? asNumber(values[1]) : 0);
    if (number === null || Number.isNaN(number) || !Number.isFinite(number)) return NaN;
    return name === "int" ? Math.trunc(number) : number;
  }

  function valueOf(item, context) {
    if (item === null) return "";
    if (item.kind === "ref") return context.lookup(item.value);
    if (item.kind === "column") return has(context.columns, item.value) ? context.columns[item.value] : "";
    if (item.kind === "literal") return item.value;
    if (item.kind === "count") {
      var subject = item.children[0];
      var selected = subject.kind === "ref" ? context.lookup(subject.value) : null;
      if (Array.isArray(selected)) return selected.length;
      return pyTruthy(selected) ? 1 : 0;
    }
    if (item.kind === "arithmetic") {
      return arithmetic(item.value, valueOf(item.children[0], context), valueOf(item.children[1], context));
    }
    if (item.kind === "call") return call(item, context);
    return evaluate(item, context);
  }

  function compare(operator, left, right) {
    var leftNumber = asNumber(left);
    var rightNumber = asNumber(right);
    if (operator === "=" || operator === "!=") {
      var equal = leftNumber !== null && rightNumber !== null
        ? leftNumber === rightNumber
        : asText(left) === asText(right);
      return operator === "=" ? equal : !equal;
    }
    if (leftNumber === null || rightNumber === null) return false;
    if (operator === "<") return leftNumber < rightNumber;
    if (operator === "<=") return leftNumber <= rightNumber;
    if (operator === ">") return leftNumber > rightNumber;
    return leftNumber >= rightNumber;
  }

  function evaluate(item, answers) {
    var context = scope(answers || {});
    if (item === null) return true;
    if (item.kind === "and") return evaluate(item.children[0], context) && evaluate(item.children[1], context);
    if (item.kind === "or") return evaluate(item.children[0], context) || evaluate(item.children[1], context);
    if (item.kind === "not") return !evaluate(item.children[0], context);
    if (item.kind === "compare") {
      return compare(item.value, valueOf(item.children[0], context), valueOf(item.children[1], context));
    }
    if (item.kind === "selected") {
      var subject = valueOf(item.children[0], context);
      var choice = asText(valueOf(item.children[1], context));
      var chosen = Array.isArray(subject) ? subject.map(String) : pySplit(asText(subject));
      return chosen.indexOf(choice) >= 0;
    }
    if (item.kind === "count") return pyTruthy(valueOf(item, context));
    var value = valueOf(item, context);
    if (typeof value === "number" && Number.isNaN(value)) return false;
    var text = asText(value);
    return pyTruthy(value) && text !== "" && text !== "false" && text !== "0";
  }

  function isRelevant(expression, answers, calculations) {
    return evaluate(parse(expression), scope(answers || {}, calculations || {}));
  }

  // calculate() in relevance.py: the text a label shows ("" where XPath gives NaN).
  function calculate(expression, answers, calculations) {
    var text = asText(valueOf(parse(expression), scope(answers || {}, calculations || {})));
    return text === "nan" || text === "inf" || text === "-inf" ? "" : text;
  }

  function choicePasses(expression, answers, columns, calculations) {
    return evaluate(parse(expression, true), scope(answers || {}, calculations || {}, columns || {}));
  }

  var api = {
    ExpressionError: ExpressionError,
    parse: parse,
    evaluate: evaluate,
    isRelevant: isRelevant,
    calculate: calculate,
    choicePasses: choicePasses,
    scope: scope,
    pyStrip: pyStrip,
    pyFloat: pyFloat,
    asciiDigits: asciiDigits,
    asText: asText
  };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.ParticipatieRelevance = api;
})(typeof self !== "undefined" ? self : this);
