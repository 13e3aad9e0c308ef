/* global window, document, DOMPoint */
/**
 * Runs in headless Chromium after mermaid.min.js: renders one Mermaid source to SVG and reports
 * its natural size and every label that cannot be read: two edge labels on top of each other, an
 * edge label on a box, or another arrow running through an edge label (how "= Invalid" hid under
 * the "= LockedOut" arrow of the auth module). Boxes are getBBox() mapped into the drawing's own
 * coordinates, so the answer does not depend on how large the page shows the SVG.
 */
(function () {
  "use strict";
  /** An arrow may graze a label's corner; this much of it inside the label hides text. */
  const CROSSING_PX = 8;
  let count = 0;

  function boxIn(root, element) {
    const b = element.getBBox();
    const m = root.getScreenCTM().inverse().multiply(element.getScreenCTM());
    const a = new DOMPoint(b.x, b.y).matrixTransform(m);
    const c = new DOMPoint(b.x + b.width, b.y + b.height).matrixTransform(m);
    return { x: Math.min(a.x, c.x), y: Math.min(a.y, c.y), w: Math.abs(c.x - a.x), h: Math.abs(c.y - a.y) };
  }

  const intersects = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  const inside = (p, b) => p.x > b.x && p.x < b.x + b.w && p.y > b.y && p.y < b.y + b.h;
  const text = (element) => (element.textContent || "").replace(/\s+/g, " ").trim();

  window.diagramLayout = async function diagramLayout(source) {
    const id = `diagram${++count}`;
    const { svg } = await window.mermaid.render(id, source);
    const host = document.createElement("div");
    host.innerHTML = svg;
    document.body.appendChild(host);
    try {
      const root = host.querySelector("svg");
      const labels = [...root.querySelectorAll("g.edgeLabel g.label[data-id]")]
        .map((l) => ({ edge: l.getAttribute("data-id"), text: text(l), box: boxIn(root, l) }))
        .filter((l) => l.box.w > 0 && l.text !== "");
      const nodes = [...root.querySelectorAll("g.node")].map((n) => ({ text: text(n), box: boxIn(root, n) }));
      const problems = [];
      labels.forEach((a, i) => {
        for (const b of labels.slice(i + 1))
          if (intersects(a.box, b.box)) problems.push(`label "${a.text}" overlaps label "${b.text}"`);
        for (const n of nodes)
          if (intersects(a.box, n.box)) problems.push(`label "${a.text}" overlaps box "${n.text}"`);
      });
      const arrows = [...root.querySelectorAll("g.edgePaths path[data-id]")];
      for (const path of arrows) {
        const edge = path.getAttribute("data-id");
        const m = root.getScreenCTM().inverse().multiply(path.getScreenCTM());
        const length = path.getTotalLength();
        const points = [];
        for (let s = 0; s <= length; s += 2) points.push(path.getPointAtLength(s).matrixTransform(m));
        const own = labels.find((l) => l.edge === edge);
        for (const label of labels) {
          if (label.edge === edge) continue;
          const through = points.filter((p) => inside(p, label.box)).length * 2;
          if (through > CROSSING_PX)
            problems.push(
              `the arrow ${own ? `"${own.text}" ` : ""}(${edge}) runs ${through} px through label "${label.text}"`,
            );
        }
      }
      const viewBox = root.viewBox.baseVal;
      return { width: viewBox.width, height: viewBox.height, labels: labels.length, problems };
    } finally {
      host.remove();
      // mermaid leaves a scratch element per render when it fails; keep the page clean either way.
      document.getElementById(`d${id}`)?.remove();
    }
  };
})();
