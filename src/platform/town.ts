/** The town's identity, theme and neighbourhoods, from TOWN_CONFIG (validated at start). */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const latLon = z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)]);

const townSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  longName: z.string().min(1),
  ccasName: z.string().min(1),
  inseeCode: z.string().regex(/^\d[\dAB]\d{3}$/),
  postalCodes: z.array(z.string().regex(/^\d{5}$/)).min(1),
  department: z.string(),
  center: latLon,
  logo: z.string().optional(),
  theme: z.object({
    primary: z.string().regex(/^#[0-9a-f]{6}$/i),
    primaryContrast: z.string().regex(/^#[0-9a-f]{6}$/i),
    accent: z.string().regex(/^#[0-9a-f]{6}$/i),
    surface: z.string().regex(/^#[0-9a-f]{6}$/i),
  }),
  contact: z.object({ phone: z.string(), address: z.string() }),
  neighbourhoods: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), name: z.string().min(1), center: latLon })).min(1),
  geojson: z.string().optional(),
  /** The school holidays zone of the national calendar (A: Dijon…, B: Amiens…, C: Paris…); the entraide's recurring rides skip its holidays. */
  schoolZone: z.enum(['A', 'B', 'C']).optional(),
  /**
   * The base map's tiles: an XYZ or WMTS (KVP) URL template with {z} {x} {y}, e.g. IGN's Plan
   * (https://data.geopf.fr/wmts?…&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}…) or the town's own;
   * its attribution is shown on the map. Without it, or when tiles fail, the map draws the
   * town's own outline (geojson), offline.
   */
  map: z
    .object({
      tiles: z
        .object({
          url: z.url({ protocol: /^https$/ }).refine((u) => ['{z}', '{x}', '{y}'].every((p) => u.includes(p)), 'URL de tuiles : {z}, {x} et {y} attendus.'),
          attribution: z.string().min(1).max(300),
          maxZoom: z.number().int().min(1).max(22).optional(),
        })
        .optional(),
    })
    .optional(),
});

/** The origin of the town's tile server, allowed for images by the pages' security policy (or null). */
export function tileOrigin(town: Town): string | null {
  const url = town.map?.tiles?.url;
  return url ? new URL(url.replace(/\{[a-z]\}/g, '0')).origin : null;
}

export type Town = z.infer<typeof townSchema>;
export type Neighbourhood = Town['neighbourhoods'][number];

export function loadTown(file: string): Town {
  const abs = path.resolve(file);
  const parsed = townSchema.safeParse(JSON.parse(fs.readFileSync(abs, 'utf8')));
  if (!parsed.success) {
    throw new Error(`Invalid town configuration ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

/** Neighbourhood by id or by name (accents and case ignored). */
export function findNeighbourhood(town: Town, idOrName: string): Neighbourhood | undefined {
  const norm = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase()
      .trim();
  const k = norm(idOrName);
  return town.neighbourhoods.find((n) => n.id === k || norm(n.name) === k);
}
