/**
 * Use cases of a family: the application form prefilled from its file, applying (one
 * application per child, siblings together if asked), its applications with, once
 * published, its score broken down, rank, outcome and the last admitted score of each group
 * it asked for; confirming or refusing an offer. A parent acts for its own household only.
 */
import { audit } from '../../platform/audit';
import { parisDate } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { onConstraint, tx } from '../../platform/db/pool';
import { AppError } from '../../platform/errors';
import { requireRole } from '../../platform/roles';
import { getHouseholdForUser, getForm, prefill, type Household } from '../dossiers/index';
import type { ApplyInput } from './attribution.schemas';
import * as store from './attribution.store';
import { ageOnDay, outcomeOf, rulesOf } from './campaign.service';
import { applicationValues, deriveValue, type DeriveInput } from './derive';
import * as documents from './documents.store';
import { APPLICATION_FORM } from './attribution.hooks';
import { passOn } from './offers';

const notFound = () => new AppError('attribution/not-found');

export async function ownHousehold(ctx: Ctx): Promise<Household> {
  requireRole(ctx, 'parent');
  const h = await getHouseholdForUser(ctx);
  if (!h) throw new AppError('attribution/no-household');
  return h;
}

function isOpen(c: store.CampaignRow, now: Date): boolean {
  return c.status === 'open' && (!c.opensAt || c.opensAt <= now) && (!c.closesAt || now < c.closesAt);
}

/** What the application form starts from: the campaign's rules, the children, the values the file gives. */
export async function applicationForm(ctx: Ctx, campaignId: string) {
  const h = await ownHousehold(ctx);
  const c = await store.getCampaign(ctx.db, campaignId);
  if (!c || c.status === 'draft') throw notFound();
  // Only the fields the form declared (hooks.dossiers.forms), read through the file's access check.
  const p = await prefill(ctx, h.id, APPLICATION_FORM.formId);
  const v = p.values as {
    otherParent?: { custody?: DeriveInput['custody'] } | null;
    quotient?: { value?: number | null };
    situation?: { activity?: string | null };
    children?: { id: string; firstName?: string; birthDate?: string }[];
    documents?: { kind?: string; validUntil?: string | null }[];
  };
  const [rules, history, mine, attached] = await Promise.all([
    rulesOf(ctx.db, c),
    store.householdHistory(ctx.db, h.id, c.id, ctx.now()),
    store.applicationsOfHousehold(ctx.db, h.id),
    documents.documentsOf(ctx.db, c.id, h.id),
  ]);
  const today = parisDate(ctx.now());
  const children = (v.children ?? []).map((k) => ({
    id: k.id,
    firstName: k.firstName ?? '',
    age: ageOnDay(k.birthDate ?? null, today) ?? 0,
    alreadyApplied: mine.some((a) => a.campaignId === c.id && a.childId === k.id && a.status === 'submitted'),
  }));
  const input: DeriveInput = {
    custody: v.otherParent?.custody ?? null,
    quotient: v.quotient?.value ?? null,
    activity: v.situation?.activity ?? null,
    children: children.length,
    keepTogether: true,
    ...history,
  };
  const fileDocuments = [...new Set((v.documents ?? []).filter((d) => !d.validUntil || d.validUntil >= today).map((d) => d.kind ?? ''))].filter(Boolean);
  return {
    campaign: rules,
    children,
    prefilled: Object.fromEntries(rules.criteria.map((x) => [x.code, deriveValue(x.derive, input)])),
    documents: fileDocuments,
    proofs: Object.fromEntries(
      rules.criteria.map((x) => [x.code, x.proofDocument ? fileDocuments.includes(x.proofDocument) || attached.some((d) => d.criterion === x.code) : null]),
    ),
    attached: attached.map(({ id, criterion, name, sizeBytes, uploadedAt }) => ({ id, criterion, name, sizeBytes, uploadedAt })),
    purpose: getForm(APPLICATION_FORM.formId)?.purpose ?? '',
  };
}

export async function apply(ctx: Ctx, campaignId: string, input: ApplyInput) {
  const h = await ownHousehold(ctx);
  return tx(ctx.db, async (t) => {
    const c = await store.getCampaign(t, campaignId, { lock: true });
    if (!c || c.status === 'draft') throw notFound();
    const now = ctx.now();
    if (!isOpen(c, now)) throw new AppError('attribution/not-open');
    const groups = await store.groupsOf(t, campaignId);
    const criteria = await store.criteriaOf(t, campaignId);
    const today = parisDate(now);
    const kids = input.children.map((id, i) => {
      const k = h.children.find((x) => x.id === id);
      if (!k) throw new AppError('attribution/unknown-child', { fields: [{ path: `children.${i}`, message: "Cet enfant n'est pas dans votre dossier." }] });
      return k;
    });
    if (new Set(input.choices).size !== input.choices.length)
      throw new AppError('http/validation', { fields: [{ path: 'choices', message: 'Un groupe est choisi deux fois.' }] });
    input.choices.forEach((g, i) => {
      const group = groups.find((x) => x.id === g);
      if (!group)
        throw new AppError('attribution/unknown-group', { fields: [{ path: `choices.${i}`, message: "Ce groupe n'existe pas dans cette campagne." }] });
      for (const k of kids) {
        const age = ageOnDay(k.birthDate, today)!;
        if ((group.ageMin != null && age < group.ageMin) || (group.ageMax != null && age > group.ageMax)) {
          throw new AppError('attribution/age-band', {
            fields: [{ path: `choices.${i}`, message: `« ${group.label} » n'accueille pas les enfants de ${age} ans.` }],
          });
        }
      }
    });
    const unknown = Object.keys(input.declared).filter((k) => !criteria.some((x) => x.code === k));
    if (unknown.length)
      throw new AppError('attribution/unknown-criterion', { fields: unknown.map((k) => ({ path: `declared.${k}`, message: `Critère inconnu : « ${k} ».` })) });
    const history = await store.householdHistory(t, h.id, c.id, now);
    const values = applicationValues(
      criteria,
      {
        custody: h.otherParent?.custody ?? null,
        quotient: h.quotient.value,
        activity: h.situation.activity,
        children: kids.length,
        keepTogether: input.keepTogether,
        ...history,
      },
      input.declared,
    );
    const ids: string[] = [];
    try {
      for (const k of kids) {
        ids.push(
          await store.insertApplication(t, {
            campaignId,
            number: await store.nextNumber(t, campaignId),
            householdId: h.id,
            childId: k.id,
            childFirstName: k.firstName,
            childBirthDate: k.birthDate,
            externalId: null,
            familyKey: input.keepTogether ? h.id : `${h.id}:${k.id}`,
            keepTogether: input.keepTogether,
            submittedAt: now,
            criteria: values,
            choices: input.choices,
          }),
        );
      }
    } catch (err) {
      onConstraint(err, { attribution_applications_one_per_child: new AppError('attribution/already-applied') });
    }
    await audit(t, ctx, 'attribution/applied', { householdId: h.id, subjectType: 'campaign', subjectId: campaignId, details: { applications: ids } });
    return { ids };
  });
}

/** The family's applications, and once published: score by criterion, rank, outcome, last admitted score per group chosen, offer. */
export async function myApplications(ctx: Ctx) {
  requireRole(ctx, 'parent');
  const h = await getHouseholdForUser(ctx);
  if (!h) return [];
  const apps = await store.applicationsOfHousehold(ctx.db, h.id);
  const ids = apps.map((a) => a.id);
  const [results, offers] = await Promise.all([store.resultsOfApplications(ctx.db, ids), store.offersOfApplications(ctx.db, ids)]);
  const campaigns = new Map<string, Awaited<ReturnType<typeof rulesOf>> & { total: number }>();
  for (const id of new Set(apps.map((a) => a.campaignId))) {
    const c = (await store.getCampaign(ctx.db, id))!;
    const run = c.status === 'published' ? await store.runOf(ctx.db, id) : null;
    campaigns.set(id, { ...(await rulesOf(ctx.db, c)), total: run ? (await store.resultsOfRun(ctx.db, run.id)).length : 0 });
  }
  return apps.map((a) => {
    const c = campaigns.get(a.campaignId)!;
    const labels = new Map(c.groups.map((g) => [g.id, g.label]));
    const crit = new Map(c.criteria.map((x) => [x.code, x]));
    const r = c.status === 'published' ? results.find((x) => x.applicationId === a.id) : undefined;
    const live = offers.filter((o) => o.applicationId === a.id).at(-1);
    return {
      id: a.id,
      campaignId: a.campaignId,
      campaignTitle: c.title,
      campaignStatus: c.status,
      childFirstName: a.childFirstName,
      submittedAt: a.submittedAt,
      status: a.status,
      choices: a.choices.map((g) => ({ id: g, label: labels.get(g) ?? '', lastAdmittedScore: c.groups.find((x) => x.id === g)?.lastAdmittedScore ?? null })),
      criteria: c.criteria.map((x) => ({
        code: x.code,
        label: x.label,
        value: a.criteria[x.code]?.value ?? 0,
        source: a.criteria[x.code]?.source ?? 'declared',
      })),
      result: r
        ? {
            score: r.score,
            rank: r.rank,
            total: c.total,
            breakdown: Object.entries(r.breakdown).map(([code, points]) => ({
              code,
              label: crit.get(code)?.label ?? code,
              weight: crit.get(code)?.weight ?? 0,
              points,
            })),
            outcome: outcomeOf(r, labels),
          }
        : null,
      offer: live ? { ...live, groupLabel: labels.get(live.groupId) ?? '' } : null,
    };
  });
}

/** The family withdraws an application before the results are published. */
export async function withdraw(ctx: Ctx, applicationId: string) {
  const h = await ownHousehold(ctx);
  await tx(ctx.db, async (t) => {
    const a = await store.getApplication(t, applicationId, { lock: true });
    if (!a || a.householdId !== h.id || a.status !== 'submitted') throw notFound();
    const c = await store.getCampaign(t, a.campaignId, { lock: true });
    if (!c || c.status === 'published') throw new AppError('attribution/already-published');
    await store.withdrawApplication(t, applicationId);
    await audit(t, ctx, 'attribution/withdrawn', { householdId: h.id, subjectType: 'application', subjectId: applicationId });
  });
  return { ok: true };
}

/**
 * The family answers an offer before its deadline. A refusal is recorded for its later
 * campaigns (criterion « refus ») and the place passes to the next family of the waitlist.
 */
export async function answerOffer(ctx: Ctx, offerId: string, answer: 'confirm' | 'refuse') {
  const h = await ownHousehold(ctx);
  return tx(ctx.db, async (t) => {
    const o = await store.getOffer(t, offerId, { lock: true });
    const a = o ? await store.getApplication(t, o.applicationId) : null;
    if (!o || !a || a.householdId !== h.id) throw notFound();
    const now = ctx.now();
    if (o.status !== 'offered' || o.expiresAt <= now) throw new AppError('attribution/offer-closed');
    const status: 'confirmed' | 'refused' = answer === 'confirm' ? 'confirmed' : 'refused';
    await store.decideOffer(t, offerId, status, now);
    let passedOn = 0;
    if (status === 'refused') {
      await store.insertRefusal(t, { householdId: h.id, campaignId: a.campaignId, offerId, now });
      passedOn = await passOn(t, ctx.jobs, a.campaignId, o.groupId, now);
    }
    await audit(t, ctx, `attribution/offer-${status}`, { householdId: h.id, subjectType: 'offer', subjectId: offerId, details: { passedOn } });
    return { status, passedOn };
  });
}
