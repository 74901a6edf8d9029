// Movement Journal's service worker. Served by the view at /sw.js, which puts
// SHELL_URLS, SHELL_CACHE, OFFLINE_URL, APP_SHELL_URL and START_URL in front of this file.
/* global SHELL_URLS, SHELL_CACHE, OFFLINE_URL, APP_SHELL_URL, START_URL */
"use strict";

var SHELL = new Set(SHELL_URLS);

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(SHELL_CACHE).then(function (cache) {
      // The two pages are fetched without cookies: they are the same for
      // everyone and must not keep a person's data, session or CSRF token.
      var pages = [OFFLINE_URL, APP_SHELL_URL];
      var requests = SHELL_URLS.map(function (url) {
        return new Request(url, { credentials: pages.indexOf(url) !== -1 ? "omit" : "same-origin" });
      });
      return cache.addAll(requests);
    }).then(function () {
      return self.skipWaiting();
    })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("shell-") === 0 && name !== SHELL_CACHE;
      }).map(function (name) {
        return caches.delete(name);
      }));
    }).then(function () {
      return self.clients.claim();
    })
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") {
    return; // posts go straight to the network; the page queues them when offline
  }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    // Pages: always the network, so nothing personal is cached. Without one, the
    // app's start page (and the shell itself) open on the app shell with the quick
    // log; any other page says it needs the connection.
    event.respondWith(
      fetch(request).catch(function () {
        var cold = url.pathname === START_URL || url.pathname === APP_SHELL_URL;
        return caches.match(cold ? APP_SHELL_URL : OFFLINE_URL);
      })
    );
    return;
  }
  if (SHELL.has(url.pathname)) {
    // Hashed static names never change content: the cached copy is the file.
    event.respondWith(
      caches.match(request).then(function (cached) {
        return cached || fetch(request);
      })
    );
  }
});
