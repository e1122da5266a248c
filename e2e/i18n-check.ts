/**
 * What the language journeys share (issue 19): choosing a language on the account page, and the
 * check that a page shows no French outside a lang="fr" island; every language journey imports it.
 */
import type { Page } from 'playwright-core';
import type { Journey } from './harness';

/**
 * Text nodes people see that read as French and sit outside any lang="fr" element. French is told by
 * its small words (de, la, vous, pour…) or an accented letter inside a word; names of places or people
 * alone are not flagged (they are not translated anyway).
 */
export async function frenchOutsideIslands(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const FRENCH =
      /(^|[\s(«"'’])(le|la|les|des|du|de|d’|l’|d'|l'|une|un|et|ou|vous|votre|vos|pour|avec|est|sont|aux|au|dans|pas|sur|mon|ma|mes|nous|ce|cette|qui|que)(?=[\s,.:;!?)»"]|$)/i;
    const ACCENTED_WORD = /[a-z][éèêàùçôîâœ][a-z]|[a-z]{2}[éè]\b/i;
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').replace(/[\u2066-\u2069\u200e\u200f]/g, '').trim();
      if (!text) continue;
      const el = n.parentElement;
      if (!el || el.closest('script, style, noscript, [hidden], [aria-hidden="true"]')) continue;
      const lang = el.closest('[lang]')?.getAttribute('lang') ?? '';
      if (lang.startsWith('fr')) continue;
      if (!el.getClientRects().length && !el.closest('.visually-hidden, option')) continue;
      if (FRENCH.test(text) || ACCENTED_WORD.test(text)) out.push(`${text.slice(0, 80)} (in <${el.tagName.toLowerCase()}>)`);
    }
    return out;
  });
}

/** The logged-in user picks a language on the account page (saved on the account; the page turns). */
export async function chooseLanguage(j: Journey, locale: string, label: string): Promise<void> {
  const { page, url } = j;
  await page.goto(`${url}/compte`);
  await page.locator('select[name="locale"]').selectOption({ label });
  await page.getByRole('button', { name: 'Enregistrer' }).first().click();
  await page.waitForFunction((l) => document.documentElement.lang === l, locale);
}
