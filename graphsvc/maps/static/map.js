/* The graphsvc map page: draws the map described by the JSON in #graphsvc-map-data with
   vis-network, at the places computed on the server, physics off.

   For pages that embed the map (same origin):
     window.graphsvcMap       the vis-network Network
     window.graphsvcMapReady  true once the map has been drawn ("graphsvc:ready" fires then)
     window.graphsvcMapInfo   {nodes, edges, kind, title, drawnMs}: what the map holds, and
                              when it was drawn (milliseconds after navigation began)
     "graphsvc:select"        CustomEvent on window when a node is selected; detail: {id, label,
                              kind, kindLabel, sector, sectorLabel, arenas, area, count, ageBand,
                              metrics, notes}
     window.graphsvcSelect(id) selects, centres and describes a node; false if it is not drawn
     window.graphsvcExplore   what the coordinator hides and focuses on: state() gives it as
                              the map's options (hide_sectors, hide_kinds, hide_ties, only_area,
                              focus, focus_steps; defaults left out), shownEdges() the ties
                              drawn, highlighted() the ids lit up by the hovered node
     "graphsvc:explore"       CustomEvent on window when that changes; detail: state()

   Exploring: the legend's entries hide and show sectors, kinds and tie types; an area filter
   and a focus on one actor (1-3 steps out) narrow the map; hovering a node lights it and its
   neighbours. Which nodes are drawn is a vis.DataView over all of them, refreshed, so the
   network is never rebuilt; ties are stroked from the same visibility.

   A difference map (two snapshots compared) also carries data.changes: the ties gained and
   lost are vis-network edges (id "change-<n>", in their class's colour, lost ones dashed, each
   with a tooltip naming its ties), drawn over the faint unchanged ones;
   window.graphsvcMapInfo.changes holds {gained, lost, unchanged}.

   Names are data: they reach the page as JSON strings and are shown as canvas text, as
   textContent, or as vis-network tooltips given as strings (which it shows as text). */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("graphsvc-map-data").textContent);
  var N = data.nodes;
  var words = data.words;
  var count = N.id.length;
  var edgeCount = data.edges.length / 3;
  var ET = data.edgeTies || null;  // each tie's index in data.ties
  var locale = data.lang === "da" ? "da-DK" : "en-GB";
  var GLYPHS = { dot: "\u25CF", square: "\u25A0", triangle: "\u25B2", diamond: "\u25C6",
                 hexagon: "\u2B22", star: "\u2605", triangleDown: "\u25BC" };
  // Fit the whole map, enlarging a small one up to 1.5 times (vis-network stops at 1).
  var WHOLE = { animation: false, maxZoomLevel: 1.5 };
  var index = new Map();
  for (var k = 0; k < count; k++) { index.set(N.id[k], k); }

  function el(tag, text, className) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (className) { e.className = className; }
    return e;
  }

  function number(value, digits) {
    return Number(value).toLocaleString(locale, { maximumFractionDigits: digits || 0 });
  }

  function percent(share) {
    var p = share > 0 && share < 0.005 ? "<1" : String(Math.round(share * 100));
    return data.lang === "da" ? p + " %" : p + "%";
  }

  function detail(i) {
    var kind = data.kinds[N.kind[i]];
    var sector = N.sector[i] >= 0 ? data.sectors[N.sector[i]] : null;
    var metrics = {};
    ["degree", "betweenness", "broker"].forEach(function (m) {
      if (N[m] && N[m][i] !== null && N[m][i] !== undefined) { metrics[m] = N[m][i]; }
    });
    return {
      id: N.id[i], label: N.label[i], kind: kind.code, kindLabel: kind.label,
      sector: sector ? sector.code : null, sectorLabel: sector ? sector.label : null,
      arenas: N.arenas[i].slice(), area: N.area[i] >= 0 ? data.areas[N.area[i]] : null,
      count: N.count[i] || null, ageBand: N.band[i] || null, metrics: metrics,
      notes: (data.notes[String(i)] || []).slice()
    };
  }

  function visNode(i) {
    var kind = data.kinds[N.kind[i]];
    var s = N.sector[i];
    var colour = N.fill[i] || (s >= 0 ? data.sectors[s].colour : data.noSectorColour);
    var mark = N.mark[i] >= 0 ? data.marks[N.mark[i]] : null;
    var size = N.size[i];
    return {
      id: N.id[i], label: N.label[i], x: N.x[i], y: N.y[i], size: size, shape: kind.shape,
      title: N.label[i] + "\n" + kind.label + (s >= 0 ? " \u00B7 " + data.sectors[s].label : ""),
      color: { background: colour, border: mark ? mark.colour : "#ffffff",
               highlight: { background: colour, border: "#000000" },
               hover: { background: colour, border: "#333333" } },
      borderWidth: mark ? mark.width : 1,
      borderWidthSelected: mark ? mark.width + 1 : 3,
      shapeProperties: { borderDashes: mark && mark.dashed ? [6, 4] : false },
      font: { size: baseFont(i) }
    };
  }

  // Labels grow with the node, less than it does, so hubs stay legible without burying
  // their neighbours; highlighted nodes are named large enough to read from afar (not on a
  // difference map, where the lines are what stands out and every partner is named alike).
  function baseFont(i) {
    var size = N.size[i];
    return N.mark[i] >= 0 && !data.changes ? Math.max(20, Math.round(size * 0.6))
                                           : Math.max(12, Math.round(size * 0.5));
  }

  var nodes = new Array(count);
  for (var i = 0; i < count; i++) { nodes[i] = visNode(i); }

  // What is drawn: codes hidden in the legend, the one area shown, the focus and its steps.
  var exploring = Boolean(data.view);  // a difference map has no such controls
  var start = data.view || {};
  var hidden = { sector: new Set(start.hide_sectors || []), kind: new Set(start.hide_kinds || []),
                 tie: new Set(start.hide_ties || []) };
  var onlyArea = start.only_area ? (data.areaIds || []).indexOf(start.only_area) : -1;
  var focusAt = start.focus && index.has(start.focus) ? index.get(start.focus) : -1;
  var focusSteps = start.focus_steps || 1;
  var shown = new Uint8Array(count).fill(1);

  // Ties are drawn straight onto vis-network's canvas, under the nodes, in a few batched
  // paths: as vis-network edges, 25,000 ties would take seconds to set up.
  var E = data.edges;
  var widths = new Float32Array(edgeCount);
  var incident = [];
  for (var n = 0; n < count; n++) { incident.push([]); }
  for (var e = 0; e < edgeCount; e++) {
    widths[e] = Math.round(2 * Math.min(8, 0.5 + Math.log2(1 + E[3 * e + 2]))) / 2;
    incident[E[3 * e]].push(e);
    incident[E[3 * e + 1]].push(e);
  }
  var classes = Array.from(new Set(widths)).sort(function (a, b) { return a - b; });
  var edgeShown = new Uint8Array(edgeCount).fill(1);
  var byClass = [];
  function sortTies() {  // the drawn ties, by width
    byClass = classes.map(function (width) {
      var list = [];
      for (var j = 0; j < edgeCount; j++) { if (widths[j] === width && edgeShown[j]) { list.push(j); } }
      return list;
    });
  }

  function tieShown(e) { return !ET || !hidden.tie.has(data.ties[ET[e]].code); }
  function otherEnd(e, n) { return E[3 * e] === n ? E[3 * e + 1] : E[3 * e]; }
  function drawnTies(n) { return incident[n].filter(function (e) { return edgeShown[e] === 1; }); }

  // Which nodes pass the legend and the area filter; with a focus, only those of them within
  // focusSteps drawn ties of the focused actor (which is always drawn).
  function computeShown() {
    var areaId = onlyArea >= 0 ? data.areaIds[onlyArea] : null;
    var pass = new Uint8Array(count);
    for (var i = 0; i < count; i++) {
      var s = N.sector[i];
      pass[i] = (s < 0 || !hidden.sector.has(data.sectors[s].code)) &&
                !hidden.kind.has(data.kinds[N.kind[i]].code) &&
                (areaId === null || N.area[i] === onlyArea || N.id[i] === areaId) ? 1 : 0;
    }
    if (focusAt >= 0) {
      pass[focusAt] = 1;
      var reached = new Uint8Array(count);
      reached[focusAt] = 1;
      var frontier = [focusAt];
      for (var step = 0; step < focusSteps; step++) {
        var next = [];
        frontier.forEach(function (u) {
          incident[u].forEach(function (e) {
            var v = otherEnd(e, u);
            if (pass[v] && !reached[v] && tieShown(e)) { reached[v] = 1; next.push(v); }
          });
        });
        frontier = next;
      }
      pass = reached;
    }
    shown = pass;
    for (var t = 0; t < edgeCount; t++) {
      edgeShown[t] = shown[E[3 * t]] && shown[E[3 * t + 1]] && tieShown(t) ? 1 : 0;
    }
    sortTies();
  }

  // Ties that changed between two snapshots: few enough to be real edges, with tooltips and
  // readable from vis-network's API; a whole municipality's worth is stroked like the rest.
  var changes = data.changes || null;
  var MAX_CHANGED_EDGES = 3000;
  var changedOnCanvas = changes !== null && changes.edges.length > MAX_CHANGED_EDGES;
  var changedEdges = [];
  if (changes !== null && !changedOnCanvas) {
    var twice = new Set();  // a pair with a tie gained and one lost: bend the lost one aside
    changes.edges.forEach(function (c) { if (c[2] === 0) { twice.add(c[0] + "-" + c[1]); } });
    changedEdges = changes.edges.map(function (c, k) {
      var style = changes.classes[c[2]];
      var bent = c[2] === 1 && twice.has(c[0] + "-" + c[1]);
      return {
        id: "change-" + k, from: N.id[c[0]], to: N.id[c[1]], title: c[3], width: style.width,
        color: { color: style.colour, highlight: style.colour, hover: style.colour, opacity: 1 },
        dashes: style.dashed ? [12, 7] : false, selectionWidth: 2, hoverWidth: 1.5,
        smooth: bent ? { enabled: true, type: "curvedCW", roundness: 0.25 } : false,
        change: style.code
      };
    });
  }

  var nodeSet = new vis.DataSet(nodes);
  var edgeSet = new vis.DataSet(changedEdges);
  var nodeView = new vis.DataView(nodeSet, { filter: function (n) { return shown[index.get(n.id)] === 1; } });
  var edgeView = new vis.DataView(edgeSet, { filter: function (edge) {
    return shown[index.get(edge.from)] === 1 && shown[index.get(edge.to)] === 1;
  } });
  computeShown();
  nodeView.refresh();
  edgeView.refresh();
  var network = new vis.Network(document.getElementById("graphsvc-canvas"), {
    nodes: nodeView, edges: edgeView
  }, {
    autoResize: true,
    physics: false,
    layout: { improvedLayout: false },
    interaction: { hover: true, tooltipDelay: 150,
                   keyboard: { enabled: true, bindToWindow: false }, multiselect: false },
    nodes: { font: { face: "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif",
                     color: "#1a1a1a", strokeWidth: 3, strokeColor: "#ffffff" },
             scaling: { label: { drawThreshold: 6 } } }
  });
  var placed = [];  // vis-network's node of each drawn node (undefined when hidden)
  function findPlaced() { placed = N.id.map(function (id) { return network.body.nodes[id]; }); }
  findPlaced();
  var density = Math.min(1, Math.sqrt(2000 / Math.max(edgeCount, 1)));
  var chosen = -1;

  function stroke(ctx, list, width, colour) {
    ctx.beginPath();
    for (var j = 0; j < list.length; j++) {
      var a = placed[E[3 * list[j]]], b = placed[E[3 * list[j] + 1]];
      if (!a || !b) { continue; }  // drawn while the views refresh, before placed follows
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x, b.y);
    }
    ctx.lineWidth = width;
    ctx.strokeStyle = colour;
    ctx.stroke();
  }

  function strokeChanges(ctx) {
    changes.classes.forEach(function (style, c) {
      ctx.beginPath();
      changes.edges.forEach(function (e) {
        var a = placed[e[0]], b = placed[e[1]];
        if (e[2] !== c || !a || !b || !shown[e[0]] || !shown[e[1]]) { return; }
        ctx.moveTo(a.x, a.y);
        ctx.lineTo(b.x, b.y);
      });
      ctx.setLineDash(style.dashed ? [12, 7] : []);
      ctx.lineWidth = style.width;
      ctx.strokeStyle = style.colour;
      ctx.stroke();
    });
    ctx.setLineDash([]);
  }

  network.on("beforeDrawing", function (ctx) {
    ctx.save();
    // Thousands of ties seen from afar paint a grey mass: fainter the more there are, and
    // stronger again as one zooms in.
    ctx.globalAlpha = Math.min(0.55, Math.max(0.12, 0.55 * density * Math.max(1, 3 * network.getScale())));
    classes.forEach(function (width, c) { stroke(ctx, byClass[c], width, data.edgeColour); });
    if (changedOnCanvas) {
      ctx.globalAlpha = 0.9;
      strokeChanges(ctx);
    }
    if (chosen >= 0) {
      ctx.globalAlpha = 0.9;
      stroke(ctx, drawnTies(chosen), 2 / Math.max(network.getScale(), 0.2), "#1a1a1a");
    }
    ctx.restore();
  });
  // Changed ties keep their width on the screen however far out one zooms (vis-network scales
  // an edge with the map, and a municipality seen whole would thin them to hairlines).
  var widthScale = 0;
  function keepLineWidths() {
    var factor = Math.min(4, Math.max(1, 1 / Math.max(network.getScale(), 0.01)));
    if (!changedEdges.length || Math.abs(factor - widthScale) < 0.05) { return; }
    widthScale = factor;
    edgeSet.update(changedEdges.map(function (edge) {
      return { id: edge.id, width: edge.width * factor };
    }));
  }
  network.on("zoom", function () { window.requestAnimationFrame(keepLineWidths); });

  // Which names are drawn, and where. Most important first: highlighted nodes, then the
  // largest. Each is at least MIN_LABEL_PX high on the screen whatever the zoom (readable on a
  // projector from the back of a council chamber); one that would overlap a name already
  // placed tries above its node instead, and otherwise is left out until one zooms in. A
  // highlighted node is always named, where it overlaps least.
  var MIN_LABEL_PX = 14;
  var MAX_LABELS = 400;  // names considered at once: beyond that a screen holds no more anyway
  var FACE = "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif";
  var priority = N.id.map(function (_, i) { return i; }).sort(function (a, b) {
    return (N.mark[b] >= 0 ? 1 : 0) - (N.mark[a] >= 0 ? 1 : 0) || N.size[b] - N.size[a] || a - b;
  });
  var measure = document.createElement("canvas").getContext("2d");
  var labelState = new Array(count).fill("?");  // what each node's label is set to now

  function overlapArea(a, b) {
    var w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    var h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    return w > 0 && h > 0 ? w * h : 0;
  }

  function placeLabels() {
    var scale = network.getScale();
    var canvas = document.getElementById("graphsvc-canvas");
    var corner = network.DOMtoCanvas({ x: 0, y: 0 });
    var far = network.DOMtoCanvas({ x: canvas.clientWidth, y: canvas.clientHeight });
    var taken = [];
    var considered = 0;
    var updates = [];
    for (var r = 0; r < count; r++) {
      var i = priority[r];
      var text = N.label[i];
      var marked = N.mark[i] >= 0;
      var at = placed[i];
      var state = "";
      var drawn = shown[i] === 1 && at !== undefined;  // a node not drawn needs no name
      var onScreen = drawn && at.x >= corner.x && at.x <= far.x && at.y >= corner.y && at.y <= far.y;
      if (text && drawn && (marked || (onScreen && considered < MAX_LABELS))) {
        if (!marked) { considered += 1; }
        var font = Math.max(baseFont(i), MIN_LABEL_PX / scale);
        measure.font = font + "px " + FACE;
        var half = measure.measureText(text).width / 2 + 2 / scale;
        var height = font * 1.2;
        var below = at.y + N.size[i] + 4;
        var gap = 2 / scale;
        var candidates = [
          { vadjust: 0, box: { left: at.x - half, right: at.x + half, top: below - gap, bottom: below + height + gap } },
          { vadjust: -(2 * N.size[i] + height + 8), box: { left: at.x - half, right: at.x + half,
            top: at.y - N.size[i] - 4 - height - gap, bottom: at.y - N.size[i] - 4 + gap } }
        ];
        var best = null, least = Infinity;
        for (var c = 0; c < candidates.length && least > 0; c++) {
          var sum = 0;
          for (var t = 0; t < taken.length; t++) { sum += overlapArea(candidates[c].box, taken[t]); }
          if (sum < least) { least = sum; best = candidates[c]; }
        }
        if (least === 0 || marked) {
          taken.push(best.box);
          state = Math.round(font * 10) / 10 + "/" + Math.round(best.vadjust);
        }
      }
      if (state !== labelState[i]) {
        labelState[i] = state;
        if (state) {
          var parts = state.split("/");
          updates.push({ id: N.id[i], label: text,
                         font: { size: Number(parts[0]), vadjust: Number(parts[1]) } });
        } else {
          updates.push({ id: N.id[i], label: "" });
        }
      }
    }
    if (updates.length) {
      checkPending = true;
      checkRounds = 0;
      movedOnce = new Set();
      nodeSet.update(updates);
    }
  }

  // The boxes above are estimates; once vis-network has drawn the names it knows their real
  // boxes. Any name that still overlaps one placed before it goes (a highlighted one stays).
  var checkPending = false;
  function checkLabels() {
    checkPending = false;
    var kept = [];
    var hide = [];
    for (var r = 0; r < count; r++) {
      var i = priority[r];
      if (!labelState[i] || !placed[i]) { continue; }
      var s = placed[i].labelModule.size;
      var box = { left: s.left, right: s.left + s.width, top: s.top, bottom: s.top + s.height };
      var clash = kept.some(function (other) { return overlapArea(box, other) > 0; });
      if (clash && N.mark[i] >= 0 && !movedOnce.has(i)) {
        // A highlighted name moves to the other side of its node if it is free there.
        var parts = labelState[i].split("/");
        var above = Number(parts[1]) === 0;
        var move = (above ? -1 : 1) * (2 * N.size[i] + s.height + 8);
        var moved = { left: box.left, right: box.right, top: box.top + move, bottom: box.bottom + move };
        if (!kept.some(function (other) { return overlapArea(moved, other) > 0; })) {
          var vadjust = above ? move : 0;
          labelState[i] = parts[0] + "/" + Math.round(vadjust);
          hide.push({ id: N.id[i], font: { size: Number(parts[0]), vadjust: Math.round(vadjust) } });
          box = moved;
          movedOnce.add(i);
        }
        kept.push(box);
      } else if (clash && N.mark[i] >= 0) {
        kept.push(box);
      } else if (clash) {
        labelState[i] = "";
        hide.push({ id: N.id[i], label: "" });
      } else {
        kept.push(box);
      }
    }
    if (hide.length) {
      // Moved names are checked again once drawn where they went (a few rounds at most).
      checkRounds += 1;
      checkPending = checkRounds < 6;
      nodeSet.update(hide);
    }
  }
  var checkRounds = 0;
  var movedOnce = new Set();
  network.on("afterDrawing", function () { if (checkPending) { checkLabels(); } });
  var labelTimer = 0;
  function placeLabelsSoon() {
    window.clearTimeout(labelTimer);
    labelTimer = window.setTimeout(placeLabels, 120);
  }
  network.on("zoom", placeLabelsSoon);
  network.on("dragEnd", placeLabelsSoon);
  window.graphsvcMap = network;
  window.graphsvcMapInfo = { nodes: count, edges: edgeCount, kind: data.kind, title: data.title };
  if (changes !== null) { window.graphsvcMapInfo.changes = changes.counts; }
  network.fit(WHOLE);
  keepLineWidths();
  placeLabels();
  network.once("afterDrawing", function () {
    window.graphsvcMapInfo.drawnMs = Math.round(performance.now());  // since navigation began
    window.graphsvcMapReady = true;
    document.documentElement.setAttribute("data-graphsvc-ready", "true");
    window.dispatchEvent(new CustomEvent("graphsvc:ready", { detail: window.graphsvcMapInfo }));
  });

  var details = document.getElementById("graphsvc-details");

  function hideDetails() {
    chosen = -1;
    details.hidden = true;
    details.replaceChildren();
  }

  function showDetails(i) {
    var d = detail(i);
    var close = el("button", words.close, "graphsvc-close");
    close.type = "button";
    close.addEventListener("click", function () { network.unselectAll(); hideDetails(); });
    var dl = el("dl");
    function row(term, value) {
      if (value === null || value === undefined || value === "") { return; }
      dl.append(el("dt", term), el("dd", value));
    }
    row(words.kind, d.kindLabel);
    row(words.sector, d.sectorLabel);
    row(words.arenas, d.arenas.join(", "));
    row(words.area, d.area);
    if (d.count) { row(words.count, number(d.count)); }
    row(words.age_band, d.ageBand);
    if ("degree" in d.metrics) { row(words.degree, number(d.metrics.degree)); }
    if ("betweenness" in d.metrics) { row(words.betweenness, number(d.metrics.betweenness, 3)); }
    if ("broker" in d.metrics) { row(words.broker, percent(d.metrics.broker)); }
    details.replaceChildren(close, el("h2", d.label), dl);
    if (exploring && focusable(i) && focusAt !== i) {
      var here = el("button", words.focus_here, "graphsvc-focus-here");
      here.type = "button";
      here.addEventListener("click", function () { explore.focus(d.id, stepsSelect.value); });
      details.append(here);
    }
    if (d.notes.length) {
      var list = el("ul");
      d.notes.forEach(function (text) { list.append(el("li", text, "note")); });
      details.append(list);
    }
    details.hidden = false;
    return d;
  }

  function selected(i) {
    chosen = i;
    network.redraw();
    var d = showDetails(i);
    window.dispatchEvent(new CustomEvent("graphsvc:select", { detail: d }));
  }

  network.on("selectNode", function (params) { selected(index.get(params.nodes[0])); });
  network.on("deselectNode", function (params) { if (!params.nodes.length) { hideDetails(); } });

  window.graphsvcSelect = function (id) {
    var i = index.get(id);
    if (i === undefined || !shown[i]) { return false; }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 0.8), animation: false });
    placeLabels();
    selected(i);
    return true;
  };

  // Search by name: Enter goes to the next match.
  var input = document.getElementById("graphsvc-search-input");
  var result = document.getElementById("graphsvc-search-result");
  var lastQuery = null;
  var hits = [];
  var hit = 0;
  document.getElementById("graphsvc-search-label").textContent = words.search;
  document.getElementById("graphsvc-search").addEventListener("submit", function (event) {
    event.preventDefault();
    var query = input.value.trim().toLocaleLowerCase(locale);
    if (!query) { return; }
    if (query !== lastQuery) {
      lastQuery = query;
      hits = [];
      for (var j = 0; j < count; j++) {
        if (shown[j] && N.label[j].toLocaleLowerCase(locale).indexOf(query) >= 0) { hits.push(j); }
      }
      hit = 0;
    } else {
      hit = hits.length ? (hit + 1) % hits.length : 0;
    }
    if (!hits.length) { result.textContent = words.search_none; return; }
    result.textContent = (hit + 1) + " / " + hits.length;
    window.graphsvcSelect(N.id[hits[hit]]);
  });
  var fit = document.getElementById("graphsvc-fit");
  fit.textContent = "\u2922";
  fit.title = words.fit;
  fit.setAttribute("aria-label", fit.title);
  fit.addEventListener("click", function () { network.fit(WHOLE); keepLineWidths(); placeLabels(); });

  document.getElementById("graphsvc-summary").textContent = words.summary;

  // Hovering a node lights it, its drawn ties and its neighbours, and fades the rest: a veil
  // over the canvas with those few drawn again on top (cheaper than restyling every node).
  var hovered = -1;
  var near = [];
  var canvasBox = document.getElementById("graphsvc-canvas");
  network.on("hoverNode", function (params) {
    var i = index.get(params.node);
    if (i === undefined || !shown[i]) { return; }
    hovered = i;
    near = drawnTies(i).map(function (e) { return otherEnd(e, i); });
    network.redraw();
  });
  network.on("blurNode", function () { hovered = -1; near = []; network.redraw(); });
  network.on("afterDrawing", function (ctx) {
    if (hovered < 0) { return; }
    var scale = network.getScale();
    var a = network.DOMtoCanvas({ x: 0, y: 0 });
    var b = network.DOMtoCanvas({ x: canvasBox.clientWidth, y: canvasBox.clientHeight });
    ctx.save();
    ctx.fillStyle = "rgba(255, 255, 255, 0.78)";
    ctx.fillRect(a.x, a.y, b.x - a.x, b.y - a.y);
    ctx.globalAlpha = 0.9;
    stroke(ctx, drawnTies(hovered), 2 / Math.max(scale, 0.2), "#1a1a1a");
    ctx.restore();
    var lit = near.concat([hovered]).filter(function (j) { return placed[j]; });
    var named = lit.filter(function (j) { return labelState[j]; }).map(function (j) {
      var size = placed[j].labelModule.size;
      return { left: size.left, right: size.left + size.width, top: size.top, bottom: size.top + size.height };
    });
    lit.forEach(function (j) {
      var node = placed[j];
      var drawn = node.draw(ctx);
      if (drawn && drawn.drawExternalLabel) { drawn.drawExternalLabel(); }
      if (!labelState[j] && N.label[j]) {  // a neighbour whose name was left out: name it if it fits
        var font = MIN_LABEL_PX / scale;
        measure.font = font + "px " + FACE;
        var half = measure.measureText(N.label[j]).width / 2;
        var top = node.y + N.size[j] + 4;
        var box = { left: node.x - half, right: node.x + half, top: top, bottom: top + font * 1.2 };
        if (named.some(function (other) { return overlapArea(box, other) > 0; })) { return; }
        named.push(box);
        ctx.save();
        ctx.font = font + "px " + FACE;
        ctx.textAlign = "center";
        ctx.textBaseline = "top";
        ctx.lineWidth = 3 / scale;
        ctx.strokeStyle = "#ffffff";
        ctx.fillStyle = "#1a1a1a";
        ctx.strokeText(N.label[j], node.x, node.y + N.size[j] + 4);
        ctx.fillText(N.label[j], node.x, node.y + N.size[j] + 4);
        ctx.restore();
      }
    });
  });

  // After the legend, the area filter or the focus changed: the views are refreshed (vis-network
  // adds and removes the nodes they let through), the ties and names follow.
  function apply(announce) {
    computeShown();
    nodeView.refresh();
    edgeView.refresh();
    findPlaced();
    hovered = -1;
    near = [];
    if (chosen >= 0 && !shown[chosen]) { network.unselectAll(); hideDetails(); }
    if (focusAt >= 0) { network.fit({ nodes: nodeView.getIds(), animation: false, maxZoomLevel: 1.5 }); }
    placeLabels();
    network.redraw();
    showState();
    if (announce) {
      window.dispatchEvent(new CustomEvent("graphsvc:explore", { detail: explore.state() }));
    }
  }

  var explore = window.graphsvcExplore = {
    state: function () {
      var p = {};
      var listed = function (set, all) {
        return all.filter(function (code) { return set.has(code); })
          .concat(Array.from(set).filter(function (code) { return all.indexOf(code) < 0; })).join(",");
      };
      if (hidden.sector.size) { p.hide_sectors = listed(hidden.sector, data.sectors.map(function (x) { return x.code; })); }
      if (hidden.kind.size) { p.hide_kinds = listed(hidden.kind, data.kinds.map(function (x) { return x.code; })); }
      if (hidden.tie.size) { p.hide_ties = listed(hidden.tie, (data.ties || []).map(function (x) { return x.code; })); }
      if (onlyArea >= 0) { p.only_area = data.areaIds[onlyArea]; }
      if (focusAt >= 0) {
        p.focus = N.id[focusAt];
        if (focusSteps !== 1) { p.focus_steps = String(focusSteps); }
      }
      return p;
    },
    shownEdges: function () { return edgeShown.reduce(function (sum, v) { return sum + v; }, 0); },
    highlighted: function () {
      return hovered < 0 ? [] : [N.id[hovered]].concat(near.map(function (j) { return N.id[j]; }));
    },
    focus: function (id, steps) {
      var i = index.get(id);
      if (i === undefined || !focusable(i)) { return false; }
      focusAt = i;
      focusSteps = Math.min(3, Math.max(1, Number(steps) || focusSteps));
      apply(true);
      return true;
    },
    wholeMap: function () {
      if (focusAt < 0) { return; }
      focusAt = -1;
      apply(true);
      network.fit(WHOLE);
      placeLabels();
    }
  };

  // Actors can be focused on; a group of young people (or one young person) cannot.
  function focusable(i) {
    return data.kinds[N.kind[i]].focusable;
  }

  // The legend: colours, shapes, highlights, and what size shows. Sectors, kinds and tie types
  // are toggle buttons (click, Enter or Space): pressed while drawn.
  var legend = document.getElementById("graphsvc-legend");
  var toggles = [];
  function section(title, items) {
    if (!items.length) { return; }
    var list = el("ul");
    items.forEach(function (item) { list.append(item); });
    legend.append(el("h2", title), list);
  }
  function entry(group, code, sign, text) {
    var li = el("li");
    if (!exploring) {
      li.append(sign, document.createTextNode(text));
      return li;
    }
    var button = el("button", null, "graphsvc-toggle");
    button.type = "button";
    button.dataset.group = group;
    button.dataset.code = code;
    button.append(sign, el("span", text));
    button.addEventListener("click", function () {
      if (hidden[group].has(code)) { hidden[group].delete(code); } else { hidden[group].add(code); }
      apply(true);
    });
    toggles.push(button);
    li.append(button);
    return li;
  }
  if (exploring) {
    var reset = el("button", words.show_all, "graphsvc-reset");
    reset.type = "button";
    reset.id = "graphsvc-show-all";
    reset.addEventListener("click", function () {
      hidden.sector.clear();
      hidden.kind.clear();
      hidden.tie.clear();
      onlyArea = -1;
      focusAt = -1;
      apply(true);
      network.fit(WHOLE);
      placeLabels();
    });
    legend.append(el("p", words.legend_toggle, "graphsvc-hint"), reset);
  }
  section(words.sector, data.sectors.map(function (s) {
    var swatch = el("span", null, "graphsvc-swatch");
    swatch.style.background = s.colour;
    return entry("sector", s.code, swatch, s.label);
  }));
  section(words.kind, data.kinds.map(function (kind) {
    return entry("kind", kind.code, el("span", GLYPHS[kind.shape] || GLYPHS.dot, "graphsvc-glyph"), kind.label);
  }));
  if (exploring && data.ties.length) {
    section(words.ties, data.ties.map(function (tie) {
      var swatch = el("span", null, "graphsvc-line");
      swatch.style.borderTop = "2px solid " + data.edgeColour;
      return entry("tie", tie.code, swatch, tie.label);
    }));
  }
  section(words.highlights, data.marks.map(function (mark) {
    var swatch = el("span", null, "graphsvc-mark");
    swatch.style.border = Math.min(3, mark.width) + "px " + (mark.dashed ? "dashed " : "solid ") + mark.colour;
    var li = el("li");
    li.append(swatch, document.createTextNode(mark.label));
    return li;
  }));
  if (changes !== null) {
    section(changes.heading, changes.classes.map(function (style) {
      var swatch = el("span", null, "graphsvc-line");
      swatch.style.borderTop = Math.min(4, Math.max(2, style.width)) + "px " +
        (style.dashed ? "dashed " : "solid ") + style.colour;
      var li = el("li");
      li.append(swatch, document.createTextNode(style.label));
      return li;
    }));
  }
  data.legend.forEach(function (line) { legend.append(el("p", line)); });
  // What the size measure and the highlights mean, in the glossary's words: an exported or
  // shared map has no way back to the glossary page.
  if (data.terms && data.terms.items.length) {
    var terms = el("details", null, "graphsvc-terms");
    var termList = el("dl");
    data.terms.items.forEach(function (item) { termList.append(el("dt", item.term), el("dd", item.text)); });
    terms.append(el("summary", data.terms.heading), termList);
    legend.append(terms);
  }

  // The area filter and the focus, above the legend.
  var panel = document.getElementById("graphsvc-explore");
  var areaSelect = null, focusInput = null, focusList = null, stepsSelect = null;
  var focusStatus = el("p", null, "graphsvc-focus-status");
  var wholeButton = el("button", words.focus_clear);
  var shownLine = el("p", null, "graphsvc-shown");
  function labelled(id, text, control) {
    var label = el("label", text);
    label.htmlFor = id;
    control.id = id;
    return [label, control];
  }
  function option(value, text) {
    var o = el("option", text);
    o.value = value;
    return o;
  }
  // The actors one can focus on, by name; the list shows those whose name holds the search.
  var focusChoices = N.id.map(function (_, i) { return i; }).filter(focusable).sort(function (a, b) {
    return N.label[a].localeCompare(N.label[b], locale, { numeric: true });  // "2." before "10."
  });
  function fillFocusList() {
    var query = focusInput.value.trim().toLocaleLowerCase(locale);
    var items = focusChoices.filter(function (i) {
      return !query || N.label[i].toLocaleLowerCase(locale).indexOf(query) >= 0;
    }).map(function (i) { return option(N.id[i], N.label[i]); });
    focusList.replaceChildren.apply(focusList, items);
    if (items.length) { focusList.selectedIndex = 0; }
  }
  if (exploring) {
    panel.hidden = false;
    if (data.areaIds.length > 1 || onlyArea >= 0) {
      areaSelect = el("select");
      areaSelect.append(option("", words.all_areas));
      data.areaIds.forEach(function (id, a) { areaSelect.append(option(id, data.areas[a])); });
      areaSelect.addEventListener("change", function () {
        onlyArea = areaSelect.value ? data.areaIds.indexOf(areaSelect.value) : -1;
        apply(true);
      });
      var areaBox = el("div", null, "graphsvc-field");
      areaBox.append.apply(areaBox, labelled("graphsvc-area", words.only_area, areaSelect));
      panel.append(areaBox);
    }
    var focusBox = el("div", null, "graphsvc-field");
    focusInput = el("input");
    focusInput.type = "search";
    focusInput.autocomplete = "off";
    focusList = el("select");
    focusList.size = 4;
    focusList.setAttribute("aria-label", words.focus);
    stepsSelect = el("select");
    [1, 2, 3].forEach(function (n) { stepsSelect.append(option(String(n), String(n))); });
    stepsSelect.value = String(focusSteps);
    var go = el("button", words.focus_go);
    go.type = "button";
    go.id = "graphsvc-focus-go";
    wholeButton.type = "button";
    wholeButton.id = "graphsvc-whole-map";
    wholeButton.addEventListener("click", function () { explore.wholeMap(); });
    go.addEventListener("click", function () {
      if (focusList.value) { explore.focus(focusList.value, stepsSelect.value); }
    });
    focusInput.addEventListener("input", fillFocusList);
    focusInput.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); go.click(); }
      if (event.key === "ArrowDown") { event.preventDefault(); focusList.focus(); }
    });
    focusList.addEventListener("dblclick", function () { go.click(); });
    focusList.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); go.click(); }
    });
    stepsSelect.addEventListener("change", function () {
      if (focusAt >= 0) { explore.focus(N.id[focusAt], stepsSelect.value); }
    });
    var row = el("div", null, "graphsvc-row");
    row.append.apply(row, labelled("graphsvc-focus-steps", words.focus_steps, stepsSelect).concat([go]));
    focusBox.append(el("h2", words.focus));
    focusBox.append.apply(focusBox, labelled("graphsvc-focus-input", words.focus_pick, focusInput));
    focusBox.append(focusList, row, focusStatus, wholeButton);
    focusList.id = "graphsvc-focus-list";
    panel.append(focusBox, shownLine);
    fillFocusList();
    // Double-click a node to focus on it; Escape goes back to the whole map.
    network.on("doubleClick", function (params) {
      if (params.nodes.length) { explore.focus(params.nodes[0], stepsSelect.value); }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && focusAt >= 0) { explore.wholeMap(); }
    });
  }

  // The controls say what is drawn now.
  function showState() {
    if (!exploring) { return; }
    toggles.forEach(function (button) {
      var off = hidden[button.dataset.group].has(button.dataset.code);
      button.setAttribute("aria-pressed", off ? "false" : "true");
      button.classList.toggle("is-off", off);
    });
    if (areaSelect) { areaSelect.value = onlyArea >= 0 ? data.areaIds[onlyArea] : ""; }
    stepsSelect.value = String(focusSteps);
    focusStatus.textContent = focusAt >= 0
      ? words.focus_on.replace("{name}", N.label[focusAt]).replace("{steps}", String(focusSteps)) : "";
    focusStatus.hidden = wholeButton.hidden = focusAt < 0;
    var drawn = shown.reduce(function (sum, v) { return sum + v; }, 0);
    shownLine.textContent = drawn < count
      ? words.shown.replace("{nodes}", number(drawn)).replace("{total}", number(count)) : "";
  }
  showState();
  if (focusAt >= 0) { network.fit({ nodes: nodeView.getIds(), animation: false, maxZoomLevel: 1.5 }); placeLabels(); }
})();
