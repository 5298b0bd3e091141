// The interactive network of /view: vis-network over the elements of /view/data, with a
// map (map.js) and a timeline (vis-timeline) of the incidents whose brushes filter it.
// Every text from the data goes into the page through textContent, never as HTML.
(function () {
  "use strict";

  const $ = (id) => document.getElementById(id);
  const state = { visibleNodes: new Set(), visibleEdges: new Set() };
  let resolveReady;
  const ready = new Promise((resolve) => { resolveReady = resolve; });

  function element(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (key === "class") node.className = value;
      else if (key === "style") Object.assign(node.style, value);
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  function setStatus(text, failed) {
    $("status").textContent = text;
    if (failed) document.body.dataset.state = "error";
  }

  function toVisNode(data, style) {
    const incident = data.kind === "incident";
    const colour = incident ? style.incident : (style.types[data.type] || "#999999");
    return {
      id: data.id,
      label: data.label,
      title: `${data.label}\n${data.type}${data.date ? " · " + data.date : ""}`,
      shape: incident ? "diamond" : "dot",
      size: 10 + 3 * Math.min(data.degree ? Math.round(data.degree * 20) : 0, 8),
      color: { background: colour, border: "#ffffff",
               highlight: { background: colour, border: "#222222" },
               hover: { background: colour, border: "#555555" } },
      kg: data,
    };
  }

  function toVisEdge(data, style) {
    const colour = style.certainties[data.certainty] || "#000000";
    return {
      id: data.id,
      from: data.source,
      to: data.target,
      label: data.predicate,
      title: `${data.predicate} · ${data.certainty} · ${data.evidence_count} claim(s)`,
      dashes: data.certainty !== "asserted",
      width: 1 + Math.min(Math.log2(data.evidence_count || 1), 3),
      color: { color: colour, highlight: colour, hover: colour },
      kg: data,
    };
  }

  function checkbox(container, value, text, swatch, count) {
    const input = element("input", { type: "checkbox", value: value });
    input.checked = true;
    input.addEventListener("change", applyFilters);
    container.append(element("label", {}, input, " ", swatch, text, " ",
      element("span", { class: "count" }, `(${count})`)));
  }

  function checked(containerId) {
    const values = new Set();
    for (const input of $(containerId).querySelectorAll("input[type=checkbox]")) {
      if (input.checked) values.add(input.value);
    }
    return values;
  }

  function buildFilters(data) {
    const style = data.style;
    const counts = (items, key) => items.reduce((acc, item) => {
      acc.set(item[key], (acc.get(item[key]) || 0) + 1);
      return acc;
    }, new Map());
    const edges = data.elements.edges.map((e) => e.data);
    const nodes = data.elements.nodes.map((n) => n.data);
    const certaintyCounts = counts(edges, "certainty");
    for (const certainty of style.certainty_order) {
      if (!certaintyCounts.has(certainty)) continue;
      const swatch = element("span", {
        class: "swatch line" + (certainty === "asserted" ? "" : " dashed"),
        style: { background: style.certainties[certainty],
                 borderColor: style.certainties[certainty] },
      });
      checkbox($("certainties"), certainty, certainty, swatch, certaintyCounts.get(certainty));
    }
    const actorCounts = counts(nodes.filter((n) => n.kind === "actor"), "type");
    for (const [type, colour] of Object.entries(style.types)) {
      if (!actorCounts.has(type)) continue;
      const swatch = element("span", { class: "swatch", style: { background: colour } });
      checkbox($("actor-types"), type, type, swatch, actorCounts.get(type));
    }
    const incidentCounts = counts(nodes.filter((n) => n.kind === "incident"), "type");
    for (const type of [...incidentCounts.keys()].sort()) {
      const swatch = element("span", { class: "swatch incident",
                                       style: { background: style.incident } });
      checkbox($("incident-types"), type, type, swatch, incidentCounts.get(type));
    }
    const dates = nodes.filter((n) => n.date_start).flatMap((n) => [n.date_start, n.date_end]);
    if (dates.length) {
      dates.sort();
      for (const id of ["date-from", "date-to"]) {
        $(id).min = dates[0];
        $(id).max = dates[dates.length - 1];
      }
    }
    for (const id of ["date-from", "date-to", "undated"]) {
      $(id).addEventListener("change", () => {
        applyFilters();
        syncHandles();
      });
    }
  }

  function applyFilters() {
    const from = $("date-from").value;
    const to = $("date-to").value;
    const undated = $("undated").checked;
    const certainties = checked("certainties");
    const types = new Set([...checked("actor-types"), ...checked("incident-types")]);
    const base = new Set();
    state.nodes.forEach((node) => {
      const data = node.kg;
      if (!types.has(data.type)) return;
      if (data.kind === "incident") {
        if (!data.date_start) {
          if (!undated) return;
        } else if ((from && data.date_end < from) || (to && data.date_start > to)) {
          return;
        }
        if (state.map && !state.map.contains(data)) return;
      }
      base.add(node.id);
    });
    const edges = new Set();
    const linked = new Set();
    state.edges.forEach((edge) => {
      if (!certainties.has(edge.kg.certainty)) return;
      if (!base.has(edge.from) || !base.has(edge.to)) return;
      edges.add(edge.id);
      linked.add(edge.from);
      linked.add(edge.to);
    });
    const nodes = new Set();
    for (const id of base) {
      if (state.nodes.get(id).kg.kind === "incident" || linked.has(id)) nodes.add(id);
    }
    // Nodes that come back keep the place the layout gave them.
    if (state.network) {
      const positions = state.network.getPositions();
      state.nodes.update(Object.entries(positions).map(([id, p]) => ({ id: id, x: p.x, y: p.y })));
    }
    state.visibleNodes = nodes;
    state.visibleEdges = edges;
    state.nodeView.refresh();
    state.edgeView.refresh();
    if (state.map) state.map.setVisible(nodes);
    if (state.timeline) markTimeline(nodes);
    const area = state.map && state.map.area ? " · map area brushed" : "";
    setStatus(`${nodes.size} of ${state.nodes.length} nodes, ` +
              `${edges.size} of ${state.edges.length} edges shown${area}`);
  }

  // --- the timeline: incidents over time; its two handles brush the date filter ---------

  function markTimeline(visible) {
    const updates = state.timelineItems.map((item) => ({
      id: item.id, className: visible.has(item.id) ? "" : "filtered-out",
    }));
    state.timelineItems.update(updates);
  }

  function day(value) {
    return new Date(value).toISOString().slice(0, 10);
  }

  function buildTimeline(incidents) {
    const dated = incidents.filter((n) => n.date_start);
    const items = dated.map((n) => ({
      id: n.id,
      content: n.label.replace(/, [0-9-]+$/, ""),
      title: `${n.label} (${n.type})`,
      start: n.date_start,
      end: n.date_end !== n.date_start ? n.date_end + "T23:59:59" : undefined,
      type: n.date_end !== n.date_start ? "range" : "point",
    }));
    state.timelineItems = new vis.DataSet(items);
    if (!dated.length) {
      $("timeline").append(element("p", { class: "hint" }, "No dated incidents."));
      return;
    }
    const starts = dated.map((n) => n.date_start).sort();
    const ends = dated.map((n) => n.date_end).sort();
    const first = new Date(starts[0]);
    const last = new Date(ends[ends.length - 1] + "T23:59:59");
    const pad = Math.max((last - first) * 0.05, 86400000);
    const timeline = new vis.Timeline($("timeline"), state.timelineItems, {
      height: "100%",
      stack: true,
      selectable: true,
      showCurrentTime: false,
      zoomKey: "ctrlKey",
      start: new Date(first.getTime() - pad),
      end: new Date(last.getTime() + pad),
      tooltip: { followMouse: true },
    });
    state.handleEnds = { from: new Date(first.getTime() - pad / 2),
                         to: new Date(last.getTime() + pad / 2) };
    timeline.addCustomTime(state.handleEnds.from, "from");
    timeline.addCustomTime(state.handleEnds.to, "to");
    timeline.setCustomTimeMarker("from", "from", false);
    timeline.setCustomTimeMarker("to", "to", false);
    timeline.on("timechanged", (event) => {
      if (event.id !== "from" && event.id !== "to") return;
      brushTime(day(timeline.getCustomTime("from")), day(timeline.getCustomTime("to")));
    });
    timeline.on("select", (event) => {
      if (event.items.length) pick(event.items[0]);
    });
    state.timeline = timeline;
  }

  // A time range from the timeline's handles (or a script): the date filters take it.
  function brushTime(from, to) {
    const [a, b] = from <= to ? [from, to] : [to, from];
    $("date-from").value = a;
    $("date-to").value = b;
    applyFilters();
  }

  // The handles follow the date boxes; an empty box puts its handle back at the end.
  function syncHandles() {
    if (!state.timeline) return;
    const from = $("date-from").value;
    const to = $("date-to").value;
    state.timeline.setCustomTime(from ? from : state.handleEnds.from, "from");
    state.timeline.setCustomTime(to ? to + "T23:59:59" : state.handleEnds.to, "to");
  }

  // --- the map --------------------------------------------------------------------------

  async function buildMap(incidents) {
    const map = new kgMap.WorldMap($("map"), () => applyFilters(), pick);
    try {
      await map.drawWorld("/view/static/vendor/world-atlas/countries-110m.json");
    } catch (error) {
      $("map").append(element("p", { class: "hint" }, `No world outline: ${error}`));
    }
    map.setIncidents(incidents);
    state.map = map;
    $("clear-area").addEventListener("click", () => map.clearArea());
  }

  // One incident picked on the map or the timeline: selected everywhere, evidence shown.
  function pick(id) {
    if (!state.nodes.get(id)) return;
    if (state.network) {
      state.network.selectNodes([id]);
      state.network.focus(id, { scale: 1.2, animation: false });
    }
    if (state.map) state.map.select(id);
    if (state.timeline) state.timeline.setSelection([id]);
    showNode(id);
  }

  // --- adding an article from a file ------------------------------------------------------

  const UPLOAD_TYPES = { html: "text/html", htm: "text/html", xhtml: "application/xhtml+xml",
                         json: "application/json", txt: "text/plain", text: "text/plain" };

  async function upload(event) {
    event.preventDefault();
    const file = $("upload-file").files[0];
    const result = $("upload-result");
    if (!file) {
      result.textContent = "Choose a file first.";
      return;
    }
    const extension = (file.name.split(".").pop() || "").toLowerCase();
    const type = UPLOAD_TYPES[extension] || "text/plain";
    const token = $("upload-token").value.trim();
    result.textContent = `Sending ${file.name}… (extraction takes a few seconds)`;
    try {
      const response = await fetch("/articles", {
        method: "POST",
        headers: { "Content-Type": type, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: await file.arrayBuffer(),
      });
      const answer = await response.json().catch(() => ({}));
      if (!response.ok) {
        result.textContent = `Not stored: ${answer.detail || response.status}`;
        return;
      }
      const title = answer.title || file.name;
      result.textContent = response.status === 201
        ? `Stored “${title}”: ${answer.events.length} incident(s). Reload to see them.`
        : `“${title}” was already stored.`;
    } catch (error) {
      result.textContent = `Not stored: ${error}`;
    }
  }

  function search() {
    const query = $("search").value.trim().toLowerCase();
    if (!query) {
      $("search-result").textContent = "";
      state.network.unselectAll();
      return;
    }
    const matches = state.nodeView.getIds({
      filter: (node) => `${node.kg.label} ${node.kg.name} ${node.kg.local_id}`
        .toLowerCase().includes(query),
    });
    $("search-result").textContent = matches.length ? `${matches.length} match(es)` : "no match";
    if (!matches.length) return;
    state.network.selectNodes(matches);
    state.network.fit({ nodes: matches, animation: false, maxZoomLevel: 1.5 });
    showNode(matches[0]);
  }

  function lookupLink(data, links) {
    const template = data.kind === "incident" ? links.incident : links.entity;
    const href = template.replace("{id}", encodeURIComponent(data.local_id));
    return element("a", { href: href, target: "_blank", rel: "noopener" }, href);
  }

  function facts(data, keys) {
    const list = element("dl");
    for (const [key, title] of keys) {
      const value = data[key];
      if (value === undefined || value === null || value === "") continue;
      list.append(element("dt", {}, title),
                  element("dd", {}, Array.isArray(value) ? value.join(", ") : value));
    }
    return list;
  }

  function certaintyBadge(certainty) {
    return element("span", { class: "certainty",
                             style: { background: state.style.certainties[certainty] } },
                   certainty);
  }

  function evidenceBlock(evidence) {
    const quote = element("blockquote", { class: "evidence" });
    const sentence = evidence.sentence || evidence.text || "";
    const at = evidence.text ? sentence.indexOf(evidence.text) : -1;
    if (at >= 0) {
      quote.append(sentence.slice(0, at), element("mark", {}, evidence.text),
                   sentence.slice(at + evidence.text.length));
    } else {
      quote.append(sentence);
    }
    const source = [
      evidence.certainty,
      evidence.according_to ? `according to ${evidence.according_to}` : null,
      evidence.article_title ? `in “${evidence.article_title}”` : `article ${evidence.article}`,
      evidence.published,
    ].filter(Boolean).join(" · ");
    quote.append(element("span", { class: "evidence-source" }, source));
    return quote;
  }

  function edgeSummary(edge) {
    const data = edge.kg;
    const subject = state.nodes.get(data.source).kg.label;
    const object = state.nodes.get(data.target).kg.label;
    return element("div", { class: "link" }, `${subject} — ${data.predicate} → ${object} `,
                   certaintyBadge(data.certainty));
  }

  function showNode(id) {
    const node = state.nodes.get(id);
    if (!node) return;
    const data = node.kg;
    const panel = $("details");
    panel.replaceChildren(
      element("h2", {}, data.label),
      facts(data, [["kind", "kind"], ["type", "type"], ["local_id", "id"],
                   ["acled", "ACLED"], ["acled_category", "ACLED category"],
                   ["date", "date"], ["date_precision", "precision"],
                   ["place_names", "places"], ["fatalities", "fatalities"],
                   ["injuries", "injuries"], ["community", "community"],
                   ["degree", "degree"], ["betweenness", "betweenness"]]),
      element("p", {}, "JSON: ", lookupLink(data, state.links)),
      element("h3", {}, "Links and evidence"));
    const touching = state.edges.get({
      filter: (edge) => edge.from === id || edge.to === id,
    });
    touching.sort((a, b) => a.id.localeCompare(b.id));
    for (const edge of touching) {
      panel.append(edgeSummary(edge));
      for (const evidence of edge.kg.evidence || []) panel.append(evidenceBlock(evidence));
    }
    if (!touching.length) panel.append(element("p", { class: "hint" }, "No links."));
  }

  function showEdge(id) {
    const edge = state.edges.get(id);
    if (!edge) return;
    const data = edge.kg;
    const source = state.nodes.get(data.source).kg;
    const target = state.nodes.get(data.target).kg;
    $("details").replaceChildren(
      element("h2", {}, `${data.predicate} `, certaintyBadge(data.certainty)),
      facts({ subject: source.label, object: target.label, ...data },
            [["subject", "subject"], ["predicate", "predicate"], ["object", "object"],
             ["kind", "kind"], ["evidence_count", "claims"], ["sources", "sources"],
             ["date_start", "from"], ["date_end", "to"]]),
      element("p", {}, "JSON: ", lookupLink(source, state.links), " ",
              lookupLink(target, state.links)),
      element("h3", {}, "Evidence"),
      ...(data.evidence || []).map(evidenceBlock));
  }

  async function main() {
    let data;
    try {
      const response = await fetch("/view/data" + window.location.search,
                                   { headers: { Accept: "application/json" } });
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        setStatus(`Cannot load the network: ${problem.detail || response.status}`, true);
        return;
      }
      data = await response.json();
    } catch (error) {
      setStatus(`Cannot load the network: ${error}`, true);
      return;
    }
    state.style = data.style;
    state.links = data.links;
    state.nodes = new vis.DataSet(data.elements.nodes.map((n) => toVisNode(n.data, data.style)));
    state.edges = new vis.DataSet(data.elements.edges.map((e) => toVisEdge(e.data, data.style)));
    state.nodeView = new vis.DataView(state.nodes,
                                      { filter: (node) => state.visibleNodes.has(node.id) });
    state.edgeView = new vis.DataView(state.edges,
                                      { filter: (edge) => state.visibleEdges.has(edge.id) });
    buildFilters(data);
    const incidents = data.elements.nodes.map((n) => n.data).filter((n) => n.kind === "incident");
    buildTimeline(incidents);
    await buildMap(incidents);
    applyFilters();
    $("upload").addEventListener("submit", upload);
    const network = new vis.Network($("network"), {}, {
      layout: { randomSeed: 7 },
      physics: { solver: "forceAtlas2Based", stabilization: { iterations: 300, fit: true } },
      interaction: { hover: true, tooltipDelay: 200 },
      nodes: { font: { size: 12, face: "sans-serif" }, borderWidth: 1 },
      edges: {
        arrows: { to: { enabled: true, scaleFactor: 0.5 } },
        font: { size: 9, align: "middle", color: "#444444", strokeWidth: 3 },
        smooth: { type: "continuous" },
      },
    });
    state.network = network;
    network.on("click", (params) => {
      if (params.nodes.length) showNode(params.nodes[0]);
      else if (params.edges.length) showEdge(params.edges[0]);
    });
    const settle = () => {
      network.setOptions({ physics: false });
      network.fit({ animation: false });
      document.body.dataset.state = "ready";
      resolveReady(network);
    };
    network.once("stabilizationIterationsDone", settle);
    network.setData({ nodes: state.nodeView, edges: state.edgeView });
    if (!state.visibleNodes.size) settle();
    $("search").addEventListener("keydown", (event) => {
      if (event.key === "Enter") search();
    });
    $("search").addEventListener("search", search);
  }

  // Handles for scripts and tests: the vis-network instance and the page's own state.
  window.kgView = { state: state, ready: ready, showNode: showNode, showEdge: showEdge,
                    applyFilters: applyFilters, brushTime: brushTime, pick: pick };
  ready.then((network) => { window.kgNetwork = network; });
  document.addEventListener("DOMContentLoaded", main);
})();
