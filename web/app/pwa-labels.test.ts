/**
 * A queued form whose label quotes French data (`t('pwa.<key>', { what: X })`) passes X as `what` too, so
 * the list of sendings marks it lang="fr" on English and Arabic pages (docs/pwa.md, « Adding a queued form »).
 * Read from the pages' source: every such label, in every feature, and the sending that carries it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const FEATURES = path.resolve(import.meta.dirname, '../features');
/** Labels that quote a child's first name: a name has no language to mark. */
const NAMES = new Set(['pwa.tutoring', 'pwa.tutoringSession']);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each `t('pwa.…', { what: X })` of a file and whether its sending gives X as `what` (a property, or a helper's last argument). */
function quotedLabels(source: string): { key: string; what: string; passed: boolean }[] {
  const out: { key: string; what: string; passed: boolean }[] = [];
  for (const m of source.matchAll(/\bt\(([^,()]*?'pwa\.\w+'[^,()]*?|\w+\[\w+\]),\s*\{\s*what(?::\s*([^}]+?))?\s*\}\)/g)) {
    const key = m[1]!.replace(/.*'(pwa\.\w+)'.*/, '$1');
    const what = (m[2] ?? 'what').trim();
    // The sending that carries the label: the rest of its call (a few lines at most).
    const after = source.slice(m.index + m[0].length, m.index + m[0].length + 400);
    const e = escape(what);
    const passed =
      new RegExp(`^\\s*,\\s*${e}\\s*\\)`).test(after) || // a helper's last argument: post(url, body, label, what)
      new RegExp(`\\bwhat:\\s*${e}\\s*[,}\\n]`).test(after) ||
      (what === 'what' && /\bwhat\s*[,}\n]/.test(after));
    out.push({ key, what, passed });
  }
  return out;
}

describe('queued forms quoting French data', () => {
  it('reads the shapes the pages use', () => {
    expect(quotedLabels(`queue.send({ url, label: t('pwa.idea', { what: title }), what: title })`)).toEqual([{ key: 'pwa.idea', what: 'title', passed: true }]);
    expect(quotedLabels(`post(u, {}, t(labels[verb], { what: r.place }), r.place)`)).toEqual([{ key: 'labels[verb]', what: 'r.place', passed: true }]);
    expect(quotedLabels(`send({\n  label: t('pwa.x', { what }),\n  what,\n})`)).toEqual([{ key: 'pwa.x', what: 'what', passed: true }]);
    expect(quotedLabels(`const label = t('pwa.support', { what: p.title });\nawait queue.send({ url, label,\n what: p.title,\n })`)[0]!.passed).toBe(true);
    expect(quotedLabels(`queue.send({ url, label: t('pwa.idea', { what: title }) });\nsetTitle(title);`)[0]!.passed).toBe(false);
    expect(quotedLabels(`queue.send({ label: t('pwa.idea', { what: title }), what: titles })`)[0]!.passed).toBe(false);
    expect(quotedLabels(`const label = t(on ? 'pwa.unsupport' : 'pwa.support', { what: p.title });\nqueue.send({ label })`)).toEqual([
      { key: 'pwa.support', what: 'p.title', passed: false },
    ]);
  });

  it('every page passes the quoted French text as `what`', () => {
    const missing: string[] = [];
    let seen = 0;
    for (const file of sources(FEATURES)) {
      for (const l of quotedLabels(fs.readFileSync(file, 'utf8'))) {
        seen++;
        if (!l.passed && !NAMES.has(l.key)) missing.push(`${path.relative(FEATURES, file)}: ${l.key} (${l.what})`);
      }
    }
    expect(seen).toBeGreaterThan(15);
    expect(missing).toEqual([]);
  });
});
