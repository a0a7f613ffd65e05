// Live capture for a focus group's note-taker. Without this script the page is a plain form
// that saves one quote per submit. With it:
// - Enter saves, Shift+Enter is a new line; 1-9 pick the speaker (when the text box is empty).
// - Every change goes into an outbox in localStorage first and is sent in order, one at a time.
//   A failed send is retried with growing pauses; each new quote carries an idempotency key, so
//   a retry of a quote the server already stored returns that quote instead of a second one.
// - The last quotes can be corrected (back into the text box) or deleted, with undo.
// The speaker keys and the remembered guide question are in capture-choices.js.
(function () {
  "use strict";
  var form = document.getElementById("capture-form");
  if (!form || !window.fetch || !window.JSON) return;
  var textarea = form.querySelector("textarea[name=text]");
  var question = form.querySelector("select[name=question]");
  var language = form.querySelector("select[name=language]");
  var saveButton = document.getElementById("capture-save");
  var cancelButton = document.getElementById("capture-cancel");
  var list = document.getElementById("quote-list");
  var status = document.getElementById("capture-status");
  var undoBox = document.getElementById("undo");
  var undoMessage = document.getElementById("undo-message");
  var undoButton = document.getElementById("undo-button");
  var template = document.getElementById("quote-template");
  var noQuotes = document.getElementById("no-quotes");
  var token = form.querySelector("input[name=csrf_token]").value;
  var text = form.dataset;
  var storeKey = text.store;
  var UNDO_MS = 8000;
  var MAX_PAUSE_MS = 30000;

  var outbox = load(storeKey, []);
  var inFlight = null; // the outbox entry being sent
  var failures = 0;
  var retryTimer = null;
  var problem = "";
  var sentSomething = false;
  var editing = null; // the <li> being corrected
  var pendingDelete = null; // {item, timer}

  // --- storage -----------------------------------------------------------------------------

  function load(key, fallback) {
    try {
      var raw = window.localStorage.getItem(key);
      return raw ? JSON.parse(raw) : fallback;
    } catch (error) {
      return fallback;
    }
  }

  function persist() {
    try {
      window.localStorage.setItem(storeKey, JSON.stringify(outbox));
    } catch (error) {
      // Private mode or a full disk: the outbox still lives in this page.
    }
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  // --- the list of last quotes -------------------------------------------------------------

  function speakerLabel(value) { return value || text.unknown; }

  function fill(item, body) {
    item.dataset.speaker = body.speaker || "";
    item.dataset.question = body.question || "";
    item.dataset.language = body.language || "";
    item.querySelector(".who").textContent = speakerLabel(body.speaker);
    var said = item.querySelector(".said");
    said.textContent = body.text;
    if (body.language) said.setAttribute("lang", body.language.replace("_", "-"));
  }

  function addItem(body, local) {
    var item = template.content.firstElementChild.cloneNode(true);
    item.dataset.local = local;
    fill(item, body);
    list.insertBefore(item, list.firstElementChild);
    if (noQuotes) noQuotes.hidden = true;
    return item;
  }

  function itemFor(entry) {
    if (entry.local) return list.querySelector('[data-local="' + entry.local + '"]');
    return list.querySelector('[data-id="' + entry.id + '"]');
  }

  function setState(item, className, message) {
    if (!item) return;
    item.classList.remove("pending", "failed", "review");
    if (className) item.classList.add(className);
    item.querySelector(".state").textContent = message || "";
  }

  function markSaved(item, quote) {
    if (!item) return;
    item.dataset.id = quote.id;
    item.dataset.updateUrl = quote.update_url;
    item.dataset.deleteUrl = quote.delete_url;
    item.dataset.question = quote.question;
    item.dataset.language = quote.language;
    delete item.dataset.local;
    if (quote.needs_review) setState(item, "review", text.review);
    else setState(item, "", "");
  }

  // --- status ------------------------------------------------------------------------------

  function waitingMessage(count) {
    var category;
    try {
      category = new Intl.PluralRules(document.documentElement.lang).select(count);
    } catch (error) {
      category = count === 1 ? "one" : "other";
    }
    var message = text["waiting" + category.charAt(0).toUpperCase() + category.slice(1)] || text.waitingOther;
    return message.replace("{n}", count);
  }

  function sendable() {
    return outbox.filter(function (entry) { return !entry.failed; });
  }

  function showStatus() {
    var open = sendable();
    var quotes = open.filter(function (entry) { return entry.op !== "delete"; }).length;
    var waiting = failures > 0 || !navigator.onLine;
    outbox.forEach(function (entry) {
      if (entry.failed) setState(itemFor(entry), "failed", text.failed + ": " + entry.failed);
      else if (entry.op !== "delete") setState(itemFor(entry), "pending", waiting ? text.pending : text.saving);
    });
    if (!open.length) status.textContent = sentSomething && !outbox.length ? text.allSaved : "";
    else if (problem) status.textContent = problem + " " + (quotes ? waitingMessage(quotes) : "");
    else if (waiting && quotes) status.textContent = waitingMessage(quotes);
    else status.textContent = text.saving;
  }

  // --- sending -----------------------------------------------------------------------------

  function enqueue(entry) {
    outbox.push(entry);
    persist();
    showStatus();
    flush();
  }

  function send(entry) {
    return fetch(entry.url, {
      method: "POST",
      credentials: "same-origin",
      redirect: "manual",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": token },
      body: JSON.stringify(entry.body || {})
    }).then(function (response) {
      if (response.type === "opaqueredirect") throw { problem: text.signedOut };
      var isJson = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
      if (!isJson) {
        if (response.status === 404 && entry.op !== "create") return { status: "gone" };
        // A 400 page is an expired form (CSRF); the rest is the server or the network.
        throw { problem: response.status === 400 ? text.reload : "" };
      }
      return response.json();
    });
  }

  function flush() {
    var entry = sendable()[0];
    if (inFlight || !entry) { showStatus(); return; }
    if (retryTimer) { clearTimeout(retryTimer); retryTimer = null; }
    inFlight = entry;
    send(entry).then(function (reply) {
      inFlight = null;
      failures = 0;
      problem = "";
      sentSomething = true;
      var index = outbox.indexOf(entry);
      if (index >= 0) outbox.splice(index, 1);
      acknowledge(entry, reply);
      persist();
      flush();
    }, function (error) {
      inFlight = null;
      failures += 1;
      problem = (error && error.problem) || "";
      var pause = Math.min(MAX_PAUSE_MS, 1000 * Math.pow(2, failures - 1)) + Math.random() * 500;
      retryTimer = setTimeout(flush, pause);
      showStatus();
    });
  }

  function acknowledge(entry, reply) {
    var item = itemFor(entry);
    if (reply.status === "invalid") {
      var messages = [];
      Object.keys(reply.errors || {}).forEach(function (name) { messages = messages.concat(reply.errors[name]); });
      // Kept (also across reloads) with the reason, until it is corrected or deleted.
      entry.failed = messages.join(" ") || text.failed;
      outbox.push(entry);
      return;
    }
    if (entry.op === "create") {
      if (reply.status === "deleted") { if (item) item.remove(); return; }
      markSaved(item, reply.quote);
      // Corrected or deleted while it was on its way: now it has an address.
      if (entry.deleteAfter) {
        outbox.push({ op: "delete", id: reply.quote.id, url: reply.quote.delete_url });
      } else if (entry.editAfter) {
        outbox.push({ op: "update", id: reply.quote.id, url: reply.quote.update_url, body: entry.editAfter });
      }
    } else if (entry.op === "update" && reply.quote) {
      markSaved(item, reply.quote);
    }
  }

  // --- saving, correcting, deleting --------------------------------------------------------

  function formBody() {
    var speaker = form.querySelector("input[name=speaker]:checked");
    var tags = Array.prototype.map.call(form.querySelectorAll("input[name=tags]:checked"), function (box) {
      return box.value;
    });
    return {
      speaker: speaker ? speaker.value : "",
      question: question ? question.value : "",
      language: language ? language.value : "",
      tags: tags,
      text: textarea.value.trim()
    };
  }

  function save() {
    var body = formBody();
    if (!body.text) { textarea.focus(); return; }
    if (editing) {
      correct(editing, body);
      stopEditing();
    } else {
      var key = newKey();
      body.key = key;
      addItem(body, key);
      enqueue({ op: "create", local: key, url: text.createUrl, body: body });
    }
    textarea.value = "";
    form.querySelectorAll("input[name=tags]:checked").forEach(function (box) { box.checked = false; });
    textarea.focus();
  }

  function correct(item, body) {
    delete body.tags; // tags are corrected in the review queue
    fill(item, body);
    var id = item.dataset.id;
    if (item.dataset.local) {
      var create = outbox.filter(function (entry) { return entry.local === item.dataset.local; })[0];
      if (create && create === inFlight) {
        create.editAfter = body;
      } else if (create) {
        // Not sent yet, or refused: change what will be sent.
        Object.keys(body).forEach(function (name) { create.body[name] = body[name]; });
        delete create.failed;
      }
      persist();
      flush();
      return;
    }
    outbox = outbox.filter(function (entry) { return !(entry.op === "update" && entry.id === id && entry !== inFlight); });
    enqueue({ op: "update", id: id, url: item.dataset.updateUrl, body: body });
  }

  function startEditing(item) {
    if (editing) editing.classList.remove("editing");
    editing = item;
    item.classList.add("editing");
    var speaker = form.querySelector('input[name=speaker][value="' + (item.dataset.speaker || "") + '"]');
    if (speaker) speaker.checked = true;
    if (question) question.value = item.dataset.question || "";
    if (language) {
      var kept = language.querySelector('option[value="' + (item.dataset.language || "") + '"]');
      language.value = kept ? kept.value : "";
    }
    textarea.value = item.querySelector(".said").textContent;
    saveButton.textContent = text.saveEdit;
    cancelButton.hidden = false;
    status.textContent = text.editing;
    textarea.focus();
  }

  function stopEditing(clear) {
    if (!editing) return;
    editing.classList.remove("editing");
    editing = null;
    saveButton.textContent = text.save;
    cancelButton.hidden = true;
    if (clear) textarea.value = "";
    showStatus();
  }

  function commitDelete() {
    if (!pendingDelete) return;
    var item = pendingDelete.item;
    clearTimeout(pendingDelete.timer);
    pendingDelete = null;
    undoBox.hidden = true;
    var local = item.dataset.local;
    if (local) {
      var create = outbox.filter(function (entry) { return entry.local === local; })[0];
      if (create && create === inFlight) create.deleteAfter = true;
      else outbox = outbox.filter(function (entry) { return entry.local !== local; });
      persist();
    } else if (item.dataset.id) {
      outbox = outbox.filter(function (entry) { return !(entry.op === "update" && entry.id === item.dataset.id && entry !== inFlight); });
      outbox.push({ op: "delete", id: item.dataset.id, url: item.dataset.deleteUrl });
      persist();
    }
    item.remove();
    flush();
  }

  function remove(item) {
    commitDelete(); // one undo at a time
    if (editing === item) stopEditing(true);
    item.hidden = true;
    undoMessage.textContent = text.deleted;
    undoBox.hidden = false;
    pendingDelete = { item: item, timer: setTimeout(commitDelete, UNDO_MS) };
    undoButton.focus();
  }

  function undo() {
    if (!pendingDelete) return;
    clearTimeout(pendingDelete.timer);
    pendingDelete.item.hidden = false;
    pendingDelete = null;
    undoBox.hidden = true;
    textarea.focus();
  }

  textarea.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      save();
    } else if (event.key === "Escape" && editing) {
      event.preventDefault();
      stopEditing(true);
    }
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    save();
  });

  cancelButton.addEventListener("click", function () { stopEditing(true); textarea.focus(); });
  undoButton.addEventListener("click", undo);

  list.addEventListener("click", function (event) {
    var action = event.target.closest(".edit, .delete");
    if (!action) return;
    var item = action.closest(".quote-item");
    event.preventDefault();
    if (action.classList.contains("edit")) startEditing(item);
    else remove(item);
  });

  window.addEventListener("online", function () { failures = 0; flush(); });
  window.addEventListener("offline", showStatus);
  window.addEventListener("pagehide", commitDelete);

  // What an earlier visit left unsent: show it again and send it.
  outbox.forEach(function (entry) {
    if (entry.op === "create" && !itemFor(entry)) addItem(entry.body, entry.local);
    var item = entry.op === "create" ? null : list.querySelector('[data-id="' + entry.id + '"]');
    if (item && entry.op === "update") fill(item, entry.body);
    if (item && entry.op === "delete") item.remove();
  });
  flush();
})();
