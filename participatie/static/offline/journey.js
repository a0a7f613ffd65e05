// The assisted journey without a connection: its screens and steps, from the survey definition
// the server built from the same SurveyDef as the online pages. The rules are the online ones:
// where to go next (flow.js), routing (relevance.js), checks (validate.js); an empty answer is no
// answer. Every step is saved in IndexedDB before the next screen shows.
(function (root) {
  "use strict";

  var Flow = root.ParticipatieFlow;
  var Validate = root.ParticipatieValidate;
  var Queue = root.ParticipatieQueue;
  var Sync = root.ParticipatieSync;
  var R = root.ParticipatieRender;

  var app = null;
  var definition = null;
  var draft = null;
  var handedOver = null; // the question the parent answers alone
  var discarding = null;
  var error = null;

  function view(name) {
    app.querySelectorAll("[data-view]").forEach(function (section) {
      section.hidden = section.dataset.view !== name;
    });
    var heading = app.querySelector('[data-view="' + name + '"] h2[tabindex]');
    if (heading) heading.focus();
  }

  function messages(lang) {
    return definition.messages[lang] || definition.messages[definition.source_language] ||
      definition.messages[definition.languages[0].code];
  }

  function question(name) {
    return definition.questions.filter(function (q) { return q.name === name; })[0] || null;
  }

  function parsed(q, form) {
    var visible = Flow.visibleOptions(definition, q, draft.forms).map(function (o) { return o.name; });
    return Validate.parseAnswer(q, form, messages(draft.language), { lang: draft.language, visible: visible });
  }

  function placeOf(name) {
    return Flow.placeOf(definition, draft.forms, name);
  }

  function nextAfter(name) {
    return Flow.nextAfter(definition, draft.forms, name);
  }

  function firstUnanswered() {
    return Flow.firstUnanswered(definition, draft.forms);
  }

  function save() {
    return Queue.put(draft).then(Sync.refresh);
  }

  function showQuestion(name) {
    var place = placeOf(name);
    if (!place) {
      var next = firstUnanswered();
      if (!next) return finish(true);
      place = placeOf(next.name);
    }
    draft.current = place.question.name;
    var lang = draft.language;
    R.question(app.querySelector("[data-question]"), {
      definition: definition,
      question: Flow.presented(definition, place.question, draft.forms),
      place: place,
      lang: lang,
      form: error && error.name === place.question.name && error.form ? error.form : draft.forms[place.question.name] || null,
      error: error && error.name === place.question.name ? error.message : null,
      messages: messages(lang),
      onBack: function () {
        error = null;
        if (place.previous) showQuestion(place.previous.name);
        else save().then(home);
      },
      onSubmit: function (form) { answer(place.question, form); }
    });
    var bar = app.querySelector('[data-view="question"] .volunteer-bar');
    bar.hidden = handedOver === place.question.name;
    bar.querySelector("[data-sensitive]").hidden = !place.question.sensitive;
    var select = bar.querySelector("[data-parent-language]");
    select.value = lang;
    app.querySelectorAll("[data-view]").forEach(function (section) {
      section.hidden = section.dataset.view !== "question";
    });
    return save();
  }

  function answer(q, form) {
    var result = parsed(q, form);
    if (result.error) {
      // As online: the message and what was typed; the answer stored before stays as it was.
      error = { name: q.name, message: result.error, form: form };
      showQuestion(q.name);
      return;
    }
    error = null;
    if (Validate.isEmpty(result)) delete draft.forms[q.name];
    else draft.forms[q.name] = form;
    Flow.prune(definition, draft.forms);
    var following = nextAfter(q.name);
    if (handedOver === q.name) {
      handedOver = null;
      draft.current = following ? following.name : null;
      save().then(function () { giveBack(following); });
      return;
    }
    if (!following) finish(true);
    else showQuestion(following.name);
  }

  function finish(completed) {
    draft.status = "waiting";
    draft.completedAt = completed ? new Date().toISOString() : null;
    draft.problem = null;
    var lang = draft.language;
    var text = messages(lang);
    R.lines(app.querySelector("[data-thanks]"), definition, lang, [
      R.el("h2", { text: text.thanks_title }),
      definition.thanks && R.localise(definition.thanks, lang, definition.source_language).text
        ? R.textNode("p", {}, R.localise(definition.thanks, lang, definition.source_language), definition)
        : null,
      R.el("p", { text: text.thanks_text })
    ]);
    return Queue.put(draft).then(function () {
      draft = null;
      view("thanks");
      return Sync.refresh().then(function () { return Sync.syncNow(); });
    });
  }

  function handOver() {
    var q = question(draft.current);
    if (!q) return;
    var text = messages(draft.language);
    var ready = R.el("button", { type: "button", class: "button", text: text.hand_over_ready });
    ready.addEventListener("click", function () {
      handedOver = q.name;
      showQuestion(q.name);
    });
    R.lines(app.querySelector("[data-hand-over]"), definition, draft.language, [
      R.el("h2", { text: text.hand_over_title }),
      R.el("p", { class: "lead", text: text.hand_over_text }),
      R.el("p", { text: text.hand_over_help }),
      R.el("p", {}, [ready])
    ]);
    view("hand-over");
  }

  function giveBack(following) {
    var text = messages(draft.language);
    R.lines(app.querySelector("[data-give-back]"), definition, draft.language, [
      R.el("h2", { text: text.give_back_title }),
      R.el("p", { class: "lead", text: text.give_back_text })
    ]);
    app.querySelector('[data-action="given-back"]').onclick = function () {
      if (following) showQuestion(following.name);
      else finish(true);
    };
    view("give-back");
  }

  function consentText(lang) {
    var text = messages(lang);
    var title = R.localise(definition.title, lang, definition.source_language);
    var intro = R.localise(definition.intro, lang, definition.source_language);
    var facts = R.el("ul", { class: "facts" }, [
      R.el("li", { text: R.format(text.minutes, { minutes: definition.estimated_minutes }) }),
      R.el("li", { text: text.anonymous }),
      R.el("li", { text: text.skip_or_stop }),
      R.el("li", { text: text.hand_over_promise }),
      R.el("li", { text: text.what_happens })
    ]);
    var node = app.querySelector("[data-consent-text]");
    R.clear(node);
    node.setAttribute("lang", lang.replace("_", "-"));
    node.setAttribute("dir", R.direction(definition, lang));
    [R.textNode("p", { class: "lead" }, title, definition),
      intro.text ? R.textNode("p", {}, intro, definition) : null,
      facts,
      R.el("p", {}, [R.el("strong", { text: text.join })])
    ].forEach(function (part) { if (part) node.appendChild(part); });
  }

  function askConsent(lang) {
    consentText(lang);
    var form = app.querySelector("[data-consent-form]");
    form.reset();
    form.dataset.language = lang;
    showConsentError(false);
    view("consent");
  }

  function showConsentError(shown) {
    var field = app.querySelector("[data-consent-field]");
    var box = app.querySelector("#offline-consent");
    app.querySelector("#offline-consent-error").hidden = !shown;
    field.classList.toggle("field-error", shown);
    if (shown) box.setAttribute("aria-describedby", "offline-consent-error");
    else box.removeAttribute("aria-describedby");
  }

  function startDraft(event) {
    event.preventDefault();
    var form = app.querySelector("[data-consent-form]");
    if (!form.elements.consent.checked) {
      showConsentError(true);
      form.elements.consent.focus();
      return;
    }
    var lang = form.dataset.language;
    var now = new Date().toISOString();
    draft = {
      key: Queue.newKey(),
      slug: Sync.settings.slug,
      code: definition.code,
      revision: definition.revision,
      volunteer: app.dataset.volunteer,
      language: lang,
      consent: { confirmed: true, confirmed_at: now, version: definition.consent_version, language: lang },
      startedAt: now,
      completedAt: null,
      status: "draft",
      forms: {},
      current: null,
      problem: null
    };
    handedOver = null;
    error = null;
    var first = firstUnanswered();
    if (first) showQuestion(first.name);
    else finish(true);
  }

  function chooseLanguage() {
    var list = app.querySelector("[data-languages]");
    R.clear(list);
    definition.languages.forEach(function (language) {
      var button = R.el("button", {
        type: "button", class: "link", lang: language.code.replace("_", "-"), dir: language.dir, text: language.name
      });
      button.addEventListener("click", function () { askConsent(language.code); });
      list.appendChild(R.el("li", {}, [button]));
    });
    view("language");
  }

  function open(key) {
    return Queue.get(key).then(function (item) {
      if (!item) return home();
      draft = item;
      handedOver = null;
      error = null;
      if (item.status === "problem" && item.problem) {
        var names = Object.keys(item.problem.errors || {});
        var wrong = names.map(question).filter(Boolean)[0];
        draft.status = "draft";
        if (wrong) {
          error = { name: wrong.name, message: item.problem.errors[wrong.name] };
          return showQuestion(wrong.name);
        }
      }
      return showQuestion(item.current || (firstUnanswered() || {}).name);
    });
  }

  function home() {
    draft = null;
    handedOver = null;
    error = null;
    return Queue.forProject(Sync.settings.slug).then(function (items) {
      var mine = items.filter(function (item) {
        return item.code === definition.code && (item.status === "draft" || item.status === "problem");
      });
      var list = app.querySelector("[data-drafts]");
      var template = app.querySelector("[data-draft-template]");
      R.clear(list);
      app.querySelector("[data-no-drafts]").hidden = mine.length > 0;
      var locale = document.documentElement.lang;
      mine.forEach(function (item) {
        var row = template.content.firstElementChild.cloneNode(true);
        var when = new Date(item.startedAt).toLocaleString(locale, { dateStyle: "short", timeStyle: "short" });
        var language = definition.languages.filter(function (l) { return l.code === item.language; })[0];
        row.querySelector("[data-draft-label]").textContent =
          Sync.message("started").replace("%(when)s", when) + " · " + (language ? language.name : item.language);
        if (item.status === "problem") {
          var problem = row.querySelector("[data-draft-problem]");
          problem.hidden = false;
          problem.textContent = (item.problem && item.problem.message) || Sync.message("fix");
          // Sent before and changed here since: the volunteer picks the version that stays.
          var conflict = Boolean(item.problem && item.problem.conflict);
          row.querySelector("[data-conflict-choices]").hidden = !conflict;
          row.querySelector("[data-draft-choices]").hidden = conflict;
        }
        row.dataset.key = item.key;
        list.appendChild(row);
      });
      view("home");
    });
  }

  // A conflict: send this device's version in place of the stored one, or keep the stored one
  // (this device's copy goes).
  function resolveConflict(key, replace) {
    return Queue.get(key).then(function (item) {
      if (!item) return null;
      if (!replace) return Queue.remove(key);
      item.status = "waiting";
      item.replace = true;
      item.problem = null;
      return Queue.put(item);
    }).then(function () { return Sync.refresh(); })
      .then(home)
      .then(function () { return replace ? Sync.syncNow(true) : null; });
  }

  function onClick(event) {
    var target = event.target.closest("[data-action]");
    if (!target || !app.contains(target)) return;
    var action = target.dataset.action;
    var row = target.closest("[data-key]");
    if (action === "new") chooseLanguage();
    else if (action === "home") home();
    else if (action === "continue" && row) open(row.dataset.key);
    else if (action === "discard" && row) { discarding = row.dataset.key; view("discard"); }
    else if (action === "replace" && row) resolveConflict(row.dataset.key, true);
    else if (action === "keep-sent" && row) resolveConflict(row.dataset.key, false);
    else if (action === "discard-confirmed" && discarding) {
      Queue.remove(discarding).then(function () { discarding = null; return Sync.refresh(); }).then(home);
    } else if (action === "hand-over") handOver();
    else if (action === "pause") save().then(home);
    else if (action === "stop") finish(false);
  }

  function loadDefinition(url) {
    return root.fetch(url, { credentials: "same-origin", redirect: "manual" }).then(function (response) {
      if (response.ok && response.type === "basic") return response.json();
      throw new Error("not available");
    }).catch(function () {
      // Not controlled by the service worker yet, or logged out: the copy on the device.
      if (!root.caches) throw new Error("no cache");
      return root.caches.match(url, { ignoreVary: true }).then(function (copy) {
        if (!copy) throw new Error("not cached");
        return copy.json();
      });
    });
  }

  function start() {
    app = document.querySelector("[data-offline-app]");
    if (!app || !Sync.settings) return;
    loadDefinition(app.dataset.definitionUrl).then(function (loaded) {
      definition = loaded;
      app.hidden = false;
      app.addEventListener("click", onClick);
      app.querySelector("[data-consent-form]").addEventListener("submit", startDraft);
      var select = app.querySelector("[data-parent-language]");
      definition.languages.forEach(function (language) {
        select.appendChild(R.el("option", { value: language.code, lang: language.code.replace("_", "-"), text: language.name }));
      });
      select.addEventListener("change", function () {
        if (!draft) return;
        draft.language = select.value;
        showQuestion(draft.current);
      });
      // Tell the volunteer when this page and its survey are kept on the device: from then on
      // it works without a connection.
      Promise.all([Sync.workerReady(), Sync.cacheForOffline(JSON.parse(app.dataset.cacheUrls))])
        .then(function (done) {
          if (!done[0]) return;
          app.querySelector("[data-offline-ready]").hidden = false;
          app.dataset.ready = "1";
        });
      if (navigator.storage && navigator.storage.persist) {
        navigator.storage.persist().then(function (granted) {
          var note = app.querySelector("[data-storage-note]");
          note.hidden = granted;
          note.textContent = granted ? "" : Sync.message("storage_denied");
        });
      }
      return home();
    }).catch(function () {
      app.hidden = false;
      app.querySelector("[data-load-error]").hidden = false;
      app.querySelectorAll("[data-view]").forEach(function (section) { section.hidden = true; });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(self);
