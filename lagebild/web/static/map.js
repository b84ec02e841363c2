// Map of event places: a world outline from the world-atlas package (no tile server) drawn
// with d3-geo as SVG, one circle per place sized by its events, coloured by mean Goldstein.
(function () {
  "use strict";
  const box = document.getElementById("map");
  const raw = document.getElementById("map-data");
  if (!box || !raw || !window.d3 || !window.topojson) return;
  const { places, params } = JSON.parse(raw.textContent);
  const W = 960, H = 500;
  const NS = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  svg.setAttribute("role", "img");
  box.appendChild(svg);
  const projection = d3.geoNaturalEarth1().fitSize([W, H], { type: "Sphere" });
  const path = d3.geoPath(projection);

  function colour(g) {
    if (g === null || g === undefined) return "#777";
    // Goldstein runs from -10 (conflict) to +10 (cooperation).
    const t = Math.max(-1, Math.min(1, g / 10));
    return t < 0 ? `rgb(${200 + 25 * -t | 0}, ${120 - 60 * -t | 0}, ${100 - 40 * -t | 0})`
                 : `rgb(${90 - 40 * t | 0}, ${130 + 10 * t | 0}, ${190 + 20 * t | 0})`;
  }

  fetch("/static/vendor/countries-110m.json")
    .then((r) => r.json())
    .then((world) => {
      const land = topojson.feature(world, world.objects.countries);
      for (const f of land.features) {
        const p = document.createElementNS(NS, "path");
        p.setAttribute("d", path(f));
        p.setAttribute("class", "land");
        svg.appendChild(p);
      }
      const max = Math.max(1, ...places.map((p) => p.events));
      for (const pl of places) {
        const xy = projection([pl.lon, pl.lat]);
        if (!xy) continue;
        const a = document.createElementNS(NS, "a");
        const q = new URLSearchParams({ ...params, place: pl.name });
        a.setAttribute("href", "/events?" + q.toString());
        const c = document.createElementNS(NS, "circle");
        c.setAttribute("cx", xy[0].toFixed(1));
        c.setAttribute("cy", xy[1].toFixed(1));
        c.setAttribute("r", (3 + 17 * Math.sqrt(pl.events / max)).toFixed(1));
        c.setAttribute("fill", colour(pl.mean_goldstein));
        c.setAttribute("class", "pt");
        const title = document.createElementNS(NS, "title");
        title.textContent = `${pl.name}: ${pl.events} events, mean Goldstein ${pl.mean_goldstein ?? "?"}`;
        c.appendChild(title);
        a.appendChild(c);
        svg.appendChild(a);
      }
      box.dataset.rendered = String(places.length);
    });
})();
