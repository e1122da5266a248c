/** The menu per role: each sees only the entries meant for it (issue 18: an agent's menu showed the parent's « Mon dossier »). */
import { describe, expect, it } from 'vitest';
import { familyEntries, menuFor, NAV, type NavEntry, type Role } from './nav';

const ids = (role: Role | null) => menuFor(role).map((e) => e.id);

describe('menuFor', () => {
  it('an agent has « Mes familles », not the parent’s « Mon dossier »', () => {
    expect(ids('agent')).toContain('familles');
    expect(ids('agent')).not.toContain('dossier');
  });

  it('a parent has « Mon dossier », not the staff’s entries', () => {
    expect(ids('parent')).toContain('dossier');
    for (const staff of ['familles', 'diagnostic', 'pilotage', 'ma-fiche']) expect(ids('parent')).not.toContain(staff);
  });

  it('a visitor sees the families’ entries, « Mon dossier » among them, and no one’s reserved entry', () => {
    expect(ids(null)).toContain('dossier');
    expect(ids(null)).toContain('droits');
    for (const reserved of ['familles', 'groupes', 'cheques', 'ma-fiche', 'pilotage']) expect(ids(null)).not.toContain(reserved);
  });

  it('partners, coordinators and administrators: their own entries, never a parent’s file', () => {
    expect(ids('partner')).toContain('ma-fiche');
    expect(ids('coordinator')).toEqual(expect.arrayContaining(['familles', 'pilotage', 'diagnostic']));
    expect(ids('admin')).toContain('pilotage');
    for (const role of ['partner', 'coordinator', 'admin'] as const) expect(ids(role)).not.toContain('dossier');
  });

  it('no role has the two entries of /dossier at once', () => {
    for (const role of ['parent', 'agent', 'partner', 'coordinator', 'admin', null] as const) {
      expect(menuFor(role).filter((e) => e.path === '/dossier').length).toBeLessThanOrEqual(1);
    }
  });

  it('reads roles and visitors as written', () => {
    const nav: NavEntry[] = [
      { id: 'all', order: 1, path: '/a', label: 'x', description: 'x' },
      { id: 'parents', order: 2, path: '/b', label: 'x', description: 'x', roles: ['parent'] },
      { id: 'parents-and-visitors', order: 3, path: '/c', label: 'x', description: 'x', roles: ['parent'], visitors: true },
    ];
    expect(menuFor(null, nav).map((e) => e.id)).toEqual(['all', 'parents-and-visitors']);
    expect(menuFor('parent', nav).map((e) => e.id)).toEqual(['all', 'parents', 'parents-and-visitors']);
    expect(menuFor('agent', nav).map((e) => e.id)).toEqual(['all']);
    expect(familyEntries(nav).map((e) => e.id)).toEqual(['all', 'parents-and-visitors']);
  });

  it('the home page presents « Mon dossier » among the families’ services', () => {
    expect(familyEntries().map((e) => e.id)).toContain('dossier');
    expect(familyEntries().length).toBeLessThan(NAV.length);
  });
});
