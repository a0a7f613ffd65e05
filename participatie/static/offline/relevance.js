// XLSForm expressions (`relevant`, `calculation`, `choice_filter`), evaluated on the device: the
// twin of participatie/surveys/relevance.py. Same grammar, same values, same answers: the tests run
// one table of cases through both (tests/data/relevance_cases.json, tests/assist/data/).
// Loaded as a classic script in the browser (self.ParticipatieRelevance) and with require() in node.
(function (root) {
  "use strict";

  // Python's str.isspace() characters, so strip() and split() agree with the server.
  var SPACE = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
  var LEADING_SPACE = new RegExp("^[" + SPACE + "]+");
  var TRAILING_SPACE = new RegExp("[" + SPACE + "]+$");
  var SPACES = new RegExp("[" + SPACE + "]+");
  var TOKEN = new RegExp(
    "[" + SPACE + "]*(?:" +
      "(\\$\\{([A-Za-z_][A-Za-z0-9._-]*)\\})" +
      "|('[^']*'|\"[^\"]*\")" +
      "|(-?\\p{Nd}+(?:\\.\\p{Nd}+)?)" +
      "|(<=|>=|!=|=|<|>|\\(|\\)|,|\\+|-|\\*)" +
      "|([A-Za-z_][A-Za-z0-9_-]*)" +
    ")",
    "yu"
  );
  var DIGIT = /\p{Nd}/u;
  var DIGITS = /\p{Nd}/gu;
  var FLOAT = /^[+-]?(?:(?:\d(?:_?\d)*)(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;
  var SPECIAL_FLOAT = /^[+-]?(inf|infinity|nan)$/i;

  function ExpressionError(message) {
    this.name = "ExpressionError";
    this.message = message;
  }
  ExpressionError.prototype = Object.create(Error.prototype);

  function pyStrip(text) {
    return text.replace(LEADING_SPACE, "").replace(TRAILING_SPACE, "");
  }

  function pySplit(text) {
    var stripped = pyStrip(text);
    return stripped ? stripped.split(SPACES) : [];
  }

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

  function tokenize(expression) {
    var tokens = [];
    var text = pyStrip(expression);
    var position = 0;
    while (position < text.length) {
      TOKEN.lastIndex = position;
      var match = TOKEN.exec(text);
      if (!match || TOKEN.lastIndex === position) {
        throw new ExpressionError("cannot read " + JSON.stringify(text.slice(position, position + 20)));
      }
      position = TOKEN.lastIndex;
      if (match[1] !== undefined) tokens.push(["ref", match[2]]);
      else if (match[3] !== undefined) tokens.push(["literal", match[3].slice(1, -1)]);
      else if (match[4] !== undefined) tokens.push(["number", match[4]]);
      else if (match[5] !== undefined) tokens.push(["op", match[5]]);
      else tokens.push(["word", match[6]]);
    }
    return tokens;
  }

  // How many arguments each function takes (lowest, highest; -1 = any number).
  var FUNCTIONS = {
    "selected": [2, 2], "not": [1, 1], "count-selected": [1, 1], "true": [0, 0], "false": [0, 0],
    "if": [3, 3], "concat": [1, -1], "coalesce": [2, 2], "round": [1, 2], "int": [1, 1],
    "number": [1, 1], "string-length": [1, 1]
  };
  var COMPARISONS = ["=", "!=", "<", "<=", ">", ">="];
  var NEGATIVE = /^-\p{Nd}/u;

  function node(kind, value, children) {
    return { kind: kind, value: value === undefined ? null : value, children: children || [] };
  }

  function Parser(tokens, allowColumns) {
    this.tokens = tokens;
    this.index = 0;
    this.allowColumns = Boolean(allowColumns);
  }
  Parser.prototype.peek = function () {
    return this.index < this.tokens.length ? this.tokens[this.index] : null;
  };
  Parser.prototype.isToken = function (kind, value) {
    var token = this.peek();
    return token !== null && token[0] === kind && token[1] === value;
  };
  Parser.prototype.take = function (kind, value) {
    var token = this.peek();
    if (token === null || token[0] !== kind || (value !== undefined && token[1] !== value)) {
      throw new ExpressionError("expected " + (value || kind) + ", found " + (token ? token[1] : "the end"));
    }
    this.index += 1;
    return token[1];
  };
  Parser.prototype.parse = function () {
    var result = this.orExpr();
    if (this.peek() !== null) throw new ExpressionError("unexpected " + this.peek()[1]);
    return result;
  };
  Parser.prototype.orExpr = function () {
    var result = this.andExpr();
    while (this.isToken("word", "or")) {
      this.index += 1;
      result = node("or", null, [result, this.andExpr()]);
    }
    return result;
  };
  Parser.prototype.andExpr = function () {
    var result = this.comparison();
    while (this.isToken("word", "and")) {
      this.index += 1;
      result = node("and", null, [result, this.comparison()]);
    }
    return result;
  };
  Parser.prototype.comparison = function () {
    var result = this.additive();
    var token = this.peek();
    if (token && token[0] === "op" && COMPARISONS.indexOf(token[1]) >= 0) {
      this.index += 1;
      result = node("compare", token[1], [result, this.additive()]);
    }
    return result;
  };
  Parser.prototype.additive = function () {
    var result = this.multiplicative();
    for (;;) {
      var token = this.peek();
      if (token !== null && token[0] === "op" && (token[1] === "+" || token[1] === "-")) {
        this.index += 1;
        result = node("arithmetic", token[1], [result, this.multiplicative()]);
      } else if (token !== null && token[0] === "number" && NEGATIVE.test(token[1])) {
        this.index += 1; // `${a} -1`: a negative number after an operand subtracts
        result = node("arithmetic", "-", [result, node("literal", token[1].slice(1))]);
      } else {
        return result;
      }
    }
  };
  Parser.prototype.multiplicative = function () {
    var result = this.unary();
    for (;;) {
      if (this.isToken("op", "*") || this.isToken("word", "div") || this.isToken("word", "mod")) {
        var operator = this.peek()[1];
        this.index += 1;
        result = node("arithmetic", operator, [result, this.unary()]);
      } else {
        return result;
      }
    }
  };
  Parser.prototype.unary = function () {
    if (this.isToken("op", "-")) {
      this.index += 1;
      return node("arithmetic", "-", [node("literal", "0"), this.unary()]);
    }
    return this.atom();
  };
  Parser.prototype.atom = function () {
    var token = this.peek();
    if (token === null) throw new ExpressionError("the expression ends too early");
    var kind = token[0];
    var value = token[1];
    if (kind === "ref" || kind === "literal" || kind === "number") {
      this.index += 1;
      return node(kind === "ref" ? "ref" : "literal", value);
    }
    if (kind === "op" && value === "(") {
      this.index += 1;
      var inner = this.orExpr();
      this.take("op", ")");
      return inner;
    }
    var following = this.index + 1 < this.tokens.length ? this.tokens[this.index + 1] : null;
    if (kind === "word" && following !== null && following[0] === "op" && following[1] === "(") {
      return this.call(value);
    }
    if (kind === "word" && this.allowColumns && ["and", "or", "div", "mod"].indexOf(value) < 0) {
      this.index += 1;
      return node("column", value);
    }
    throw new ExpressionError(JSON.stringify(value) + " is not supported here");
  };
  Parser.prototype.call = function (name) {
    if (!Object.prototype.hasOwnProperty.call(FUNCTIONS, name)) {
      throw new ExpressionError(name + "() is not supported here");
    }
    this.index += 2;
    var args = [];
    if (!this.isToken("op", ")")) {
      args.push(this.orExpr());
      while (this.isToken("op", ",")) {
        this.index += 1;
        args.push(this.orExpr());
      }
    }
    this.take("op", ")");
    var bounds = FUNCTIONS[name];
    if (args.length < bounds[0] || (bounds[1] >= 0 && args.length > bounds[1])) {
      throw new ExpressionError(name + "() cannot take " + args.length + " arguments");
    }
    if (name === "true" || name === "false") return node("literal", name === "true");
    if (name === "not") return node("not", null, args);
    if (name === "count-selected") return node("count", null, args);
    if (name === "selected") return node("selected", null, args);
    return node("call", name, args);
  };

  var cache = new Map();

  // null for an empty expression (always relevant); bare words (columns) only in a choice_filter.
  function parse(expression, allowColumns) {
    if (!expression || !pyStrip(expression)) return null;
    var key = (allowColumns ? "c:" : "r:") + expression;
    if (!cache.has(key)) cache.set(key, new Parser(tokenize(expression), allowColumns).parse());
    return cache.get(key);
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
