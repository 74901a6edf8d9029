// Builds every dashboard chart from the JSON the server put in the page with
// json_script. One script for all charts, no inline code, so a strict
// Content-Security-Policy holds. Each canvas names its data with data-chart.
(function () {
  "use strict";

  var PALETTE = {
    light: "#8fb8de",
    moderate: "#3b8ea5",
    vigorous: "#f29e4c",
    near_max: "#d1495b",
    aerobic: "#3b8ea5",
    hiit: "#d1495b",
    resistance: "#6c5b7b",
    mixed: "#f29e4c",
    mobility: "#7bc8a4",
    walking: "#97b04c",
    mood: "#3b8ea5",
    "mood-mean": "#0b6b5c",
    stress: "#d1495b",
    sleep: "#6c5b7b",
    anxiety: "#f29e4c",
    energy: "#97b04c",
    motivation: "#c97b63",
    focus: "#5a7bd8",
    load: "#3b8ea5",
    strain: "#d1495b",
    monotony: "#f2b134",
    sustained: "#0b6b5c",
    building: "#8a8f98",
    guideline: "#8a8f98",
    others: "#8a8f98",
  };
  var EXTRA = ["#3b8ea5", "#d1495b", "#f29e4c", "#6c5b7b", "#7bc8a4", "#97b04c", "#5a7bd8",
    "#c97b63", "#f2b134", "#4a6670", "#b56576", "#2a9d8f", "#e76f51", "#8d99ae"];

  function colour(key, index) {
    return PALETTE[key] || EXTRA[index % EXTRA.length];
  }

  function withAlpha(hex, alpha) {
    var n = parseInt(hex.slice(1), 16);
    return "rgba(" + (n >> 16) + "," + ((n >> 8) & 255) + "," + (n & 255) + "," + alpha + ")";
  }

  function cssVar(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  // A mean of fewer than this many days or sessions is greyed (journal.stats.MIN_FOR_MEAN).
  var MIN_FOR_MEAN = 3;

  function dataset(spec, d, index, dense) {
    var kind = d.kind || spec.kind;
    var base = colour(d.color, index);
    var fill = withAlpha(base, kind === "bar" ? 0.75 : 0.2);
    if (d.counts && kind === "bar") {
      fill = d.counts.map(function (n) {
        return n && n < MIN_FOR_MEAN ? withAlpha(PALETTE.others, 0.35) : withAlpha(base, 0.75);
      });
    }
    var out = {
      type: kind,
      label: d.label,
      data: d.data,
      counts: d.counts,
      raw: d.raw,
      scale: d.scale,
      yAxisID: d.axis || "y",
      borderColor: base,
      backgroundColor: fill,
      borderWidth: kind === "bar" ? 0 : 2,
      borderDash: d.dashed ? [6, 4] : [],
      // A lone point between gaps has no line to show it: give it a dot.
      pointRadius: kind === "line" ? (dense ? loneDots(d.data) : 2) : undefined,
      // A missing value is a break in the line, never a straight line across the gap.
      spanGaps: false,
      // Datasets stack only with others of the same named stack.
      stack: d.stack || "own-" + index,
      // One session in a range must not fill the chart as a single wide bar.
      maxBarThickness: MAX_BAR,
    };
    if (d.color === "band") {
      out.backgroundColor = withAlpha(cssVar("--accent") || "#0b6b5c", 0.12);
      out.barPercentage = 1;
      out.categoryPercentage = 1;
      out.order = 10;
    }
    return out;
  }

  // Phone readability (issue 14), shared by every chart: at most TOP_STACKED
  // series per stack (the rest summed as "Others"), dates as short unrotated
  // ticks in the reader's locale, bars no wider than MAX_BAR px.
  var TOP_STACKED = 5;
  var MAX_BAR = 28;
  var ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
  // Made on first use: loading the locale data costs a slow phone a few
  // hundred milliseconds, which the first screen (no chart) need not pay.
  var formats = {};
  var FORMAT_OPTIONS = {
    short: { day: "numeric", month: "short" },
    long: { day: "numeric", month: "short", year: "numeric" },
  };

  FORMAT_OPTIONS.day_year = { day: "numeric", month: "short", year: "numeric" };
  FORMAT_OPTIONS.month_year = { month: "short", year: "numeric" };

  function loneDots(data) {
    return data.map(function (v, i) {
      return v !== null && data[i - 1] == null && data[i + 1] == null ? 2 : 0;
    });
  }

  // The tick style of a date axis: the year on every tick when the labels cross a year,
  // the month and year alone when they span more than eight months.
  function tickStyle(labels) {
    var first = ISO_DATE.exec(String(labels[0]));
    var last = ISO_DATE.exec(String(labels[labels.length - 1]));
    if (!first || !last) return "short";
    var months = (last[1] - first[1]) * 12 + (last[2] - first[2]);
    if (months > 8) return "month_year";
    return first[1] === last[1] ? "short" : "day_year";
  }

  function dateLabel(label, style) {
    var match = ISO_DATE.exec(String(label));
    if (!match) return label;
    var format = formats[style] ||
      (formats[style] = new Intl.DateTimeFormat(undefined, FORMAT_OPTIONS[style]));
    var day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    var rest = String(label).slice(match[0].length).trim();
    return format.format(day) + (rest ? " · " + rest : "");
  }

  function total(d) {
    return d.data.reduce(function (sum, v) { return sum + (v || 0); }, 0);
  }

  function foldSmallStacks(datasets) {
    var byStack = {};
    datasets.forEach(function (d) {
      if (d.stack) (byStack[d.stack] = byStack[d.stack] || []).push(d);
    });
    var dropped = [];
    Object.keys(byStack).forEach(function (stack) {
      var members = byStack[stack];
      if (members.length <= TOP_STACKED + 1) return;
      var ranked = members.slice().sort(function (a, b) { return total(b) - total(a); });
      var rest = ranked.slice(TOP_STACKED);
      var others = {
        label: "Others (" + rest.length + ")",
        stack: stack,
        color: "others",
        data: members[0].data.map(function (_, i) {
          var sum = rest.reduce(function (acc, d) { return acc + (d.data[i] || 0); }, 0);
          return sum || null;
        }),
      };
      dropped = dropped.concat(rest);
      datasets.splice(datasets.indexOf(ranked[TOP_STACKED - 1]) + 1, 0, others);
    });
    return datasets.filter(function (d) { return dropped.indexOf(d) === -1; });
  }

  function narrow(canvas) {
    return canvas.parentNode.clientWidth < 480;
  }

  // A category's tick: its name (its short name on a phone, where seven full names cannot
  // sit side by side) over how many days it rests on (the chart's "Days (n)" row), so no
  // category goes unlabelled.
  function categoryTick(name, days) {
    var lines = [name];
    if (days !== undefined) lines.push("n=" + days);
    return lines;
  }

  function tooltipValue(item) {
    var d = item.dataset;
    var i = item.dataIndex;
    var text = d.label + ": ";
    if (d.raw) text += d.raw[i] + " of " + d.scale[1] + " (" + item.formattedValue + "%)";
    else text += item.formattedValue;
    if (d.counts && d.counts[i]) {
      text += ", n=" + d.counts[i] + (d.counts[i] < MIN_FOR_MEAN ? ": too few for a mean" : "");
    }
    return text;
  }

  function build(canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (!source || Chart.getChart(canvas)) return;
    var spec = JSON.parse(source.textContent);
    var dense = spec.labels.length > 120;
    var small = narrow(canvas);
    var shown = foldSmallStacks(spec.datasets.filter(function (d) { return d.kind !== "none"; }));
    var datasets = shown.map(function (d, i) { return dataset(spec, d, i, dense); });
    if (spec.guideline) {
      datasets.push({
        type: "line",
        label: "Guideline (" + spec.guideline + " min)",
        data: spec.labels.map(function () { return spec.guideline; }),
        borderColor: PALETTE.guideline,
        borderDash: [4, 4],
        borderWidth: 2,
        pointRadius: 0,
        stack: "guideline",
      });
    }
    var stacked = shown.some(function (d) { return d.stack; });
    var text = cssVar("--text") || "#333";
    var grid = cssVar("--border") || "#ddd";
    var style = tickStyle(spec.labels);
    var days = spec.datasets.filter(function (d) { return d.label === "Days (n)"; })[0];
    var ticks = spec.axes.categories
      ? {
        // Every category keeps its label: wrapped, and turned when still too wide.
        color: text,
        autoSkip: false,
        maxRotation: 90,
        font: { size: small ? 10 : 12 },
        callback: function (value, index) {
          var name = small && spec.axes.short ? spec.axes.short[index] : this.getLabelForValue(value);
          return categoryTick(name, days && days.data[index]);
        },
      }
      : {
        color: text,
        maxRotation: 0,
        autoSkip: true,
        autoSkipPadding: 12,
        maxTicksLimit: small ? (style === "short" ? 5 : 4) : 10,
        callback: function (value) {
          return dateLabel(this.getLabelForValue(value), style).split(" · ")[0];
        },
      };
    var scales = {
      x: {
        stacked: stacked,
        title: { display: true, text: spec.axes.x, color: text },
        ticks: ticks,
        grid: { color: grid },
      },
      y: {
        stacked: stacked,
        title: { display: true, text: spec.axes.y, color: text },
        ticks: { color: text },
        grid: { color: grid },
        min: spec.axes.y_min,
        max: spec.axes.y_max,
      },
    };
    if (shown.some(function (d) { return d.axis === "y2"; })) {
      // A second scale is a panel of its own above the first, never a second axis over
      // the same plot: two scales on one plot make unlike numbers look alike.
      scales.y.stack = "panels";
      scales.y.stackWeight = 2;
      scales.y2 = {
        position: "left",
        stack: "panels",
        stackWeight: 1,
        title: { display: true, text: spec.axes.y2, color: text },
        ticks: { color: text, maxTicksLimit: 4 },
        grid: { color: grid },
        beginAtZero: true,
      };
    }
    new Chart(canvas, {
      type: spec.kind,
      data: { labels: spec.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: "index", intersect: false },
        scales: scales,
        plugins: {
          // Below the plot, so it never narrows it; a tap on an entry hides that series.
          legend: {
            position: "bottom",
            labels: { color: text, boxWidth: 10, padding: 8, font: { size: small ? 11 : 12 } },
          },
          tooltip: {
            enabled: true,
            callbacks: {
              title: function (items) {
                return items.length ? dateLabel(items[0].label, "long") : "";
              },
              label: tooltipValue,
            },
          },
        },
      },
    });
  }

  // Each chart is built when it comes within a quarter screen of view, not all
  // at load: on a phone the first screen is the summary, and building six
  // charts at once blocks the main thread for seconds on a slow device.
  var nearby = "IntersectionObserver" in window
    ? new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        nearby.unobserve(entry.target);
        build(entry.target);
      });
    }, { rootMargin: "0px 0px 25% 0px" })
    : null;

  function buildAll(root) {
    root.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      if (nearby) nearby.observe(canvas);
      else build(canvas);
    });
  }

  // Charts swapped out by htmx are destroyed, so no instance outlives its canvas.
  document.addEventListener("htmx:beforeSwap", function (event) {
    event.detail.target.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      if (nearby) nearby.unobserve(canvas);
      var chart = Chart.getChart(canvas);
      if (chart) chart.destroy();
    });
  });
  document.addEventListener("htmx:load", function (event) { buildAll(event.detail.elt); });
  document.addEventListener("DOMContentLoaded", function () { buildAll(document); });
})();

// ---- Insights (issue 11) ------------------------------------------------------------------
// One small chart per claim on the Insights page: the difference between "with the effect"
// and "without it" as a point, its 95% interval as a bar, against a marked zero line. The
// data comes from json_script (canvas[data-insight-chart] names it); no inline code.
(function () {
  "use strict";

  var VERDICT = { consistent: "--ok", opposite: "--danger", unclear: "--muted" };

  function cssVar(name, fallback) {
    var value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return value || fallback;
  }

  function build(canvas) {
    var source = document.getElementById(canvas.dataset.insightChart);
    if (!source || !window.Chart || Chart.getChart(canvas)) return;
    var spec = JSON.parse(source.textContent);
    var text = cssVar("--text", "#333");
    var grid = cssVar("--border", "#ddd");
    var colour = cssVar(VERDICT[spec.verdict] || "--muted", "#5b6470");
    // Zero, "no difference", is the line that matters: drawn whether or not it is a tick.
    var zeroLine = {
      id: "insightZero",
      afterDatasetsDraw: function (chart) {
        var x = chart.scales.x.getPixelForValue(0);
        var area = chart.chartArea;
        var ctx = chart.ctx;
        ctx.save();
        ctx.strokeStyle = text;
        ctx.lineWidth = 2;
        ctx.setLineDash([4, 3]);
        ctx.beginPath();
        ctx.moveTo(x, area.top);
        ctx.lineTo(x, area.bottom);
        ctx.stroke();
        ctx.restore();
      },
    };
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: [spec.label],
        datasets: [
          {
            type: "bar",
            label: "95% interval",
            data: [[spec.ci_low, spec.ci_high]],
            backgroundColor: colour + "55",
            borderColor: colour,
            borderWidth: 1,
            borderSkipped: false,
            barPercentage: 0.5,
            categoryPercentage: 1,
          },
          {
            type: "line",
            label: "Difference",
            data: [spec.difference],
            showLine: false,
            pointStyle: "rectRot",
            pointRadius: 7,
            pointHoverRadius: 8,
            backgroundColor: colour,
            borderColor: text,
            borderWidth: 1,
          },
        ],
      },
      options: {
        indexAxis: "y",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: {
            min: spec.min,
            max: spec.max,
            title: { display: true, text: spec.axis, color: text },
            ticks: { color: text },
            grid: { color: grid },
          },
          y: { ticks: { color: text }, grid: { display: false } },
        },
        plugins: {
          legend: { position: "bottom", labels: { color: text, boxWidth: 12 } },
          tooltip: { enabled: true },
        },
      },
      plugins: [zeroLine],
    });
  }

  function buildAll(root) {
    root.querySelectorAll("canvas[data-insight-chart]").forEach(build);
  }

  document.addEventListener("htmx:beforeSwap", function (event) {
    event.detail.target.querySelectorAll("canvas[data-insight-chart]").forEach(function (canvas) {
      var chart = Chart.getChart(canvas);
      if (chart) chart.destroy();
    });
  });
  document.addEventListener("htmx:load", function (event) { buildAll(event.detail.elt); });
  document.addEventListener("DOMContentLoaded", function () { buildAll(document); });
})();
