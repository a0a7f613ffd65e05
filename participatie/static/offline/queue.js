// The queue on the device: every offline conversation in IndexedDB, saved after each answer.
// IndexedDB survives reloads, closing the browser and restarting the phone; writes resolve only
// when the transaction is committed to disk ("strict" durability), so an answer shown as saved
// is saved. One record per conversation, keyed by its idempotency key:
//   {key, slug, code, revision, volunteer, language, consent, startedAt, updatedAt, completedAt,
//    status: "draft" | "waiting" | "problem", forms: {question: {answer: [...], decline}},
//    current, problem}
(function (root) {
  "use strict";

  var NAME = "participatie-offline";
  var STORE = "responses";
  var VERSION = 1;
  var opening = null;

  function open() {
    if (!opening) {
      opening = new Promise(function (resolve, reject) {
        var request = indexedDB.open(NAME, VERSION);
        request.onupgradeneeded = function () {
          var db = request.result;
          if (!db.objectStoreNames.contains(STORE)) {
            db.createObjectStore(STORE, { keyPath: "key" }).createIndex("slug", "slug");
          }
        };
        request.onsuccess = function () {
          var db = request.result;
          db.onversionchange = function () { db.close(); opening = null; };
          resolve(db);
        };
        request.onerror = function () { opening = null; reject(request.error); };
      });
    }
    return opening;
  }

  function run(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var options = mode === "readwrite" ? { durability: "strict" } : undefined;
        var transaction = db.transaction(STORE, mode, options);
        var result;
        var request = work(transaction.objectStore(STORE));
        if (request) request.onsuccess = function () { result = request.result; };
        transaction.oncomplete = function () { resolve(result); };
        transaction.onerror = function () { reject(transaction.error); };
        transaction.onabort = function () { reject(transaction.error); };
      });
    });
  }

  function newKey() {
    if (root.crypto && typeof root.crypto.randomUUID === "function") return root.crypto.randomUUID();
    var bytes = new Uint8Array(16);
    root.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }

  var api = {
    newKey: newKey,
    put: function (item) {
      item.updatedAt = new Date().toISOString();
      return run("readwrite", function (store) { return store.put(item); });
    },
    get: function (key) {
      return run("readonly", function (store) { return store.get(key); });
    },
    remove: function (key) {
      return run("readwrite", function (store) { return store.delete(key); });
    },
    forProject: function (slug) {
      return run("readonly", function (store) { return store.index("slug").getAll(slug); })
        .then(function (items) { return items || []; });
    }
  };
  root.ParticipatieQueue = api;
})(self);
