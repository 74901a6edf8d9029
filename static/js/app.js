// Small progressive enhancements shared by every page. Pages work without it.
(function () {
  "use strict";
  // Move focus to the main landmark after htmx swaps a whole page region,
  // so keyboard and screen-reader users are not left on a removed element.
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    if (target && target.hasAttribute("data-focus-after-swap")) {
      target.focus();
    }
  });
})();
