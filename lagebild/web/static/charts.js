// Charts from JSON embedded in the page: the dyad chart (Goldstein sum or mean per period,
// split by quad class) and an actor's monthly timeline. Chart.js is served from /static/vendor.
(function () {
  "use strict";
  const QUAD_COLOURS = { 1: "#4e79a7", 2: "#59a14f", 3: "#f28e2b", 4: "#e15759" };
  const data = (id) => {
    const el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  };

  const dyad = data("dyad-data");
  const dyadCanvas = document.getElementById("dyad-chart");
  if (dyad && dyadCanvas && window.Chart) {
    const labels = dyad.periods.map((p) => p.period);
    const key = dyad.stat === "mean" ? "goldstein_mean" : "goldstein_sum";
    const datasets = Object.entries(dyad.quads).map(([q, name]) => ({
      type: dyad.stat === "mean" ? "line" : "bar",
      label: name,
      data: dyad.periods.map((p) => p.quads[q][key]),
      backgroundColor: QUAD_COLOURS[q],
      borderColor: QUAD_COLOURS[q],
      spanGaps: true,
      stack: "quads",
    }));
    datasets.push({
      type: "line",
      label: dyad.stat === "mean" ? "mean Goldstein (all)" : "net Goldstein sum",
      data: dyad.periods.map((p) => p[key]),
      borderColor: "#1d232b",
      backgroundColor: "#1d232b",
      borderWidth: 2,
      pointRadius: 2,
      spanGaps: true,
    });
    new Chart(dyadCanvas, {
      data: { labels, datasets },
      options: {
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: "index", intersect: false },
        scales: {
          x: { stacked: true },
          y: { stacked: dyad.stat !== "mean", title: { display: true, text: "Goldstein " + dyad.stat } },
        },
        plugins: { legend: { position: "bottom" } },
      },
    });
    dyadCanvas.dataset.rendered = "true";
  }

  const timeline = data("timeline-data");
  const tlCanvas = document.getElementById("timeline-chart");
  if (timeline && tlCanvas && window.Chart) {
    new Chart(tlCanvas, {
      type: "bar",
      data: {
        labels: timeline.map((t) => t.period),
        datasets: [
          { label: "as source", data: timeline.map((t) => t.as_source), backgroundColor: "#4e79a7", stack: "s" },
          { label: "as target", data: timeline.map((t) => t.events - t.as_source), backgroundColor: "#a0cbe8", stack: "s" },
        ],
      },
      options: { maintainAspectRatio: false, animation: false, scales: { x: { stacked: true }, y: { stacked: true } },
                 plugins: { legend: { position: "bottom" } } },
    });
    tlCanvas.dataset.rendered = "true";
  }
})();
