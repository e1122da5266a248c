/**
 * Demo directory: Amiens-like structures in every category of the Amiens diagnostic
 * (santé incl. dentists open on Saturday morning, CHRS and foyers, aide alimentaire,
 * emploi/insertion, crèches, droits, loisirs, espaces de répit). Every name ends with
 * "(démo)" and every record carries `relais.demo: true`: these are not real services,
 * addresses and phone numbers are invented (phones in the 03 99 fiction range).
 * Also the Amiens diagnostic's figures as demo territory indicators.
 */
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

const OFFICE = 'Mo-Fr 08:30-12:00,13:30-17:00; PH off';
const DENTIST_SAT = 'Mo-Fr 08:30-12:00,14:00-19:00; Sa 08:30-12:00; PH off';
const GP = 'Mo-Fr 08:00-12:00,14:00-19:30; Sa 09:00-12:00; PH off';

const health = (key: string, nom: string, profession: string, description: string, hours = GP): DemoService => ({
  key,
  nom,
  description,
  thematiques: ['sante--acces-aux-soins'],
  type: 'accompagnement',
  frais: 'payant',
  publics: ['tous-publics'],
  hours,
  categorie: 'sante',
  profession,
  mobilisation: ['telephoner', 'se-presenter'],
});

export const DEMO_STRUCTURES: DemoStructure[] = [
  // Santé
  {
    key: 'dentaire-etouvie', nom: "Cabinet dentaire d'Étouvie", hood: 'etouvie', at: [0.6, 1.2], street: '4 place de la Garenne',
    hours: DENTIST_SAT, description: 'Cabinet de trois chirurgiens-dentistes, soins des enfants, tiers payant.', label: true, pass: 'Tiers payant intégral et rendez-vous sous 48 h',
    enfants: [true, true], langues: ['fr', 'ar'],
    services: [health('soins', 'Soins dentaires enfants et adultes', 'dentiste', 'Consultations, soins et urgences dentaires. Ouvert le samedi matin pour les parents qui travaillent en semaine.', DENTIST_SAT)],
  },
  {
    key: 'dentaire-centre', nom: 'Centre dentaire Gambetta', hood: 'centre-ville', at: [0.8, -0.6], street: '21 rue Gambetta',
    hours: DENTIST_SAT, description: 'Centre de santé dentaire mutualiste.', langues: ['fr', 'en'],
    services: [health('soins', 'Chirurgiens-dentistes du centre-ville', 'dentiste', 'Soins dentaires, prothèses, orthodontie des enfants. Samedi matin sur rendez-vous.', DENTIST_SAT)],
  },
  {
    key: 'dentaire-nord', nom: 'Cabinet dentaire du Nord', hood: 'nord', at: [-0.5, 0.9], street: '9 rue Saint-Honoré',
    hours: 'Mo-Fr 09:00-12:00,14:00-18:00; PH off', description: 'Cabinet dentaire de quartier.',
    services: [health('soins', 'Dentiste du quartier Nord', 'dentiste', 'Soins dentaires en semaine, sans ouverture le samedi.', 'Mo-Fr 09:00-12:00,14:00-18:00; PH off')],
  },
  {
    key: 'msp-nord', nom: 'Maison de santé pluriprofessionnelle Nord', hood: 'nord', at: [0.4, -0.8], street: '2 avenue de la Paix',
    hours: GP, description: 'Médecins généralistes, infirmiers et kinésithérapeutes réunis.', label: true, pass: 'Consultations sans avance de frais', enfants: [true, true], langues: ['fr', 'ar', 'tr'],
    services: [
      health('generalistes', 'Médecins généralistes', 'generaliste', 'Consultations de médecine générale, suivi des enfants, vaccinations. Créneaux le soir et le samedi matin.'),
      health('infirmiers', 'Soins infirmiers', 'infirmier', 'Soins à domicile et au cabinet, prises de sang.', 'Mo-Sa 07:00-19:00; PH off'),
      health('kine', 'Kinésithérapie', 'kinesitherapeute', 'Rééducation, kinésithérapie respiratoire des bébés.', 'Mo-Fr 08:00-20:00'),
    ],
  },
  {
    key: 'medecins-sud', nom: 'Cabinet médical du Sud', hood: 'sud', at: [0.3, 0.5], street: '15 rue de Cagny',
    hours: GP, description: 'Deux médecins généralistes.',
    services: [health('generalistes', 'Médecins généralistes du Sud', 'generaliste', 'Consultations avec et sans rendez-vous, pédiatrie de ville.')],
  },
  {
    key: 'pharmacie-elbeuf', nom: "Pharmacie d'Elbeuf", hood: 'elbeuf', at: [-0.3, -0.4], street: '30 rue de la Vallée',
    hours: 'Mo-Sa 08:30-19:30', description: 'Pharmacie de quartier.', pass: '10 % sur la parapharmacie bébé', enfants: [false, true],
    services: [health('officine', 'Pharmacie et conseils', 'pharmacie', 'Délivrance de médicaments, conseils pour les nourrissons, tiers payant.', 'Mo-Sa 08:30-19:30')],
  },
  {
    key: 'ophtalmo-centre', nom: "Centre d'ophtalmologie Jules Verne", hood: 'centre-ville', at: [-0.9, 0.7], street: '5 boulevard Jules Verne',
    hours: OFFICE, description: "Consultations d'ophtalmologie.",
    services: [health('consultations', "Consultations d'ophtalmologie", 'ophtalmologiste', 'Examens de la vue des enfants et des adultes.', OFFICE)],
  },
  {
    key: 'pmi-saint-maurice', nom: 'PMI Saint-Maurice', hood: 'saint-maurice', at: [0.2, 0.3], street: '12 rue de Saint-Maurice',
    hours: OFFICE, description: 'Protection maternelle et infantile du Département.', enfants: [true, true], langues: ['fr', 'ar', 'ro'],
    services: [{
      key: 'consultations', nom: 'Consultations de PMI pour les 0-6 ans', description: 'Pesées, vaccinations et conseils de puériculture, gratuits et sans avance de frais.',
      thematiques: ['sante--acces-aux-soins', 'famille--soutien-a-la-parentalite-et-a-leducation'], frais: 'gratuit', publics: ['familles'], hours: OFFICE, categorie: 'sante',
    }],
  },
  // Logement et hébergement (CHRS, foyers)
  {
    key: 'chrs-nord', nom: "CHRS L'Escale", hood: 'nord', at: [-0.9, -0.5], street: '48 rue du Marais',
    hours: '24/7', description: "Centre d'hébergement et de réinsertion sociale, places pour parents avec enfants.", reseaux: ['chrs'], langues: ['fr', 'en'],
    services: [{
      key: 'hebergement', nom: 'Hébergement de parents isolés avec enfants', description: "Hébergement temporaire et accompagnement vers le logement pour les parents seuls avec leurs enfants. Orientation par le SIAO (115).",
      thematiques: ['logement-hebergement--rechercher-une-solution-dhebergement-temporaire'], type: 'accompagnement', frais: 'gratuit', publics: ['familles', 'personnes-en-situation-durgence'], hours: '24/7',
    }],
  },
  {
    key: 'foyer-saint-leu', nom: 'Foyer maternel Saint-Leu', hood: 'saint-leu', at: [0.2, -0.7], street: '7 rue des Granges',
    hours: '24/7', description: 'Foyer pour femmes enceintes et mères isolées avec enfants de moins de 3 ans.', enfants: [true, true],
    services: [{
      key: 'accueil', nom: 'Accueil mère-enfant', description: "Hébergement, accompagnement à la parentalité et à l'insertion des mères isolées.",
      thematiques: ['logement-hebergement--rechercher-une-solution-dhebergement-temporaire', 'famille--soutien-a-la-parentalite-et-a-leducation'], frais: 'gratuit', publics: ['femmes', 'familles'], hours: '24/7', categorie: 'hebergement',
    }],
  },
  {
    key: 'adil-centre', nom: 'Point info logement', hood: 'centre-ville', at: [0.3, 0.9], street: '1 place Gambetta',
    hours: 'Mo-Fr 09:00-12:00,13:30-17:00; We 09:00-12:00,13:30-19:00', description: 'Conseils gratuits sur le logement.',
    services: [{
      key: 'conseils', nom: 'Conseils logement et impayés de loyer', description: 'Aide aux démarches de logement social, prévention des expulsions, aides au logement.',
      thematiques: ['logement-hebergement--reduire-les-impayes-de-loyer', 'logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement'], frais: 'gratuit', publics: ['tous-publics'],
      hours: 'Mo-Fr 09:00-12:00,13:30-17:00; We 09:00-12:00,13:30-19:00',
    }],
  },
  // Aide alimentaire
  {
    key: 'epicerie-etouvie', nom: "Épicerie solidaire d'Étouvie", hood: 'etouvie', at: [-0.5, -0.8], street: '15 rue du Languedoc',
    hours: 'Tu,Th 14:00-18:30; Sa 09:00-12:00', description: 'Épicerie solidaire à petits prix.', label: true, pass: 'Panier famille à 2 €', enfants: [true, true], langues: ['fr', 'ar'],
    services: [{
      key: 'epicerie', nom: 'Épicerie solidaire', description: "Produits alimentaires et d'hygiène à 10-30 % du prix, sur orientation d'un travailleur social.",
      thematiques: ['equipement-et-alimentation--alimentation'], type: 'aide-materielle', frais: 'payant', publics: ['familles', 'beneficiaires-des-minimas-sociaux'], hours: 'Tu,Th 14:00-18:30; Sa 09:00-12:00',
    }],
  },
  {
    key: 'restos-sud', nom: 'Restaurant du cœur du Sud', hood: 'sud', at: [-0.6, -0.3], street: '3 rue Vulfran Warmé',
    hours: 'Mo,We,Fr 09:00-11:30', description: 'Distribution alimentaire.', reseaux: ['restos-du-coeur'],
    services: [{
      key: 'distribution', nom: 'Distribution de colis alimentaires', description: 'Colis alimentaires et produits pour bébés, inscription sur place avec justificatifs.',
      thematiques: ['equipement-et-alimentation--alimentation'], type: 'aide-materielle', frais: 'gratuit', publics: ['tous-publics'], hours: 'Mo,We,Fr 09:00-11:30',
    }],
  },
  {
    key: 'secours-nord', nom: 'Secours populaire, antenne Nord', hood: 'nord', at: [0.9, 0.4], street: '22 rue Jean Moulin',
    hours: 'We 14:00-18:00; Sa 09:00-12:00', description: 'Aide alimentaire et vestimentaire.', reseaux: ['secours-populaire'], pass: 'Vestiaire gratuit',
    services: [{
      key: 'vestiaire', nom: 'Aide alimentaire et vestiaire', description: 'Colis alimentaires, vêtements pour enfants, fournitures scolaires à la rentrée.',
      thematiques: ['equipement-et-alimentation--alimentation', 'equipement-et-alimentation--habillement'], frais: 'gratuit', publics: ['familles'], hours: 'We 14:00-18:00; Sa 09:00-12:00',
    }],
  },
  // Emploi et insertion
  {
    key: 'mission-locale', nom: 'Mission locale, antenne Saint-Leu', hood: 'saint-leu', at: [-0.4, 0.6], street: '10 rue Saint-Leu',
    hours: 'Mo-Fr 09:00-12:30,13:30-17:30', description: "Accompagnement des 16-25 ans vers l'emploi.", reseaux: ['mission-locale'],
    services: [{
      key: 'accompagnement', nom: "Accompagnement des jeunes parents vers l'emploi", description: 'Conseiller dédié, aide au CV, solutions de garde pour les entretiens.',
      thematiques: ['trouver-un-emploi--repondre-a-des-offres-demploi', 'preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation'], type: 'accompagnement', frais: 'gratuit', publics: ['jeunes'],
      hours: 'Mo-Fr 09:00-12:30,13:30-17:30',
    }],
  },
  {
    key: 'aci-elbeuf', nom: "Atelier chantier d'insertion d'Elbeuf", hood: 'elbeuf', at: [0.5, 0.6], street: '40 rue Riolan',
    hours: 'Mo-Fr 08:00-16:00', description: "Chantier d'insertion (maraîchage, recyclerie).", reseaux: ['aci'],
    services: [{
      key: 'contrats', nom: "Contrats d'insertion à horaires adaptés", description: 'Contrats de 26 h par semaine compatibles avec les horaires scolaires.',
      thematiques: ['trouver-un-emploi--repondre-a-des-offres-demploi'], type: 'accompagnement', frais: 'gratuit', publics: ['demandeurs-emploi', 'beneficiaires-des-minimas-sociaux'], hours: 'Mo-Fr 08:00-16:00',
    }],
  },
  {
    key: 'france-travail-sud', nom: 'France Travail Amiens Sud', hood: 'sud', at: [0.9, -0.9], street: '2 rue Dijon',
    hours: 'Mo-We 08:30-16:30; Th 08:30-12:30; Fr 08:30-15:30', description: "Agence pour l'emploi.", reseaux: ['france-travail'],
    services: [{
      key: 'ateliers', nom: 'Ateliers recherche d’emploi', description: 'Ateliers CV, entretiens, simulation, en petits groupes.',
      thematiques: ['preparer-sa-candidature--valoriser-ses-competences', 'trouver-un-emploi--convaincre-un-recruteur-en-entretien'], type: 'atelier', frais: 'gratuit', publics: ['demandeurs-emploi'],
      hours: 'Mo-We 08:30-16:30; Th 08:30-12:30; Fr 08:30-15:30',
    }],
  },
  // Garde d'enfants
  {
    key: 'creche-horaires-etendus', nom: 'Crèche à horaires étendus Les Lucioles', hood: 'centre-ville', at: [-0.3, -1.0], street: '8 rue des Jacobins',
    hours: 'Mo-Fr 06:00-21:30; Sa 08:00-13:00', description: 'Multi-accueil ouvert tôt le matin et tard le soir.', label: true, pass: 'Accueil occasionnel prioritaire', enfants: [true, true],
    services: [{
      key: 'accueil', nom: 'Accueil régulier et occasionnel 0-3 ans', description: 'Places en accueil occasionnel avec un préavis court, horaires atypiques (6 h - 21 h 30, samedi matin).',
      thematiques: ['famille--garde-denfants'], type: 'accompagnement', frais: 'payant', publics: ['familles'], hours: 'Mo-Fr 06:00-21:30; Sa 08:00-13:00',
    }],
  },
  {
    key: 'creche-etouvie', nom: "Multi-accueil d'Étouvie", hood: 'etouvie', at: [0.9, -0.3], street: '2 rue de Normandie',
    hours: 'Mo-Fr 07:30-18:30', description: 'Crèche municipale.', enfants: [true, true],
    services: [{
      key: 'accueil', nom: 'Crèche municipale', description: "Accueil des enfants de 10 semaines à 4 ans, places réservées aux parents en parcours d'insertion.",
      thematiques: ['famille--garde-denfants'], frais: 'payant', publics: ['familles'], hours: 'Mo-Fr 07:30-18:30',
    }],
  },
  {
    key: 'ram-saint-maurice', nom: 'Relais petite enfance Saint-Maurice', hood: 'saint-maurice', at: [-0.4, -0.5], street: '5 rue Jean Jaurès',
    hours: 'Tu,Th 13:30-18:00; We 09:00-12:00', description: 'Information sur les assistantes maternelles.',
    services: [{
      key: 'info', nom: 'Trouver une assistante maternelle', description: "Liste des assistantes maternelles disponibles, y compris en horaires décalés, et aide au contrat.",
      thematiques: ['famille--garde-denfants'], type: 'information', frais: 'gratuit', publics: ['familles'], hours: 'Tu,Th 13:30-18:00; We 09:00-12:00',
    }],
  },
  // Accès aux droits
  {
    key: 'ccas', nom: "CCAS d'Amiens, accueil social", hood: 'centre-ville', at: [0.1, 0.2], street: "Place de l'Hôtel de Ville",
    hours: 'Mo-Fr 08:30-12:00,13:30-17:00; Sa 09:00-12:00', description: "Centre communal d'action sociale.", reseaux: ['ccas-cias'], label: true, langues: ['fr', 'en', 'ar'],
    services: [{
      key: 'droits', nom: 'Accès aux droits et aides locales', description: 'Vérifier ses droits (RSA, ASF, aides au logement), demander le Pass Famille Solo et les aides du CCAS.',
      thematiques: ['difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits'], type: 'accompagnement', frais: 'gratuit', publics: ['tous-publics'],
      hours: 'Mo-Fr 08:30-12:00,13:30-17:00; Sa 09:00-12:00',
    }],
  },
  {
    key: 'france-services-nord', nom: 'France services Amiens Nord', hood: 'nord', at: [0.1, 1.4], street: '1 place du Pigeonnier',
    hours: 'Mo-Fr 09:00-12:00,13:30-17:30; Th 13:30-19:00', description: 'Guichet unique des services publics.', reseaux: ['france-service'], langues: ['fr', 'ar'],
    services: [{
      key: 'demarches', nom: 'Aide aux démarches CAF, impôts, santé', description: 'Un conseiller vous aide pour vos démarches en ligne (CAF, CPAM, France Travail, impôts).',
      thematiques: ['difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives', 'numerique--acceder-a-des-services-en-ligne'], frais: 'gratuit', publics: ['tous-publics'],
      hours: 'Mo-Fr 09:00-12:00,13:30-17:30; Th 13:30-19:00',
    }],
  },
  {
    key: 'cidff', nom: "CIDFF de la Somme", hood: 'saint-leu', at: [0.6, 0.2], street: '3 rue de la Dodane',
    hours: 'Mo-Fr 09:00-12:30,13:30-17:00', description: 'Information juridique des femmes et des familles.', reseaux: ['cidff'],
    services: [{
      key: 'juridique', nom: 'Permanence juridique famille (pension, séparation)', description: 'Juristes pour la pension alimentaire, la séparation, la résidence des enfants.',
      thematiques: ['famille--surmonter-conflits-separation-violence', 'difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire'], frais: 'gratuit', publics: ['femmes', 'familles'],
      hours: 'Mo-Fr 09:00-12:30,13:30-17:00', categorie: 'droits',
    }],
  },
  // Loisirs, sport, culture
  {
    key: 'piscine-nord', nom: 'Piscine du Nord', hood: 'nord', at: [-0.2, -1.6], street: '60 rue Léon Blum',
    hours: 'Tu-Fr 12:00-13:30,17:00-20:00; Sa 10:00-18:00; Su 09:00-13:00', description: 'Piscine municipale.', pass: 'Entrée gratuite pour les enfants, 1 € pour le parent', enfants: [true, true],
    services: [{
      key: 'baignade', nom: 'Baignade en famille et bébés nageurs', description: 'Créneaux familles le samedi, bébés nageurs le dimanche matin.',
      thematiques: ['remobilisation--activites-sportives-et-culturelles'], type: 'atelier', frais: 'payant', publics: ['tous-publics'], hours: 'Tu-Fr 12:00-13:30,17:00-20:00; Sa 10:00-18:00; Su 09:00-13:00',
    }],
  },
  {
    key: 'maison-culture', nom: 'Maison de la culture, ateliers familles', hood: 'centre-ville', at: [-1.2, 0.2], street: '2 place Léon Gontier',
    hours: 'Tu-Sa 13:00-19:00', description: 'Scène nationale.', pass: 'Place enfant gratuite, 5 € pour le parent', label: true,
    services: [{
      key: 'ateliers', nom: 'Ateliers parents-enfants et spectacles', description: 'Ateliers artistiques parent-enfant le samedi, spectacles à tarif réduit.',
      thematiques: ['remobilisation--activites-sportives-et-culturelles'], type: 'atelier', frais: 'payant', publics: ['familles'], hours: 'Tu-Sa 13:00-19:00',
    }],
  },
  {
    key: 'club-sport-sud', nom: 'Club omnisports du Sud', hood: 'sud', at: [-0.2, 1.1], street: '18 rue Victorine Autier',
    hours: 'Mo-Fr 17:00-21:00; We 13:30-18:00; Sa 09:00-12:00', description: 'Club multisport.', pass: 'Licence enfant offerte',
    services: [{
      key: 'sport', nom: 'Sport parent et enfant en même temps', description: "Le parent fait sa séance pendant que l'enfant a la sienne, au même endroit et à la même heure.",
      thematiques: ['remobilisation--activites-sportives-et-culturelles'], type: 'atelier', frais: 'payant', publics: ['familles'], hours: 'Mo-Fr 17:00-21:00; We 13:30-18:00; Sa 09:00-12:00',
    }],
  },
  // Répit et soutien aux parents
  {
    key: 'cs-etouvie', nom: "Centre social d'Étouvie", hood: 'etouvie', at: [0.1, 0.2], street: '10 avenue de Grèce',
    hours: 'Mo-Fr 09:00-12:00,13:30-18:00; Sa 09:00-12:00', description: 'Centre social et espace de vie sociale du quartier.', reseaux: ['fcsf'], label: true,
    pass: 'Ateliers et sorties familles gratuits', enfants: [true, true], langues: ['fr', 'ar', 'tr'], checkedDaysAgo: 215,
    services: [
      {
        key: 'repit', nom: 'Espace de répit pour parents solos', description: "Un lieu pour souffler : café des parents, garde des enfants pendant une heure, écoute d'une psychologue.",
        thematiques: ['famille--soutien-a-la-parentalite-et-a-leducation', 'remobilisation--bien-etre-confiance-en-soi'], type: 'accompagnement', frais: 'gratuit', publics: ['familles'],
        hours: 'We 14:00-18:00; Sa 09:00-12:00', categorie: 'repit',
      },
      {
        key: 'sorties', nom: 'Sorties et vacances en famille', description: 'Sorties à la mer, séjours de répit parents-enfants pendant les vacances.',
        thematiques: ['remobilisation--activites-sportives-et-culturelles', 'remobilisation--lien-social'], type: 'atelier', frais: 'payant', publics: ['familles'], categorie: 'loisirs',
      },
    ],
  },
  {
    key: 'laep-elbeuf', nom: "Lieu d'accueil enfants-parents La Passerelle", hood: 'elbeuf', at: [-0.7, 0.8], street: '12 rue de Verdun',
    hours: 'Mo,Th 09:00-11:30; Sa 09:30-12:00', description: 'Lieu d’accueil anonyme et gratuit pour les 0-6 ans et leurs parents.', enfants: [true, true],
    services: [{
      key: 'accueil', nom: 'Accueil enfants-parents sans rendez-vous', description: "Jouer, rencontrer d'autres parents, parler avec des accueillants, sans inscription.",
      thematiques: ['famille--soutien-a-la-parentalite-et-a-leducation'], frais: 'gratuit', publics: ['familles'], hours: 'Mo,Th 09:00-11:30; Sa 09:30-12:00',
    }],
  },
  {
    key: 'ecoute-parents', nom: 'Écoute parents solos, maison des familles', hood: 'saint-maurice', at: [0.7, -0.2], street: '25 chaussée Jules Ferry',
    hours: 'Mo-Fr 18:00-21:00', description: 'Groupe de parole et écoute téléphonique en soirée.', label: true, langues: ['fr', 'en'],
    services: [{
      key: 'ecoute', nom: 'Groupe de parole et écoute du soir', description: 'Parler de la charge mentale, de la séparation, des enfants, avec une psychologue, après le travail.',
      thematiques: ['famille--soutien-a-la-parentalite-et-a-leducation', 'remobilisation--bien-etre-confiance-en-soi'], type: 'accompagnement', frais: 'gratuit', publics: ['familles'], hours: 'Mo-Fr 18:00-21:00',
    }],
  },
];

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
 * neighbourhood is NOT in the diagnostic: it is a demo split, marked as such.
 */
export const DEMO_INDICATORS = {
  year: 2024,
  source: "Diagnostic Parents solo d'Amiens (total ville) ; répartition par quartier fictive (démonstration)",
  town: { familles: 16830, familles_monoparentales: 6613, taux_pauvrete_monoparentales: 41 },
  // [families, single-parent families, poverty rate %, children under 11]
  hoods: {
    nord: [3400, 1650, 55, 2900],
    etouvie: [1900, 980, 58, 1700],
    sud: [2900, 900, 33, 2100],
    'saint-maurice': [1700, 610, 38, 1150],
    'saint-leu': [1200, 380, 30, 700],
    'centre-ville': [2100, 560, 24, 1000],
    elbeuf: [1500, 520, 36, 950],
  } as Record<string, [number, number, number, number]>,
};
