import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTown, tileOrigin } from './town';

const base = JSON.parse(fs.readFileSync('rules/town/amiens.json', 'utf8'));
const withTiles = (tiles: unknown) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'town-')), 'town.json');
  fs.writeFileSync(file, JSON.stringify({ ...base, map: { tiles } }));
  return file;
};

describe('the town’s map tiles (configuration)', () => {
  it('takes an XYZ or WMTS template with its attribution, and allows its origin for images', () => {
    const wmts =
      'https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&TILEMATRIXSET=PM&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&FORMAT=image/png';
    const town = loadTown(withTiles({ url: wmts, attribution: 'IGN – Plan IGN' }));
    expect(town.map?.tiles?.attribution).toBe('IGN – Plan IGN');
    expect(tileOrigin(town)).toBe('https://data.geopf.fr');
    expect(tileOrigin(loadTown(withTiles({ url: 'https://tuiles.ville.fr/{z}/{x}/{y}.png', attribution: 'Ville' })))).toBe('https://tuiles.ville.fr');
    expect(tileOrigin(loadTown('rules/town/amiens.json'))).toBe(null);
  });

  it('refuses a template without its placeholders, without attribution, or not over https', () => {
    expect(() => loadTown(withTiles({ url: 'https://tuiles.ville.fr/carte.png', attribution: 'Ville' }))).toThrow(/map.tiles.url/);
    expect(() => loadTown(withTiles({ url: 'https://tuiles.ville.fr/{z}/{x}/{y}.png' }))).toThrow(/map.tiles.attribution/);
    expect(() => loadTown(withTiles({ url: 'http://tuiles.ville.fr/{z}/{x}/{y}.png', attribution: 'Ville' }))).toThrow(/map.tiles.url/);
  });
});
