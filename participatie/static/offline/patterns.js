// A form's regex() constraint on the device: the twin of matches() in
// participatie/surveys/patterns.py. The server sends each pattern as an automaton (data, never a
// RegExp), so checking an answer takes answer length × automaton size, whatever the pattern.
(function (root) {
  "use strict";

  function accepts(state, code) {
    var inside = state[1].some(function (range) { return range[0] <= code && code <= range[1]; });
    return inside !== state[2];
  }

  function add(states, index, into, seen, at, size) {
    var stack = [index];
    while (stack.length) {
      var current = stack.pop();
      if (seen[current]) continue;
      seen[current] = true;
      var state = states[current];
      if (state[0] === "split") stack.push(state[2], state[1]);
      else if (state[0] === "start") { if (at === 0) stack.push(state[1]); }
      else if (state[0] === "end") { if (at === size) stack.push(state[1]); }
      else into.push(current);
    }
  }

  // Whether the pattern matches somewhere in the text (search, as XPath's regex()).
  function matches(program, text) {
    var states = program.states;
    var chars = Array.from(text);
    var size = chars.length;
    var current = [];
    var seen = {};
    for (var at = 0; at <= size; at += 1) {
      add(states, program.start, current, seen, at, size);
      for (var i = 0; i < current.length; i += 1) if (states[current[i]][0] === "match") return true;
      if (at === size) break;
      var code = chars[at].codePointAt(0);
      var following = [];
      var nextSeen = {};
      current.forEach(function (index) {
        var state = states[index];
        if (state[0] === "char" && accepts(state, code)) add(states, state[3], following, nextSeen, at + 1, size);
      });
      current = following;
      seen = nextSeen;
    }
    return false;
  }

  var api = { matches: matches };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.ParticipatiePatterns = api;
})(typeof self !== "undefined" ? self : this);
