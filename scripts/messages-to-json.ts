/**
 * Turns a module's messages.ts (`export default { fr: {…}, en?, ar?, falc? }`) into its ICU JSON
 * catalogues, one file per language (i18n/fr.json, en.json, ar.json, fr-falc.json, and staff.json for
 * the keys only staff read), then rewrites the messages.ts to load them.
 *
 *   npx tsx scripts/messages-to-json.ts web/features/annuaire/messages.ts [--staff admin.,queue.] [--out dir] [--dry-run]
 *
 * `{name}` placeholders are already ICU; an apostrophe just before a brace is doubled (ICU would read it
 * as a quote) and every message is parsed with intl-messageformat: the script stops on one that does not
 * parse, before writing anything. Keys keep the French order (a translator reads them in that order).
 * See docs/modules.md, "Messages".
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';

type Catalog = Record<string, string>;

/** ICU reads `'{` as the start of quoted text: a legacy message meant a real apostrophe there. */
export function toIcu(message: string): string {
  return message.replace(/'(?=[{}])/g, "''");
}

/** The catalogue file a legacy key stands for: falc → fr-falc. */
function fileName(key: string): string {
  return key === 'falc' ? 'fr-falc' : key;
}

export function convert(messages: Record<string, Catalog | undefined>, staffPrefixes: string[]): { files: Record<string, Catalog>; errors: string[] } {
  const fr = messages.fr ?? {};
  const order = Object.keys(fr);
  const isStaff = (k: string) => staffPrefixes.some((p) => k.startsWith(p));
  const files: Record<string, Catalog> = {};
  const errors: string[] = [];
  for (const [lang, catalog] of Object.entries(messages)) {
    if (!catalog) continue;
    const keys = [...order.filter((k) => k in catalog), ...Object.keys(catalog).filter((k) => !(k in fr))];
    for (const key of keys) {
      const value = catalog[key];
      if (typeof value !== 'string') {
        errors.push(`${lang} ${key}: not a string`);
        continue;
      }
      const icu = toIcu(value);
      try {
        new IntlMessageFormat(icu, lang === 'ar' ? 'ar' : lang === 'en' ? 'en' : 'fr', undefined, { ignoreTag: true });
      } catch (e) {
        errors.push(`${lang} ${key}: ${(e as Error).message} — ${value}`);
        continue;
      }
      // Staff text stays French: its translations (if any) are dropped with it.
      if (isStaff(key) && lang !== 'fr') continue;
      const file = isStaff(key) ? 'staff' : fileName(lang);
      (files[file] ??= {})[key] = icu;
    }
  }
  return { files, errors };
}

function loaderSource(messagesPath: string, outDir: string, header: string): string {
  const i18n = relative(dirname(messagesPath), resolve('web/app/i18n')).replace(/\\/g, '/');
  const glob = `./${relative(dirname(messagesPath), outDir).replace(/\\/g, '/')}/*.json`;
  return `${header}import { catalogues } from '${i18n.startsWith('.') ? i18n : `./${i18n}`}';

export default catalogues(import.meta.glob('${glob}', { eager: true, import: 'default' }));
`;
}

async function main(argv: string[]) {
  const file = argv.find((a) => !a.startsWith('--') && !argv[argv.indexOf(a) - 1]?.match(/^--(staff|out)$/));
  if (!file) {
    console.error('Usage : npx tsx scripts/messages-to-json.ts <chemin/vers/messages.ts> [--staff préfixe,…] [--out dossier] [--dry-run]');
    process.exitCode = 2;
    return;
  }
  const opt = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const path = resolve(file);
  const outDir = resolve(
    opt('out') ?? resolve(dirname(path), basename(path) === 'messages.ts' ? 'i18n' : `i18n-${basename(path, '.ts').replace(/-messages$/, '')}`),
  );
  const staff = (opt('staff') ?? '').split(',').filter(Boolean);
  const mod = (await import(pathToFileURL(path).href)) as { default: Record<string, Catalog> };
  const { files, errors } = convert(mod.default, staff);
  if (errors.length) {
    console.error(`Messages qui ne sont pas du ICU valide (rien n'est écrit) :\n${errors.join('\n')}`);
    process.exitCode = 2;
    return;
  }
  const source = readFileSync(path, 'utf8');
  const header = /^\/\*\*[\s\S]*?\*\/\n/.exec(source)?.[0] ?? '';
  if (argv.includes('--dry-run')) {
    for (const [name, c] of Object.entries(files)) console.log(`${name}.json: ${Object.keys(c).length} messages`);
    return;
  }
  mkdirSync(outDir, { recursive: true });
  for (const [name, c] of Object.entries(files)) {
    writeFileSync(resolve(outDir, `${name}.json`), `${JSON.stringify(c, null, 2)}\n`);
    console.log(`${relative(process.cwd(), resolve(outDir, `${name}.json`))}: ${Object.keys(c).length} messages`);
  }
  writeFileSync(path, loaderSource(path, outDir, header));
  console.log(`${relative(process.cwd(), path)} charge maintenant ces fichiers.`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.slice(2));
