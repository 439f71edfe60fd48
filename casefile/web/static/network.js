// Draws the graph of #graph from its data-src (JSON for Cytoscape.js); a click on a node opens its page.
(function () {
  "use strict";
  var box = document.getElementById("graph");
  if (!box || typeof cytoscape !== "function") { if (box) { box.classList.add("empty"); } return; }
  var colours = { person: "#2a6fdb", organization: "#c2410c", location: "#15803d", law: "#7c3aed", event: "#a16207" };
  fetch(box.dataset.src, { headers: { "Accept": "application/json" } })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      if (!data.elements.length) { box.classList.add("empty"); box.textContent = "No links to draw."; return; }
      var cy = cytoscape({
        container: box,
        elements: data.elements,
        wheelSensitivity: 0.3,
        minZoom: 0.2,
        maxZoom: 1.4,
        style: [
          { selector: "node", style: {
            "label": "data(name)", "font-size": 10, "text-wrap": "ellipsis", "text-max-width": 120,
            "background-color": function (n) { return colours[n.data("type")] || "#555"; },
            "width": function (n) { return 10 + Math.min(30, 4 * Math.sqrt(n.data("documents"))); },
            "height": function (n) { return 10 + Math.min(30, 4 * Math.sqrt(n.data("documents"))); } } },
          { selector: "node[?centre]", style: { "border-width": 3, "border-color": "#111" } },
          { selector: "edge", style: {
            "label": "data(label)", "font-size": 8, "color": "#555", "width": 1.5, "line-color": "#bbb",
            "target-arrow-shape": "triangle", "target-arrow-color": "#bbb", "curve-style": "bezier" } }
        ],
        layout: { name: "cose", animate: false, nodeRepulsion: 9000, idealEdgeLength: 90 }
      });
      box.graph = cy;  // the graph, for scripts and the browser tests
      var refit = null;
      window.addEventListener("resize", function () {  // a turned phone: fit the graph to its new box
        clearTimeout(refit);
        refit = setTimeout(function () { cy.resize(); cy.fit(undefined, 30); }, 50);
      });
      cy.on("tap", "node", function (evt) {
        window.location.href = "/entity/" + encodeURIComponent(evt.target.id());
      });
    })
    .catch(function () { box.classList.add("empty"); box.textContent = "The graph could not be loaded."; });
}());
