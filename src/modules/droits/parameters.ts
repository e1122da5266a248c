/**
 * The dated parameters of the law, as the engine sees them. The data lives in
 * rules/legislation/<group>.yaml (one entry per parameter, each with its dated values and
 * legal references); this file only describes which parameters the formulas need and
 * picks the value in force at a date. A revaluation is a new dated value in the YAML.
 */
import { z } from 'zod';
import { type DayNumber, type MonthIndex, firstDay, formatDay, parseDay } from './dates';

/** Every parameter the formulas read, by group (= file name in rules/legislation). */
export const PARAMETER_KEYS = {
  commun: ['bmaf', 'crds_taux', 'smic_horaire_brut', 'enfant_age_minimal', 'enfant_age_intermediaire', 'enfant_age_limite'],
  af: [
    'age_min_asf',
    'age_aine_max',
    'age_forfaitaire',
    'nb_enfants_min',
    'rang_taux_2e_enfant',
    'rang_taux_3e_enfant',
    'taux_2e_enfant',
    'taux_3e_enfant_et_plus',
    'modulation_taux_tranche_2',
    'modulation_taux_tranche_3',
    'plafond_tranche_1_base',
    'plafond_tranche_2_base',
    'plafond_majoration_par_enfant',
    'majoration_age',
    'majoration_taux',
    'forfaitaire_taux',
    'forfaitaire_nb_enfants_min',
  ],
  asf: ['taux_par_enfant', 'seuil_versement'],
  cf: [
    'age_min',
    'age_max',
    'nb_enfants_min',
    'taux_base',
    'taux_majore',
    'plafond_0_enfant',
    'majoration_deux_premiers_enfants',
    'majoration_troisieme_enfant_et_plus',
    'majoration_isoles_biactifs',
    'coefficient_plafond_majore',
  ],
  paje: [
    'taux_plein',
    'age_limite',
    'plafond_taux_plein_0_enfant',
    'plafond_taux_plein_isoles',
    'plafond_taux_partiel_0_enfant',
    'plafond_taux_partiel_isoles',
    'majoration_1er_2e_enfant',
    'majoration_3e_enfant_et_plus',
  ],
  ars: [
    'age_entree_primaire',
    'age_entree_college',
    'age_entree_lycee',
    'age_sortie_lycee',
    'plafond_ressources',
    'majoration_plafond_par_enfant',
    'taux_primaire',
    'taux_college',
    'taux_lycee',
    'montant_minimum_verse',
  ],
  rsa: [
    'montant_de_base',
    'age_pac',
    'majoration_2e_personne',
    'majoration_3e_personne',
    'majoration_enfant_supplementaire',
    'majore_taux_femme_enceinte',
    'majore_taux_par_enfant',
    'forfait_logement_taux_1_personne',
    'forfait_logement_taux_2_personnes',
    'forfait_logement_taux_3_personnes',
    'forfait_asf_taux',
    'montant_minimum_verse',
  ],
  ppa: [
    'age_min',
    'montant_de_base',
    'majoration_2e_personne',
    'majoration_3e_personne',
    'majoration_enfant_supplementaire',
    'majore_taux_femme_enceinte',
    'majore_taux_par_enfant',
    'bonification_seuil_smic_horaire',
    'bonification_seuil_max_smic_horaire',
    'bonification_taux_max',
    'forfait_logement_taux_1_personne',
    'forfait_logement_taux_2_personnes',
    'forfait_logement_taux_3_personnes',
    'pente_revenus_activite',
    'montant_minimum_verse',
  ],
  logement: [
    'abattement_chomage_indemnise',
    ...zoneKeys([
      'loyer_plafond_zone_#_personnes_seules',
      'loyer_plafond_zone_#_couples',
      'loyer_plafond_zone_#_un_enfant',
      'loyer_plafond_zone_#_majoration_par_enf_supp',
      'coefficient_degressivite_zone_#',
      'coefficient_suppression_zone_#',
      'rls_montant_zone_#_personnes_seules',
      'rls_montant_zone_#_couples',
      'rls_montant_zone_#_famille_1pac',
      'rls_montant_zone_#_majoration_par_pac_supp',
      'rls_plafond_zone_#_personnes_seules',
      'rls_plafond_zone_#_couples',
      'rls_plafond_zone_#_famille_1pac',
      'rls_plafond_zone_#_famille_2pac',
      'rls_plafond_zone_#_famille_3pac',
      'rls_plafond_zone_#_famille_4pac',
      'rls_plafond_zone_#_famille_5pac',
      'rls_plafond_zone_#_famille_6pac',
      'rls_plafond_zone_#_majoration_par_pac_supp',
    ]),
    'forfait_charges_base',
    'forfait_charges_par_enfant',
    'r0_taux_seul',
    'r0_taux_couple',
    'r0_taux1pac',
    'r0_taux2pac',
    'r0_taux3pac',
    'r0_taux4pac',
    'r0_taux5pac',
    'r0_taux6pac',
    'r0_taux_pac_supp',
    'tf_personnes_isolees',
    'tf_couples_0_enfant',
    'tf_avec_1_enfant',
    'tf_avec_2_enfants',
    'tf_avec_3_enfants',
    'tf_avec_4_enfants',
    'tf_avec_5_enfants',
    'tf_avec_6_enfants',
    'tf_maj_par_enf_supp',
    'tl_seuil_1',
    'tl_seuil_2',
    'tl_taux_2',
    'tl_taux_3',
    'p0_taux',
    'p0_forfait',
    'minoration_forfaitaire',
    'seuil_versement_apl',
    'seuil_versement_al',
    'rls_fraction_baisse_aide',
    'abattement_frais_pro_taux',
    'abattement_frais_pro_min',
    'abattement_frais_pro_max',
    'abattement_pensions_taux',
    'abattement_pensions_min',
  ],
} as const;

function zoneKeys<const T extends readonly string[]>(patterns: T): string[] {
  return patterns.flatMap((p) => [1, 2, 3].map((z) => p.replace('#', String(z))));
}

export type ParameterGroup = keyof typeof PARAMETER_KEYS;
/** The values in force on one day, group by group: `P.rsa.montant_de_base`. */
export type Params = { [G in ParameterGroup]: Record<(typeof PARAMETER_KEYS)[G][number], number> } & {
  logement: Record<string, number>;
};

const referenceSchema = z.object({
  depuis: z.string().optional(),
  titre: z.string(),
  lien: z.string(),
});

const entrySchema = z.object({
  libelle: z.string().min(1),
  unite: z.string(),
  source: z.string(),
  references: z.array(referenceSchema),
  valeurs: z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.number().finite()),
});
export const parameterFileSchema = z.record(z.string().regex(/^[a-z0-9_]+$/), entrySchema);
export type ParameterFile = z.infer<typeof parameterFileSchema>;

export interface ParameterReference {
  title: string;
  href: string;
}

interface Series {
  label: string;
  unit: string;
  starts: DayNumber[];
  values: number[];
  references: { from: DayNumber; title: string; href: string }[];
}

/** All dated parameters, validated; `at(day)` gives the values in force that day. */
export class Legislation {
  private readonly series = new Map<string, Series>();
  private readonly monthCache = new Map<MonthIndex, Params>();

  constructor(files: Record<string, unknown>) {
    for (const [group, raw] of Object.entries(files)) {
      const parsed = parameterFileSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`rules/legislation/${group}.yaml invalide: ${issue?.path.join('.')} ${issue?.message}`);
      }
      for (const [key, entry] of Object.entries(parsed.data)) {
        const dated = Object.entries(entry.valeurs).map(([d, v]) => {
          const day = parseDay(d);
          if (day === null) throw new Error(`rules/legislation/${group}.yaml: date impossible ${d} pour ${key}`);
          return [day, v] as const;
        });
        dated.sort((a, b) => a[0] - b[0]);
        if (dated.length === 0) throw new Error(`rules/legislation/${group}.yaml: ${key} n'a aucune valeur`);
        const references = entry.references.map((r) => ({
          from: r.depuis ? (parseDay(r.depuis) ?? 0) : 0,
          title: r.titre,
          href: r.lien,
        }));
        this.series.set(`${group}.${key}`, {
          label: entry.libelle,
          unit: entry.unite,
          starts: dated.map((d) => d[0]),
          values: dated.map((d) => d[1]),
          references,
        });
      }
    }
    for (const [group, keys] of Object.entries(PARAMETER_KEYS)) {
      for (const key of keys) {
        if (!this.series.has(`${group}.${key}`)) {
          throw new Error(`rules/legislation/${group}.yaml: paramètre manquant « ${key} »`);
        }
      }
    }
  }

  /** Value of `group.key` in force on `day`; throws if the day is before the first value. */
  valueAt(name: string, day: DayNumber): number {
    const s = this.series.get(name);
    if (!s) throw new Error(`paramètre inconnu ${name}`);
    let lo = -1;
    for (let i = 0; i < s.starts.length; i++) {
      if (s.starts[i]! <= day) lo = i;
      else break;
    }
    if (lo < 0) throw new Error(`paramètre ${name} non défini le ${formatDay(day)}`);
    return s.values[lo]!;
  }

  /** Parameters in force on the first day of month `m` (memoised). */
  month(m: MonthIndex): Params {
    let p = this.monthCache.get(m);
    if (!p) {
      p = this.at(firstDay(m));
      this.monthCache.set(m, p);
    }
    return p;
  }

  at(day: DayNumber): Params {
    const out: Record<string, Record<string, number>> = {};
    for (const [group, keys] of Object.entries(PARAMETER_KEYS)) {
      const values: Record<string, number> = {};
      for (const key of keys) values[key] = this.valueAt(`${group}.${key}`, day);
      out[group] = values;
    }
    return out as Params;
  }

  private readonly referenceCache = new Map<DayNumber, Map<string, string | undefined>>();

  /** "Title — link" of the legal reference in force on `day` (memoised per day). */
  referenceText(name: string, day: DayNumber): string | undefined {
    let byName = this.referenceCache.get(day);
    if (!byName) {
      byName = new Map();
      this.referenceCache.set(day, byName);
    }
    if (byName.has(name)) return byName.get(name);
    const ref = this.describe(name, day).reference;
    const text = ref ? (ref.href ? `${ref.title} — ${ref.href}` : ref.title) : undefined;
    byName.set(name, text);
    return text;
  }

  describe(name: string, day: DayNumber): { label: string; unit: string; reference?: ParameterReference } {
    const s = this.series.get(name);
    if (!s) throw new Error(`paramètre inconnu ${name}`);
    const refs = s.references.filter((r) => r.from <= day);
    const ref = refs[refs.length - 1] ?? s.references[0];
    return { label: s.label, unit: s.unit, reference: ref ? { title: ref.title, href: ref.href } : undefined };
  }

  /** Each parameter's unit and change dates (revaluations.ts reads which revaluation is in force). */
  seriesDates(): { name: string; unit: string; starts: string[] }[] {
    return [...this.series.entries()].map(([name, s]) => ({ name, unit: s.unit, starts: s.starts.map(formatDay) }));
  }

  /** Every date on which at least one parameter changes, sorted (ISO `YYYY-MM-DD`). */
  changeDates(from?: DayNumber): string[] {
    const set = new Set<number>();
    for (const s of this.series.values()) for (const d of s.starts) if (from === undefined || d >= from) set.add(d);
    return [...set].sort((a, b) => a - b).map(formatDay);
  }

  /** Last day for which every parameter has a known value (the latest first-value date). */
  names(): string[] {
    return [...this.series.keys()];
  }
}
