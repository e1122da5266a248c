import { describe, expect, it } from 'vitest';
import { diffFlat, fieldsOfParts, FIELD_KEYS, flattenForHistory, labelOfHistoryField, projectHousehold } from './fields';
import { sampleHousehold } from './household.fixture';

describe('projectHousehold', () => {
  const h = sampleHousehold();
  it('keeps only the given fields', () => {
    const p = projectHousehold(h, ['parent.firstName', 'address.city']);
    expect(p).toEqual({ id: h.id, parent: { firstName: 'Samia' }, address: { city: 'Amiens' } });
  });
  it('projects list groups item by item, with their ids', () => {
    const p = projectHousehold(h, ['children.firstName']);
    expect(p.children).toEqual([
      { id: 'c-2', firstName: 'Lina' },
      { id: 'c-1', firstName: 'Yanis' },
    ]);
    expect(JSON.stringify(p)).not.toContain('2019');
  });
  it('an absent other parent stays null', () => {
    expect(projectHousehold(sampleHousehold({ otherParent: null }), ['otherParent.custody'])).toEqual({ id: h.id, otherParent: null });
  });
  it('no personal value leaks outside the consented parts', () => {
    const p = JSON.stringify(projectHousehold(h, fieldsOfParts(['children'])));
    for (const v of ['Samia', '0601020304', 'Lilas', '95050', 'avis-imposition']) expect(p).not.toContain(v);
    expect(p).toContain('Lina');
  });
  it('all parts cover all fields', () => {
    expect(fieldsOfParts(['identity', 'children', 'resources', 'address', 'documents']).sort()).toEqual([...FIELD_KEYS].sort());
  });
});

describe('history', () => {
  it('diffs a changed, an added and a removed field', () => {
    const before = flattenForHistory(sampleHousehold());
    const after = flattenForHistory(
      sampleHousehold({
        address: { ...sampleHousehold().address, line: '3 place Gambetta' },
        children: [
          sampleHousehold().children[0],
          { id: 'c-3', firstName: 'Noé', lastName: null, birthDate: '2024-01-01', custody: 'full', schoolName: null, schoolLevel: null },
        ],
      }),
    );
    const changes = diffFlat(before, after);
    expect(changes).toContainEqual({ field: 'address.line', oldValue: '12 rue des Lilas', newValue: '3 place Gambetta' });
    expect(changes).toContainEqual({ field: 'children.c-3.firstName', oldValue: null, newValue: 'Noé' });
    expect(changes).toContainEqual({ field: 'children.c-1.firstName', oldValue: 'Yanis', newValue: null });
    expect(changes.find((c) => c.field === 'parent.firstName')).toBeUndefined();
  });
  it('no change, no diff', () => {
    expect(diffFlat(flattenForHistory(sampleHousehold()), flattenForHistory(sampleHousehold()))).toEqual([]);
  });
  it('labels history fields in French', () => {
    expect(labelOfHistoryField('children.abc.firstName')).toBe('Prénom de chaque enfant');
    expect(labelOfHistoryField('address.line')).toBe('Adresse');
  });
});
