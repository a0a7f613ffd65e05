// The service worker of a project's volunteer pages (scope /projecten/<slug>/samen). The server
// serves this file at /projecten/<slug>/samen/sw.js with two constants put in front of it:
// CACHE_NAME and PRECACHE (the fingerprinted static files of the offline journey).
//
// - /assets/…: immutable, from the cache first.
// - The volunteer page, the offline journey's page and its survey definition: from the network
//   when it answers (and then kept), else the kept copy. A redirect to the login page also gets
//   the kept copy: collecting goes on while logged out; sending asks to log in again.
// - Anything else (the sync, the CSRF token, POSTs): never touched, always the network.
/* global CACHE_NAME, PRECACHE */
"use strict";

var KEPT_PAGES = [/\/samen$/, /\/samen\/[^/]+\/zonder-internet$/, /\/samen\/[^/]+\/definitie\.json$/];

function isKeptPage(path) {
  return KEPT_PAGES.some(function (pattern) { return pattern.test(path); });
}

function withoutQuery(url) {
  var parsed = new URL(url);
  return parsed.origin + parsed.pathname;
}

function keptCopy(url) {
  return caches.open(CACHE_NAME).then(function (cache) {
    return cache.match(withoutQuery(url), { ignoreSearch: true, ignoreVary: true });
  });
}

function fromNetworkElseKept(request) {
  return fetch(request).then(function (response) {
    if (response.ok && response.type === "basic" && !response.redirected) {
      var copy = response.clone();
      caches.open(CACHE_NAME).then(function (cache) { return cache.put(withoutQuery(request.url), copy); });
      return response;
    }
    return keptCopy(request.url).then(function (kept) { return kept || response; });
  }, function () {
    return keptCopy(request.url).then(function (kept) { return kept || Response.error(); });
  });
}

function fromCacheElseNetwork(request) {
  return caches.open(CACHE_NAME).then(function (cache) {
    return cache.match(request).then(function (kept) {
      if (kept) return kept;
      return fetch(request).then(function (response) {
        if (response.ok) cache.put(request, response.clone());
        return response;
      });
    });
  });
}

// After an update, fetch the kept pages again (they name the new static files); only when all
// of them came back are static files of older versions dropped.
function refreshKeptPages(cache) {
  return cache.keys().then(function (requests) {
    return Promise.all(requests.filter(function (request) {
      return isKeptPage(new URL(request.url).pathname);
    }).map(function (request) {
      return fetch(request.url, { credentials: "same-origin", redirect: "manual" }).then(function (response) {
        if (!response.ok || response.type !== "basic") return false;
        return cache.put(request.url, response).then(function () { return true; });
      }, function () { return false; });
    }));
  }).then(function (results) { return results.every(Boolean); });
}

function dropOldAssets(cache) {
  var current = PRECACHE.map(function (url) { return new URL(url, self.location.href).pathname; });
  return cache.keys().then(function (requests) {
    return Promise.all(requests.filter(function (request) {
      var path = new URL(request.url).pathname;
      return path.indexOf("/assets/") === 0 && current.indexOf(path) < 0;
    }).map(function (request) { return cache.delete(request); }));
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE_NAME).then(function (cache) {
    return cache.addAll(PRECACHE);
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.open(CACHE_NAME).then(function (cache) {
    return refreshKeptPages(cache).then(function (fresh) { return fresh ? dropOldAssets(cache) : null; });
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.indexOf("/assets/") === 0) {
    event.respondWith(fromCacheElseNetwork(request));
  } else if (isKeptPage(url.pathname)) {
    event.respondWith(fromNetworkElseKept(request));
  } else if (request.mode === "navigate") {
    // Another volunteer page without a connection: the project's volunteer page instead.
    event.respondWith(fetch(request).catch(function () {
      return keptCopy(self.registration.scope).then(function (kept) { return kept || Response.error(); });
    }));
  }
});
