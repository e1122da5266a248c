/**
 * Demo: the Amiens diagnostic's listening (« Écoute usagers »): the four focus groups the report
 * quotes, their speakers as the report names them (« Sophie, 34 ans, Saint-Maurice »), the quotes
 * chosen for the report, and four personas built on the reference answers and these quotes.
 * Everything is flagged is_demo and titled « (démo) ». The report gives the quotes and the four
 * persona categories (isolement social, précarité économique, accès aux services, parentalité),
 * not the personas' texts nor the sessions' dates and partners: those are written for the demo.
 */
import type { SeedDef } from '../../../platform/seeds';
import { findNeighbourhood } from '../../../platform/town';
import type { QuoteConsent, SessionKind } from '../listening';
import * as store from '../listening.store';
import * as personas from '../personas.store';

interface DemoQuote {
  key: string;
  firstName: string;
  age: number;
  neighbourhood: string;
  text: string;
  themes: string[];
}

interface DemoSession {
  kind: SessionKind;
  title: string;
  theme: string;
  neighbourhood: string | null;
  /** Days before the demo's start (the report gives no dates): one week apart, in the report's order. */
  daysAgo: number;
  quotes: DemoQuote[];
  notes: string;
}

const FACILITATOR = 'CCAS (animation), avec les associations partenaires';

export const DEMO_SESSIONS: DemoSession[] = [
  {
    kind: 'focus_group',
    title: 'Focus 1 : précarité, logement et conditions de vie (démo)',
    theme: 'budget',
    neighbourhood: 'Saint-Maurice',
    daysAgo: 150,
    notes: 'Le coût des loyers et la fin de mois reviennent chez tous. Proposition des parents : un « Pass Famille Solo » pour les activités des enfants.',
    quotes: [
      {
        key: 'sophie',
        firstName: 'Sophie',
        age: 34,
        neighbourhood: 'Saint-Maurice',
        text: 'Heureusement que mes parents sont là pour m’aider. Je ne m’en sors pas. Le mois se termine le 15 chez moi.',
        themes: ['budget'],
      },
      {
        key: 'laura',
        firstName: 'Laura',
        age: 29,
        neighbourhood: 'Étouvie',
        text: 'Une fois que le loyer est prélevé, je ne peux plus rien dépenser pour mes enfants.',
        themes: ['logement', 'budget'],
      },
    ],
  },
  {
    kind: 'focus_group',
    title: 'Focus 2 : emploi et insertion professionnelle (démo)',
    theme: 'emploi',
    neighbourhood: 'Nord',
    daysAgo: 143,
    notes: 'La garde d’enfants aux horaires décalés bloque l’accès à l’emploi. Proposition : une crèche municipale à horaires flexibles.',
    quotes: [
      {
        key: 'karim',
        firstName: 'Karim',
        age: 40,
        neighbourhood: 'Nord',
        text: 'Les frais de garde et de cantine sont trop excessifs, cela freine énormément quand on souhaite reprendre une activité professionnelle.',
        themes: ['emploi', 'garde', 'budget'],
      },
      {
        key: 'fatima',
        firstName: 'Fatima',
        age: 37,
        neighbourhood: 'Saint-Leu',
        text: 'L’emploi est le point faible pour moi, je dois tout refuser à cause de la garde d’enfants.',
        themes: ['emploi', 'garde'],
      },
    ],
  },
  {
    kind: 'focus_group',
    title: 'Focus 3 : santé et bien-être (démo)',
    theme: 'sante',
    neighbourhood: 'Elbeuf',
    daysAgo: 136,
    notes: 'Isolement et charge mentale. Proposition : des permanences de santé mentale dans les centres sociaux.',
    quotes: [
      {
        key: 'myriam',
        firstName: 'Myriam',
        age: 36,
        neighbourhood: 'Elbeuf',
        text: 'Je me sens impuissante et seule avec mes enfants.',
        themes: ['isolement', 'sante'],
      },
      {
        key: 'pierre',
        firstName: 'Pierre',
        age: 42,
        neighbourhood: 'Étouvie',
        text: 'La séparation des parents est une source de colère pour les enfants, cela devient difficile à gérer.',
        themes: ['parentalite', 'sante'],
      },
    ],
  },
  {
    kind: 'focus_group',
    title: 'Focus 4 : mobilité (démo)',
    theme: 'mobilite',
    neighbourhood: 'Sud',
    daysAgo: 129,
    notes: 'Sans permis, tout se fait en bus. Proposition : une aide au financement du permis de conduire.',
    quotes: [
      {
        key: 'amelie',
        firstName: 'Amélie',
        age: 29,
        neighbourhood: 'Sud',
        text: 'Je n’ai pas de permis, donc je dois tout faire en bus, et c’est une perte de temps.',
        themes: ['mobilite'],
      },
      {
        key: 'olivier',
        firstName: 'Olivier',
        age: 38,
        neighbourhood: 'Saint-Maurice',
        text: 'Le coût des transports limite tout, même le simple fait de sortir avec mes enfants.',
        themes: ['mobilite', 'budget'],
      },
    ],
  },
];

interface DemoPersona {
  name: string;
  situation: string;
  needs: string;
  quote: string;
  figures: Array<{ questionId: string; answer: string }>;
  quotes: string[];
}

const DEMO_PERSONAS: DemoPersona[] = [
  {
    name: 'Le parent en précarité économique (démo)',
    situation: 'Parent solo aux revenus faibles, locataire ; le loyer payé, il reste peu pour le mois.',
    needs: 'Boucler les fins de mois, offrir des activités aux enfants, être aidé sans attendre l’impayé.',
    quote: 'Le mois se joue sur le loyer : après, tout est un arbitrage.',
    figures: [
      { questionId: 'pouvoir_achat', answer: 'Non' },
      { questionId: 'loyer_vs_essentiel', answer: 'Plus de 3 fois' },
    ],
    quotes: ['sophie', 'laura'],
  },
  {
    name: 'Le parent qui jongle entre emploi et garde (démo)',
    situation: 'Parent solo qui cherche un emploi ou travaille en horaires décalés, sans solution de garde adaptée.',
    needs: 'Une garde aux horaires de son travail, à un coût qui laisse un gain à reprendre un emploi.',
    quote: 'Chaque offre d’emploi passe d’abord par la question : qui garde les enfants ?',
    figures: [{ questionId: 'cout_education', answer: 'Oui' }],
    quotes: ['karim', 'fatima'],
  },
  {
    name: 'Le parent isolé (démo)',
    situation: 'Parent solo sans réseau de soutien proche, qui porte seul la charge mentale du foyer.',
    needs: 'Être écouté, souffler (répit), rencontrer d’autres parents, accéder à un soutien psychologique.',
    quote: 'Personne à qui passer le relais, même une heure.',
    figures: [
      { questionId: 'stress', answer: '' },
      { questionId: 'fatigue', answer: '' },
    ],
    quotes: ['myriam', 'pierre'],
  },
  {
    name: 'Le parent éloigné des services (démo)',
    situation: 'Parent solo sans permis ni voiture, dans un quartier où les services et l’emploi sont loin.',
    needs: 'Des services qui viennent à lui (guichet itinérant), des transports abordables, une aide au permis.',
    quote: 'Chaque démarche coûte une demi-journée de bus.',
    figures: [
      { questionId: 'permis', answer: 'Non' },
      { questionId: 'deplacements_probleme', answer: 'Oui' },
    ],
    quotes: ['amelie', 'olivier'],
  },
];

export const listeningDemoSeed: SeedDef = {
  name: 'diagnostic.listening-demo',
  async run(ctx, t) {
    const now = ctx.now();
    const hood = (name: string | null) => (name ? (findNeighbourhood(ctx.town, name)?.id ?? null) : null);
    const verbatimIds = new Map<string, string>();
    for (const s of DEMO_SESSIONS) {
      const startsAt = new Date(now.getTime() - s.daysAgo * 24 * 3600_000);
      startsAt.setUTCHours(12, 30, 0, 0);
      const sessionId = await store.insertSession(t, {
        kind: s.kind,
        title: s.title,
        theme: s.theme,
        structureId: null,
        partnerName: null,
        neighbourhoodId: hood(s.neighbourhood),
        startsAt,
        durationMinutes: 120,
        facilitator: FACILITATOR,
        place: null,
        by: null,
        now,
        isDemo: true,
      });
      await store.updateSession(t, sessionId, {
        kind: s.kind,
        title: s.title,
        theme: s.theme,
        structureId: null,
        partnerName: null,
        neighbourhoodId: hood(s.neighbourhood),
        startsAt,
        durationMinutes: 120,
        facilitator: FACILITATOR,
        place: null,
        notes: s.notes,
        now,
      });
      for (const q of s.quotes) {
        const quoteConsent: QuoteConsent = 'first_name';
        const participantId = await store.insertParticipant(t, sessionId, {
          firstName: q.firstName,
          pseudonym: null,
          age: q.age,
          ageBand: null,
          neighbourhoodId: hood(q.neighbourhood),
          childrenCount: null,
          householdId: null,
          quoteConsent,
          profileConsent: true,
          recordConsent: true,
          consentAt: startsAt,
          attended: true,
          by: null,
          now,
          isDemo: true,
        });
        const id = await store.insertVerbatim(t, {
          sessionId,
          participantId,
          quoteConsent,
          text: q.text,
          themes: q.themes,
          inReport: true,
          by: null,
          now,
          isDemo: true,
        });
        verbatimIds.set(q.key, id);
      }
    }
    const questionnaireId = await personas.demoQuestionnaireId(t);
    for (const p of DEMO_PERSONAS) {
      const id = await personas.insertPersona(t, { name: p.name, situation: p.situation, needs: p.needs, quote: p.quote, by: null, now, isDemo: true });
      await personas.setBasis(
        t,
        id,
        questionnaireId ? p.figures.map((f) => ({ questionnaireId, ...f })) : [],
        p.quotes.map((k) => verbatimIds.get(k)!),
      );
    }
  },
};
