/**
 * Demo: two example plans, Dijon's (5 axes) and Amiens' (strategic objectives), marked as
 * demo. A few indicators show the three sources; no target is invented ("à définir").
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../../../platform/context';
import type { Tx } from '../../../platform/db/pool';
import { getIndicator } from '../../../platform/indicators';
import type { SeedDef } from '../../../platform/seeds';
import { listQuestionnaires } from '../../diagnostic/index';
import { addMonths } from '../periods';
import { snapshotJob } from '../pilotage.jobs';
import * as evaluationStore from '../evaluation.store';
import * as store from '../pilotage.store';
import * as ideationStore from '../ideation.store';
import { parseTerritoryCsv } from '../territory-figures';
import * as territoryStore from '../territory.store';

export interface DemoPlan {
  title: string;
  source: string;
  axes: {
    code: string;
    title: string;
    description: string;
    goals: string[];
    objectives: { code: string; title: string; description: string; actions: { title: string; description: string }[] }[];
  }[];
}

export function demoPlan(name: 'dijon' | 'amiens'): DemoPlan {
  return JSON.parse(fs.readFileSync(path.join(import.meta.dirname, `${name}-plan.json`), 'utf8'));
}

/**
 * The actions the demo attaches indicators to, by the start of their title (each start
 * names exactly one action of its plan; demo-plans.test.ts checks it).
 */
export const INDICATOR_ACTIONS = {
  dijon: {
    agentsTrained: "Former les agents à une posture d'écoute",
    digitalHelp: 'Mettre en place une assistance numérique renforcée',
    proactive: 'Adopter une approche proactive',
    sharedDocuments: 'Instaurer une mutualisation documentaire',
    directory: 'Créer et diffuser un annuaire actualisé',
    sportReview: 'Réaliser un bilan qualitatif et quantitatif',
  },
  amiens: {
    stress: 'Ateliers de gestion du stress',
    mobileDesk: 'Guichet unique itinérant',
    pass: 'Créer un “Pass Famille Solo”',
  },
} as const;

/** Where the Amiens solutions come from (the diagnostic's « Émergence des solutions »). */
export const AMIENS_WORKSHOP = "Atelier d'idéation « Parents solos », CCAS d'Amiens (exemple)";

/** The Amiens figures of the diagnostic (rules/pilotage/README.md says what they are and are not). */
export const DEMO_TERRITORY = {
  file: path.resolve(import.meta.dirname, '../../../../rules/pilotage/amiens-territoire.csv'),
  year: 2024,
  source:
    "Source : INSEE (recensement de la population) et Observatoire social communal d'Amiens, cités par le diagnostic « Parents solos » du CCAS d'Amiens — exemple ; le document ne précise ni le millésime (2024 retenu pour la démonstration) ni de chiffres par quartier",
};

async function importDemoTerritory(ctx: Ctx, t: Tx): Promise<void> {
  if (ctx.town.id !== 'amiens') return; // another town's demo has no figures of its own
  const parsed = parseTerritoryCsv(fs.readFileSync(DEMO_TERRITORY.file, 'utf8'), ctx.town);
  if (parsed.problems.length) throw new Error(`demo territory: ${parsed.problems.map((p) => p.message).join('; ')}`);
  const importId = await territoryStore.insertImport(t, {
    year: DEMO_TERRITORY.year,
    source: DEMO_TERRITORY.source,
    fileName: path.basename(DEMO_TERRITORY.file),
    lines: new Set(parsed.rows.map((r) => r.area)).size,
    isDemo: true,
    by: null,
    now: ctx.now(),
  });
  await territoryStore.replaceYear(t, DEMO_TERRITORY.year, importId, parsed.rows);
}

/** The one baseline the documents give: the mean stress (1 to 10) of the Amiens answers. */
export const AMIENS_STRESS_BASELINE = 6.24;

interface DemoAction {
  id: string;
  title: string;
  description: string;
  axisId: string;
}

type DemoIndicator = Omit<store.IndicatorRow, 'id' | 'actionId' | 'position'>;
const base = { baseline: null, target: null, direction: 'increase' as const, relaisId: null, questionnaire: null };
const manual = (label: string, unit: string): DemoIndicator => ({ ...base, label, unit, source: 'manual' });
const relais = (label: string, unit: string, relaisId: string): DemoIndicator => ({ ...base, label, unit, source: 'relais', relaisId });

/** Insert a plan; returns the ids of the actions by the start of their title. */
async function insertPlan(
  t: Tx,
  ctx: Ctx,
  plan: DemoPlan,
  description: string,
): Promise<{ planId: string; action: (start: string) => string; actions: DemoAction[] }> {
  const now = ctx.now();
  const planId = await store.insertPlan(t, { title: plan.title, description, source: plan.source, isDemo: true, createdBy: null, now });
  const actions: DemoAction[] = [];
  for (const a of plan.axes) {
    const axisId = await store.insertAxis(t, planId, { code: a.code, title: a.title, description: a.description, goals: a.goals });
    for (const o of a.objectives) {
      const objectiveId = await store.insertObjective(t, axisId, { code: o.code, title: o.title, description: o.description });
      for (const x of o.actions)
        actions.push({
          title: x.title,
          description: x.description,
          axisId,
          id: await store.insertAction(t, objectiveId, { title: x.title, description: x.description }, now),
        });
    }
  }
  return {
    planId,
    actions,
    action(start) {
      const found = actions.filter((x) => x.title.startsWith(start));
      if (found.length !== 1) throw new Error(`demo plan: ${found.length} actions start with ${start}`);
      return found[0]!.id;
    },
  };
}

async function addIndicators(t: Tx, actionId: string, list: DemoIndicator[]): Promise<string[]> {
  const ids: string[] = [];
  // A registry indicator of a module this instance does not have is left out.
  for (const i of list) if (i.source !== 'relais' || getIndicator(i.relaisId!)) ids.push(await store.insertIndicator(t, actionId, i));
  return ids;
}

/** The diagnostic's demo questionnaire (Amiens), looked up through its index as the system. */
async function amiensQuestionnaireId(ctx: Ctx): Promise<string | null> {
  const system = {
    ...ctx,
    user: {
      id: '00000000-0000-4000-8000-000000000000',
      role: 'admin' as const,
      displayName: 'Relais',
      email: null,
      phone: null,
      structureId: null,
      locale: 'fr' as const,
      easyRead: false,
      isDemo: true,
    },
  };
  const list = await listQuestionnaires(system).catch(() => []);
  return list.find((q) => q.isDemo && /Parents solo/i.test(q.title))?.id ?? null;
}

export const pilotageDemoSeed: SeedDef = {
  name: 'pilotage.demo',
  async run(ctx, t) {
    // ---------------------------------------------------------------- Dijon
    const dijon = await insertPlan(
      t,
      ctx,
      demoPlan('dijon'),
      "Exemple : le plan d'action de Dijon en 5 axes, ses objectifs et ses mesures. Les cibles ne sont pas fixées par le document : elles sont « à définir ».",
    );
    await addIndicators(t, dijon.action(INDICATOR_ACTIONS.dijon.agentsTrained), [manual("Agents formés à l'accueil des familles monoparentales", 'agents')]);
    await addIndicators(t, dijon.action(INDICATOR_ACTIONS.dijon.digitalHelp), [
      relais('Dossiers de familles ouverts par les agents', 'ouvertures', 'pilotage.files-opened'),
    ]);
    await addIndicators(t, dijon.action(INDICATOR_ACTIONS.dijon.proactive), [relais('Simulations de droits réalisées', 'simulations', 'droits.simulations')]);
    await addIndicators(t, dijon.action(INDICATOR_ACTIONS.dijon.sharedDocuments), [relais('Dossiers uniques créés', 'dossiers', 'dossiers.files-created')]);
    await addIndicators(t, dijon.action(INDICATOR_ACTIONS.dijon.directory), [
      relais("Services référencés dans l'annuaire", 'services', 'annuaire.services-listed'),
    ]);
    const bilan = dijon.action(INDICATOR_ACTIONS.dijon.sportReview);
    const [reached, participation] = await addIndicators(t, bilan, [
      manual("Familles bénéficiaires de l'expérimentation", 'familles'),
      manual('Familles participantes par quartier', 'familles'),
    ]);
    const period = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' }).format(ctx.now()).slice(0, 7);
    await evaluationStore.upsertEvaluation(
      t,
      {
        actionId: bilan,
        title: "Bilan de l'expérimentation « Dijon sport découverte »",
        periodFrom: addMonths(period, -11),
        periodTo: period,
        reachedIndicatorId: reached ?? null,
        satisfactionIndicatorId: null,
        participationIndicatorId: participation ?? null,
        obstacles: '',
        conclusions: '',
      },
      ctx.now(),
    );

    // ---------------------------------------------------------------- Amiens
    const amiens = await insertPlan(
      t,
      ctx,
      demoPlan('amiens'),
      "Exemple : les objectifs stratégiques issus du diagnostic « Parents solos » d'Amiens et les solutions proposées par les usagers. Les cibles sont « à définir ».",
    );
    const qid = await amiensQuestionnaireId(ctx);
    if (qid) {
      await addIndicators(t, amiens.action(INDICATOR_ACTIONS.amiens.stress), [
        {
          ...base,
          label: 'Niveau de stress moyen déclaré (1 à 10)',
          unit: 'sur 10',
          baseline: AMIENS_STRESS_BASELINE,
          direction: 'decrease',
          source: 'questionnaire',
          questionnaire: { questionnaireId: qid, measure: 'mean', question: 'stress' },
        },
      ]);
    }
    await addIndicators(t, amiens.action(INDICATOR_ACTIONS.amiens.mobileDesk), [
      relais('Dossiers de familles ouverts par les agents', 'ouvertures', 'pilotage.files-opened'),
    ]);
    await addIndicators(t, amiens.action(INDICATOR_ACTIONS.amiens.pass), [manual('Pass Famille Solo délivrés', 'pass')]);

    // Ideation: the Amiens solutions came from the parents' ideation workshop; each is a
    // workshop proposal that became its action. The plan takes parents' ideas online.
    await ideationStore.setIdeationOpen(t, amiens.planId, true);
    for (const a of amiens.actions) {
      await ideationStore.insertProposal(t, {
        planId: amiens.planId,
        axisId: a.axisId,
        title: a.title.slice(0, 200),
        body: a.description || a.title,
        origin: 'workshop',
        workshop: AMIENS_WORKSHOP,
        authorId: null,
        status: 'published',
        moderatedBy: null,
        actionId: a.id,
        isDemo: true,
        now: ctx.now(),
      });
    }
    await importDemoTerritory(ctx, t);

    // The values of the computed indicators come from the monthly snapshot.
    if (ctx.jobs.started) await snapshotJob.send(ctx, {}, { tx: t });
  },
};
