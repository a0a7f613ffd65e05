// XLSForm `relevant` expressions, evaluated on the device: the twin of
// participatie/participate/relevance.py. Same grammar, same values, same answers: the tests run
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
      "|(<=|>=|!=|=|<|>|\\(|\\)|,)" +
      "|([A-Za-z][A-Za-z-]*)" +
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
      else if (match[4] !== undefined) tokens.push(["literal", match[4]]);
      else if (match[5] !== undefined) tokens.push(["op", match[5]]);
      else tokens.push(["word", match[6]]);
    }
    return tokens;
  }

  function Parser(tokens) {
    this.tokens = tokens;
    this.index = 0;
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
    var node = this.orExpr();
    if (this.peek() !== null) throw new ExpressionError("unexpected " + this.peek()[1]);
    return node;
  };
  Parser.prototype.orExpr = function () {
    var node = this.andExpr();
    while (this.isToken("word", "or")) {
      this.index += 1;
      node = { kind: "or", children: [node, this.andExpr()] };
    }
    return node;
  };
  Parser.prototype.andExpr = function () {
    var node = this.comparison();
    while (this.isToken("word", "and")) {
      this.index += 1;
      node = { kind: "and", children: [node, this.comparison()] };
    }
    return node;
  };
  Parser.prototype.comparison = function () {
    var node = this.atom();
    var token = this.peek();
    if (token && token[0] === "op" && ["=", "!=", "<", "<=", ">", ">="].indexOf(token[1]) >= 0) {
      this.index += 1;
      node = { kind: "compare", value: token[1], children: [node, this.atom()] };
    }
    return node;
  };
  Parser.prototype.atom = function () {
    var token = this.peek();
    if (token === null) throw new ExpressionError("the expression ends too early");
    var kind = token[0];
    var value = token[1];
    var node;
    if (kind === "ref" || kind === "literal") {
      this.index += 1;
      return { kind: kind, value: value, children: [] };
    }
    if (kind === "op" && value === "(") {
      this.index += 1;
      node = this.orExpr();
      this.take("op", ")");
      return node;
    }
    if (kind === "word" && ["selected", "not", "count-selected", "true", "false"].indexOf(value) >= 0) {
      this.index += 1;
      if (value === "true" || value === "false") {
        this.take("op", "(");
        this.take("op", ")");
        return { kind: "literal", value: value === "true", children: [] };
      }
      this.take("op", "(");
      if (value === "not") {
        node = { kind: "not", children: [this.orExpr()] };
      } else if (value === "count-selected") {
        node = { kind: "count", children: [this.atom()] };
      } else {
        var subject = this.atom();
        this.take("op", ",");
        node = { kind: "selected", children: [subject, this.atom()] };
      }
      this.take("op", ")");
      return node;
    }
    throw new ExpressionError(JSON.stringify(value) + " is not supported here");
  };

  var cache = new Map();

  // null for an empty expression (always relevant).
  function parse(expression) {
    if (!expression || !pyStrip(expression)) return null;
    if (!cache.has(expression)) cache.set(expression, new Parser(tokenize(expression)).parse());
    return cache.get(expression);
  }

  function answerOf(answers, name) {
    return Object.prototype.hasOwnProperty.call(answers, name) ? answers[name] : null;
  }

  function valueOf(node, answers) {
    if (node.kind === "ref") return answerOf(answers, node.value);
    if (node.kind === "literal") return node.value;
    if (node.kind === "count") {
      var subject = node.children[0];
      var selected = subject.kind === "ref" ? answerOf(answers, subject.value) : null;
      if (Array.isArray(selected)) return selected.length;
      return pyTruthy(selected) ? 1 : 0;
    }
    return evaluate(node, answers);
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

  function evaluate(node, answers) {
    if (node === null) return true;
    if (node.kind === "and") return evaluate(node.children[0], answers) && evaluate(node.children[1], answers);
    if (node.kind === "or") return evaluate(node.children[0], answers) || evaluate(node.children[1], answers);
    if (node.kind === "not") return !evaluate(node.children[0], answers);
    if (node.kind === "compare") {
      return compare(node.value, valueOf(node.children[0], answers), valueOf(node.children[1], answers));
    }
    if (node.kind === "selected") {
      var subject = valueOf(node.children[0], answers);
      var choice = asText(valueOf(node.children[1], answers));
      var chosen = Array.isArray(subject) ? subject.map(String) : pySplit(asText(subject));
      return chosen.indexOf(choice) >= 0;
    }
    if (node.kind === "count") return pyTruthy(valueOf(node, answers));
    var value = valueOf(node, answers);
    var text = asText(value);
    return pyTruthy(value) && text !== "" && text !== "false" && text !== "0";
  }

  function isRelevant(expression, answers) {
    return evaluate(parse(expression), answers || {});
  }

  var api = {
    ExpressionError: ExpressionError,
    parse: parse,
    evaluate: evaluate,
    isRelevant: isRelevant,
    pyStrip: pyStrip,
    pyFloat: pyFloat,
    asciiDigits: asciiDigits,
    asText: asText
  };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.ParticipatieRelevance = api;
})(typeof self !== "undefined" ? self : this);
