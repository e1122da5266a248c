/**
 * The benefit catalogue a family can browse without simulating: each benefit's name, who
 * pays it, its conditions and how to claim (rules/droits/<benefit>.yaml, editable data),
 * with the current amounts computed from the dated parameters.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { parisParts } from '../../platform/clock';
import { BENEFITS, type BenefitKey } from './benefits';
import { type DayNumber, dayNumber, formatDay } from './dates';
import { defaultEngine } from './engine';
import { npRound } from './money';
import type { Legislation, Params } from './parameters';

export const CATALOGUE_DIR = path.resolve(import.meta.dirname, '../../../rules/droits');

export const benefitFileSchema = z.object({
  cle: z.enum(BENEFITS),
  nom: z.string().min(3),
  sigle: z.string().min(2),
  organisme: z.string().min(3),
  resume: z.string().min(10),
  conditions: z.array(z.string().min(5)).min(1),
  demarches: z.array(z.string().min(5)).min(1),
  lien: z.url(),
  ecarts: z.string().min(5),
});
export type BenefitFile = z.infer<typeof benefitFileSchema>;

export interface CurrentAmount {
  label: string;
  amount: number;
  parameter: string;
}

export interface BenefitInfo {
  key: BenefitKey;
  name: string;
  acronym: string;
  payer: string;
  summary: string;
  conditions: string[];
  howToClaim: string[];
  link: string;
  whyItMayDiffer: string;
  amountsOn: string;
  currentAmounts: CurrentAmount[];
}

export function loadCatalogueFiles(dir = CATALOGUE_DIR): BenefitFile[] {
  const out: BenefitFile[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.yaml')) continue;
    const parsed = benefitFileSchema.safeParse(parse(readFileSync(path.join(dir, name), 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`rules/droits/${name} invalide : ${issue?.path.join('.')} ${issue?.message}`);
    }
    out.push(parsed.data);
  }
  return out.sort((a, b) => BENEFITS.indexOf(a.cle) - BENEFITS.indexOf(b.cle));
}

/**
 * Headline amounts of each benefit (monthly unless said), from the parameters in force:
 * a Record, so a benefit of the list without its headline amounts does not compile.
 */
const HEADLINES: Record<BenefitKey, (P: Params, bmaf: number, r2: (x: number) => number) => CurrentAmount[]> = {
  asf: (P, bmaf, r2) => [{ label: 'Par enfant et par mois (avant CRDS)', amount: r2(bmaf * P.asf.taux_par_enfant), parameter: 'asf.taux_par_enfant' }],
  af: (P, bmaf, r2) => [
    { label: '2 enfants, par mois', amount: r2(bmaf * P.af.taux_2e_enfant), parameter: 'af.taux_2e_enfant' },
    { label: 'Par enfant à partir du 3e', amount: r2(bmaf * P.af.taux_3e_enfant_et_plus), parameter: 'af.taux_3e_enfant_et_plus' },
    { label: 'Majoration pour âge, par enfant', amount: r2(bmaf * P.af.majoration_taux), parameter: 'af.majoration_taux' },
    { label: 'Allocation forfaitaire (enfant de 20 ans)', amount: r2(bmaf * P.af.forfaitaire_taux), parameter: 'af.forfaitaire_taux' },
  ],
  cf: (P, bmaf, r2) => [
    { label: 'Montant par mois', amount: r2(bmaf * P.cf.taux_base), parameter: 'cf.taux_base' },
    { label: 'Montant majoré par mois', amount: r2(bmaf * P.cf.taux_majore), parameter: 'cf.taux_majore' },
  ],
  rsa: (P, _bmaf, r2) => {
    const base = P.rsa.montant_de_base;
    return [
      { label: 'Parent seul avec 1 enfant (montant forfaitaire)', amount: r2(base * (1 + P.rsa.majoration_2e_personne)), parameter: 'rsa.montant_de_base' },
      {
        label: 'RSA majoré, parent seul avec 1 enfant',
        amount: r2(base * (P.rsa.majore_taux_femme_enceinte + P.rsa.majore_taux_par_enfant)),
        parameter: 'rsa.majore_taux_par_enfant',
      },
    ];
  },
  ppa: (P, _bmaf, r2) => [
    { label: 'Montant forfaitaire (personne seule)', amount: r2(P.ppa.montant_de_base), parameter: 'ppa.montant_de_base' },
    { label: 'Bonification individuelle maximale', amount: r2(P.ppa.bonification_taux_max * P.ppa.montant_de_base), parameter: 'ppa.bonification_taux_max' },
  ],
  aide_logement: (P, _bmaf, r2) => [
    { label: 'Loyer plafond zone 2, 1 enfant', amount: P.logement.loyer_plafond_zone_2_un_enfant!, parameter: 'logement.loyer_plafond_zone_2_un_enfant' },
    {
      label: 'Forfait charges, 1 enfant',
      amount: r2(P.logement.forfait_charges_base! + P.logement.forfait_charges_par_enfant!),
      parameter: 'logement.forfait_charges_base',
    },
  ],
  paje_base: (P, bmaf, r2) => [
    { label: 'Taux plein, par mois', amount: r2(bmaf * P.paje.taux_plein), parameter: 'paje.taux_plein' },
    { label: 'Taux partiel, par mois', amount: r2((bmaf * P.paje.taux_plein) / 2), parameter: 'paje.taux_plein' },
  ],
  ars_annuel: (P, bmaf, r2) => [
    { label: 'Enfant de 6 à 10 ans (par an)', amount: r2(bmaf * P.ars.taux_primaire), parameter: 'ars.taux_primaire' },
    { label: 'Enfant de 11 à 14 ans (par an)', amount: r2(bmaf * P.ars.taux_college), parameter: 'ars.taux_college' },
    { label: 'Enfant de 15 à 18 ans (par an)', amount: r2(bmaf * P.ars.taux_lycee), parameter: 'ars.taux_lycee' },
  ],
};

/** Headline amounts of a benefit on a day (monthly unless said), from the parameters. */
export function currentAmounts(key: BenefitKey, L: Legislation, day: DayNumber): CurrentAmount[] {
  const P = L.at(day);
  return HEADLINES[key](P, P.commun.bmaf, (x: number) => npRound(x, 2));
}

let files: BenefitFile[] | undefined;

/** The catalogue with amounts in force on `on` (`ctx.now()`), that day in Paris. */
export function benefitCatalogue(on: Date): BenefitInfo[] {
  files ??= loadCatalogueFiles();
  const L = defaultEngine().legislation;
  const paris = parisParts(on);
  const day = dayNumber(paris.year, paris.month, paris.day);
  return files.map((f) => ({
    key: f.cle,
    name: f.nom,
    acronym: f.sigle,
    payer: f.organisme,
    summary: f.resume,
    conditions: f.conditions,
    howToClaim: f.demarches,
    link: f.lien,
    whyItMayDiffer: f.ecarts,
    amountsOn: formatDay(day),
    currentAmounts: currentAmounts(f.cle, L, day),
  }));
}
