/**
 * Demo: the Amiens diagnostic's listening (« Écoute usagers »): the four focus groups the report
 * quotes, their speakers as the report names them (« Sophie, 34 ans, Saint-Maurice »), the quotes
 * chosen for the report, and four personas built on the reference answers and these quotes.
 * Everything is flagged is_demo and titled « (démo) ». The report gives the quotes and the four
 * persona categories (isolement social, précarité économique, accès aux services, parentalité),
 * not the personas' texts nor the sessions' dates and partners: those are written for the demo.
 */
import fs from 'node:fs';
import path from 'node:path';
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
  /** Keys of the demo quotes above. */
  quotes: string[];
}

/** The personas' texts are data (listening-personas.json), read when the seed runs. */
function demoPersonas(): DemoPersona[] {
  return (JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'listening-personas.json'), 'utf8')) as { personas: DemoPersona[] }).personas;
}

export const listeningDemoSeed: SeedDef = {
  name: 'diagnostic.listening-demo',
  async run(ctx, t) {
    const now = ctx.now();
    const hood = (name: string | null) => (name ? (findNeighbourhood(ctx.town, name)?.id ?? null) : null);
    const verbatimIds = new Map<string, string>();
    for (const s of DEMO_SESSIONS) {
      const startsAt = new Date(now.getTime() - s.daysAgo * 24 * 3600_000);
      startsAt.setUTCHours(12, 30, 0, 0);
      const fields: store.SessionInput = {
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
      };
      const sessionId = await store.insertSession(t, { ...fields, by: null, now, isDemo: true });
      await store.updateSession(t, sessionId, { ...fields, notes: s.notes, now });
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
    for (const p of demoPersonas()) {
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
