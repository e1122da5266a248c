/** zod schemas of the chèques and pass API (French messages). */
import { z } from 'zod';
import { day, timestamp } from '../../platform/response-schemas';
import { KINDS } from './kinds';

const uuid = z.uuid({ message: 'Identifiant invalide.' });
export const idParams = z.object({ id: uuid });
export const householdParams = z.object({ householdId: uuid });

const kind = z.enum(KINDS, { message: 'Type de chèque inconnu.' });
const cents = z
  .number({ message: 'Montant attendu.' })
  .int({ message: 'Montant en centimes entiers attendu.' })
  .min(1, { message: 'Le montant doit être positif.' })
  .max(1_000_000, { message: 'Le montant dépasse 10 000 €.' });
const reason = () => z.string().trim().min(3).max(500);
const date = z.iso.date({ message: 'Date attendue (AAAA-MM-JJ).' });

export const kindParams = z.object({ kind });
export const sheetInput = z.object({ format: z.enum(['pdf', 'html'], { message: 'Format attendu : pdf ou html.' }).default('pdf') });

export const creditInput = z.object({
  kind,
  amountCents: cents,
  source: z.enum(['agent', 'allowance', 'top_up'], { message: 'Origine du crédit inconnue.' }).default('agent'),
  reason: reason(),
  validUntil: date.nullable().optional(),
  /** Why the agent opens the file, if not opened yet. */
  openReason: reason().optional(),
});

export const correctionInput = z.object({
  kind,
  amountCents: z
    .number({ message: 'Montant attendu.' })
    .int({ message: 'Montant en centimes entiers attendu.' })
    .min(-1_000_000)
    .max(1_000_000)
    .refine((n) => n !== 0, { message: 'Une correction de 0 € ne change rien.' }),
  reason: reason(),
});

export const codeInput = z.object({ code: z.string().trim().min(1, { message: 'Saisissez le code.' }).max(40, { message: 'Ce code est trop long.' }) });
export const redeemInput = codeInput.extend({ amountCents: cents });

export const partnerKindsInput = z.object({ kinds: z.array(kind).max(KINDS.length) });

export const passIssueInput = z.object({ reason: reason().optional() });
export const passRevokeInput = z.object({ reason: reason() });
export const passVerifyInput = z.object({
  pass: z.string().trim().min(1, { message: 'Saisissez ou scannez le Pass.' }).max(400, { message: 'Ce contenu est trop long.' }),
});

const BENEFITS = ['free_entry', 'reduced_price', 'reserved_workshop'] as const;
const THEMES = ['culture', 'sport', 'loisirs', 'ateliers'] as const;
export const offerInput = z.object({
  benefit: z.enum(BENEFITS, { message: 'Avantage inconnu.' }),
  theme: z.enum(THEMES, { message: 'Thème inconnu.' }),
  title: z.string().trim().min(1, { message: 'Indiquez un intitulé.' }).max(200, { message: "L'intitulé est trop long (200 caractères au plus)." }),
  details: z.string().trim().max(1000, { message: 'Le détail est trop long (1000 caractères au plus).' }).nullable().optional(),
});
export const offersQuery = z.object({
  theme: z.enum(THEMES, { message: 'Thème inconnu.' }).optional(),
  neighbourhood: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/, { message: 'Quartier inconnu.' })
    .optional(),
  structureId: uuid.optional(),
});

export const periodQuery = z.object({ period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Mois attendu (AAAA-MM).' }) });
export const settleInput = periodQuery.extend({ structureId: uuid });

// ------------------------------------------------------------------ responses
const kindOut = z.enum(KINDS);
const entryTypeOut = z.enum(['credit', 'debit', 'cancellation', 'correction', 'expiry']);
export const accountOut = z.object({ kind: kindOut, label: z.string(), balanceCents: z.number(), availableCents: z.number(), nextExpiry: day.nullable() });
export const historyItemOut = z.object({
  id: z.string(),
  kind: kindOut,
  kindLabel: z.string(),
  type: entryTypeOut,
  label: z.string(),
  amountCents: z.number(),
  at: timestamp,
  validUntil: day.nullable(),
  cancelled: z.boolean(),
});
export const myChequesOut = z.object({ firstName: z.string().nullable(), accounts: z.array(accountOut), history: z.array(historyItemOut) });
export const householdChequesOut = z.object({ accounts: z.array(accountOut), history: z.array(historyItemOut) });
export const creditedOut = z.object({ accountId: z.string(), entryId: z.string() });
export const createdOut = z.object({ id: z.string() });
export const okOut = z.object({ ok: z.boolean() });

export const codeOut = z.object({ id: z.string(), code: z.string(), qr: z.string(), kind: kindOut, expiresAt: timestamp });
export const codeStateOut = z.object({ state: z.enum(['waiting', 'used', 'expired']) });
export const lookupOut = z.object({ firstName: z.string(), kind: kindOut, kindLabel: z.string(), availableCents: z.number() });
export const redeemedOut = z.object({
  id: z.string(),
  firstName: z.string(),
  kind: kindOut,
  kindLabel: z.string(),
  amountCents: z.number(),
  availableCents: z.number(),
});
export const counterOut = z.object({
  kinds: z.array(kindOut),
  redemptions: z.array(
    z.object({
      id: z.string(),
      at: timestamp,
      kind: kindOut,
      kindLabel: z.string(),
      amountCents: z.number(),
      firstName: z.string(),
      cancelled: z.boolean(),
      settled: z.boolean(),
    }),
  ),
});
export const partnerKindsOut = z.object({ structureId: z.string(), kinds: z.array(kindOut) });

const passStatus = z.enum(['valid', 'expired', 'revoked', 'not_yet_valid']);
export const passCheckOut = z.object({
  eligible: z.boolean(),
  reason: z.string().nullable(),
  pass: z.object({ id: z.string(), number: z.string(), firstName: z.string(), validFrom: day, validUntil: day, status: passStatus }).nullable(),
});
export const myPassOut = z.object({
  pass: z.object({ number: z.string(), firstName: z.string(), validFrom: day, validUntil: day, status: passStatus, token: z.string().nullable() }).nullable(),
});
export const verifyOut = z.object({
  status: passStatus,
  firstName: z.string(),
  validUntil: day,
  benefits: z.array(z.object({ title: z.string(), benefit: z.enum(BENEFITS), benefitLabel: z.string(), details: z.string().nullable() })),
});
export const offersOut = z.object({
  offers: z.array(
    z.object({
      id: z.string(),
      structureId: z.string(),
      structureName: z.string(),
      benefit: z.enum(BENEFITS),
      benefitLabel: z.string(),
      theme: z.enum(THEMES),
      themeLabel: z.string(),
      title: z.string(),
      details: z.string().nullable(),
      neighbourhood: z.string().nullable(),
    }),
  ),
});
export const passUsesOut = z.object({
  period: z.string(),
  uses: z.array(z.object({ structureId: z.string(), structureName: z.string(), neighbourhood: z.string().nullable(), count: z.number() })),
});
export const publicKeyOut = z.string().meta({ description: 'Clé publique Ed25519 de la ville (PEM, SPKI)' });

export const statementOut = z.object({
  structureId: z.string(),
  structureName: z.string(),
  period: z.string(),
  totalCents: z.number(),
  settledCents: z.number(),
  lines: z.array(
    z.object({ id: z.string(), at: timestamp, kind: kindOut, kindLabel: z.string(), amountCents: z.number(), cancelled: z.boolean(), settled: z.boolean() }),
  ),
});
export const settlementsOut = z.object({
  period: z.string(),
  partners: z.array(z.object({ structureId: z.string(), structureName: z.string(), count: z.number(), totalCents: z.number() })),
  settlements: z.array(
    z.object({
      id: z.string(),
      structureId: z.string(),
      structureName: z.string(),
      period: z.string(),
      count: z.number(),
      totalCents: z.number(),
      createdAt: timestamp,
      paidAt: timestamp.nullable(),
    }),
  ),
});

export type Statement = z.infer<typeof statementOut>;
export type Settlements = z.infer<typeof settlementsOut>;
export type MyCheques = z.infer<typeof myChequesOut>;
export type HouseholdCheques = z.infer<typeof householdChequesOut>;
export type ShownCode = z.infer<typeof codeOut>;
export type CodeState = z.infer<typeof codeStateOut>;
export type CodeLookup = z.infer<typeof lookupOut>;
export type Redeemed = z.infer<typeof redeemedOut>;
export type Counter = z.infer<typeof counterOut>;
export type PassCheck = z.infer<typeof passCheckOut>;
export type MyPass = z.infer<typeof myPassOut>;
export type PassVerification = z.infer<typeof verifyOut>;
export type PassOffers = z.infer<typeof offersOut>;
export type PassUses = z.infer<typeof passUsesOut>;
