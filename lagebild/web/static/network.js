// Actor network with Cytoscape (served from /static/vendor): nodes are actors sized by events,
// edges one per (source, target, quad class), coloured by quad class and as wide as their count.
(function () {
  "use strict";
  const el = document.getElementById("network");
  const raw = document.getElementById("network-data");
  if (!el || !raw || !window.cytoscape) return;
  const net = JSON.parse(raw.textContent);
  const COLOURS = { 1: "#4e79a7", 2: "#59a14f", 3: "#f28e2b", 4: "#e15759" };
  const maxEdge = Math.max(1, ...net.edges.map((e) => e.events));
  const maxNode = Math.max(1, ...net.nodes.map((n) => n.events));
  const elements = [
    ...net.nodes.map((n) => ({ data: { id: n.id, label: n.id, title: n.name || n.id, w: 14 + 40 * Math.sqrt(n.events / maxNode) } })),
    ...net.edges.map((e, i) => ({
      data: { id: "e" + i, source: e.source, target: e.target, quad: e.quad, events: e.events,
              colour: COLOURS[e.quad] || "#999", width: 1 + 9 * Math.sqrt(e.events / maxEdge) },
    })),
  ];
  const cy = cytoscape({
    container: el,
    elements,
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: { label: "data(label)", width: "data(w)", height: "data(w)", "background-color": "#1f3a5f",
                                   color: "#1d232b", "font-size": 11, "text-valign": "center", "text-halign": "right", "text-margin-x": 3 } },
      { selector: "edge", style: { width: "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
                                   "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.75, "arrow-scale": 0.7 } },
    ],
    layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 9000, idealEdgeLength: 90 },
  });
  cy.on("tap", "node", (e) => { location.href = "/actors/" + encodeURIComponent(e.target.id()); });
  cy.on("tap", "edge", (e) => {
    const d = e.target.data();
    location.href = "/dyads/" + encodeURIComponent(d.source) + "/" + encodeURIComponent(d.target);
  });
  el.dataset.rendered = String(cy.nodes().length);
})();
