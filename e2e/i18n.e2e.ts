/**
 * Journey "i18n" (issue 19): a parent picks English, then another picks Arabic, on their account page;
 * each runs the benefits simulator to its results and fills the household file, entirely in that
 * language. At every step, besides axe and the raw-value guard, the page must show no French outside a
 * lang="fr" island (legal names, what the town or the engine writes in French); the Arabic pages are
 * right to left. Screenshots at 360 px (phone) and desktop.
 */
import fs from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fillDate, nextStep, startJourney, type Journey } from './harness';
import { chooseLanguage as pickLanguage, frenchOutsideIslands } from './i18n-check';

const NOW = '2026-03-10T10:00:00+01:00';
const PHONE = { width: 360, height: 800 };
const DESKTOP = { width: 1100, height: 900 };

/** The catalogues themselves give the words to look for, so the journey follows the translations. */
function catalogue(dir: string, locale: string): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.resolve(dir, `${locale}.json`), 'utf8')) as Record<string, string>;
}
function wordsOf(locale: 'en' | 'ar') {
  const shell = catalogue('web/app/i18n', locale);
  const droits = catalogue('web/features/droits/i18n', locale);
  const dossiers = catalogue('web/features/dossiers/i18n', locale);
  const fmt = (s: string, v: Record<string, string | number> = {}) => String(new IntlMessageFormat(s, locale === 'ar' ? 'ar-u-nu-latn' : 'en-GB').format(v));
  return {
    shell: (k: string, v?: Record<string, string | number>) => fmt(shell[k]!, v),
    droits: (k: string, v?: Record<string, string | number>) => fmt(droits[k]!, v),
    dossiers: (k: string, v?: Record<string, string | number>) => fmt(dossiers[k]!, v),
  };
}

async function check(j: Journey, name: string, opts: { phone?: boolean } = {}) {
  const { page } = j;
  if (opts.phone) {
    await page.setViewportSize(PHONE);
    await j.step(`${name}-360`);
    await page.setViewportSize(DESKTOP);
  }
  await j.step(name);
  expect(await frenchOutsideIslands(page), `French outside lang="fr" on step "${name}" (${page.url()})`).toEqual([]);
}

const heading2 = (page: Page) => page.getByRole('heading', { level: 2 }).first().textContent();
const radio = (page: Page, group: string, option: string) => page.getByRole('radiogroup', { name: group }).getByText(option, { exact: true });

async function chooseLanguage(j: Journey, locale: 'en' | 'ar', label: string) {
  // The account page starts in French (the account's language); its picker lists every language.
  await pickLanguage(j, locale, label);
  const { rows } = await j.env.rt.deps.db.query(`SELECT locale FROM users WHERE locale = $1`, [locale]);
  expect(rows.length).toBeGreaterThan(0);
}

async function runSimulator(j: Journey, locale: 'en' | 'ar') {
  const { page, url } = j;
  const w = wordsOf(locale);
  const d = w.droits;
  await page.goto(`${url}/droits`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(d('home.title'));
  await check(j, 'droits-accueil');
  await page
    .getByRole('link', { name: d('home.simulate') })
    .first()
    .click();
  await expect.poll(() => heading2(page)).toBe(d('step.foyer'));
  await expect.poll(() => page.getByRole('progressbar').getAttribute('aria-valuetext')).toBe(w.shell('ui.step', { current: 1, total: 7 }));
  await page.getByRole('button', { name: d('sim.next') }).click();
  await expect.poll(() => page.getByText(d('sim.fixErrors')).count()).toBe(1);
  await check(j, 'foyer-erreurs', { phone: true });
  await radio(page, d('q.livesAlone'), d('a.yes')).click();
  await page.getByLabel(d('q.parentAge')).fill('34');
  await radio(page, d('q.recentlySeparated'), d('a.no')).click();
  await check(j, 'foyer');
  await page.getByRole('button', { name: d('sim.next') }).click();

  await expect.poll(() => heading2(page)).toBe(d('step.enfants'));
  await fillDate(page, d('q.childBirth', { n: 1 }), '2019-09-01');
  await page.getByRole('button', { name: d('q.addChild') }).click();
  await fillDate(page, d('q.childBirth', { n: 2 }), '2015-02-20');
  await expect.poll(() => page.getByText(d('q.childAge', { age: 6 })).count()).toBe(1);
  await check(j, 'enfants');
  await page.getByRole('button', { name: d('sim.next') }).click();

  await expect.poll(() => heading2(page)).toBe(d('step.travail'));
  await radio(page, d('q.activity'), d('a.actif')).click();
  await page.getByLabel(d('q.salary')).fill('900');
  await page.getByLabel(d('q.unemployment')).fill('0');
  await check(j, 'travail');
  await page.getByRole('button', { name: d('sim.next') }).click();

  await expect.poll(() => heading2(page)).toBe(d('step.pension'));
  await radio(page, d('q.alimonyStatus'), d('a.unpaid')).click();
  await expect.poll(() => page.getByText(d('pension.aripa')).count()).toBe(1);
  await check(j, 'pension');
  await page.getByRole('button', { name: d('sim.next') }).click();

  await expect.poll(() => heading2(page)).toBe(d('step.logement'));
  await radio(page, d('q.housingStatus'), d('a.locataire_hlm')).click();
  await page.getByLabel(d('q.rent')).fill('450');
  await check(j, 'logement');
  await page.getByRole('button', { name: d('sim.next') }).click();

  await expect.poll(() => heading2(page)).toBe(d('step.commune'));
  await page.getByRole('button', { name: d('q.communeTown', { town: 'Amiens' }) }).click();
  await expect.poll(() => page.getByText(d('q.communeChosen', { name: 'Amiens', dep: '80' })).count()).toBe(1);
  await check(j, 'commune');
  await page.getByRole('button', { name: d('sim.next') }).click();

  await expect.poll(() => heading2(page)).toBe(d('step.recap'));
  await check(j, 'recapitulatif', { phone: true });
  await page.getByRole('button', { name: d('recap.submit') }).click();

  await expect.poll(() => page.getByRole('heading', { name: d('res.title') }).count()).toBe(1);
  // The legal name stays French, its translation beside it.
  const asf = page.locator('article.benefit', { has: page.getByRole('heading', { name: `Allocation de soutien familial (ASF) — ${d('b.asf')}` }) });
  await expect.poll(() => asf.count()).toBe(1);
  await expect.poll(() => asf.locator('h4 [lang="fr"]').textContent()).toBe('Allocation de soutien familial (ASF)');
  await asf.getByText(d('res.why')).click();
  await asf.getByText(d('res.how')).click();
  await expect.poll(() => asf.getByText(d('res.differ')).count()).toBe(1);
  await check(j, 'resultats', { phone: true });
}

async function fillFile(j: Journey, locale: 'en' | 'ar') {
  const { page, url } = j;
  const x = wordsOf(locale).dossiers;
  const next = () => nextStep(page, x('next'));
  await page.goto(`${url}/dossier`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(x('title'));
  await check(j, 'dossier-vide');
  await page
    .getByRole('link', { name: x('start') })
    .first()
    .click();
  await page.getByLabel(x('firstName'), { exact: true }).fill('Nadia');
  await page.getByLabel(x('lastName'), { exact: true }).fill('Martin');
  await fillDate(page, x('birthDate'), '1990-05-12');
  await page.getByLabel(x('phone'), { exact: true }).fill('06 12 34 56 78');
  await check(j, 'dossier-vous', { phone: true });
  await next();
  await page.getByRole('button', { name: x('addChild') }).click();
  await page.getByLabel(new RegExp(x('childFirstName'))).fill('Lina');
  await fillDate(page, new RegExp(x('childBirthDate')), '2018-09-01');
  await check(j, 'dossier-enfants');
  await next();
  await page.getByLabel(x('addressLine')).fill('12 rue des Lilas');
  await page.getByLabel(x('postalCode')).fill('80000');
  await page.getByLabel(x('neighbourhood')).selectOption('nord');
  await check(j, 'dossier-adresse');
  await next();
  await page.getByLabel(x('activity')).selectOption('actif');
  await page.getByLabel(x('salary')).fill('1100');
  await page.getByLabel(x('alimonyReceived')).fill('0');
  await page.getByLabel(x('housing'), { exact: true }).selectOption('locataire_hlm');
  await page.getByLabel(x('rent'), { exact: true }).fill('480');
  await check(j, 'dossier-ressources');
  await next();
  await check(j, 'dossier-autre-parent');
  await next();
  await check(j, 'dossier-verifier', { phone: true });
  await page.getByRole('button', { name: x('save') }).click();
  await page.waitForURL(/\/dossier\?enregistre=1/);
  await expect.poll(() => page.getByText(x('saved')).count()).toBe(1);
  const { rows } = await j.env.rt.deps.db.query(`SELECT rent_monthly_cents, salary_net_monthly_cents FROM households ORDER BY created_at DESC LIMIT 1`);
  expect(rows[0]).toEqual({ rent_monthly_cents: 48000, salary_net_monthly_cents: 110000 });
  await check(j, 'dossier-rempli', { phone: true });
}

describe.each([
  ['en', 'English'],
  ['ar', 'العربية'],
] as const)('in %s', (locale, label) => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney(`i18n-${locale}`, { now: NOW });
  });
  afterAll(() => j?.close());

  it('the parent picks the language on the account page, and the whole page turns: language, direction, shell', async () => {
    const { page, url } = j;
    await j.login('parent');
    await chooseLanguage(j, locale, label);
    await page.goto(`${url}/`);
    await expect
      .poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]))
      .toEqual([locale, locale === 'ar' ? 'rtl' : 'ltr']);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(wordsOf(locale).shell('home.title'));
    await check(j, 'accueil', { phone: true });
  });

  it('runs the simulator to its results', async () => {
    await runSimulator(j, locale);
  });

  it('fills the household file', async () => {
    await fillFile(j, locale);
  });
});
