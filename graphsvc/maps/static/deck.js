/* The graphsvc deck: maps shown one step at a time (see graphsvc/maps/deck.py).

   For tests and embedding pages (same origin):
     window.graphsvcDeck  {step, total, go(n), frame(n)}: the step shown (0-based), how many
                          there are, show step n, and the iframe of step n (null until shown)
     "graphsvc:step"      CustomEvent on window when a step is shown; detail: {step, total}

   Headings, texts and measures are data: they are shown with textContent only. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("deck-data").textContent);
  var visCss = document.getElementById("deck-vis-css").textContent;
  var visJs = document.getElementById("deck-vis-js").textContent;
  var words = data.words;
  var deck = document.getElementById("deck");
  var total = data.steps.length;
  var slides = [];
  var frames = [];
  var current = -1;

  function el(tag, text, className) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (className) { e.className = className; }
    return e;
  }

  function counter(n) {
    return words.step.replace("{n}", String(n + 1)).replace("{total}", String(total));
  }

  data.steps.forEach(function (step, n) {
    var slide = el("section", null, "deck-slide");
    slide.setAttribute("aria-roledescription", words.steps);
    slide.setAttribute("aria-label", counter(n));
    slide.hidden = true;
    var head = el("header", null, "deck-head");
    var words_ = el("div", null, "deck-words");
    words_.append(el("p", counter(n), "deck-counter"), el("h1", step.heading, "deck-heading"));
    if (step.text) { words_.append(el("p", step.text, "deck-text")); }
    head.append(words_);
    if (step.measures.length) {
      var list = el("dl", null, "deck-measures");
      step.measures.forEach(function (m) {
        var item = el("div", null, "deck-measure");
        item.append(el("dt", m[0]), el("dd", m[1]));
        list.append(item);
      });
      head.append(list);
    }
    var stage = el("div", null, "deck-stage");
    if (!step.page) {
      var missing = el("div", null, "deck-missing");
      missing.append(el("h2", words.no_map), el("p", step.problem || ""));
      stage.append(missing);
    }
    slide.append(head, stage);
    deck.append(slide);
    slides.push(slide);
    frames.push(null);
  });

  var nav = el("nav", null, "deck-nav");
  var back = el("button", "\u2190 " + words.previous);
  var forward = el("button", words.next + " \u2192");
  var full = el("button", words.fullscreen);
  var help = el("span", words.keys, "deck-keys");
  [back, forward, full].forEach(function (b) { b.type = "button"; });
  back.id = "deck-previous";
  forward.id = "deck-next";
  full.id = "deck-fullscreen";
  nav.setAttribute("aria-label", words.steps);
  nav.append(help, back, forward, full);
  document.body.append(nav);

  /* A step's map page: its own text around the one copy of vis-network this file holds. */
  function frameFor(n) {
    if (frames[n] || !data.steps[n].page) { return frames[n]; }
    var parts = data.steps[n].page;
    var frame = document.createElement("iframe");
    frame.className = "deck-map";
    frame.title = data.steps[n].heading;
    frame.name = "deck-step-" + n;
    frame.addEventListener("load", function () { listenIn(frame); });
    frame.srcdoc = parts[0] + "<style>" + visCss + "</style>" + parts[1] + "<script>" + visJs + "<\/script>" + parts[2];
    slides[n].querySelector(".deck-stage").append(frame);
    frames[n] = frame;
    return frame;
  }

  function go(n) {
    n = Math.max(0, Math.min(total - 1, n));
    if (n === current) { return; }
    var hadFocus = current >= 0 && slides[current].contains(document.activeElement);
    if (current >= 0) { slides[current].hidden = true; }
    current = n;
    slides[n].hidden = false;
    frameFor(n);
    back.disabled = n === 0;
    forward.disabled = n === total - 1;
    document.title = data.title + " \u2013 " + counter(n);
    window.graphsvcDeck.step = n;
    if (hadFocus) { deck.focus(); }
    window.dispatchEvent(new CustomEvent("graphsvc:step", { detail: { step: n, total: total } }));
  }

  function toggleFullscreen() {
    if (document.fullscreenElement) { document.exitFullscreen(); }
    else if (document.documentElement.requestFullscreen) { document.documentElement.requestFullscreen(); }
  }

  var KEYS = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, " ": 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 };

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  /* Keys that step: the same in the deck and inside a map (not while typing in its search). */
  function onKey(event, fromMap) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) { return; }
    if (event.key === " " && event.target && event.target.tagName === "BUTTON") { return; }
    var handled = true;
    if (KEYS[event.key]) { go(current + KEYS[event.key]); }
    else if (event.key === "Home") { go(0); }
    else if (event.key === "End") { go(total - 1); }
    else if (event.key === "f" || event.key === "F") { toggleFullscreen(); }
    else if (event.key === "Escape" && !fromMap) {
      if (document.fullscreenElement) { document.exitFullscreen(); }
      else if (data.leave) { window.location.assign(data.leave); }
      else { handled = false; }
    } else { handled = false; }
    if (handled) { event.preventDefault(); }
  }

  function listenIn(frame) {
    try {
      frame.contentWindow.document.addEventListener("keydown", function (event) { onKey(event, true); });
    } catch (e) { /* a frame of another origin keeps its keys */ }
  }

  document.addEventListener("keydown", function (event) { onKey(event, false); });
  back.addEventListener("click", function () { go(current - 1); });
  forward.addEventListener("click", function () { go(current + 1); });
  full.addEventListener("click", toggleFullscreen);
  deck.tabIndex = -1;

  window.graphsvcDeck = { step: 0, total: total, go: go, frame: function (n) { return frames[n]; } };
  var start = Number((window.location.hash.match(/^#(\d+)$/) || [])[1] || 1) - 1;
  go(isFinite(start) ? start : 0);
})();
