// Reads typed numbers with the offline journey's validate.js and the server's rules, in node:
//   node run_numbers.js CASES.json  →  [{value, declined, error}, …]
// CASES.json: {"rules": number_rules(), "cases": [{"type", "minimum", "maximum", "text"}, …]}
"use strict";

const fs = require("fs");
const path = require("path");

const offline = path.join(__dirname, "..", "..", "..", "participatie", "static", "offline");
const validate = require(path.join(offline, "validate.js"));

const input = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const results = input.cases.map((item) =>
  validate.parseAnswer(
    {
      type: item.type,
      appearance: "",
      required: false,
      minimum: item.minimum,
      maximum: item.maximum,
      number: input.rules,
      options: []
    },
    { answer: [item.text] }
  )
);
process.stdout.write(JSON.stringify(results));
