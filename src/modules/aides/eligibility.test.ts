import { describe, expect, it } from 'vitest';
import type { AidDefinition } from './aid';
import { demoRules } from './aid-files';
import { type AidFacts, evaluateAid, evaluateAll } from './eligibility';

const { aids } = demoRules();
const aid = (id: string) => aids.find((a) => a.id === id)!;

/** A household that meets every demo condition it can. */
const full: AidFacts = {
  singleParent: true,
  inseeCode: '80021',
  neighbourhood: 'nord',
  quotientCents: 60000,
  resourcesMonthlyCents: 120000,
  childrenAges: [4, 9],
  employment: 'demandeur_emploi',
  residenceMonths: 24,
  housing: 'locataire_hlm',
  receivedThisYear: [],
};

const base: AidDefinition = {
  id: 'test',
  demo: true,
  title: 'Aide test',
  summary: 'Une aide de test.',
  summary_easy: 'Une aide de test.',
  fund: 'fonds-sante',
  territory: { communes: [], neighbourhoods: [] },
  conditions: [],
  profiles: [],
  benefit: { kind: 'fixed', amount_cents: 10000 },
  documents: [],
  request_fields: [],
  file_fields: [],
  how_to_ask: 'En ligne.',
  source: 'Test.',
};

describe('evaluateAid', () => {
  it('answers eligible when every condition is met, with the met conditions', () => {
    const r = evaluateAid(aid('cheque-sante'), full);
    expect(r.status).toBe('eligible');
    expect(r.reasons).toEqual([]);
    expect(r.met).toContain('quotient familial 600 € ≤ 700 €');
    expect(r.benefit).toBe('150 € en chèques par an');
  });

  it('gives the reason and the margin of a quotient familial above the threshold', () => {
    const r = evaluateAid(aid('cheque-sante'), { ...full, quotientCents: 81200 });
    expect(r.status).toBe('not_eligible');
    expect(r.reasons).toEqual(['quotient familial 812 € > 700 €, soit 112 € au-dessus']);
  });

  it('is eligible exactly at the threshold', () => {
    expect(evaluateAid(aid('cheque-sante'), { ...full, quotientCents: 70000 }).status).toBe('eligible');
    expect(evaluateAid(aid('cheque-sante'), { ...full, quotientCents: 70001 }).reasons[0]).toBe('quotient familial 700,01 € > 700 €, soit 0,01 € au-dessus');
  });

  it('never answers eligible on missing data: to_check with the question', () => {
    const r = evaluateAid(aid('cheque-sante'), { ...full, quotientCents: undefined });
    expect(r.status).toBe('to_check');
    expect(r.questions.map((q) => q.key)).toEqual(['quotient_familial']);
    expect(r.questions[0].label).toMatch(/quotient familial/);
  });

  it('an empty household is to_check on every demo aid, never eligible', () => {
    for (const a of aids) expect(evaluateAid(a, {}).status, a.id).toBe('to_check');
  });

  it('a failed condition wins over a missing one (no question is worth asking)', () => {
    const r = evaluateAid(aid('cheque-sante'), { singleParent: true, quotientCents: 90000 });
    expect(r.status).toBe('not_eligible');
    expect(r.questions).toEqual([]);
  });

  it('lists every question once, territory first', () => {
    const r = evaluateAid(aid('aide-permis'), { singleParent: true });
    expect(r.questions.map((q) => q.key)).toEqual(['commune', 'quotient_familial', 'residence', 'received_this_year', 'situation_emploi']);
  });

  it('refuses a household outside the commune', () => {
    const r = evaluateAid(aid('cheque-sante'), { ...full, inseeCode: '21231' });
    expect(r.status).toBe('not_eligible');
    expect(r.reasons[0]).toMatch(/hors de la commune/);
  });

  it('reads neighbourhoods when the aid names some', () => {
    const a = { ...base, territory: { communes: [], neighbourhoods: ['etouvie', 'nord'] } };
    expect(evaluateAid(a, { neighbourhood: 'nord' }).status).toBe('eligible');
    expect(evaluateAid(a, { neighbourhood: 'sud' }).status).toBe('not_eligible');
    expect(evaluateAid(a, {}).questions[0].key).toBe('quartier');
  });

  it('OR between profiles: a job seeker matches the priority profile', () => {
    const r = evaluateAid(aid('aide-permis'), full);
    expect(r.status).toBe('eligible');
    expect(r.profile).toBe("Demandeur ou demandeuse d'emploi");
    expect(r.priority).toBe(true);
  });

  it('OR between profiles: a worker matches the second, not a priority', () => {
    const r = evaluateAid(aid('aide-permis'), { ...full, employment: 'en_emploi' });
    expect(r.status).toBe('eligible');
    expect(r.profile).toBe('En emploi ou en formation');
    expect(r.priority).toBe(false);
  });

  it('no profile matches: not eligible with each profile named', () => {
    const r = evaluateAid(aid('aide-permis'), { ...full, employment: 'sans_activite' });
    expect(r.status).toBe('not_eligible');
    expect(r.reasons[0]).toMatch(/^ne correspond à aucun profil \(Demandeur ou demandeuse d'emploi : situation : sans activité/);
  });

  it('a profile with an unknown fact makes it to_check when no profile is met', () => {
    const r = evaluateAid(aid('aide-permis'), { ...full, employment: undefined });
    expect(r.status).toBe('to_check');
    expect(r.questions.map((q) => q.key)).toEqual(['situation_emploi']);
  });

  it('AND within a profile: both conditions needed', () => {
    const a: AidDefinition = {
      ...base,
      profiles: [
        {
          label: 'Jeune parent en recherche',
          conditions: [
            { kind: 'employment', among: ['demandeur_emploi'] },
            { kind: 'child_age', max_years: 2 },
          ],
        },
      ],
    };
    expect(evaluateAid(a, { employment: 'demandeur_emploi', childrenAges: [1] }).status).toBe('eligible');
    expect(evaluateAid(a, { employment: 'demandeur_emploi', childrenAges: [5] }).reasons[0]).toMatch(/aucun enfant de 2 ans ou moins/);
  });

  it('children ages: at least one child in the range', () => {
    const r = evaluateAid(aid('fonds-educatif'), { ...full, childrenAges: [1, 19] });
    expect(r.reasons).toEqual(['aucun enfant entre 3 et 17 ans']);
    expect(evaluateAid(aid('fonds-educatif'), { ...full, childrenAges: [1, 17] }).status).toBe('eligible');
    expect(evaluateAid(aid('fonds-educatif'), { ...full, childrenAges: [] }).status).toBe('not_eligible');
  });

  it('resources per month and per year, with the margin', () => {
    expect(evaluateAid(aid('pret-honneur'), { ...full, resourcesMonthlyCents: 260000 }).reasons).toEqual([
      'ressources 2 600 € par mois > 2 500 €, soit 100 € au-dessus',
    ]);
    const yearly: AidDefinition = { ...base, conditions: [{ kind: 'resources', max_cents: 2400000, period: 'year' }] };
    expect(evaluateAid(yearly, { resourcesMonthlyCents: 210000 }).reasons).toEqual(['ressources 25 200 € par an > 24 000 €, soit 1 200 € au-dessus']);
    expect(evaluateAid(yearly, { resourcesMonthlyCents: 200000 }).status).toBe('eligible');
  });

  it('residence duration: how many months are still missing', () => {
    expect(evaluateAid(aid('aide-permis'), { ...full, residenceMonths: 4 }).reasons).toEqual([
      'dans la commune depuis 4 mois < 6 mois, soit 2 mois à attendre',
    ]);
  });

  it('housing: a home owner cannot get the deposit advance', () => {
    expect(evaluateAid(aid('fonds-logement-depot'), { ...full, housing: 'proprietaire' }).reasons[0]).toMatch(
      /^logement : propriétaire \(réservée à : locataire HLM/,
    );
  });

  it('already received this year', () => {
    const r = evaluateAid(aid('cheque-sante'), { ...full, receivedThisYear: ['cheque-sante'] });
    expect(r.reasons).toEqual(['déjà reçue cette année']);
    expect(evaluateAid(aid('cheque-sante'), { ...full, receivedThisYear: ['aide-permis'] }).status).toBe('eligible');
  });

  it('single parent: a couple is not eligible', () => {
    expect(evaluateAid(aid('cheque-sante'), { ...full, singleParent: false }).reasons[0]).toMatch(/seuls/);
  });

  it('every reason of a not eligible household is listed', () => {
    const r = evaluateAid(aid('cheque-sante'), { ...full, quotientCents: 80000, receivedThisYear: ['cheque-sante'] });
    expect(r.reasons).toHaveLength(2);
  });
});

describe('evaluateAll', () => {
  it('evaluates every open aid in order', () => {
    const r = evaluateAll(aids, full, '2026-03-10');
    expect(r.map((x) => x.aid)).toEqual(aids.map((a) => a.id));
    expect(r.filter((x) => x.status === 'eligible').length).toBeGreaterThan(5);
  });

  it('leaves out an ended aid (the day after its end date)', () => {
    const ended = { ...base, end_date: '2026-03-09' };
    expect(evaluateAll([ended], full, '2026-03-09')).toHaveLength(1);
    expect(evaluateAll([ended], full, '2026-03-10')).toHaveLength(0);
  });
});
