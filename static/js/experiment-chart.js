// The experiment page's chart: the difference in each complete pair (A minus B) as a bar,
// filled when both units kept the plan, with the mean by the draw and the mean as followed
// as lines. Data from json_script (canvas[data-experiment-chart] names it); no inline code.
(function () {
  "use strict";

  function cssVar(name, fallback) {
    var value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return value || fallback;
  }

  function flat(value, count) {
    var out = [];
    for (var i = 0; i < count; i += 1) out.push(value);
    return out;
  }

  function build(canvas) {
    var source = document.getElementById(canvas.dataset.experimentChart);
    if (!source || !window.Chart || Chart.getChart(canvas)) return;
    var spec = JSON.parse(source.textContent);
    var text = cssVar("--text", "#333");
    var grid = cssVar("--border", "#ddd");
    var accent = cssVar("--accent", "#0b6b5c");
    var muted = cssVar("--muted", "#5b6470");
    var count = spec.values.length;
    var datasets = [
      {
        type: "bar",
        label: "Difference in the pair",
        data: spec.values,
        backgroundColor: spec.followed.map(function (kept) { return kept ? accent : "transparent"; }),
        borderColor: accent,
        borderWidth: 2,
        maxBarThickness: 28,
      },
    ];
    if (spec.mean !== null) {
      datasets.push({
        type: "line", label: "Mean, by the draw", data: flat(spec.mean, count),
        borderColor: text, borderWidth: 2, pointRadius: 0,
      });
    }
    if (spec.followed_mean !== null) {
      datasets.push({
        type: "line", label: "Mean, as followed", data: flat(spec.followed_mean, count),
        borderColor: muted, borderDash: [6, 4], borderWidth: 2, pointRadius: 0,
      });
    }
    new Chart(canvas, {
      type: "bar",
      data: { labels: spec.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { ticks: { color: text }, grid: { display: false } },
          y: {
            title: { display: true, text: spec.axis, color: text },
            ticks: { color: text },
            grid: {
              color: function (context) { return context.tick.value === 0 ? text : grid; },
            },
          },
        },
        plugins: {
          legend: { position: "bottom", labels: { color: text, boxWidth: 12 } },
          tooltip: { enabled: true },
        },
      },
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("canvas[data-experiment-chart]").forEach(build);
  });
})();
