/**
 * What the eligibility engine knows of a household, from the two shapes Relais holds:
 * the rights simulator's input (droits format, plus `commune`, `quartier`,
 * `quotient_familial`, `situation_emploi`…) and the household file (dossiers). A value
 * the source does not hold stays undefined: the engine asks for it, never assumes it.
 * Pure: no I/O.
 */
import { z } from 'zod';
import type { FieldError } from '../../platform/errors';
import type { Household as FileHousehold } from '../dossiers/index';
import { householdInputSchema } from '../droits/index';
import { EMPLOYMENTS, type Employment, HOUSING_KINDS, type HousingKind } from './aid';
import type { AidFacts } from './eligibility';

const euros = z.number().finite().nonnegative().max(1_000_000);

/** The CLI's (and the public simulator's) input: the droits household plus what local aids read. */
export const aidsHouseholdSchema = householdInputSchema.extend({
  /** YYYY-MM: the month children's birth dates are read on (the public simulator sends ages instead). */
  period: z.string().max(20).default(''),
  /** The housing status may be left unanswered by the public simulator: then an aid that reads it asks. */
  housing: householdInputSchema.shape.housing.extend({ statut: z.enum(HOUSING_KINDS).optional() }).default({ loyer_mensuel: 0 }),
  /** INSEE code (5 characters) or the town's name. */
  commune: z.string().max(100).optional(),
  /** Neighbourhood id of the town configuration. */
  quartier: z.string().max(100).optional(),
  /** Monthly quotient familial, in euros (CAF letter). */
  quotient_familial: euros.optional(),
  situation_emploi: z.enum(EMPLOYMENTS).optional(),
  /** The droits input is a single parent's household; false says otherwise. */
  monoparental: z.boolean().optional(),
  anciennete_residence_mois: z.number().int().min(0).max(1200).optional(),
  aides_recues_cette_annee: z.array(z.string().max(60)).max(50).optional(),
});
export type AidsHouseholdInput = z.input<typeof aidsHouseholdSchema>;

const ACTIVITY_TO_EMPLOYMENT: Record<string, Employment> = { actif: 'en_emploi', chomeur: 'demandeur_emploi', inactif: 'sans_activite' };
const cents = (e: number) => Math.round(e * 100);

function ageOn(birth: string, on: string): number | null {
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birth);
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(on);
  if (!b || !d) return null;
  let age = +d[1] - +b[1];
  if (+d[2] < +b[2] || (+d[2] === +b[2] && +d[3] < +b[3])) age--;
  return age;
}

/** Commune name or code → INSEE code, for the town (other names stay unknown). */
export interface TownRef {
  name: string;
  inseeCode: string;
}

function communeCode(value: string | undefined, town: TownRef): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d[\dAB]\d{3}$/.test(v)) return v;
  const norm = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  // A known other commune's name: not the town, so not its code; unknown names count as elsewhere.
  return norm(v) === norm(town.name) ? town.inseeCode : '00000';
}

/** Facts from the droits-format input (already validated by `aidsHouseholdSchema`). `raw` tells what was given. */
export function factsFromInput(input: z.output<typeof aidsHouseholdSchema>, raw: unknown, town: TownRef, receivedUnknownMeansNone = false): AidFacts {
  const rawParent = (raw as { parent?: Record<string, unknown> } | null)?.parent ?? {};
  const resourcesGiven = ['salaire_net_mensuel', 'chomage_net_mensuel', 'activite'].some((k) => rawParent[k] !== undefined);
  const on = /^\d{4}-\d{2}$/.test(input.period) ? `${input.period}-01` : undefined;
  let childrenAges: number[] | undefined = [];
  for (const c of input.children) {
    const age = c.age ?? (c.date_naissance && on ? ageOn(c.date_naissance, on) : null);
    if (age === null || age === undefined) {
      childrenAges = undefined;
      break;
    }
    childrenAges.push(age);
  }
  const status = input.housing.statut;
  return {
    singleParent: input.monoparental ?? true,
    inseeCode: communeCode(input.commune ?? input.housing.depcom ?? input.housing.commune, town),
    neighbourhood: input.quartier,
    quotientCents: input.quotient_familial === undefined ? undefined : cents(input.quotient_familial),
    resourcesMonthlyCents: resourcesGiven
      ? cents(input.parent.salaire_net_mensuel + input.parent.chomage_net_mensuel + input.pension_alimentaire_recue_mensuelle)
      : undefined,
    childrenAges,
    employment: input.situation_emploi ?? (input.parent.activite ? ACTIVITY_TO_EMPLOYMENT[input.parent.activite] : undefined),
    residenceMonths: input.anciennete_residence_mois,
    housing: status && (HOUSING_KINDS as readonly string[]).includes(status) ? (status as HousingKind) : undefined,
    receivedThisYear: input.aides_recues_cette_annee ?? (receivedUnknownMeansNone ? [] : undefined),
  };
}

/** Parses one household of the CLI / public simulator; French messages with the field path. */
export function parseAidsHousehold(raw: unknown): { ok: true; input: z.output<typeof aidsHouseholdSchema> } | { ok: false; fields: FieldError[] } {
  const r = aidsHouseholdSchema.safeParse(raw);
  if (r.success) return { ok: true, input: r.data };
  return {
    ok: false,
    fields: r.error.issues.map((i) => ({
      path: i.path.map(String).join('.'),
      message:
        i.code === 'invalid_type' ? 'Ce champ est obligatoire ou de mauvais type.' : i.code === 'invalid_value' ? 'Valeur non reconnue.' : 'Valeur invalide.',
    })),
  };
}

/**
 * Facts from the household file on `today` (YYYY-MM-DD). `received` = aids granted this
 * year (from our requests); residence duration is not in the file (asked on the request).
 */
export function factsFromFile(h: FileHousehold, today: string, received: string[], extra: Partial<AidFacts> = {}): AidFacts {
  const s = h.situation;
  const parts = [s.salaryNetMonthlyCents, s.unemploymentNetMonthlyCents, s.otherIncomeMonthlyCents, s.alimonyReceivedMonthlyCents];
  const anyResource = parts.some((p) => p !== null) || s.activity !== null;
  const status = h.housing.status;
  return {
    singleParent: true,
    inseeCode: h.address.inseeCode ?? undefined,
    neighbourhood: h.address.neighbourhoodId ?? undefined,
    quotientCents: h.quotient.value === null ? undefined : Math.round(h.quotient.value * 100),
    resourcesMonthlyCents: anyResource ? parts.reduce<number>((a, p) => a + (p ?? 0), 0) : undefined,
    childrenAges: h.children.map((c) => ageOn(c.birthDate, today) ?? 0).filter((a) => a >= 0),
    employment: s.activity ? ACTIVITY_TO_EMPLOYMENT[s.activity] : undefined,
    housing: status && (HOUSING_KINDS as readonly string[]).includes(status) ? (status as HousingKind) : undefined,
    receivedThisYear: received,
    // An answer given on the page wins; an unanswered question (undefined) keeps what the file says.
    ...(Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)) as Partial<AidFacts>),
  };
}
