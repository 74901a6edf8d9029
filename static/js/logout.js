// Logging out leaves nothing of the person in this browser.
//
// - htmx keeps no copies of pages (historyCacheSize 0, in base.html); any copy an
//   older page left in sessionStorage or localStorage is removed at logout and on
//   every page shown to a visitor (the login page, after a logout or before a login).
// - Logs made without a connection (static/js/offline.js) are never lost by a logout
//   unawares: when some still wait, the Log out button leads to the logout page,
//   which says so and offers to send them first or to discard them.
// - Once the person has chosen, the device's queue is emptied and the logout is
//   posted; its response carries Clear-Site-Data for the rest (caches, storage).
//
// The page of a logged-in person carries their account on <body data-account>.
(function () {
  "use strict";

  var HISTORY_KEY = "htmx-history-cache";
  var account = document.body && document.body.dataset.account;

  function forgetHistory() {
    try {
      sessionStorage.removeItem(HISTORY_KEY);
      localStorage.removeItem(HISTORY_KEY);
    } catch (error) {
      // Storage turned off: nothing was kept there.
    }
  }

  function queue() {
    return window.movementJournalQueue;
  }

  // Post the logout form, with nothing of the person left in this page's storage.
  function leave(form) {
    forgetHistory();
    var emptied = queue() ? queue().clear() : Promise.resolve();
    emptied.catch(function () {}).then(function () {
      form.dataset.cleared = "true";
      form.submit();
    });
  }

  function plural(count) {
    return count === 1 ? "1 session" : count + " sessions";
  }

  if (!account) {
    forgetHistory();
  }

  // A Log out button (the header's, or the logout page's own): straight out, unless
  // logs made offline still wait, in which case the logout page asks first.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-logout]") || form.dataset.cleared) {
      return;
    }
    event.preventDefault();
    if (!account || !queue()) {
      leave(form);
      return;
    }
    queue().waiting(account).then(function (count) {
      if (count && form.dataset.logoutPage) {
        window.location.assign(form.dataset.logoutPage);
      } else if (count) {
        showWaiting(count);
      } else {
        leave(form);
      }
    }, function () {
      leave(form); // no storage: nothing can be waiting
    });
  }, true);

  // The logout page.
  var page = document.querySelector("[data-logout-confirm]");
  if (!page || !account || !queue()) {
    return;
  }
  var form = page.querySelector("form[data-logout]");
  var box = page.querySelector("[data-waiting]");
  var text = page.querySelector("[data-waiting-text]");
  var plain = page.querySelector("[data-plain-logout] button");
  var sendButton = page.querySelector("[data-send-waiting]");
  var discardButton = page.querySelector("[data-discard-waiting]");

  function showWaiting(count) {
    text.textContent = plural(count) + " logged without a connection " +
      (count === 1 ? "is" : "are") + " still on this device and not yet in your journal. " +
      "Logging out removes " + (count === 1 ? "it" : "them") + " from this device: send " +
      (count === 1 ? "it" : "them") + " first, or discard " + (count === 1 ? "it" : "them") + ".";
    box.hidden = false;
    plain.hidden = true;
  }

  queue().waiting(account).then(function (count) {
    if (count) {
      showWaiting(count);
    }
  }, function () {});

  sendButton.addEventListener("click", function () {
    var token = form.querySelector("[name=csrfmiddlewaretoken]").value;
    sendButton.disabled = true;
    queue().send(account, token).then(function (counts) {
      if (counts.left === 0) {
        leave(form);
        return;
      }
      sendButton.disabled = false;
      text.textContent = "Could not send " + plural(counts.left) + " just now" +
        (navigator.onLine ? "" : ": this device is offline") +
        ". Stay logged in and try again once you are connected, or discard " +
        (counts.left === 1 ? "it" : "them") + " and log out.";
    }, function () {
      sendButton.disabled = false;
    });
  });

  discardButton.addEventListener("click", function () {
    leave(form);
  });
})();
