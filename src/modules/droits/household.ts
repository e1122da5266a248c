/**
 * The household a family (or an agent) describes: one parent and the children, in the
 * format of the benefits sample (`benefits-sample.json`, `input` objects). `parseHousehold`
 * checks the shape (zod) and the meaning (dates, amounts, period), then normalises it
 * into `Household`, the engine's input. Errors name the exact field, in French.
 */
import { z } from 'zod';
import type { FieldError } from '../../platform/errors';
import { type DayNumber, type MonthIndex, defaultBirth, firstDay, formatMonth, parseDay, parseMonth } from './dates';

export const HOUSING_STATUSES = ['locataire_hlm', 'locataire_vide', 'locataire_meuble', 'loge_gratuitement', 'proprietaire'] as const;
export type HousingStatus = (typeof HOUSING_STATUSES)[number];
export const ACTIVITIES = ['actif', 'chomeur', 'inactif'] as const;
export type Activity = (typeof ACTIVITIES)[number];
export type Zone = 1 | 2 | 3;

const money = z.number().finite().nonnegative().max(1_000_000);
const age = z.number().int().min(0).max(120);

export const householdInputSchema = z.object({
  id: z.union([z.string().max(200), z.number()]).optional(),
  period: z.string(),
  parent: z.object({
    age: age.optional(),
    date_naissance: z.string().optional(),
    salaire_net_mensuel: money.default(0),
    chomage_net_mensuel: money.default(0),
    salaire_imposable_mensuel: money.optional(),
    chomage_imposable_mensuel: money.optional(),
    activite: z.enum(ACTIVITIES).optional(),
    date_debut_chomage: z.string().optional(),
  }),
  children: z
    .array(z.object({ age: age.optional(), date_naissance: z.string().optional(), prenom: z.string().max(100).optional() }))
    .max(15)
    .default([]),
  housing: z.object({
    statut: z.enum(HOUSING_STATUSES),
    loyer_mensuel: money.default(0),
    depcom: z.string().optional(),
    commune: z.string().max(200).optional(),
    zone: z.union([z.literal(1), z.literal(2), z.literal(3), z.enum(['1', '1bis', '2', '3'])]).optional(),
  }),
  pension_alimentaire_recue_mensuelle: money.default(0),
  /** Monthly alimony set by a judgment or an agreement (optional): what is unpaid can be recovered by the CAF (ARIPA). */
  pension_alimentaire_fixee_mensuelle: money.optional(),
  isolement_recent: z.boolean().default(false),
});
/**
 * The rights input shape (the schema above is the only definition): what
 * POST /api/droits/simulations accepts. Amounts with a default may be left out.
 */
export type HouseholdInput = z.input<typeof householdInputSchema>;

/**
 * The same shape with everything the engine reads written out (a string id, the parent's
 * activity and amounts, each child's birth date and age, the rent, the alimony): what the
 * household file builds (dossiers' toDroitsInput) and the web's simulator sends.
 */
export type CompleteHouseholdInput = Omit<
  HouseholdInput,
  'id' | 'parent' | 'children' | 'housing' | 'pension_alimentaire_recue_mensuelle' | 'isolement_recent'
> & {
  id: string;
  parent: HouseholdInput['parent'] &
    Required<
      Pick<HouseholdInput['parent'], 'activite' | 'salaire_net_mensuel' | 'chomage_net_mensuel' | 'salaire_imposable_mensuel' | 'chomage_imposable_mensuel'>
    >;
  children: (NonNullable<HouseholdInput['children']>[number] & { date_naissance: string; age: number })[];
  housing: HouseholdInput['housing'] & Required<Pick<HouseholdInput['housing'], 'loyer_mensuel'>>;
  pension_alimentaire_recue_mensuelle: number;
  isolement_recent: boolean;
};

export interface Household {
  id: string;
  period: MonthIndex;
  parent: {
    birth: DayNumber;
    salaryNet: number;
    unemploymentNet: number;
    salaryTaxable: number;
    unemploymentTaxable: number;
    activity: Activity;
    /** null when the parent is not unemployed. */
    unemploymentStart: DayNumber | null;
  };
  children: { birth: DayNumber }[];
  housing: {
    status: HousingStatus;
    rent: number;
    zone: Zone;
    zoneSource: 'saisie' | 'commune' | 'defaut';
    depcom?: string;
    commune?: string;
  };
  alimony: number;
  /** Alimony set by a decision, when known (does not change the amounts, only the advice). */
  alimonySet?: number;
  recentlyIsolated: boolean;
}

/** The months the engine answers for, bounded by the parameters we hold. */
export interface PeriodBounds {
  first: MonthIndex;
  last: MonthIndex;
}

export type ZoneLookup = (depcom: string) => Zone | undefined;

export type ParseResult = { ok: true; household: Household } | { ok: false; fields: FieldError[] };

const STATUS_LABELS = HOUSING_STATUSES.join(', ');

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

function zodMessage(issue: z.core.$ZodIssue, raw: unknown): string {
  const last = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'object') return 'Ce bloc est obligatoire.';
      if (valueAt(raw, issue.path) === undefined) return 'Ce champ est obligatoire.';
      if (issue.expected === 'number') return 'Indiquez un nombre.';
      if (issue.expected === 'string') return 'Indiquez un texte.';
      if (issue.expected === 'boolean') return 'Indiquez vrai ou faux.';
      if (issue.expected === 'array') return 'Indiquez une liste.';
      return 'Valeur invalide.';
    case 'too_small':
      return last === 'age' ? "L'âge ne peut pas être négatif." : 'Le montant ne peut pas être négatif.';
    case 'too_big':
      return last === 'children' ? 'Au plus 15 enfants.' : 'Valeur trop grande.';
    case 'invalid_value':
      if (last === 'statut') return `Statut de logement inconnu : choisissez parmi ${STATUS_LABELS}.`;
      if (last === 'activite') return `Activité inconnue : choisissez parmi ${ACTIVITIES.join(', ')}.`;
      return 'Valeur non reconnue.';
    case 'invalid_union':
      if (last === 'zone') return 'Zone inconnue : indiquez 1, 1bis, 2 ou 3.';
      return 'Valeur non reconnue.';
    case 'unrecognized_keys':
      return 'Champ inconnu.';
    default:
      return 'Valeur invalide.';
  }
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function periodErrors(text: string, bounds: PeriodBounds): FieldError[] {
  const period = parseMonth(text);
  if (period === null) return [{ path: 'period', message: 'Indiquez le mois au format AAAA-MM (par exemple 2025-03).' }];
  if (period < bounds.first || period > bounds.last) {
    return [
      {
        path: 'period',
        message: `Le mois doit être compris entre ${formatMonth(bounds.first)} et ${formatMonth(bounds.last)} (paramètres de la législation connus).`,
      },
    ];
  }
  return [];
}

type HouseholdData = z.output<typeof householdInputSchema>;
type ParentData = HouseholdData['parent'];
type ChildData = HouseholdData['children'][number];
type HousingData = HouseholdData['housing'];

const ACTIVITY_SET: ReadonlySet<unknown> = new Set(ACTIVITIES);
const STATUS_SET: ReadonlySet<unknown> = new Set(HOUSING_STATUSES);
const ZONE_SET: ReadonlySet<unknown> = new Set([1, 2, 3, '1', '1bis', '2', '3']);

/** A plain object as z.object accepts it (not null, not an array). */
function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `money`: a finite number from 0 to 1,000,000 (NaN when it is not one: the caller then asks zod). */
function moneyOr(v: unknown, absent: number | undefined): number | undefined {
  if (v === undefined) return absent;
  return typeof v === 'number' && v >= 0 && v <= 1_000_000 ? v : NaN;
}

/** `age`: an integer from 0 to 120, or absent; NaN when it is something else. */
function ageOr(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 120 ? v : NaN;
}

/** An optional text (with at most `max` characters); false when it is something else. */
function textOr(v: unknown, max = Infinity): string | undefined | false {
  if (v === undefined) return undefined;
  return typeof v === 'string' && v.length <= max ? v : false;
}

/**
 * `householdInputSchema.parse` for a well-formed household, by hand: the same output (defaults
 * put in, unknown keys left out), several times faster than zod on the batch command's hot
 * path. null as soon as anything is off: zod then words the error (its messages and paths are
 * the contract). It accepts nothing zod refuses (household.test.ts compares the two).
 */
export function wellFormedInput(raw: unknown): HouseholdData | null {
  if (!isRecord(raw)) return null;
  const id = raw.id;
  if (id !== undefined && !(typeof id === 'string' ? id.length <= 200 : typeof id === 'number' && Number.isFinite(id))) return null;
  const period = raw.period;
  if (typeof period !== 'string') return null;

  const p = raw.parent;
  if (!isRecord(p)) return null;
  const parentAge = ageOr(p.age);
  const parentBirth = textOr(p.date_naissance);
  const salary = moneyOr(p.salaire_net_mensuel, 0)!;
  const unemployment = moneyOr(p.chomage_net_mensuel, 0)!;
  const salaryTaxable = moneyOr(p.salaire_imposable_mensuel, undefined);
  const unemploymentTaxable = moneyOr(p.chomage_imposable_mensuel, undefined);
  const activity = p.activite;
  const unemploymentStart = textOr(p.date_debut_chomage);
  if (
    Number.isNaN(parentAge) ||
    parentBirth === false ||
    Number.isNaN(salary) ||
    Number.isNaN(unemployment) ||
    Number.isNaN(salaryTaxable) ||
    Number.isNaN(unemploymentTaxable) ||
    (activity !== undefined && !ACTIVITY_SET.has(activity)) ||
    unemploymentStart === false
  )
    return null;
  const parent: ParentData = { salaire_net_mensuel: salary, chomage_net_mensuel: unemployment };
  if (parentAge !== undefined) parent.age = parentAge;
  if (parentBirth !== undefined) parent.date_naissance = parentBirth;
  if (salaryTaxable !== undefined) parent.salaire_imposable_mensuel = salaryTaxable;
  if (unemploymentTaxable !== undefined) parent.chomage_imposable_mensuel = unemploymentTaxable;
  if (activity !== undefined) parent.activite = activity as Activity;
  if (unemploymentStart !== undefined) parent.date_debut_chomage = unemploymentStart;

  const rawChildren = raw.children;
  const children: ChildData[] = [];
  if (rawChildren !== undefined) {
    if (!Array.isArray(rawChildren) || rawChildren.length > 15) return null;
    for (const c of rawChildren as unknown[]) {
      if (!isRecord(c)) return null;
      const childAge = ageOr(c.age);
      const birth = textOr(c.date_naissance);
      const name = textOr(c.prenom, 100);
      if (Number.isNaN(childAge) || birth === false || name === false) return null;
      const child: ChildData = {};
      if (childAge !== undefined) child.age = childAge;
      if (birth !== undefined) child.date_naissance = birth;
      if (name !== undefined) child.prenom = name;
      children.push(child);
    }
  }

  const hg = raw.housing;
  if (!isRecord(hg) || !STATUS_SET.has(hg.statut)) return null;
  const rent = moneyOr(hg.loyer_mensuel, 0)!;
  const depcom = textOr(hg.depcom);
  const commune = textOr(hg.commune, 200);
  const zone = hg.zone;
  if (Number.isNaN(rent) || depcom === false || commune === false || (zone !== undefined && !ZONE_SET.has(zone))) return null;
  const housing: HousingData = { statut: hg.statut as HousingStatus, loyer_mensuel: rent };
  if (depcom !== undefined) housing.depcom = depcom;
  if (commune !== undefined) housing.commune = commune;
  if (zone !== undefined) housing.zone = zone as HousingData['zone'];

  const alimony = moneyOr(raw.pension_alimentaire_recue_mensuelle, 0)!;
  const alimonySet = moneyOr(raw.pension_alimentaire_fixee_mensuelle, undefined);
  const isolated = raw.isolement_recent;
  if (Number.isNaN(alimony) || Number.isNaN(alimonySet) || (isolated !== undefined && typeof isolated !== 'boolean')) return null;
  const data: HouseholdData = { period, parent, children, housing, pension_alimentaire_recue_mensuelle: alimony, isolement_recent: isolated ?? false };
  if (id !== undefined) data.id = id as string | number;
  if (alimonySet !== undefined) data.pension_alimentaire_fixee_mensuelle = alimonySet;
  return data;
}

/** Validates and normalises one household. Never throws on bad input. */
export function parseHousehold(raw: unknown, bounds: PeriodBounds, zoneOf: ZoneLookup, index = 0): ParseResult {
  let input = wellFormedInput(raw);
  if (input === null) {
    const parsed = householdInputSchema.safeParse(raw);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => ({ path: pathOf(i.path), message: zodMessage(i, raw) }));
      const period = valueAt(raw, ['period']);
      if (typeof period === 'string') fields.unshift(...periodErrors(period, bounds));
      return { ok: false, fields };
    }
    input = parsed.data;
  }
  const fields: FieldError[] = [];
  const period = parseMonth(input.period);
  fields.push(...periodErrors(input.period, bounds));
  if (period === null) return { ok: false, fields };
  const startOfPeriod = firstDay(period);

  const birthOf = (who: { age?: number; date_naissance?: string }, path: string): DayNumber | null => {
    if (who.date_naissance !== undefined) {
      const day = parseDay(who.date_naissance);
      if (day === null) {
        fields.push({ path: `${path}.date_naissance`, message: 'Date impossible : indiquez AAAA-MM-JJ (par exemple 2015-04-28).' });
        return null;
      }
      return day;
    }
    if (who.age !== undefined) return defaultBirth(who.age, period);
    fields.push({ path: `${path}.date_naissance`, message: "Indiquez la date de naissance (ou l'âge)." });
    return null;
  };

  const parentBirth = birthOf(input.parent, 'parent');
  if (parentBirth !== null && parentBirth >= startOfPeriod) {
    fields.push({ path: 'parent.date_naissance', message: 'La date de naissance du parent doit précéder le mois simulé.' });
  } else if (parentBirth !== null && startOfPeriod - parentBirth < 15 * 365) {
    fields.push({ path: 'parent.date_naissance', message: 'Le parent doit avoir au moins 15 ans.' });
  }

  const children: { birth: DayNumber }[] = [];
  input.children.forEach((child, i) => {
    const birth = birthOf(child, `children.${i}`);
    if (birth === null) return;
    if (birth >= firstDay(period + 1)) {
      fields.push({ path: `children.${i}.date_naissance`, message: "L'enfant doit être né au plus tard pendant le mois simulé." });
      return;
    }
    if (parentBirth !== null && birth <= parentBirth) {
      fields.push({ path: `children.${i}.date_naissance`, message: "L'enfant ne peut pas être né avant son parent." });
      return;
    }
    children.push({ birth });
  });

  const activity: Activity =
    input.parent.activite ??
    (input.parent.chomage_net_mensuel > 0 && input.parent.salaire_net_mensuel === 0 ? 'chomeur' : input.parent.salaire_net_mensuel > 0 ? 'actif' : 'inactif');
  let unemploymentStart: DayNumber | null = null;
  if (activity === 'chomeur') {
    if (input.parent.date_debut_chomage !== undefined) {
      unemploymentStart = parseDay(input.parent.date_debut_chomage);
      if (unemploymentStart === null) {
        fields.push({ path: 'parent.date_debut_chomage', message: 'Date impossible : indiquez AAAA-MM-JJ.' });
      } else if (unemploymentStart >= firstDay(period + 1)) {
        fields.push({ path: 'parent.date_debut_chomage', message: 'Le chômage doit avoir commencé au plus tard pendant le mois simulé.' });
      }
    } else {
      unemploymentStart = firstDay(period - 12);
    }
  } else if (input.parent.date_debut_chomage !== undefined && parseDay(input.parent.date_debut_chomage) === null) {
    fields.push({ path: 'parent.date_debut_chomage', message: 'Date impossible : indiquez AAAA-MM-JJ.' });
  }

  // An owner may declare a monthly loan repayment here: it only removes the in-kind housing
  // advantage (forfait logement) of RSA and prime d'activité, as in the reference model.

  let zone: Zone | undefined;
  let zoneSource: Household['housing']['zoneSource'] = 'defaut';
  if (input.housing.zone !== undefined) {
    zone = (input.housing.zone === '1bis' ? 1 : Number(input.housing.zone)) as Zone;
    zoneSource = 'saisie';
  } else if (input.housing.depcom !== undefined) {
    if (!/^(\d{5}|2[AB]\d{3})$/.test(input.housing.depcom)) {
      fields.push({ path: 'housing.depcom', message: 'Code commune INSEE invalide : 5 caractères, par exemple 80021 pour Amiens.' });
    } else {
      zone = zoneOf(input.housing.depcom);
      if (zone !== undefined) zoneSource = 'commune';
    }
  }

  if (fields.length > 0) return { ok: false, fields };
  return {
    ok: true,
    household: {
      id: input.id !== undefined ? String(input.id) : `foyer-${index + 1}`,
      period,
      parent: {
        birth: parentBirth!,
        salaryNet: input.parent.salaire_net_mensuel,
        unemploymentNet: input.parent.chomage_net_mensuel,
        salaryTaxable: input.parent.salaire_imposable_mensuel ?? input.parent.salaire_net_mensuel,
        unemploymentTaxable: input.parent.chomage_imposable_mensuel ?? input.parent.chomage_net_mensuel,
        activity,
        unemploymentStart,
      },
      children,
      housing: {
        status: input.housing.statut,
        rent: input.housing.loyer_mensuel,
        zone: zone ?? 2,
        zoneSource,
        depcom: input.housing.depcom,
        commune: input.housing.commune,
      },
      alimony: input.pension_alimentaire_recue_mensuelle,
      alimonySet: input.pension_alimentaire_fixee_mensuelle,
      recentlyIsolated: input.isolement_recent,
    },
  };
}
