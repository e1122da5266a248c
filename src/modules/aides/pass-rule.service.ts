/**
 * The Pass Famille Solo's rule is a local aid (rules/aides/pass-famille-solo.yaml, edited
 * and versioned like the others): the chèques module asks it through its `passRule` hook
 * (aides.module.ts) when an agent issues the pass and when the family's file is renewed.
 * The version in force is the one stored (an admin's edit); before the catalogue is
 * installed, the file as shipped.
 */
import { parisDate } from '../../platform/clock';
import type { Queryable } from '../../platform/db/pool';
import type { PassRuleAnswer } from '../cheques/index';
import { isEnded } from './aid';
import { demoRules } from './aid-files';
import { householdFacts } from './catalogue.service';
import * as catalogue from './catalogue.store';
import { evaluateAid, type QuestionKey } from './eligibility';

export const PASS_AID_ID = 'pass-famille-solo';

/** What the file does not say yet, as the agent reads it (the family's questions are in the second person). */
const MISSING: Record<QuestionKey, string> = {
  single_parent: 'si le parent élève seul ses enfants',
  commune: 'la commune',
  quartier: 'le quartier',
  quotient_familial: 'le quotient familial',
  resources: 'les ressources du foyer',
  children: "l'âge des enfants",
  situation_emploi: "la situation d'emploi",
  residence: 'depuis quand la famille habite la commune',
  housing: 'le logement',
  received_this_year: 'si la famille a déjà reçu cette aide cette année',
};

export async function passAidEligibility(q: Queryable, householdId: string, now: Date): Promise<PassRuleAnswer> {
  const aid = (await catalogue.versionOf(q, PASS_AID_ID))?.definition ?? demoRules().aids.find((a) => a.id === PASS_AID_ID);
  if (!aid || isEnded(aid, parisDate(now))) return { eligible: false, reasons: ['La ville ne propose plus le Pass Famille Solo.'] };
  const e = evaluateAid(aid, await householdFacts(q, householdId, now));
  if (e.status === 'eligible') return { eligible: true, reasons: [] };
  if (e.status === 'not_eligible') return { eligible: false, reasons: e.reasons };
  return { eligible: false, reasons: e.questions.map((x) => `Le dossier ne dit pas encore ${MISSING[x.key]} : à compléter avant d'émettre le Pass.`) };
}
