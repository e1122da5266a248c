/**
 * The catalogue of the file's fields, grouped in the named parts a family consents
 * to share (identity, children, resources, address, documents), and the projection
 * that keeps only some of them. Forms declare field keys from here; partners see the
 * fields of the parts consented. Pure.
 */
import type { ProjectedHouseholdOut } from './dossiers.schemas';
import type { Household } from './household';

export const PARTS = ['identity', 'children', 'resources', 'address', 'documents'] as const;
export type Part = (typeof PARTS)[number];

export const PART_LABELS: Record<Part, string> = {
  identity: 'Identité (vous et l’autre parent)',
  children: 'Enfants',
  resources: 'Ressources et situation',
  address: 'Adresse et quartier',
  documents: 'Justificatifs',
};

interface FieldDef {
  part: Part;
  label: string;
}

/** Key → definition. `group.field`; list groups (children, documents) apply the field to every item. */
export const FIELDS = {
  'parent.firstName': { part: 'identity', label: 'Votre prénom' },
  'parent.lastName': { part: 'identity', label: 'Votre nom' },
  'parent.birthDate': { part: 'identity', label: 'Votre date de naissance' },
  'parent.phone': { part: 'identity', label: 'Votre téléphone' },
  'parent.email': { part: 'identity', label: 'Votre adresse e-mail' },
  'otherParent.firstName': { part: 'identity', label: "Prénom de l'autre parent" },
  'otherParent.lastName': { part: 'identity', label: "Nom de l'autre parent" },
  'otherParent.custody': { part: 'identity', label: 'Mode de garde' },
  'otherParent.alimonyDueMonthlyCents': { part: 'resources', label: 'Pension alimentaire fixée (par mois)' },
  'otherParent.alimonyPaidRegularly': { part: 'resources', label: 'Pension alimentaire versée régulièrement' },
  'children.firstName': { part: 'children', label: 'Prénom de chaque enfant' },
  'children.lastName': { part: 'children', label: 'Nom de chaque enfant' },
  'children.birthDate': { part: 'children', label: 'Date de naissance de chaque enfant' },
  'children.custody': { part: 'children', label: 'Garde de chaque enfant' },
  'children.schoolName': { part: 'children', label: 'École de chaque enfant' },
  'children.schoolLevel': { part: 'children', label: 'Classe de chaque enfant' },
  'address.line': { part: 'address', label: 'Adresse' },
  'address.postalCode': { part: 'address', label: 'Code postal' },
  'address.city': { part: 'address', label: 'Commune' },
  'address.inseeCode': { part: 'address', label: 'Code commune INSEE' },
  'address.neighbourhoodId': { part: 'address', label: 'Quartier' },
  'situation.activity': { part: 'resources', label: 'Activité' },
  'situation.unemploymentSince': { part: 'resources', label: 'Au chômage depuis' },
  'situation.salaryNetMonthlyCents': { part: 'resources', label: 'Salaire net par mois' },
  'situation.unemploymentNetMonthlyCents': { part: 'resources', label: 'Allocation chômage nette par mois' },
  'situation.otherIncomeMonthlyCents': { part: 'resources', label: 'Autres revenus par mois' },
  'situation.alimonyReceivedMonthlyCents': { part: 'resources', label: 'Pension alimentaire reçue par mois' },
  'situation.familyBenefitsMonthlyCents': { part: 'resources', label: 'Prestations familiales reçues par mois' },
  'situation.annualIncomeCents': { part: 'resources', label: 'Revenus annuels imposables' },
  'situation.recentlySeparated': { part: 'resources', label: 'Séparation depuis moins de 18 mois' },
  'housing.status': { part: 'resources', label: 'Logement' },
  'housing.rentMonthlyCents': { part: 'resources', label: 'Loyer par mois, sans les charges' },
  'housing.chargesMonthlyCents': { part: 'resources', label: 'Charges locatives par mois' },
  'housing.rentWithChargesFormerCents': { part: 'resources', label: 'Loyer indiqué avant, charges comprises' },
  'quotient.value': { part: 'resources', label: 'Quotient familial' },
  'documents.kind': { part: 'documents', label: 'Type de chaque justificatif' },
  'documents.label': { part: 'documents', label: 'Nom de chaque justificatif' },
  'documents.validUntil': { part: 'documents', label: 'Date de fin de validité des justificatifs' },
} as const satisfies Record<string, FieldDef>;

export type FieldKey = keyof typeof FIELDS;
export const FIELD_KEYS = Object.keys(FIELDS) as FieldKey[];

export function isFieldKey(k: string): k is FieldKey {
  return Object.hasOwn(FIELDS, k);
}

export function fieldsOfParts(parts: readonly Part[]): FieldKey[] {
  return FIELD_KEYS.filter((k) => parts.includes(FIELDS[k].part));
}

const LIST_GROUPS = new Set(['children', 'documents']);

/**
 * A copy of the household with only the given fields (plus its id, and each child's or
 * document's id when any of their fields is kept). Groups with no kept field are absent.
 * Its shape is `projectedHouseholdOut` (dossiers.schemas.ts): what leaves the server for a
 * partner or a form is parsed through that schema, so nothing else of the file can pass.
 */
export function projectHousehold(h: Household, keys: readonly FieldKey[]): ProjectedHousehold {
  const out: Record<string, unknown> = { id: h.id };
  const byGroup = new Map<string, string[]>();
  for (const k of keys) {
    const [g, f] = k.split('.');
    if (!byGroup.has(g)) byGroup.set(g, []);
    byGroup.get(g)!.push(f);
  }
  const pick = (src: object, fs: string[]) => Object.fromEntries(fs.map((f) => [f, (src as Record<string, unknown>)[f] ?? null]));
  for (const [g, fs] of byGroup) {
    const src = (h as unknown as Record<string, unknown>)[g];
    if (LIST_GROUPS.has(g)) {
      out[g] = (src as { id: string }[]).map((item) => ({ id: item.id, ...pick(item, fs) }));
    } else if (src == null) {
      out[g] = null;
    } else {
      out[g] = pick(src as object, fs);
    }
  }
  return out as ProjectedHousehold;
}

export type ProjectedHousehold = ProjectedHouseholdOut;

/**
 * The file as flat `field → value` pairs, for the change history: list items are keyed
 * by their id (`children.<id>.firstName`). Derived values (quotient computed, document
 * expiry) are left out: they are not entered.
 */
export function flattenForHistory(
  h: Pick<Household, 'parent' | 'otherParent' | 'children' | 'address' | 'situation' | 'housing' | 'quotient' | 'documents'>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const put = (prefix: string, obj: Record<string, unknown> | null) => {
    if (!obj) return;
    for (const [k, v] of Object.entries(obj)) if (k !== 'id') out[`${prefix}.${k}`] = v ?? null;
  };
  put('parent', h.parent as any);
  put('otherParent', h.otherParent as any);
  put('address', h.address as any);
  put('situation', h.situation as any);
  put('housing', h.housing as any);
  out['quotient.entered'] = h.quotient.entered ?? null;
  for (const c of h.children) put(`children.${c.id}`, c as any);
  for (const d of h.documents) {
    const { expired: _e, hasFile: _f, ...stored } = d;
    put(`documents.${d.id}`, stored as any);
  }
  return out;
}

export interface FieldChange {
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

/** Fields whose value differs between two flattened files (added and removed included). */
export function diffFlat(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: FieldChange[] = [];
  for (const k of [...keys].sort()) {
    const a = before[k] ?? null;
    const b = after[k] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) changes.push({ field: k, oldValue: a, newValue: b });
  }
  return changes;
}

/** The French label of a history field key (`children.<id>.firstName` → the children label). */
export function labelOfHistoryField(field: string): string {
  const parts = field.split('.');
  const key = (parts.length === 3 ? `${parts[0]}.${parts[2]}` : field) as FieldKey;
  if (isFieldKey(key)) return FIELDS[key].label;
  if (field === 'quotient.entered') return 'Quotient familial (saisi)';
  return field;
}
