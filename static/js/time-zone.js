// Sign-up: pre-selects the time zone the browser reports. The field stays
// editable, and without JavaScript it keeps its default (UTC).
(function () {
  "use strict";
  var select = document.querySelector("select[data-detect-time-zone]");
  if (!select || !window.Intl || !Intl.DateTimeFormat) {
    return;
  }
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var known = Array.prototype.some.call(select.options, function (option) {
    return option.value === zone;
  });
  // Only before the person has chosen: a form sent back with errors keeps their choice.
  if (zone && known && select.value === "UTC" && !select.hasAttribute("data-chosen")) {
    select.value = zone;
  }
})();
