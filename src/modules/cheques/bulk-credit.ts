/**
 * A list of credits from a spreadsheet (CSV), as a town's finance agent keeps them: one line
 * per family and kind, read and checked whole before anything is credited. Pure.
 *
 *   dossier;type;montant;valable jusqu'au
 *   6f1c…;Chèque santé;50,00;31/12/2026
 */
import { parseCsv } from '../../platform/csv';
import { KIND_LABELS, KINDS, type Kind } from './kinds';

export interface BulkCreditLine {
  line: number;
  householdId: string;
  kind: Kind;
  amountCents: number;
  validUntil: string | null;
}

export interface BulkProblem {
  line: number;
  column: string | null;
  message: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_LINES = 20_000;

/** Lower case, no accents, no punctuation: "Valable jusqu'au" → "valable jusqu au". */
const plain = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const COLUMNS = {
  householdId: ['dossier', 'foyer', 'identifiant du dossier', 'household', 'household id'],
  kind: ['type', 'cheque', 'type de cheque', 'kind'],
  amount: ['montant', 'montant eur', 'montant en euros', 'amount'],
  validUntil: ['valable jusqu au', 'fin de validite', 'valid until'],
} as const;

const KIND_BY_NAME = new Map<string, Kind>([
  ...KINDS.map((k) => [plain(k), k] as const),
  ...KINDS.map((k) => [plain(KIND_LABELS[k]), k] as const),
  [plain('santé'), 'sante'],
  [plain('services de proximité'), 'services'],
  [plain('garde d’enfants'), 'garde'],
  [plain('carte alimentaire'), 'alimentaire'],
]);

/** "50", "50,5", "1 234,56", "50.00", "50 €" → cents; null when it is not an amount. */
export function parseEuros(text: string): number | null {
  const t = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(t)) return null;
  return Math.round(Number(t) * 100);
}

/** "31/12/2026" or "2026-12-31" → "2026-12-31"; null when it is not a real day. */
export function parseDay(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t) ?? null;
  const iso = m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : t;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const [y, mo, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? iso : null;
}

export function parseBulkCredits(text: string, today: string): { lines: BulkCreditLine[]; problems: BulkProblem[] } {
  const { records, problems: csvProblems } = parseCsv(text.replace(/^\uFEFF/, ''));
  const problems: BulkProblem[] = csvProblems.map((p) => ({ line: p.line, column: null, message: p.message }));
  if (!records.length) return { lines: [], problems: [...problems, { line: 1, column: null, message: 'Le fichier est vide.' }] };
  const header = records[0].fields.map(plain);
  const col = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const at = { householdId: col(COLUMNS.householdId), kind: col(COLUMNS.kind), amount: col(COLUMNS.amount), validUntil: col(COLUMNS.validUntil) };
  const missing = [at.householdId < 0 ? '« dossier »' : null, at.kind < 0 ? '« type »' : null, at.amount < 0 ? '« montant »' : null].filter(Boolean);
  if (missing.length) {
    return {
      lines: [],
      problems: [...problems, { line: records[0].line, column: null, message: `Colonne(s) manquante(s) en première ligne : ${missing.join(', ')}.` }],
    };
  }
  if (records.length - 1 > MAX_LINES) {
    return { lines: [], problems: [...problems, { line: 1, column: null, message: `Au plus ${MAX_LINES} lignes par fichier.` }] };
  }
  const lines: BulkCreditLine[] = [];
  for (const r of records.slice(1)) {
    const cell = (i: number) => (i >= 0 ? (r.fields[i] ?? '').trim() : '');
    const bad = (column: string, message: string) => problems.push({ line: r.line, column, message });
    const householdId = cell(at.householdId);
    const kind = KIND_BY_NAME.get(plain(cell(at.kind)));
    const amountCents = parseEuros(cell(at.amount));
    const until = cell(at.validUntil);
    const validUntil = until ? parseDay(until) : null;
    const before = problems.length;
    if (!UUID.test(householdId)) bad('dossier', 'Identifiant de dossier attendu (celui de la fiche de la famille).');
    if (!kind) bad('type', `Type de chèque inconnu : « ${cell(at.kind)} » (santé, services, garde ou alimentaire).`);
    if (amountCents === null || amountCents <= 0 || amountCents > 1_000_000)
      bad('montant', `Montant en euros attendu, entre 0,01 et 10 000 : « ${cell(at.amount)} ».`);
    if (until && !validUntil) bad('valable jusqu’au', `Date attendue (JJ/MM/AAAA) : « ${until} ».`);
    else if (validUntil && validUntil < today) bad('valable jusqu’au', 'Cette date est déjà passée.');
    if (problems.length === before) lines.push({ line: r.line, householdId: householdId.toLowerCase(), kind: kind!, amountCents: amountCents!, validUntil });
  }
  if (!lines.length && !problems.length) problems.push({ line: 1, column: null, message: 'Aucune ligne à créditer.' });
  return { lines, problems };
}
