/**
 * Demo directory (data in rules/annuaire/demo-amiens*.json): Amiens-like structures in every category of the Amiens diagnostic
 * (santé incl. dentists open on Saturday morning, CHRS and foyers, aide alimentaire,
 * emploi/insertion, crèches, droits, loisirs, espaces de répit). Every name ends with
 * "(démo)" and every record carries `relais.demo: true`: these are not real services,
 * addresses and phone numbers are invented (phones in the 03 99 fiction range).
 * Also the Amiens diagnostic's figures as demo territory indicators.
 */
import demoFile from '../../../rules/annuaire/demo-amiens.json';
import indicatorsFile from '../../../rules/annuaire/demo-amiens-indicateurs.json';
import { parisDate } from '../../platform/clock';
import { DEMO_PARTNER_STRUCTURE_ID } from '../../platform/demo';

export const DEMO_SOURCE = 'relais-demo';
export const DEMO_PARTNER_DI_ID = `${DEMO_SOURCE}--cs-etouvie`;
export { DEMO_PARTNER_STRUCTURE_ID };

type Hood = 'nord' | 'etouvie' | 'sud' | 'saint-maurice' | 'saint-leu' | 'centre-ville' | 'elbeuf';

const CENTRES: Record<Hood, [number, number]> = {
  nord: [49.9165, 2.2935],
  etouvie: [49.9115, 2.2535],
  sud: [49.8735, 2.3005],
  'saint-maurice': [49.9025, 2.2745],
  'saint-leu': [49.899, 2.301],
  'centre-ville': [49.8925, 2.299],
  elbeuf: [49.8905, 2.3185],
};

const POSTCODE: Record<Hood, string> = {
  nord: '80080',
  etouvie: '80080',
  sud: '80090',
  'saint-maurice': '80080',
  'saint-leu': '80000',
  'centre-ville': '80000',
  elbeuf: '80000',
};

interface DemoService {
  key: string;
  nom: string;
  description: string;
  thematiques: string[];
  type?: string;
  frais?: 'gratuit' | 'payant';
  publics?: string[];
  hours?: string;
  categorie?: string;
  profession?: string;
  mobilisation?: string[];
}

interface DemoStructure {
  key: string;
  nom: string;
  hood: Hood;
  /** Offset from the neighbourhood centre, in thousandths of a degree. */
  at: [number, number];
  street: string;
  hours: string;
  description: string;
  reseaux?: string[];
  label?: boolean;
  pass?: string;
  enfants?: [boolean, boolean];
  langues?: string[];
  /** Days since last checked (default 20). */
  checkedDaysAgo?: number;
  services: DemoService[];
}

/** The demo structures (rules/annuaire/demo-amiens.json, town-editable data). */
export const DEMO_STRUCTURES: DemoStructure[] = (demoFile as unknown as { structures: DemoStructure[] }).structures;

function daysAgo(today: string, days: number): string {
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
}

/** The demo dump in data·inclusion form (combined JSON), dated from `now`. */
export function demoDirectory(now: Date): { structures: Record<string, unknown>[]; services: Record<string, unknown>[] } {
  const today = parisDate(now);
  const structures: Record<string, unknown>[] = [];
  const services: Record<string, unknown>[] = [];
  DEMO_STRUCTURES.forEach((s, i) => {
    const [lat0, lon0] = CENTRES[s.hood];
    const id = `${DEMO_SOURCE}--${s.key}`;
    const checked = daysAgo(today, s.checkedDaysAgo ?? 20 + (i % 5) * 7);
    structures.push({
      source: DEMO_SOURCE,
      id,
      nom: `${s.nom} (démo)`,
      date_maj: checked,
      description: s.description,
      adresse: s.street,
      code_postal: POSTCODE[s.hood],
      code_insee: '80021',
      commune: 'Amiens',
      latitude: Math.round((lat0 + s.at[0] / 1000) * 1e6) / 1e6,
      longitude: Math.round((lon0 + s.at[1] / 1000) * 1e6) / 1e6,
      telephone: `+33399${String(100000 + i * 37).padStart(6, '0')}`,
      courriel: `contact-${s.key}@demo.relais.fr`,
      horaires_accueil: s.hours,
      reseaux_porteurs: s.reseaux ?? null,
      relais: {
        demo: true,
        label_ville_solidaire: !!s.label,
        pass_famille_solo: !!s.pass,
        pass_famille_solo_avantage: s.pass ?? null,
        coin_enfants: s.enfants?.[0] ?? false,
        poussettes: s.enfants?.[1] ?? false,
        langues: s.langues ?? ['fr'],
        date_verification: checked,
        quartier: s.hood,
      },
    });
    for (const v of s.services) {
      services.push({
        source: DEMO_SOURCE,
        structure_id: id,
        id: `${id}--${v.key}`,
        nom: `${v.nom} (démo)`,
        description: `${v.description} Donnée de démonstration.`,
        date_maj: checked,
        type: v.type ?? null,
        thematiques: v.thematiques,
        frais: v.frais ?? null,
        publics: v.publics ?? ['tous-publics'],
        modes_accueil: ['en-presentiel'],
        modes_mobilisation: v.mobilisation ?? ['se-presenter', 'telephoner'],
        mobilisable_par: ['usagers', 'professionnels'],
        zone_eligibilite: ['80021'],
        horaires_accueil: v.hours ?? null,
        relais: { demo: true, categorie: v.categorie ?? null, profession: v.profession ?? null },
      });
    }
  });
  return { structures, services };
}

/**
 * Amiens diagnostic figures (seed 000): 16,830 families with children, 6,613
 * single-parent families, 41 % of them under the poverty line. The split by
 * neighbourhood is NOT in the diagnostic: it is a demo split, marked as such
 * (rules/annuaire/demo-amiens-indicateurs.json).
 */
export const DEMO_INDICATORS = indicatorsFile as unknown as {
  year: number;
  source: string;
  town: Record<string, number>;
  /** [families, single-parent families, poverty rate %, children under 11] */
  hoods: Record<string, [number, number, number, number]>;
};
