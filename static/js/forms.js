// When a form comes back with errors (a page, or an htmx swap), the first field that
// needs attention is opened, scrolled to the middle of the screen and focused, so a
// tap on a phone visibly does something and a screen reader reads the message.
(function () {
  "use strict";

  // Controls that only matter without scripts (a "Show this day" button) hide with this.
  document.documentElement.classList.add("js");

  function openAround(element) {
    var details = element.closest("details");
    while (details) {
      details.open = true;
      details = details.parentElement && details.parentElement.closest("details");
    }
  }

  function focusFirstError(root) {
    if (!root || !root.querySelector) {
      return;
    }
    var field = root.querySelector("[aria-invalid=\"true\"]");
    if (!field) {
      return;
    }
    openAround(field);
    var group = field.closest(".field") || field;
    group.scrollIntoView({ block: "center" });
    field.focus({ preventScroll: true });
  }

  document.addEventListener("htmx:afterSettle", function (event) {
    var swapped = event.detail.elt;
    focusFirstError(swapped && swapped.isConnected ? swapped : document.getElementById(event.detail.target && event.detail.target.id));
  });

  function start() {
    focusFirstError(document.getElementById("main"));
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
