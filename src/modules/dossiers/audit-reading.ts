/**
 * The family's access log as a person reads it: every audit row is kept, but one visit of
 * an agent (the same agent, the same motif, readings less than VISIT_GAP_MINUTES apart)
 * reads as one line with its count; a partner is named by its structure in the directory,
 * and an orientation by its structure and precise service. Pure: names come resolved.
 */

export const VISIT_GAP_MINUTES = 30;

/** Readings that make up a visit (a visit starts with an opening or a first reading). */
const VISIT_ACTIONS = new Set(['dossiers/opened', 'dossiers/accessed', 'dossiers/partner-access']);

export interface AuditLine {
  id: number;
  at: Date | string;
  action: string;
  actorId: string | null;
  actorRole: string | null;
  actorName: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

export interface Names {
  /** Directory name of a structure (by id). */
  structure: (id: string) => string | undefined;
  /** Directory name of a service (by id). */
  service: (id: string) => string | undefined;
  /** The structure a partner account acts for (by user id). */
  structureOfActor: (userId: string) => string | undefined;
}

export interface ReadEntry {
  id: number;
  at: string;
  /** The last reading of a grouped visit (same as `at` for a single row). */
  lastAt: string;
  /** How many audit rows this line stands for. */
  count: number;
  action: string;
  label: string;
  actorRole: string | null;
  actorName: string | null;
  reason: string | null;
}

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** "en 2 minutes", "en moins d'une minute", "en 1 h 05" — how long a visit lasted. */
export function spanPhrase(fromIso: string, toIso: string): string {
  const minutes = Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 60_000);
  if (minutes < 1) return "en moins d'une minute";
  if (minutes < 60) return `en ${minutes} minute${minutes > 1 ? 's' : ''}`;
  return `en ${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
}

function groupKey(r: AuditLine): string | null {
  if (!VISIT_ACTIONS.has(r.action) || !r.actorId) return null;
  // An opening and the readings that follow it are one visit: same key for both actions.
  const kind = r.action === 'dossiers/partner-access' ? 'partner' : 'staff';
  return `${kind}|${r.actorId}|${r.reason ?? ''}|${kind === 'partner' ? (str(r.details.structureId) ?? '') : ''}`;
}

/**
 * Rows newest first (as the audit lists them) → lines newest first. `labels` gives the words of
 * each action; `names` the directory's names.
 */
export function readAuditTrail(rows: AuditLine[], labels: (action: string) => string, names: Names): ReadEntry[] {
  const chronological = [...rows].sort((a, b) => Date.parse(iso(a.at)) - Date.parse(iso(b.at)) || a.id - b.id);
  const out: ReadEntry[] = [];
  const open = new Map<string, ReadEntry>();
  for (const r of chronological) {
    const key = groupKey(r);
    const at = iso(r.at);
    const current = key ? open.get(key) : undefined;
    if (key && current && Date.parse(at) - Date.parse(current.lastAt) <= VISIT_GAP_MINUTES * 60_000) {
      current.count += 1;
      current.lastAt = at;
      continue;
    }
    const entry: ReadEntry = {
      id: r.id,
      at,
      lastAt: at,
      count: 1,
      action: r.action,
      label: labelOf(r, labels, names),
      actorRole: r.actorRole,
      actorName: actorNameOf(r, names),
      reason: r.reason,
    };
    if (key) open.set(key, entry);
    out.push(entry);
  }
  for (const e of out) if (e.count > 1) e.label = `${e.label} (${e.count} consultations ${spanPhrase(e.at, e.lastAt)})`;
  return out.reverse();
}

function actorNameOf(r: AuditLine, names: Names): string | null {
  if (r.actorRole === 'parent') return 'Vous';
  if (r.actorRole === 'partner') {
    const structure = str(r.details.structureId) ?? (r.actorId ? names.structureOfActor(r.actorId) : undefined);
    const name = structure ? names.structure(structure) : undefined;
    // The structure is who reads; the account's own name only when the directory does not know it.
    return name ?? r.actorName;
  }
  return r.actorName;
}

function labelOf(r: AuditLine, labels: (action: string) => string, names: Names): string {
  const base = labels(r.action);
  const structureId = str(r.details.structureId);
  const serviceId = str(r.details.serviceId);
  const structure = structureId ? names.structure(structureId) : undefined;
  const service = serviceId ? names.service(serviceId) : undefined;
  const where = [structure, service ? `service « ${service} »` : undefined].filter(Boolean).join(', ');
  switch (r.action) {
    case 'dossiers/oriented':
      return where ? `Orientation vers ${where}` : base;
    case 'dossiers/consent-granted':
    case 'dossiers/consent-revoked': {
      // Recorded by an agent: what the family said at the desk, said so.
      const desk = r.details.atDesk === true ? (r.action === 'dossiers/consent-granted' ? ' au guichet' : ' à votre demande, au guichet') : '';
      return `${base}${desk}${where ? ` : ${where}` : ''}`;
    }
    case 'dossiers/orientation-consent-confirmed':
      return where ? `${base} : ${where}` : base;
    default:
      return base;
  }
}
