import { describe, expect, it } from 'vitest';
import { allocate, compareAllocations, round2, withWeights, type Application, type Campaign } from './allocate';
import { allocationFile, parseCampaign, parseWeights } from './campaign-file';

const at = (minute: number) => `2026-03-02T09:${String(minute).padStart(2, '0')}:00+01:00`;
const app = (id: string, criteria: Record<string, number>, choices: string[], opts: Partial<Application> = {}): Application => ({
  id,
  family: opts.family ?? `f-${id}`,
  submittedAt: opts.submittedAt ?? at(0),
  criteria,
  choices,
});
const criteria = [
  { id: 'mono', weight: 20 },
  { id: 'qf1', weight: 15 },
];

/** A seeded generator, so that a failing shuffle can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
function shuffle<T>(xs: T[], rand: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
function randomCampaign(rand: () => number, n: number, groups: number): Campaign {
  const gs = Array.from({ length: groups }, (_, i) => ({ id: `g${i}`, capacity: 1 + Math.floor(rand() * 4) }));
  const apps: Application[] = [];
  for (let i = 0; i < n; i++) {
    const family = rand() < 0.2 && i > 0 ? apps[Math.floor(rand() * i)]!.family : `f${i}`;
    const choices = shuffle(
      gs.map((g) => g.id),
      rand,
    ).slice(0, 1 + Math.floor(rand() * 3));
    apps.push(app(`a${i}`, { mono: rand() < 0.5 ? 1 : 0, qf1: Math.round(rand() * 4) / 4 }, choices, { family, submittedAt: at(Math.floor(rand() * 5)) }));
  }
  return { groups: gs, criteria, applications: apps };
}

describe('scores and breakdown', () => {
  it('sums weight × value over the criteria, each term in the breakdown', () => {
    const r = allocate({ groups: [{ id: 'g', capacity: 1 }], criteria, applications: [app('a', { mono: 1, qf1: 0.5 }, ['g'])] });
    expect(r.applications[0]).toMatchObject({ score: 27.5, breakdown: { mono: 20, qf1: 7.5 }, rank: 1 });
  });
  it('counts a criterion the application does not claim as 0, and lists it in the breakdown', () => {
    const r = allocate({ groups: [{ id: 'g', capacity: 1 }], criteria, applications: [app('a', { qf1: 1 }, ['g'])] });
    expect(r.applications[0]!.breakdown).toEqual({ mono: 0, qf1: 15 });
  });
  it('rounds scores to 2 decimals, half away from zero', () => {
    expect(round2(0.285)).toBe(0.29);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(-1.005)).toBe(-1.01);
    expect(round2(2 / 3)).toBe(0.67);
    expect(round2(0)).toBe(0);
  });
  it('handles negative weights (a refused matching offer)', () => {
    const r = allocate({
      groups: [{ id: 'g', capacity: 1 }],
      criteria: [...criteria, { id: 'refus', weight: -10 }],
      applications: [app('a', { mono: 1, refus: 1 }, ['g']), app('b', { mono: 0.6 }, ['g'])],
    });
    expect(r.applications.map((a) => [a.id, a.score])).toEqual([
      ['b', 12],
      ['a', 10],
    ]);
  });
  it('breakdowns sum to the score on random campaigns', () => {
    const r = allocate(randomCampaign(rng(7), 300, 8));
    for (const a of r.applications) {
      const sum = Object.values(a.breakdown).reduce((s, x) => s + x, 0);
      expect(Math.abs(sum - a.score)).toBeLessThanOrEqual(0.01 * criteria.length);
    }
  });
});

describe('order and ties', () => {
  it('orders by score, then submission time, then id', () => {
    const r = allocate({
      groups: [{ id: 'g', capacity: 10 }],
      criteria,
      applications: [
        app('c', { mono: 1 }, ['g'], { submittedAt: at(5) }),
        app('b', { mono: 1 }, ['g'], { submittedAt: at(5) }),
        app('a', { mono: 1 }, ['g'], { submittedAt: at(7) }),
        app('d', { mono: 1, qf1: 0.1 }, ['g'], { submittedAt: at(9) }),
      ],
    });
    expect(r.applications.map((a) => `${a.rank}:${a.id}`)).toEqual(['1:d', '2:b', '3:c', '4:a']);
  });
  it('compares submission instants, not their text (offsets differ)', () => {
    const r = allocate({
      groups: [{ id: 'g', capacity: 1 }],
      criteria,
      applications: [app('late', {}, ['g'], { submittedAt: '2026-03-02T09:00:00+01:00' }), app('early', {}, ['g'], { submittedAt: '2026-03-02T08:30:00Z' })],
    });
    expect(r.applications[0]!.id).toBe('late'); // 08:00Z is before 08:30Z
  });
  it('compares scores after rounding: 10.004 and 10.001 tie, and time decides', () => {
    const r = allocate({
      groups: [{ id: 'g', capacity: 1 }],
      criteria: [
        { id: 'x', weight: 10.004 },
        { id: 'y', weight: 10.001 },
      ],
      applications: [app('a', { x: 1 }, ['g'], { submittedAt: at(2) }), app('b', { y: 1 }, ['g'], { submittedAt: at(1) })],
    });
    expect(r.applications.map((a) => a.id)).toEqual(['b', 'a']);
  });
  it('gives the same result whatever the order of applications (100 shuffles)', () => {
    const rand = rng(42);
    const campaign = randomCampaign(rand, 200, 6);
    const expected = JSON.stringify(allocate(campaign));
    for (let i = 0; i < 100; i++) {
      const shuffled = { ...campaign, applications: shuffle(campaign.applications, rand), groups: campaign.groups };
      expect(JSON.stringify(allocate(shuffled))).toBe(expected);
    }
  });
});

describe('places', () => {
  it('admits each in order to the first choice with room, then waitlists in the same order', () => {
    const r = allocate({
      groups: [
        { id: 'A', capacity: 1 },
        { id: 'B', capacity: 1 },
      ],
      criteria,
      applications: [app('p', { mono: 1, qf1: 1 }, ['A', 'B']), app('q', { mono: 1 }, ['A', 'B']), app('r', { qf1: 1 }, ['A', 'B']), app('s', {}, ['B'])],
    });
    const out = Object.fromEntries(r.applications.map((a) => [a.id, a.outcome]));
    expect(out).toEqual({
      p: { status: 'admitted', group: 'A' },
      q: { status: 'admitted', group: 'B' },
      r: { status: 'waitlist', position: 1 },
      s: { status: 'waitlist', position: 2 },
    });
    expect(r.groups).toEqual([
      { id: 'A', capacity: 1, admitted: 1, lastAdmittedScore: 35 },
      { id: 'B', capacity: 1, admitted: 1, lastAdmittedScore: 20 },
    ]);
  });
  it('honours the family’s order of preference, not the groups’ order', () => {
    const r = allocate({
      groups: [
        { id: 'A', capacity: 5 },
        { id: 'B', capacity: 5 },
      ],
      criteria,
      applications: [app('x', {}, ['B', 'A'])],
    });
    expect(r.applications[0]!.outcome).toEqual({ status: 'admitted', group: 'B' });
  });
  it('never admits more than a group’s capacity, on random campaigns', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const c = randomCampaign(rng(seed), 150, 5);
      const r = allocate(c);
      for (const g of c.groups) {
        const n = r.applications.filter((a) => a.outcome.status === 'admitted' && a.outcome.group === g.id).length;
        expect(n).toBeLessThanOrEqual(g.capacity);
        expect(r.groups.find((x) => x.id === g.id)!.admitted).toBe(n);
      }
    }
  });
  it('admits only to a group the application chose', () => {
    const c = randomCampaign(rng(3), 300, 7);
    const byId = new Map(c.applications.map((a) => [a.id, a]));
    for (const a of allocate(c).applications) {
      if (a.outcome.status === 'admitted') expect(byId.get(a.id)!.choices).toContain(a.outcome.group);
    }
  });
  it('numbers the waitlist 1, 2, 3… in rank order (no siblings)', () => {
    const c = randomCampaign(rng(11), 200, 3);
    c.applications = c.applications.map((a) => ({ ...a, family: `solo-${a.id}` }));
    const waiting = allocate(c).applications.filter((a) => a.outcome.status === 'waitlist');
    expect(waiting.length).toBeGreaterThan(100);
    expect(waiting.map((a) => (a.outcome as { position: number }).position)).toEqual(waiting.map((_, i) => i + 1));
  });
  it('numbers the waitlist without gaps when siblings wait together', () => {
    const waiting = allocate(randomCampaign(rng(12), 200, 3)).applications.filter((a) => a.outcome.status === 'waitlist');
    const positions = waiting.map((a) => (a.outcome as { position: number }).position).sort((x, y) => x - y);
    expect(positions).toEqual(waiting.map((_, i) => i + 1));
  });
});

describe('siblings', () => {
  const groups = [
    { id: 'A', capacity: 2 },
    { id: 'B', capacity: 3 },
  ];
  it('keeps siblings together in the first group, in the best-ranked one’s order, that all chose and that has room for all', () => {
    const r = allocate({
      groups,
      criteria,
      applications: [
        app('other', { mono: 1, qf1: 1 }, ['A']),
        app('big', { mono: 1 }, ['A', 'B'], { family: 'fam' }),
        app('small', {}, ['B', 'A'], { family: 'fam' }),
      ],
    });
    const out = Object.fromEntries(r.applications.map((a) => [a.id, a.outcome]));
    // A has one place left after "other": not enough for two, so the unit goes to B.
    expect(out.big).toEqual({ status: 'admitted', group: 'B' });
    expect(out.small).toEqual({ status: 'admitted', group: 'B' });
  });
  it('the unit takes the rank of its best-placed application', () => {
    const r = allocate({
      groups: [{ id: 'A', capacity: 2 }],
      criteria,
      applications: [app('best', { mono: 1 }, ['A'], { family: 'fam' }), app('middle', { qf1: 1 }, ['A']), app('low', {}, ['A'], { family: 'fam' })],
    });
    const out = Object.fromEntries(r.applications.map((a) => [a.id, a.outcome]));
    expect(out.best).toEqual({ status: 'admitted', group: 'A' });
    expect(out.low).toEqual({ status: 'admitted', group: 'A' });
    expect(out.middle).toEqual({ status: 'waitlist', position: 1 });
    expect(r.applications.find((a) => a.id === 'low')!.rank).toBe(3); // its own rank stays its own
  });
  it('waits whole when no common group has room for all (all or none)', () => {
    const r = allocate({
      groups: [
        { id: 'A', capacity: 1 },
        { id: 'B', capacity: 1 },
      ],
      criteria,
      applications: [app('s1', { mono: 1 }, ['A'], { family: 'fam' }), app('s2', { mono: 1 }, ['B'], { family: 'fam' }), app('solo', {}, ['A', 'B'])],
    });
    const out = Object.fromEntries(r.applications.map((a) => [a.id, a.outcome]));
    expect(out.s1).toEqual({ status: 'waitlist', position: 1 });
    expect(out.s2).toEqual({ status: 'waitlist', position: 2 });
    expect(out.solo).toEqual({ status: 'admitted', group: 'A' });
  });
  it('siblings are always admitted together to one group, on random campaigns', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const r = allocate(randomCampaign(rng(seed), 150, 5));
      const byFamily = new Map<string, string[]>();
      for (const a of r.applications)
        byFamily.set(a.family, [...(byFamily.get(a.family) ?? []), a.outcome.status === 'admitted' ? a.outcome.group : 'waitlist']);
      for (const outcomes of byFamily.values()) expect(new Set(outcomes).size).toBe(1);
    }
  });
});

describe('what-if', () => {
  it('lists the applications whose status changes when a weight changes', () => {
    const c: Campaign = {
      groups: [{ id: 'g', capacity: 1 }],
      criteria,
      applications: [app('mono', { mono: 1 }, ['g']), app('qf', { qf1: 1 }, ['g'])],
    };
    const before = allocate(withWeights(c, { mono: 10 }));
    const after = allocate(withWeights(c, { mono: 30 }));
    expect(compareAllocations(before, after).map((x) => [x.id, x.before.status, x.after.status])).toEqual([
      ['qf', 'admitted', 'waitlist'],
      ['mono', 'waitlist', 'admitted'],
    ]);
    expect(compareAllocations(after, after)).toEqual([]);
  });
});

describe('the campaign file', () => {
  const good = {
    groups: [{ id: 'ete-6-11', capacity: 24 }],
    criteria: [
      { id: 'monoparentalite', weight: 20 },
      { id: 'qf_tranche_1', weight: 15 },
    ],
    applications: [
      { id: 'a-102', family: 'f-17', submitted_at: '2026-03-02T09:14:00+01:00', criteria: { monoparentalite: 1, qf_tranche_1: 0.5 }, choices: ['ete-6-11'] },
    ],
  };
  it('reads the documented example and writes the documented output', () => {
    const parsed = parseCampaign(good);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(allocationFile(allocate(parsed.value))).toEqual({
      applications: [
        { id: 'a-102', score: 27.5, breakdown: { monoparentalite: 20, qf_tranche_1: 7.5 }, rank: 1, outcome: { status: 'admitted', group: 'ete-6-11' } },
      ],
      groups: [{ id: 'ete-6-11', admitted: 1, last_admitted_score: 27.5 }],
    });
  });
  it('names the exact path of every error', () => {
    const bad = structuredClone(good) as any;
    bad.groups.push({ id: 'ete-6-11', capacity: 3 });
    bad.applications.push({ id: 'a-102', family: 'f-18', submitted_at: '2026-03-02', criteria: { inconnu: 1, qf_tranche_1: 1.5 }, choices: ['nulle-part'] });
    const parsed = parseCampaign(bad);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => e.path)).toEqual([
      'groups[1].id',
      'applications[1].id',
      'applications[1].submitted_at',
      'applications[1].criteria.inconnu',
      'applications[1].criteria.qf_tranche_1',
      'applications[1].choices[0]',
    ]);
    for (const e of parsed.errors) expect(e.message).toMatch(/[a-zé]/);
  });
  it('refuses a file that is not a campaign', () => {
    expect(parseCampaign([]).ok).toBe(false);
    const r = parseCampaign({ groups: 3 });
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['groups', 'criteria', 'applications']);
  });
  it('reads weights that replace the campaign’s, and refuses unknown criteria', () => {
    const c = parseCampaign(good);
    if (!c.ok) throw new Error('bad fixture');
    expect(parseWeights({ monoparentalite: 30 }, c.value)).toEqual({ ok: true, value: { monoparentalite: 30 } });
    const bad = parseWeights({ autre: 3, qf_tranche_1: 'x' }, c.value);
    expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toEqual(['autre', 'qf_tranche_1']);
    expect(allocate(withWeights(c.value, { monoparentalite: 30 })).applications[0]!.score).toBe(37.5);
  });
});
