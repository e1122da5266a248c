/**
 * What other modules may use from the chèques: credit a household's account inside their
 * own transaction, once they have checked who may (the aids module, when an aid is granted):
 *
 *   await creditAccount(t, ctx, { householdId, kind: 'sante', amountCents: 15000, source: { kind: 'aid', requestId } });
 */
export { creditAccount, type CreditInput, type CreditSourceRef, type Credited } from './ledger.service';
export { KINDS, KIND_LABELS, type Kind } from './kinds';
/**
 * The Pass Famille Solo's rule comes from outside (the aids module's local aid
 * « pass-famille-solo »): `hooks: { cheques: { passRule } }` in that module's ModuleDef.
 */
export type { ChequesHooks, PassRule, PassRuleAnswer } from './extensions';
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
  PassUses,
  PassVerification,
  Redeemed,
  Settlements,
  ShownCode,
  Statement,
} from './cheques.schemas';
