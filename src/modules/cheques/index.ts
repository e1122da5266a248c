/**
 * What other modules may use from the chèques: credit a household's account inside their
 * own transaction, once they have checked who may (the aids module, when an aid is granted):
 *
 *   await creditAccount(t, ctx, { householdId, kind: 'sante', amountCents: 15000, source: { kind: 'aid', requestId } });
 */
export { creditAccount, type CreditInput, type CreditSourceRef } from './ledger.service';
export { KINDS, KIND_LABELS, type Kind } from './kinds';
/** The API's answers, inferred from the response schemas (the web imports these, type-only). */
export type {
  CodeLookup,
  CodeState,
  Counter,
  HouseholdCheques,
  MyCheques,
  MyPass,
  PassCheck,
  PassOffers,
  PassVerification,
  Redeemed,
  Settlements,
  ShownCode,
  Statement,
} from './cheques.schemas';
