// XLSForm expressions read into a tree: the twin of participatie/surveys/expressions.py. The
// evaluator (relevance.js) and the tests (tests/assist/test_twins.py) use it; loaded as a classic
// script in the browser (self.ParticipatieExpressions) and with require() in node.
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

  var api = {
    ExpressionError: ExpressionError,
    parse: parse,
    pyStrip: pyStrip,
    pySplit: pySplit
  };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.ParticipatieExpressions = api;
})(typeof self !== "undefined" ? self : this);
