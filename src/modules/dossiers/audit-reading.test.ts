import { describe, expect, it } from 'vitest';
import { readAuditTrail, spanPhrase, type AuditLine, type Names } from './audit-reading';

const AGENT = '11111111-1111-4111-8111-111111111111';
const OTHER_AGENT = '22222222-2222-4222-8222-222222222222';
const PARTNER = '33333333-3333-4333-8333-333333333333';
const ETOUVIE = '00000000-0000-4000-8000-00000000a001';
const SERVICE = '44444444-4444-4444-8444-444444444444';

const names: Names = {
  structure: (id) => (id === ETOUVIE ? "Centre social d'Étouvie (démo)" : undefined),
  service: (id) => (id === SERVICE ? 'Permanence accès aux droits (démo)' : undefined),
  structureOfActor: (id) => (id === PARTNER ? ETOUVIE : undefined),
};
const labels = (a: string) => ({ 'dossiers/opened': 'Dossier ouvert par un agent', 'dossiers/accessed': 'Dossier consulté par un agent' })[a] ?? a;

let n = 0;
const row = (minute: number, action: string, over: Partial<AuditLine> = {}): AuditLine => ({
  id: ++n,
  at: new Date(Date.UTC(2026, 11, 4, 9, 0) + minute * 60_000),
  action,
  actorId: AGENT,
  actorRole: 'agent',
  actorName: 'Agent (démo)',
  reason: 'Rendez-vous accès aux droits',
  details: {},
  ...over,
});

describe('readAuditTrail', () => {
  it('reads one visit of an agent (an opening and its readings) as one line with its motif and count', () => {
    const rows = [row(0, 'dossiers/opened'), ...Array.from({ length: 11 }, (_, i) => row(i * 0.2, 'dossiers/accessed'))];
    const lines = readAuditTrail(rows.reverse(), labels, names);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ count: 12, reason: 'Rendez-vous accès aux droits', actorName: 'Agent (démo)' });
    expect(lines[0].label).toBe('Dossier ouvert par un agent (12 consultations en 2 minutes)');
  });

  it('starts a new line after a pause, for another agent or another motif', () => {
    const rows = [
      row(0, 'dossiers/opened'),
      row(5, 'dossiers/accessed'),
      row(5, 'dossiers/accessed', { actorId: OTHER_AGENT, actorName: 'Autre agent' }),
      row(6, 'dossiers/accessed', { reason: 'Autre motif' }),
      row(50, 'dossiers/accessed'),
    ];
    const lines = readAuditTrail(rows, labels, names);
    expect(lines.map((l) => l.count)).toEqual([1, 1, 1, 2]);
    expect(lines.reduce((s, l) => s + l.count, 0)).toBe(rows.length);
  });

  it('never groups a change with readings', () => {
    const rows = [row(0, 'dossiers/opened'), row(1, 'dossiers/note-added'), row(2, 'dossiers/accessed')];
    expect(readAuditTrail(rows, labels, names).map((l) => [l.action, l.count])).toEqual([
      ['dossiers/note-added', 1],
      ['dossiers/opened', 2],
    ]);
  });

  it('names a partner by its structure in the directory, not by its account', () => {
    const rows = [
      row(0, 'dossiers/partner-access', {
        actorId: PARTNER,
        actorRole: 'partner',
        actorName: 'Association partenaire (démo)',
        reason: null,
        details: { structureId: ETOUVIE },
      }),
      row(3, 'dossiers/orientation-accepted', { actorId: PARTNER, actorRole: 'partner', actorName: 'Association partenaire (démo)', reason: null }),
    ];
    const lines = readAuditTrail(rows, labels, names);
    expect(lines.map((l) => l.actorName)).toEqual(["Centre social d'Étouvie (démo)", "Centre social d'Étouvie (démo)"]);
  });

  it('names the precise service of an orientation', () => {
    const [line] = readAuditTrail([row(0, 'dossiers/oriented', { details: { structureId: ETOUVIE, serviceId: SERVICE } })], labels, names);
    expect(line.label).toBe("Orientation vers Centre social d'Étouvie (démo), service « Permanence accès aux droits (démo) »");
  });

  it('says when a consent was recorded at the desk, as the family’s own statement', () => {
    const labelsOf = (a: string) => ({ 'dossiers/consent-revoked': 'Accord de partage retiré', 'dossiers/consent-granted': 'Accord de partage donné' })[a] ?? a;
    const [revoked, granted] = readAuditTrail(
      [
        row(0, 'dossiers/consent-granted', { details: { structureId: ETOUVIE, atDesk: true } }),
        row(1, 'dossiers/consent-revoked', { details: { structureId: ETOUVIE, atDesk: true } }),
      ],
      labelsOf,
      names,
    );
    expect(granted.label).toBe("Accord de partage donné au guichet : Centre social d'Étouvie (démo)");
    expect(revoked.label).toBe("Accord de partage retiré à votre demande, au guichet : Centre social d'Étouvie (démo)");
  });

  it('says how long a visit lasted in words', () => {
    const at = '2026-12-04T09:00:00.000Z';
    expect(spanPhrase(at, '2026-12-04T09:00:20.000Z')).toBe("en moins d'une minute");
    expect(spanPhrase(at, '2026-12-04T09:01:00.000Z')).toBe('en 1 minute');
    expect(spanPhrase(at, '2026-12-04T10:05:00.000Z')).toBe('en 1 h 05');
  });
});
