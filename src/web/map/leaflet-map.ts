/**
 * The map, loaded only when a map is opened (Leaflet is not part of the field
 * app's first load). Markers are vector circles, not image icons, and a
 * cluster shows its count; with no tile URL the map draws markers and the
 * association's areas on a plain background.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { Area } from '../../shared/api/associations.js';
import type { MapResult, MapSettings } from '../../shared/api/observations.js';
import type { Grid } from '../../shared/api/insights.js';

/** Leaflet reads a tooltip string as HTML: names typed by people (areas) and texts from outside (police events) go in as text. */
function asText(text: string): HTMLElement {
  const span = document.createElement('span');
  span.textContent = text;
  return span;
}

export interface MapHandle {
  map: L.Map;
  showMarkers(result: MapResult, linkLabel: string): void;
  /** Draws the route driven and fits the map to it and the markers. */
  showRoute(lines: [number, number][][]): void;
  /** Polisen's events: one square per position given (the municipality's centre), with how many; none to clear. */
  showPoliceEvents(points: { lat: number; lng: number; count: number; label: string }[]): void;
  /** A grid of counts as shaded squares (the heat of observations, or the routes' coverage); null to clear. */
  showGrid(kind: 'heat' | 'coverage', grid: Grid | null): void;
  /** Asks onView again for the current view (after the filters changed). */
  refresh(): void;
  destroy(): void;
}

export function createMap(
  element: HTMLElement,
  settings: MapSettings,
  areas: Area[],
  onView: (bbox: string) => void,
  labels: { zoomIn: string; zoomOut: string },
): MapHandle {
  const map = L.map(element, { zoomControl: false, preferCanvas: false }).setView([59.237, 17.982], 12);
  L.control.zoom({ zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut }).addTo(map);
  if (settings.tileUrl) L.tileLayer(settings.tileUrl, { attribution: settings.attribution, maxZoom: 19 }).addTo(map);
  const areaLayer = L.geoJSON(
    areas.map((a) => ({ type: 'Feature' as const, properties: { name: a.name }, geometry: a.geometry as GeoJSON.Geometry })),
    { style: { color: '#0b4f8a', weight: 2, fillOpacity: 0.05 }, onEachFeature: (f, layer) => layer.bindTooltip(asText(String(f.properties.name))) },
  ).addTo(map);
  if (areas.length > 0) map.fitBounds(areaLayer.getBounds(), { padding: [10, 10] });
  // Grids lie under the markers: coverage lowest, the heat above it.
  const grids = { coverage: L.layerGroup().addTo(map), heat: L.layerGroup().addTo(map) };
  const markers = L.layerGroup().addTo(map);
  const police = L.layerGroup().addTo(map);
  // The map's size is known late (its stylesheet arrives with this module) and changes with the text size and
  // the phone's rotation: Leaflet must be told, or it places markers for the size it first saw.
  const resize = new ResizeObserver(() => map.invalidateSize());
  resize.observe(element);
  const report = () =>
    onView(
      map
        .getBounds()
        .toBBoxString()
        .split(',')
        .map((n) => Number(n).toFixed(5))
        .join(','),
    );
  map.on('moveend', report);
  report();
  return {
    map,
    showMarkers(result, linkLabel) {
      markers.clearLayers();
      for (const m of result.markers) {
        if (m.count === 1) {
          const dot = L.circleMarker([m.lat, m.lng], { radius: 9, color: '#fff', weight: 2, fillColor: '#a1161b', fillOpacity: 1 });
          // Without an id (a partner's map) the dot only shows where.
          if (m.id) {
            const link = document.createElement('a');
            link.href = `/observations/${m.id}`;
            link.textContent = linkLabel;
            dot.bindPopup(link);
          }
          markers.addLayer(dot);
        } else {
          const icon = L.divIcon({ className: 'cluster', html: `<span>${m.count}</span>`, iconSize: [44, 44] });
          const cluster = L.marker([m.lat, m.lng], { icon, keyboard: false });
          cluster.on('click', () => map.setView([m.lat, m.lng], map.getZoom() + 2));
          markers.addLayer(cluster);
        }
      }
    },
    showRoute(lines) {
      const drawn = lines.filter((l) => l.length > 0).map((l) => L.polyline(l, { color: '#0b4f8a', weight: 5, opacity: 0.8 }).addTo(map));
      const all = L.featureGroup([...drawn, ...markers.getLayers()]);
      if (all.getLayers().length > 0) map.fitBounds(all.getBounds(), { padding: [20, 20], maxZoom: 16 });
    },
    showPoliceEvents(points) {
      police.clearLayers();
      for (const p of points) {
        const icon = L.divIcon({ className: 'police-events', html: `<span>${p.count}</span>`, iconSize: [44, 44] });
        police.addLayer(L.marker([p.lat, p.lng], { icon, keyboard: false, title: p.label }).bindTooltip(asText(p.label)));
      }
    },
    showGrid(kind, grid) {
      const layer = grids[kind];
      layer.clearLayers();
      if (!grid) return;
      const [west, south, east, north] = grid.bbox as [number, number, number, number];
      const w = (east - west) / grid.columns;
      const h = (north - south) / grid.rows;
      const max = Math.max(1, ...grid.cells.map((c) => c.count));
      const color = kind === 'heat' ? '#b3001b' : '#0b4f8a';
      for (const c of grid.cells) {
        const bounds: L.LatLngBoundsExpression = [
          [south + c.y * h, west + c.x * w],
          [south + (c.y + 1) * h, west + (c.x + 1) * w],
        ];
        // Never fully opaque: the streets under a square stay readable.
        const opacity = 0.15 + 0.55 * (c.count / max);
        layer.addLayer(L.rectangle(bounds, { stroke: kind === 'coverage', color, weight: 1, fillColor: color, fillOpacity: opacity, interactive: false }));
      }
    },
    refresh: report,
    destroy: () => {
      resize.disconnect();
      map.remove();
    },
  };
}

/** A map with one pin the crew drags (or taps to move) to where the thing really is. */
export function createPinMap(
  element: HTMLElement,
  settings: MapSettings,
  areas: Area[],
  start: [number, number],
  zoom: number,
  onMove: (lat: number, lng: number) => void,
  labels: { zoomIn: string; zoomOut: string; pin: string },
) {
  const handle = createMap(element, settings, areas, () => undefined, labels);
  const map = handle.map;
  map.setView(start, zoom);
  const pin = L.marker(start, {
    draggable: true,
    title: labels.pin,
    icon: L.divIcon({ className: 'pin', html: '<span></span>', iconSize: [36, 36], iconAnchor: [18, 34] }),
  }).addTo(map);
  const moved = (lat: number, lng: number) => onMove(Number(lat.toFixed(6)), Number(lng.toFixed(6)));
  pin.on('dragend', () => moved(pin.getLatLng().lat, pin.getLatLng().lng));
  map.on('click', (e: L.LeafletMouseEvent) => {
    pin.setLatLng(e.latlng);
    moved(e.latlng.lat, e.latlng.lng);
  });
  return handle;
}

/**
 * A map to draw an area on: each tap adds a corner, the shape shows as it
 * grows. undo() takes the last corner back; ring() is the closed ring as
 * GeoJSON wants it ([lng, lat], first corner repeated last), null under three.
 */
export function createDrawMap(
  element: HTMLElement,
  settings: MapSettings,
  areas: Area[],
  onChange: (corners: number) => void,
  labels: { zoomIn: string; zoomOut: string },
) {
  const handle = createMap(element, settings, areas, () => undefined, labels);
  const map = handle.map;
  const corners: L.LatLng[] = [];
  const shape = L.polygon([], { color: '#a1161b', weight: 3, fillOpacity: 0.15 }).addTo(map);
  const dots = L.layerGroup().addTo(map);
  const redraw = () => {
    shape.setLatLngs(corners);
    dots.clearLayers();
    for (const c of corners) dots.addLayer(L.circleMarker(c, { radius: 6, color: '#a1161b', fillOpacity: 1 }));
    onChange(corners.length);
  };
  map.on('click', (e: L.LeafletMouseEvent) => {
    corners.push(e.latlng);
    redraw();
  });
  return {
    ...handle,
    undo() {
      corners.pop();
      redraw();
    },
    clear() {
      corners.length = 0;
      redraw();
    },
    ring(): [number, number][] | null {
      if (corners.length < 3) return null;
      const ring = corners.map((c) => [Number(c.lng.toFixed(6)), Number(c.lat.toFixed(6))] as [number, number]);
      return [...ring, ring[0]!];
    },
  };
}

/** The public page's map: grid squares shaded by their count, each with its count as a tooltip; fitted to the squares. */
export function createCountsMap(
  element: HTMLElement,
  settings: MapSettings,
  squares: { south: number; west: number; north: number; east: number; total: number; label: string }[],
  labels: { zoomIn: string; zoomOut: string },
) {
  const handle = createMap(element, settings, [], () => undefined, labels);
  const max = Math.max(1, ...squares.map((s) => s.total));
  const drawn = squares.map((s) =>
    L.rectangle(
      [
        [s.south, s.west],
        [s.north, s.east],
      ],
      { color: '#b3001b', weight: 1, fillColor: '#b3001b', fillOpacity: 0.15 + 0.6 * (s.total / max) },
    )
      .bindTooltip(asText(s.label))
      .addTo(handle.map),
  );
  if (drawn.length > 0) handle.map.fitBounds(L.featureGroup(drawn).getBounds(), { padding: [10, 10] });
  return handle;
}
