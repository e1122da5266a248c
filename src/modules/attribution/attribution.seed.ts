/**
 * Demo: the respite stays of summer, marked as demo. Two earlier summers (closed, for the
 * demand forecast) and this summer's campaign, open, with a few demo families (no file, no
 * name: numbers only); the demo parent's file has not applied yet, so that she can.
 */
import type { Tx } from '../../platform/db/pool';
import type { SeedDef } from '../../platform/seeds';
import * as store from './attribution.store';
import { DEFAULT_CRITERIA, DEFAULT_TIE_BREAK } from './default-rules';

const DAY = 86_400_000;
const GROUPS = [
  { key: 'juillet-3-5', label: 'Juillet, 3 à 5 ans', ageMin: 3, ageMax: 5, period: 'Juillet' },
  { key: 'juillet-6-11', label: 'Juillet, 6 à 11 ans', ageMin: 6, ageMax: 11, period: 'Juillet' },
  { key: 'aout-6-11', label: 'Août, 6 à 11 ans', ageMin: 6, ageMax: 11, period: 'Août' },
];

async function campaign(t: Tx, o: { year: number; status: store.CampaignStatus; opensAt: Date; closesAt: Date; capacities: number[]; now: Date }) {
  const id = await store.insertCampaign(t, {
    kind: 'repit',
    title: `Séjours de répit — été ${o.year} (démonstration)`,
    description:
      'Exemple de démonstration : des séjours de quelques jours pour les enfants, pendant que le parent souffle. Les places sont attribuées selon les critères publiés ci-dessous.',
    opensAt: o.opensAt,
    closesAt: o.closesAt,
    offerDays: 7,
    tieBreak: DEFAULT_TIE_BREAK,
    status: o.status,
    isDemo: true,
    now: o.now,
  });
  const groups: string[] = [];
  for (const [i, g] of GROUPS.entries()) {
    groups.push(
      await store.upsertGroup(t, id, {
        externalId: g.key,
        label: g.label,
        capacity: o.capacities[i]!,
        ageMin: g.ageMin,
        ageMax: g.ageMax,
        site: 'Centre de loisirs des Tilleuls',
        period: `${g.period} ${o.year}`,
        position: i + 1,
      }),
    );
  }
  await store.replaceCriteria(t, id, DEFAULT_CRITERIA);
  return { id, groups };
}

/** Demo families: [first choice index, other choices, criteria values, siblings]. */
type DemoFamily = [number, number[], Record<string, number>, number];

async function families(t: Tx, c: { id: string; groups: string[] }, list: DemoFamily[], start: Date) {
  let number = 0;
  for (const [f, [first, others, values, siblings]] of list.entries()) {
    for (let k = 0; k < siblings; k++) {
      number++;
      await store.insertApplication(t, {
        campaignId: c.id,
        number,
        householdId: null,
        childId: null,
        childFirstName: null,
        childBirthDate: null,
        externalId: `demo-${number}`,
        familyKey: `demo-famille-${f + 1}`,
        keepTogether: true,
        submittedAt: new Date(start.getTime() + (f * 7 + 3) * 3_600_000),
        criteria: Object.fromEntries(Object.entries(values).map(([code, value]) => [code, { value, source: 'prefilled' as const }])),
        choices: [first, ...others].map((i) => c.groups[i]!),
        isDemo: true,
      });
    }
  }
}

const mono = { monoparentalite: 1 };
function pastFamilies(counts: number[]): DemoFamily[] {
  const out: DemoFamily[] = [];
  counts.forEach((n, g) => {
    for (let i = 0; i < n; i++) out.push([g, [], i % 2 ? { ...mono, qf_tranche_1: 1 } : mono, 1]);
  });
  return out;
}

export const attributionDemoSeed: SeedDef = {
  name: 'attribution.demo',
  async run(ctx, t) {
    const now = ctx.now();
    const year = Number(now.toISOString().slice(0, 4));
    const past1 = await campaign(t, {
      year: year - 2,
      status: 'closed',
      opensAt: new Date(now.getTime() - 730 * DAY),
      closesAt: new Date(now.getTime() - 700 * DAY),
      capacities: [4, 6, 6],
      now,
    });
    await families(t, past1, pastFamilies([5, 9, 6]), new Date(now.getTime() - 729 * DAY));
    const past2 = await campaign(t, {
      year: year - 1,
      status: 'closed',
      opensAt: new Date(now.getTime() - 365 * DAY),
      closesAt: new Date(now.getTime() - 335 * DAY),
      capacities: [4, 6, 6],
      now,
    });
    await families(t, past2, pastFamilies([6, 12, 8]), new Date(now.getTime() - 364 * DAY));
    const current = await campaign(t, {
      year,
      status: 'open',
      opensAt: new Date(now.getTime() - 7 * DAY),
      closesAt: new Date(now.getTime() + 30 * DAY),
      capacities: [2, 3, 2],
      now,
    });
    await families(
      t,
      current,
      [
        [1, [2], { monoparentalite: 1, qf_tranche_1: 1, contrainte_emploi: 1 }, 1],
        [1, [2], { monoparentalite: 1, qf_tranche_2: 1, fratrie: 1 }, 2],
        [0, [], { monoparentalite: 1, qf_tranche_1: 1, orientation_sociale: 1 }, 1],
        [2, [1], { qf_tranche_1: 1, contrainte_emploi: 1, handicap: 1 }, 1],
        [1, [], { monoparentalite: 0.5, qf_tranche_2: 1 }, 1],
        [0, [], { monoparentalite: 1, campagne_perdue: 1 }, 1],
        [2, [], { monoparentalite: 1, qf_tranche_1: 1, refus: 1 }, 1],
        [1, [2], { contrainte_emploi: 1, qf_tranche_2: 1 }, 1],
      ],
      new Date(now.getTime() - 6 * DAY),
    );
  },
};
