// The map of /view: a world outline (world-atlas's Natural Earth countries, shipped with the
// page; no tile server) drawn as SVG in an equirectangular projection, incidents as points,
// and a brushed rectangle that selects an area. Exposes window.kgMap for view.js.
(function () {
  "use strict";

  const SVG = "http://www.w3.org/2000/svg";
  const WIDTH = 360;
  const HEIGHT = 180;

  function project(lon, lat) {
    return [lon + 180, 90 - lat];
  }

  function unproject(x, y) {
    return [x - 180, 90 - y];
  }

  function node(tag, attributes) {
    const element = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attributes || {})) {
      element.setAttribute(key, String(value));
    }
    return element;
  }

  // A ring as path data; a jump of more than half the world in longitude (a ring that
  // crosses the antimeridian) starts a new subpath instead of a line across the map.
  function ringPath(ring) {
    let d = "";
    let last = null;
    for (const [lon, lat] of ring) {
      const [x, y] = project(lon, lat);
      d += (last === null || Math.abs(lon - last) > 180 ? "M" : "L") +
        x.toFixed(2) + "," + y.toFixed(2);
      last = lon;
    }
    return d + "Z";
  }

  function geometryPath(geometry) {
    if (!geometry) return "";
    const polygons = geometry.type === "Polygon" ? [geometry.coordinates]
      : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
    return polygons.map((polygon) => polygon.map(ringPath).join("")).join("");
  }

  class WorldMap {
    constructor(container, onArea, onPick) {
      this.container = container;
      this.onArea = onArea;
      this.onPick = onPick;
      this.area = null;
      this.points = new Map();
      this.svg = node("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img",
                                "aria-label": "Map of incidents",
                                preserveAspectRatio: "xMidYMid meet" });
      this.land = node("g", { class: "land" });
      this.dots = node("g", { class: "incidents" });
      this.brush = node("rect", { class: "brush", visibility: "hidden" });
      this.svg.append(node("rect", { class: "sea", x: -360, y: -180, width: 1080,
                                     height: 540 }), this.land, this.dots, this.brush);
      container.append(this.svg);
      this.listen();
    }

    async drawWorld(url) {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`world outline: ${response.status}`);
      const topology = await response.json();
      const countries = topojson.feature(topology, topology.objects.countries);
      for (const country of countries.features) {
        const path = node("path", { d: geometryPath(country.geometry) });
        const title = node("title");
        title.textContent = country.properties.name || "";
        path.append(title);
        this.land.append(path);
      }
    }

    // Incidents with coordinates; the view zooms to them (with a margin), else the world.
    // A country's point (its centre) is drawn first, so that a located town's lies on top.
    setIncidents(incidents) {
      this.dots.replaceChildren();
      this.points.clear();
      const rank = (i) => (i.location_precision === "country" ? 0 : 1);
      for (const incident of [...incidents].sort((a, b) => rank(a) - rank(b))) {
        if (typeof incident.longitude !== "number" || typeof incident.latitude !== "number") {
          continue;
        }
        const [x, y] = project(incident.longitude, incident.latitude);
        const dot = node("circle", { cx: x.toFixed(3), cy: y.toFixed(3), r: 1,
                                     class: `incident ${incident.location_precision || ""}`,
                                     "data-id": incident.id });
        const title = node("title");
        title.textContent = `${incident.label}${incident.place_names
          ? " · " + incident.place_names.join(", ") : ""}`;
        dot.append(title);
        this.dots.append(dot);
        this.points.set(incident.id, dot);
      }
      this.fit();
    }

    fit() {
      const xs = [];
      const ys = [];
      for (const dot of this.points.values()) {
        xs.push(Number(dot.getAttribute("cx")));
        ys.push(Number(dot.getAttribute("cy")));
      }
      if (!xs.length) {
        this.setView(0, 0, WIDTH, HEIGHT);
        return;
      }
      const margin = 8;
      let [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      x0 -= margin; x1 += margin; y0 -= margin; y1 += margin;
      // the box of the container's shape, so that the map fills it
      const box = this.container.getBoundingClientRect();
      const ratio = box.width > 0 && box.height > 0 ? box.width / box.height : 2;
      let width = x1 - x0;
      let height = y1 - y0;
      if (width / height < ratio) {
        const grow = height * ratio - width;
        x0 -= grow / 2; width += grow;
      } else {
        const grow = width / ratio - height;
        y0 -= grow / 2; height += grow;
      }
      this.setView(x0, y0, width, height);
    }

    setView(x, y, width, height) {
      this.view = { x, y, width, height };
      this.svg.setAttribute("viewBox", `${x} ${y} ${width} ${height}`);
      // at least 4 pixels across, however far the map is zoomed in
      const pixels = this.container.getBoundingClientRect().width || 400;
      const radius = Math.max(width / 110, (4 * width) / pixels);
      for (const dot of this.points.values()) dot.setAttribute("r", radius.toFixed(3));
      this.brush.setAttribute("stroke-width", (width / 400).toFixed(3));
    }

    // Shown incidents stay in colour; those the filters hide are greyed out.
    setVisible(ids) {
      for (const [id, dot] of this.points) dot.classList.toggle("hidden", !ids.has(id));
    }

    select(id) {
      for (const [key, dot] of this.points) dot.classList.toggle("selected", key === id);
    }

    toMap(event) {
      const matrix = this.svg.getScreenCTM();
      if (!matrix) return [0, 0];
      const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
      return [point.x, point.y];
    }

    listen() {
      let start = null;
      this.svg.addEventListener("pointerdown", (event) => {
        if (event.button !== 0) return;
        start = this.toMap(event);
        this.svg.setPointerCapture(event.pointerId);
      });
      this.svg.addEventListener("pointermove", (event) => {
        if (!start) return;
        const [x, y] = this.toMap(event);
        this.drawBrush(start, [x, y]);
      });
      this.svg.addEventListener("pointerup", (event) => {
        if (!start) return;
        const end = this.toMap(event);
        const begun = start;
        start = null;
        const small = Math.abs(end[0] - begun[0]) < this.view.width / 100 &&
          Math.abs(end[1] - begun[1]) < this.view.height / 100;
        if (small) {
          // A click (the pointer was captured, so the event's target is the map): on a
          // point it picks the incident, elsewhere it clears the area.
          const hit = document.elementFromPoint(event.clientX, event.clientY);
          const dot = hit && hit.closest ? hit.closest("circle.incident") : null;
          if (dot) this.onPick(dot.dataset.id);
          else this.clearArea();
          return;
        }
        const [lonA, latA] = unproject(begun[0], begun[1]);
        const [lonB, latB] = unproject(end[0], end[1]);
        this.setArea({ west: Math.min(lonA, lonB), east: Math.max(lonA, lonB),
                       south: Math.min(latA, latB), north: Math.max(latA, latB) });
      });
    }

    drawBrush(a, b) {
      this.brush.setAttribute("x", Math.min(a[0], b[0]));
      this.brush.setAttribute("y", Math.min(a[1], b[1]));
      this.brush.setAttribute("width", Math.abs(a[0] - b[0]));
      this.brush.setAttribute("height", Math.abs(a[1] - b[1]));
      this.brush.setAttribute("visibility", "visible");
    }

    // An area in degrees ({west, east, south, north}); null clears it.
    setArea(area) {
      this.area = area;
      if (area) {
        this.drawBrush(project(area.west, area.north), project(area.east, area.south));
      } else {
        this.brush.setAttribute("visibility", "hidden");
      }
      this.onArea(area);
    }

    clearArea() {
      this.setArea(null);
    }

    contains(incident) {
      const area = this.area;
      if (!area) return true;
      return typeof incident.longitude === "number" && typeof incident.latitude === "number" &&
        incident.longitude >= area.west && incident.longitude <= area.east &&
        incident.latitude >= area.south && incident.latitude <= area.north;
    }
  }

  window.kgMap = { WorldMap: WorldMap, project: project };
})();
