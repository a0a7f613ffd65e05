// Shows what waits on this device ("3 antwoorden wachten op verbinding") and sends it when there
// is a connection: on load, when the connection returns, when the window gets focus, every
// 30 seconds while something waits, and with "Nu versturen". Registers the service worker.
//
// Each send first fetches a fresh CSRF token: after hours offline, or after logging in again in
// another tab, the old one would be refused. A logged-out device is told so, and the queue stays.
(function (root) {
  "use strict";

  var Queue = root.ParticipatieQueue;
  var BATCH = 20;
  var RETRY_MS = 30000;
  var CHANNEL = "participatie-sync";

  var widget = null;
  var settings = null;
  var workerReady = Promise.resolve(null);
  var busy = false;
  var state = "";
  var sentCount = 0;
  var listeners = [];

  function LoginNeeded() {}
  function Offline() {}

  function plural(forms, count) {
    var template = count < forms.exact.length
      ? forms.exact[count]
      : forms.categories[new Intl.PluralRules(document.documentElement.lang).select(count)] || forms.categories.other;
    return template.replace("%(num)s", String(count));
  }

  function message(key, count) {
    var value = settings.messages[key];
    return typeof value === "string" ? value : plural(value, count || 0);
  }

  function items() {
    return Queue.forProject(settings.slug);
  }

  function refresh() {
    if (!widget) return Promise.resolve();
    return items().then(function (all) {
      var waiting = all.filter(function (i) { return i.status === "waiting"; }).length;
      var problems = all.filter(function (i) { return i.status === "problem"; }).length;
      var drafts = all.filter(function (i) { return i.status === "draft"; }).length;
      var lines = [waiting ? message("waiting", waiting) : message("nothing_waiting")];
      if (problems) lines.push(message("problems", problems));
      if (drafts) lines.push(message("drafts", drafts));
      widget.querySelector("[data-queue-count]").textContent = lines.join(" · ");
      var stateText = "";
      if (state === "syncing") stateText = message("syncing");
      else if (state === "login") stateText = message("login");
      else if (state === "offline" && waiting) stateText = message("offline");
      else if (state === "failed") stateText = message("failed");
      else if (state === "sent") stateText = message("sent", sentCount);
      widget.querySelector("[data-queue-state]").textContent = stateText;
      widget.querySelector("[data-login]").hidden = state !== "login";
      widget.querySelector("[data-sync-now]").hidden = !waiting;
      widget.dataset.waiting = String(waiting);
      widget.dataset.state = state;
      widget.hidden = false;
      listeners.forEach(function (listener) { listener(all); });
    });
  }

  function request(url, options) {
    options.credentials = "same-origin";
    options.redirect = "manual"; // a redirect means the login page: we are logged out
    options.cache = "no-store";
    return root.fetch(url, options).then(function (response) {
      if (response.type === "opaqueredirect" || response.status === 401 || response.status === 403 || response.status === 404) {
        throw new LoginNeeded();
      }
      return response;
    }, function () { throw new Offline(); });
  }

  function freshToken() {
    return request(settings.tokenUrl, { headers: { Accept: "application/json" } }).then(function (response) {
      if (!response.ok) throw new Error("token " + response.status);
      return response.json();
    }).then(function (body) { return body.token; });
  }

  function payload(item) {
    return {
      key: item.key,
      survey: item.code,
      language: item.language,
      volunteer: item.volunteer,
      started_at: item.startedAt,
      completed_at: item.completedAt,
      consent: item.consent,
      answers: item.forms,
      // The volunteer chose this device's version over the one sent before (a conflict).
      replace: item.replace === true
    };
  }

  function post(batch, token) {
    return request(settings.syncUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token, "X-Participatie-Sync": "1" },
      body: JSON.stringify({ responses: batch.map(payload) })
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (response.status === 400 && body.error === "csrf") return { csrf: true };
        if (!response.ok || !Array.isArray(body.results)) throw new Error("sync " + response.status);
        return body;
      });
    });
  }

  function record(batch, results) {
    var byKey = {};
    batch.forEach(function (item) { byKey[item.key] = item; });
    return results.reduce(function (chain, result) {
      return chain.then(function () {
        var item = byKey[result.key];
        if (!item) return null;
        if (result.status === "stored" || result.status === "already_stored") {
          sentCount += 1;
          return Queue.remove(item.key);
        }
        // Refused or in conflict: kept on the device with the reason, to correct or resolve.
        item.status = "problem";
        item.replace = false;
        item.problem = {
          message: result.message || "",
          errors: result.errors || {},
          conflict: result.status === "conflict"
        };
        return Queue.put(item);
      });
    }, Promise.resolve());
  }

  function sendBatch(batch, token, retried) {
    return post(batch, token).then(function (body) {
      if (!body.csrf) return record(batch, body.results).then(function () { return token; });
      if (retried) throw new Error("csrf refused twice");
      return freshToken().then(function (fresh) { return sendBatch(batch, fresh, true); });
    });
  }

  // `byHand`: "Nu versturen" tries even when the phone says it is offline (it may be wrong).
  function syncNow(byHand) {
    if (!settings || busy) return Promise.resolve();
    busy = true;
    return items().then(function (all) {
      var waiting = all.filter(function (i) { return i.status === "waiting"; });
      if (!waiting.length) return null;
      if (byHand !== true && navigator.onLine === false) {
        state = "offline";
        return null;
      }
      state = "syncing";
      sentCount = 0;
      return refresh().then(freshToken).then(function (token) {
        var chain = Promise.resolve(token);
        for (var start = 0; start < waiting.length; start += BATCH) {
          (function (batch) {
            chain = chain.then(function (current) { return sendBatch(batch, current, false); });
          })(waiting.slice(start, start + BATCH));
        }
        return chain;
      }).then(function () { state = sentCount ? "sent" : ""; });
    }).catch(function (error) {
      if (error instanceof LoginNeeded) state = "login";
      else if (error instanceof Offline) state = "offline";
      else state = "failed";
    }).then(function () {
      busy = false;
      return refresh();
    });
  }

  // Keep the pages this volunteer needs offline; never a login page in their place.
  function cacheForOffline(urls) {
    if (!root.caches || !settings.cacheName || navigator.onLine === false) return Promise.resolve();
    return root.caches.open(settings.cacheName).then(function (cache) {
      return Promise.all(urls.map(function (url) {
        return root.fetch(url, { credentials: "same-origin", redirect: "manual" }).then(function (response) {
          if (response.ok && response.type === "basic") return cache.put(url, response);
          return null;
        }, function () { return null; });
      }));
    });
  }

  function registerWorker() {
    if (!("serviceWorker" in navigator) || !settings.swUrl) return Promise.resolve(null);
    return navigator.serviceWorker.register(settings.swUrl, { scope: settings.swScope })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function (registration) {
        // Active is not enough: this page must be in its hands (clients.claim() ends activation).
        if (navigator.serviceWorker.controller) return registration;
        return new Promise(function (resolve) {
          navigator.serviceWorker.addEventListener("controllerchange", function () {
            resolve(registration);
          }, { once: true });
        });
      })
      .catch(function () { return null; });
  }

  function start() {
    widget = document.querySelector("[data-offline]");
    if (!widget || !root.indexedDB) return;
    settings = {
      slug: widget.dataset.slug,
      syncUrl: widget.dataset.syncUrl,
      tokenUrl: widget.dataset.tokenUrl,
      swUrl: widget.dataset.swUrl,
      swScope: widget.dataset.swScope,
      cacheName: widget.dataset.cacheName,
      messages: JSON.parse(widget.dataset.messages)
    };
    widget.querySelector("[data-sync-now]").addEventListener("click", function () { syncNow(true); });
    root.addEventListener("online", function () { syncNow(); });
    root.addEventListener("focus", function () { syncNow(); });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") syncNow();
    });
    if ("BroadcastChannel" in root) {
      var channel = new BroadcastChannel(CHANNEL);
      channel.onmessage = function (event) { if (event.data === "signed-in") syncNow(); };
      // This page is only served to someone logged in: tell the other tabs.
      channel.postMessage("signed-in");
    }
    root.setInterval(function () {
      if (navigator.onLine && widget.dataset.waiting !== "0") syncNow();
    }, RETRY_MS);
    workerReady = registerWorker();
    refresh().then(function () { return syncNow(); });
  }

  root.ParticipatieSync = {
    refresh: refresh,
    syncNow: syncNow,
    cacheForOffline: function (urls) { return settings ? cacheForOffline(urls) : Promise.resolve(); },
    // Resolves with the service worker's registration once it is active (null without one).
    workerReady: function () { return workerReady; },
    onChange: function (listener) { listeners.push(listener); },
    message: function (key, count) { return message(key, count); },
    get settings() { return settings; }
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(self);
