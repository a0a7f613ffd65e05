// The parent's screens of the offline journey, built with DOM calls (never from HTML strings of
// survey content), with the same structure and classes as the online question page
// (participate/templates/participate/question.html), so app.css styles both alike.
(function (root) {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === null || value === undefined || value === false) return;
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : value);
    });
    (children || []).forEach(function (child) {
      if (child) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  // content.localise(): the text in `lang`, else the source language, else any; `lang` is set
  // only when the text is in another language than the screen.
  function localise(texts, lang, source) {
    texts = texts || {};
    if (texts[lang]) return { text: texts[lang], lang: null };
    if (texts[source]) return { text: texts[source], lang: source !== lang ? source : null };
    var other = Object.keys(texts).filter(function (code) { return texts[code]; })[0];
    return other ? { text: texts[other], lang: other !== lang ? other : null } : { text: "", lang: null };
  }

  function direction(definition, code) {
    var found = definition.languages.filter(function (l) { return l.code === code; })[0];
    if (found) return found.dir;
    return /^(ar|fa|he|ur|ps)(_|-|$)/.test(code) ? "rtl" : "ltr";
  }

  function textNode(tag, attributes, localised, definition) {
    var node = el(tag, attributes, [localised.text]);
    if (localised.lang) {
      node.setAttribute("lang", localised.lang.replace("_", "-"));
      node.setAttribute("dir", direction(definition, localised.lang));
    }
    return node;
  }

  function icon(definition, name, className) {
    var drawing = definition.pictograms[name];
    if (!drawing) return null;
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("class", className || "pict");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    svg.innerHTML = drawing; // our own constant drawings (participatie/pictograms.py)
    return svg;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function speakIn(node, definition, lang) {
    node.setAttribute("lang", lang.replace("_", "-"));
    node.setAttribute("dir", direction(definition, lang));
  }

  function errorSummary(messages, error) {
    return el("div", { class: "error-summary", role: "alert", tabindex: "-1" }, [
      el("h2", { text: messages.error_title }),
      el("ul", {}, [el("li", {}, [el("a", { href: "#offline-answer", text: error })])])
    ]);
  }

  function errorMessage(messages, error) {
    return el("p", { class: "error-message", id: "offline-answer-error" }, [
      el("span", { class: "vh", text: messages.error_prefix }), " " + error
    ]);
  }

  // Definitions kept on a device from before each type sent its `widget` name only their type.
  var LEGACY_WIDGETS = {
    select_one: { kind: "choices", multiple: false },
    select_multiple: { kind: "choices", multiple: true },
    integer: { kind: "input", class: "number", inputmode: "numeric" },
    decimal: { kind: "input", class: "number", inputmode: "decimal" },
    text: { kind: "input", maxlength: 500 },
    note: { kind: "none" }
  };

  function widgetOf(q) {
    if (q.widget) return q.widget;
    if (q.type === "text" && q.appearance === "multiline") return { kind: "textarea", maxlength: 5000 };
    if (Object.prototype.hasOwnProperty.call(LEGACY_WIDGETS, q.type)) return LEGACY_WIDGETS[q.type];
    throw new Error("unknown question type: " + q.type);
  }

  function choices(ctx, described) {
    var q = ctx.question;
    var multiple = widgetOf(q).multiple;
    var chosen = ctx.form && !ctx.form.decline ? ctx.form.answer || [] : [];
    var label = localise(q.label, ctx.lang, ctx.definition.source_language);
    var heading = textNode("h2", { id: "offline-q", tabindex: "-1" }, label, ctx.definition);
    if (q.pictogram) heading.insertBefore(document.createTextNode(" "), heading.firstChild);
    if (q.pictogram) heading.insertBefore(icon(ctx.definition, q.pictogram), heading.firstChild);
    var kind = q.appearance === "likert" ? " scale" : q.appearance === "domains" ? " grid" : "";
    var options = el("div", { class: "options" + kind });
    q.options.forEach(function (option, index) {
      var input = el("input", {
        type: multiple ? "checkbox" : "radio",
        name: "answer",
        value: option.name,
        id: index === 0 ? "offline-answer" : null,
        checked: chosen.indexOf(option.name) >= 0
      });
      var text = textNode("span", {}, localise(option.label, ctx.lang, ctx.definition.source_language), ctx.definition);
      options.appendChild(el("label", { class: "option" }, [input, option.pictogram ? icon(ctx.definition, option.pictogram) : null, text]));
    });
    var hint = localise(q.hint, ctx.lang, ctx.definition.source_language);
    return el("fieldset", { class: "field" + (ctx.error ? " field-error" : ""), "aria-describedby": described || null }, [
      el("legend", {}, [heading]),
      hint.text ? textNode("p", { class: "hint", id: "offline-hint" }, hint, ctx.definition) : null,
      ctx.error ? errorMessage(ctx.messages, ctx.error) : null,
      options
    ]);
  }

  function field(ctx, described) {
    var q = ctx.question;
    var label = localise(q.label, ctx.lang, ctx.definition.source_language);
    var labelNode = textNode("label", { for: "offline-answer" }, label, ctx.definition);
    if (q.pictogram) {
      labelNode.insertBefore(document.createTextNode(" "), labelNode.firstChild);
      labelNode.insertBefore(icon(ctx.definition, q.pictogram), labelNode.firstChild);
    }
    var typed = ctx.form && !ctx.form.decline && ctx.form.answer ? ctx.form.answer[0] || "" : "";
    var widget = widgetOf(q);
    var common = {
      id: "offline-answer",
      name: "answer",
      "aria-describedby": described || null,
      "aria-invalid": ctx.error ? "true" : null,
      class: widget.class || null,
      maxlength: widget.maxlength ? String(widget.maxlength) : null
    };
    var input;
    if (widget.kind === "textarea") {
      common.rows = "6";
      input = el("textarea", common);
    } else {
      common.type = "text";
      common.inputmode = widget.inputmode || null;
      common.autocomplete = "off";
      input = el("input", common);
    }
    input.value = typed;
    var hint = localise(q.hint, ctx.lang, ctx.definition.source_language);
    return el("div", { class: "field" + (ctx.error ? " field-error" : "") }, [
      el("h2", { id: "offline-q", tabindex: "-1" }, [labelNode]),
      hint.text ? textNode("p", { class: "hint", id: "offline-hint" }, hint, ctx.definition) : null,
      ctx.error ? errorMessage(ctx.messages, ctx.error) : null,
      input
    ]);
  }

  // An answer in several labelled fields (a date: day, month, year), as the type's partial on
  // the online page: a fieldset whose legend is the question.
  function parts(ctx, described) {
    var q = ctx.question;
    var widget = widgetOf(q);
    var typed = ctx.form && !ctx.form.decline && ctx.form.answer ? ctx.form.answer : [];
    var label = localise(q.label, ctx.lang, ctx.definition.source_language);
    var heading = textNode("h2", { id: "offline-q", tabindex: "-1" }, label, ctx.definition);
    var hint = localise(q.hint, ctx.lang, ctx.definition.source_language);
    var row = el("div", { class: widget.class || "parts" });
    widget.parts.forEach(function (part, index) {
      var id = index === 0 ? "offline-answer" : "offline-answer-" + index;
      var input = el("input", {
        id: id,
        name: "answer",
        type: "text",
        inputmode: part.inputmode || null,
        maxlength: part.maxlength ? String(part.maxlength) : null,
        autocomplete: part.autocomplete || "off",
        class: part.class || null,
        "aria-invalid": ctx.error ? "true" : null
      });
      input.value = typed[index] || "";
      row.appendChild(el("div", { class: "part" }, [el("label", { for: id, text: ctx.messages[part.label] || part.label }), input]));
    });
    return el("fieldset", { class: "field" + (ctx.error ? " field-error" : ""), "aria-describedby": described || null }, [
      el("legend", {}, [heading]),
      hint.text ? textNode("p", { class: "hint", id: "offline-hint" }, hint, ctx.definition) : null,
      ctx.error ? errorMessage(ctx.messages, ctx.error) : null,
      row
    ]);
  }

  // ctx: {definition, question, place, lang, form, error, messages, onBack, onSubmit}
  function question(rootNode, ctx) {
    clear(rootNode);
    speakIn(rootNode, ctx.definition, ctx.lang);
    var q = ctx.question;
    var hint = localise(q.hint, ctx.lang, ctx.definition.source_language);
    var described = ((hint.text ? "offline-hint" : "") + (ctx.error ? " offline-answer-error" : "")).trim();
    var back = el("button", { type: "button", class: "back link", text: ctx.messages.back });
    back.addEventListener("click", ctx.onBack);
    rootNode.appendChild(back);
    if (ctx.error) rootNode.appendChild(errorSummary(ctx.messages, ctx.error));
    rootNode.appendChild(el("p", {
      class: "progress",
      text: format(ctx.messages.progress, { number: ctx.place.number, total: ctx.place.total })
    }));
    var body;
    var kind = widgetOf(q).kind;
    if (kind === "choices") body = choices(ctx, described);
    else if (kind === "none") {
      body = el("div", {}, [
        textNode("h2", { id: "offline-q", tabindex: "-1" }, localise(q.label, ctx.lang, ctx.definition.source_language), ctx.definition),
        hint.text ? textNode("p", { class: "hint", id: "offline-hint" }, hint, ctx.definition) : null
      ]);
    } else if (kind === "parts") body = parts(ctx, described);
    else if (kind === "input" || kind === "textarea") body = field(ctx, described);
    else throw new Error("unknown answer widget: " + kind);
    var actions = el("div", { class: "actions" }, [el("button", { class: "button", text: ctx.messages.next })]);
    if (!q.required && q.offer_decline && kind !== "none") {
      actions.appendChild(el("button", { class: "button secondary", name: "decline", value: "1", text: ctx.messages.decline }));
    }
    var form = el("form", { novalidate: true }, [body, actions]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var declined = event.submitter && event.submitter.name === "decline";
      var answer = [];
      Array.prototype.forEach.call(form.elements, function (input) {
        if (input.name !== "answer") return;
        if ((input.type === "radio" || input.type === "checkbox") && !input.checked) return;
        answer.push(input.value);
      });
      ctx.onSubmit({ answer: answer, decline: declined ? "1" : "" });
    });
    rootNode.appendChild(form);
    var focus = ctx.error ? rootNode.querySelector(".error-summary") : rootNode.querySelector("#offline-q");
    if (focus) focus.focus();
  }

  function lines(rootNode, definition, lang, parts) {
    clear(rootNode);
    speakIn(rootNode, definition, lang);
    parts.forEach(function (part) { if (part) rootNode.appendChild(part); });
    var heading = rootNode.querySelector("h2");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
  }

  root.ParticipatieRender = {
    el: el,
    format: format,
    localise: localise,
    direction: direction,
    textNode: textNode,
    question: question,
    lines: lines,
    clear: clear
  };
})(self);
