/** Test helper: a household in the sample's input format, with sensible defaults. */
import type { HouseholdInput } from './household';

export interface TestHouseholdOptions {
  period?: string;
  children?: string[];
  salary?: number;
  unemployment?: number;
  activite?: 'actif' | 'chomeur' | 'inactif';
  dateDebutChomage?: string;
  statut?: 'locataire_hlm' | 'locataire_vide' | 'locataire_meuble' | 'loge_gratuitement' | 'proprietaire';
  loyer?: number;
  zone?: 1 | 2 | 3;
  alimony?: number;
  isolementRecent?: boolean;
  parentBirth?: string;
}

export function testHousehold(o: TestHouseholdOptions = {}): HouseholdInput {
  const salary = o.salary ?? 0;
  const unemployment = o.unemployment ?? 0;
  return {
    id: 'test',
    period: o.period ?? '2024-06',
    parent: {
      date_naissance: o.parentBirth ?? '1985-03-01',
      salaire_net_mensuel: salary,
      chomage_net_mensuel: unemployment,
      salaire_imposable_mensuel: salary,
      chomage_imposable_mensuel: unemployment,
      activite: o.activite ?? (salary > 0 ? 'actif' : unemployment > 0 ? 'chomeur' : 'inactif'),
      ...(o.dateDebutChomage ? { date_debut_chomage: o.dateDebutChomage } : {}),
    },
    children: (o.children ?? ['2015-02-10']).map((d) => ({ date_naissance: d })),
    housing: {
      statut: o.statut ?? 'loge_gratuitement',
      loyer_mensuel: o.loyer ?? 0,
      ...(o.zone ? { zone: o.zone } : { depcom: '80021' }),
    },
    pension_alimentaire_recue_mensuelle: o.alimony ?? 0,
    isolement_recent: o.isolementRecent ?? false,
  };
}
