// Offline support, on every page. Registers the service worker, and keeps a
// quick log made without a connection on this device (IndexedDB) until it can
// be sent, showing "Waiting to send (N)" meanwhile.
//
// The quick-log form is found by its data-offline-log attribute (its value is
// the owner, so one person's queued logs are never sent as another's), its
// idempotency key by data-log-key; field names are read from the form. The
// server treats a second post with the same key as the same session, so a
// resend after a lost reply never makes a duplicate.
(function () {
  "use strict";

  var script = document.currentScript;
  if ("serviceWorker" in navigator && script && script.dataset.serviceWorker) {
    navigator.serviceWorker.register(script.dataset.serviceWorker).catch(function () {
      // Without a worker the site still works; it just has no offline page.
    });
  }
  if (!("indexedDB" in window)) {
    return;
  }

  var STORE = "quick-logs";
  var CHANGED_EVENT = "journal-changed";
  var ACCOUNT_KEY = "movement-journal:account";
  var sending = false;

  // The account signed in on this device, remembered from its pages (their
  // journal-account meta) for the app shell, which is the same for everyone and
  // so cannot say whose log it takes. A signed-out page forgets it.
  function rememberAccount() {
    var meta = document.querySelector("meta[name=journal-account]");
    var shell = document.querySelector("meta[name=journal-shell]");
    try {
      if (meta) {
        localStorage.setItem(ACCOUNT_KEY, meta.content);
      } else if (!shell) {
        localStorage.removeItem(ACCOUNT_KEY);
      }
      return localStorage.getItem(ACCOUNT_KEY) || "";
    } catch (error) {
      return meta ? meta.content : "";
    }
  }

  function localToday() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  // The app shell (the installed app's cold start offline): whose log, and today's date.
  function prepareShell(form, account) {
    form.dataset.offlineLog = account;
    var date = form.querySelector("input[type=date]");
    if (date) {
      date.max = localToday();
      if (!date.value) {
        date.value = localToday();
      }
    }
    var noAccount = document.querySelector("[data-shell-no-account]");
    if (noAccount) {
      noAccount.hidden = Boolean(account);
    }
    form.querySelector("[type=submit]").disabled = !account;
    showOnline();
  }

  function showOnline() {
    var back = document.querySelector("[data-shell-online]");
    var away = document.querySelector("[data-shell-offline]");
    if (back) {
      back.hidden = !navigator.onLine;
    }
    if (away) {
      away.hidden = navigator.onLine;
    }
  }

  function openQueue() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open("movement-journal", 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore(STORE, { keyPath: "key" });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  // Runs `work(store)` in one transaction; resolves with what the last request returned.
  function inQueue(mode, work) {
    return openQueue().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var request = work(tx.objectStore(STORE));
        tx.oncomplete = function () {
          db.close();
          resolve(request ? request.result : undefined);
        };
        tx.onerror = function () {
          db.close();
          reject(tx.error);
        };
      });
    });
  }

  function waitingFor(owner) {
    return inQueue("readonly", function (store) { return store.getAll(); }).then(function (all) {
      return all.filter(function (log) { return log.owner === owner; })
        .sort(function (a, b) { return a.queuedAt - b.queuedAt; });
    });
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  function quickLogForm() {
    return document.querySelector("form[data-offline-log]");
  }

  // One status line just above the quick-log form (made again after htmx swaps the form).
  function statusLine(form) {
    var line = document.querySelector("[data-offline-status]");
    if (!line) {
      line = document.createElement("p");
      line.className = "message message-warning";
      line.setAttribute("data-offline-status", "");
      line.setAttribute("role", "status");
      line.hidden = true;
      form.parentNode.insertBefore(line, form);
    }
    return line;
  }

  // The quick-log form sits in a disclosure on the dashboard: open it, so what is said shows.
  function revealSheet(form) {
    var sheet = form.closest("details");
    if (sheet) {
      sheet.open = true;
    }
  }

  // A message beside the quick-log form, where the person is looking.
  function say(className, text) {
    var note = document.createElement("p");
    note.className = "message " + className;
    note.setAttribute("role", className === "message-error" ? "alert" : "status");
    note.textContent = text;
    var form = quickLogForm();
    if (form) {
      revealSheet(form);
      form.parentNode.insertBefore(note, form);
    } else {
      document.getElementById("messages").appendChild(note);
    }
  }

  function showWaiting() {
    var form = quickLogForm();
    if (!form) {
      return Promise.resolve();
    }
    return waitingFor(form.dataset.offlineLog).then(function (logs) {
      var line = statusLine(form);
      line.hidden = logs.length === 0;
      if (logs.length) {
        revealSheet(form);
      }
      line.textContent = logs.length
        ? "Waiting to send (" + logs.length + "): logged without a connection, kept on this device, sent once you are back online."
        : "";
    });
  }

  // "Really 7.5 hours?", asked once, as the journal itself asks (the limit is the
  // minutes field's data-long-after, from journal.validation).
  function confirmedLength(form) {
    var minutes = form.querySelector("[data-long-after]");
    var confirmed = form.querySelector("[data-long-ok]");
    var value = minutes ? parseInt(minutes.value, 10) : NaN;
    if (!minutes || !confirmed || !(value > parseInt(minutes.dataset.longAfter, 10))) {
      return true;
    }
    if (confirmed.value === String(value)) {
      return true;
    }
    var hours = Math.round(value / 6) / 10;
    if (!window.confirm("Really " + hours + " hours? That is " + value + " minutes.")) {
      minutes.focus();
      return false;
    }
    confirmed.value = String(value);
    return true;
  }

  function keep(form) {
    if (!form.checkValidity()) {
      form.reportValidity();
      return;
    }
    if (!confirmedLength(form)) {
      return;
    }
    var keyInput = form.querySelector("[data-log-key]");
    if (!keyInput.value) {
      keyInput.value = newKey();
    }
    var fields = [];
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrfmiddlewaretoken") {
        fields.push([name, value]);
      }
    });
    var log = {
      key: keyInput.value,
      owner: form.dataset.offlineLog,
      action: form.action,
      fields: fields,
      queuedAt: Date.now(),
    };
    inQueue("readwrite", function (store) { return store.put(log); }).then(function () {
      form.reset();
      form.querySelector("[data-log-key]").value = newKey();
      var confirmed = form.querySelector("[data-long-ok]");
      if (confirmed) {
        confirmed.value = "";
      }
      if (form.hasAttribute("data-app-shell")) {
        prepareShell(form, form.dataset.offlineLog);
      }
      return showWaiting();
    }).catch(function () {
      // No storage on this device (a private window, a full disk): say so, keep the form filled.
      say("message-error", "This device could not keep the session, so it is not saved. Try again when you are online.");
    });
  }

  // "saved" (or saved before), "refused" (the journal found it invalid) or "later".
  function send(log, token) {
    return fetch(log.action, {
      method: "POST",
      body: new URLSearchParams(log.fields),
      headers: { "X-CSRFToken": token, "HX-Request": "true" },
      credentials: "same-origin",
    }).then(function (response) {
      if (!response.ok || response.redirected) {
        return "later"; // logged out, an expired token or a server error: try again later
      }
      var trigger = response.headers.get("HX-Trigger") || "";
      return trigger.indexOf(CHANGED_EVENT) !== -1 ? "saved" : "refused";
    }, function () {
      return "later";
    });
  }

  function sendWaiting() {
    var form = quickLogForm();
    // The shell has no session to send with: the dashboard sends once it opens.
    if (!form || sending || !navigator.onLine || form.hasAttribute("data-app-shell")) {
      return Promise.resolve();
    }
    var owner = form.dataset.offlineLog;
    var token = form.querySelector("[name=csrfmiddlewaretoken]").value;
    var saved = 0;
    var refused = 0;
    sending = true;
    return waitingFor(owner).then(function (logs) {
      // One at a time, oldest first; stop at the first that has to wait.
      return logs.reduce(function (previous, log) {
        return previous.then(function (carryOn) {
          if (!carryOn) {
            return false;
          }
          return send(log, token).then(function (outcome) {
            if (outcome === "later") {
              return false;
            }
            if (outcome === "saved") { saved += 1; } else { refused += 1; }
            return inQueue("readwrite", function (store) { return store.delete(log.key); })
              .then(function () { return true; });
          });
        });
      }, Promise.resolve(true));
    }).then(function () {
      if (saved) {
        say("message-success", "Sent " + saved + " session" + (saved === 1 ? "" : "s") + " logged while offline.");
        if (window.htmx) {
          htmx.trigger(document.body, CHANGED_EVENT);
        }
      }
      if (refused) {
        say("message-error", refused + " session" + (refused === 1 ? "" : "s") + " logged while offline could not be saved, as something in " + (refused === 1 ? "it" : "them") + " was not valid. Please log " + (refused === 1 ? "it" : "them") + " again.");
      }
    }).finally(function () {
      sending = false;
      return showWaiting();
    });
  }

  // Offline: keep the log here instead of letting htmx try the network.
  // Capturing on the document runs before htmx's own listener on the form.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.matches("form[data-offline-log]") && (!navigator.onLine || form.hasAttribute("data-app-shell"))) {
      event.preventDefault();
      event.stopImmediatePropagation();
      keep(form);
    }
  }, true);

  // Online as far as the browser knew, but the request never reached the journal.
  document.addEventListener("htmx:sendError", function (event) {
    var form = event.detail.elt;
    if (form && form.matches && form.matches("form[data-offline-log]")) {
      keep(form);
    }
  });

  // A swap of the quick-log card removes the status line: put it back.
  document.addEventListener("htmx:afterSettle", function () {
    showWaiting();
  });

  window.addEventListener("offline", showOnline);
  window.addEventListener("online", function () {
    showOnline();
    sendWaiting().catch(function () {
      // Storage unavailable: nothing can be waiting.
    });
  });

  // Back to a page already seen: its form may hold the key of a log already
  // sent, and the journal would take a new log under it for that old one.
  window.addEventListener("pageshow", function (event) {
    var visit = performance.getEntriesByType && performance.getEntriesByType("navigation")[0];
    var form = quickLogForm();
    if (form && (event.persisted || (visit && visit.type === "back_forward"))) {
      form.querySelector("[data-log-key]").value = newKey();
    }
  });

  function start() {
    var account = rememberAccount();
    var form = quickLogForm();
    if (form && form.hasAttribute("data-app-shell")) {
      prepareShell(form, account);
    }
    showWaiting().then(sendWaiting).catch(function () {
      // Storage unavailable: nothing can be waiting, and the page works as before.
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
