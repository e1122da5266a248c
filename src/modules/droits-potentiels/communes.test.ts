import { describe, expect, it } from 'vitest';
import { communeByCode, normaliseCommuneName, parseCommunes, searchCommunes } from './communes';

const csv = `CODGEO,LIBCOM_2014,REG,DEP,Zonage
80021,Amiens,22,80,2
80016,Albert,22,80,3
69123,Lyon,82,69,2
75056,Paris,11,75,1bis
93066,Saint-Denis,11,93,1
97411,Saint-Denis,04,974,2
80022,Amiens-Nord,22,80,3
`;
const list = parseCommunes(csv).map((c) => ({ c, key: normaliseCommuneName(c.name) }));

describe('communes', () => {
  it('parses code, name, department and zone', () => {
    expect(parseCommunes(csv)[3]).toEqual({ depcom: '75056', name: 'Paris', department: '75', zone: '1bis' });
  });
  it('reads a quoted name holding a comma (RFC 4180)', () => {
    expect(parseCommunes('CODGEO,LIBCOM_2014,REG,DEP,Zonage\r\n99999,"Ville, la",22,80,3\r\n')).toEqual([
      { depcom: '99999', name: 'Ville, la', department: '80', zone: '3' },
    ]);
  });
  it('finds by name, accents, case and hyphens ignored, exact match first', () => {
    expect(searchCommunes('amiens', 8, list).map((c) => c.depcom)).toEqual(['80021', '80022']);
    expect(searchCommunes('st denis', 8, list).map((c) => c.department)).toEqual(['93', '974']);
  });
  it('finds by INSEE code', () => {
    expect(searchCommunes('69123', 8, list)).toEqual([{ depcom: '69123', name: 'Lyon', department: '69', zone: '2' }]);
  });
  it('needs two letters', () => {
    expect(searchCommunes('a', 8, list)).toEqual([]);
  });
  it('reads the real zoning table', () => {
    expect(communeByCode('80021')?.name).toBe('Amiens');
    expect(searchCommunes('Amiens')[0]?.depcom).toBe('80021');
  });
});
