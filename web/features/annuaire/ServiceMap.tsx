/**
 * The map (its own lazy chunk, with Leaflet, loaded only when the map is shown). The base
 * map is the town's tile layer when its configuration names one (XYZ or WMTS template, with
 * its attribution), drawn over the town's own GeoJSON outline (commune, river,
 * neighbourhoods), which stays alone, offline, when there are no tiles or they fail.
 * Markers are clustered on a grid that follows the zoom. The list stays the accessible reference.
 */
import { useCallback, useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { cellForZoom, gridCluster } from '../../../src/modules/annuaire/shared';
import { api } from '../../app/api';
import { useT } from '../../app/i18n';
import { statusText } from './localize';
import type { ServiceSummary } from './types';

interface Point {
  lat: number;
  lon: number;
  s: ServiceSummary;
}

type Feature = { properties: { kind?: string; name?: string; id?: string }; geometry: unknown };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Tiles that fail this many times in a row give way to the outline. */
const TILE_FAILURES = 4;

export default function ServiceMap({
  services,
  center,
  label,
  tiles,
}: {
  services: ServiceSummary[];
  center: [number, number];
  label: string;
  tiles?: { url: string; attribution: string; maxZoom?: number };
}) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const markers = useRef<L.LayerGroup | null>(null);
  const points = useRef<Point[]>([]);
  const t = useT();
  const labels = {
    zoomIn: t('annuaire.zoomIn'),
    zoomOut: t('annuaire.zoomOut'),
    attribution: t('annuaire.mapAttribution'),
  };

  // The markers in the page's language: drawn again when it changes, and at each zoom with the latest words.
  const draw = useCallback(() => {
    const m = map.current;
    const layer = markers.current;
    if (!m || !layer) return;
    layer.clearLayers();
    for (const c of gridCluster(points.current, cellForZoom(m.getZoom()))) {
      if (c.items.length === 1) {
        const s = c.items[0].s;
        L.circleMarker(c.center, { radius: 9, color: '#fff', weight: 2, fillColor: s.horaires?.ouvert_maintenant ? '#1f6f43' : '#1d4f91', fillOpacity: 1 })
          .bindPopup(
            `<a href="/annuaire/services/${s.id}" lang="fr">${escapeHtml(s.nom)}</a><br><span lang="fr">${escapeHtml(s.adresse ?? '')}</span>${s.horaires ? `<br>${escapeHtml(statusText(t, s.horaires.statut) ?? s.horaires.statut)}` : ''}`,
          )
          .addTo(layer);
      } else {
        const n = c.items.length;
        const size = n < 10 ? 34 : 42;
        L.marker(c.center, {
          icon: L.divIcon({ className: 'annuaire-cluster', html: String(n), iconSize: [size, size] }),
          title: t('annuaire.cluster', { n }),
          keyboard: true,
        })
          .on('click', () => m.setView(c.center, Math.min(18, m.getZoom() + 2)))
          .addTo(layer);
      }
    }
  }, [t]);
  const drawLatest = useRef(draw);

  useEffect(() => {
    if (!el.current || map.current) return;
    const m = L.map(el.current, { center, zoom: 13, minZoom: 11, maxZoom: 18, zoomControl: false });
    L.control.zoom({ zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut }).addTo(m);
    m.attributionControl.setPrefix(false).addAttribution(labels.attribution);
    map.current = m;
    // With tiles, the outline is drawn transparent over them; without (or once they fail), filled.
    let tileLayer: L.TileLayer | null = null;
    let outline: L.GeoJSON | null = null;
    const fillOutline = () => outline?.setStyle((f) => styleOf(f, false));
    if (tiles) {
      let failures = 0;
      tileLayer = L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: tiles.maxZoom ?? 18, crossOrigin: false })
        .on('tileload', () => (failures = 0))
        .on('tileerror', () => {
          if (++failures < TILE_FAILURES || !tileLayer) return;
          m.removeLayer(tileLayer);
          tileLayer = null;
          fillOutline();
        })
        .addTo(m);
    }
    const styleOf = (f: { properties?: unknown } | undefined, overTiles: boolean): L.PathOptions => {
      const kind = (f?.properties as Feature['properties'])?.kind;
      if (kind === 'commune') return { color: '#8892a6', weight: 1, fillColor: '#ffffff', fillOpacity: overTiles ? 0 : 1 };
      if (kind === 'riviere') return { color: '#5b8fd6', weight: 5, opacity: overTiles ? 0 : 0.8 };
      return { color: '#1d4f91', weight: 1.5, dashArray: '4 3', fillColor: '#dfe7f5', fillOpacity: overTiles ? 0.15 : 0.55 };
    };
    api.get<{ features: Feature[] }>('/api/town/neighbourhoods.geojson').then(
      (gj) => {
        const base = L.geoJSON(gj as never, { interactive: false, style: (f) => styleOf(f, tileLayer !== null) }).addTo(m);
        base.bringToBack();
        outline = base;
        for (const f of gj.features) {
          if (f.properties.kind !== 'quartier') continue;
          // Name along the top edge, so it never hides the markers near the centre.
          const b = L.geoJSON(f as never).getBounds();
          L.tooltip({ permanent: true, direction: 'center', className: 'annuaire-hood-label', interactive: false })
            .setLatLng([b.getNorth() - (b.getNorth() - b.getSouth()) * 0.12, b.getCenter().lng])
            .setContent(escapeHtml(f.properties.name ?? ''))
            .addTo(m);
        }
      },
      () => {},
    );
    markers.current = L.layerGroup().addTo(m);
    m.on('zoomend', () => drawLatest.current());
    return () => {
      m.remove();
      map.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the map is built once; the town (centre, tiles) does not change while it is shown
  }, []);

  useEffect(() => {
    drawLatest.current = draw;
    draw();
  }, [draw]);

  useEffect(() => {
    points.current = services.filter((s) => s.latitude !== null && s.longitude !== null).map((s) => ({ lat: s.latitude!, lon: s.longitude!, s }));
    drawLatest.current();
    const m = map.current;
    if (m && points.current.length) {
      m.fitBounds(L.latLngBounds(points.current.map((p) => [p.lat, p.lon] as [number, number])).pad(0.2), { maxZoom: 15 });
    }
  }, [services]);

  return <div ref={el} className="annuaire-map" role="region" aria-label={label} />;
}
