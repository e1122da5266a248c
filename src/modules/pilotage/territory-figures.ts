/**
 * Territory figures (INSEE-style): the catalogue of figures, the reading of a CSV file (one
 * line per area — the whole town, a neighbourhood or an IRIS —, one column per figure, as
 * INSEE's tables are laid out), the table by area (a neighbourhood without its own line adds
 * up its IRIS; the town without its own line adds up its neighbourhoods; rates are never
 * added), and ratios with a figure as denominator. Pure.
 */
import { columnLetter, parseCsv } from '../../platform/csv';

export type FigureKind = 'count' | 'percent' | 'euros';

export interface FigureDef {
  id: string;
  label: string;
  kind: FigureKind;
  /** Other column names a file may use (lower case, accents removed), INSEE's variables included. */
  aliases: RegExp[];
}

export const FIGURES: readonly FigureDef[] = [
  { id: 'familles', label: 'Familles avec enfants', kind: 'count', aliases: [/^familles?( avec enfants?)?$/] },
  { id: 'familles_monoparentales', label: 'Familles monoparentales', kind: 'count', aliases: [/^familles? monoparentales?$/, /^c\d{2}_fammono$/] },
  {
    id: 'taux_pauvrete_monoparentales',
    label: 'Familles monoparentales sous le seuil de pauvreté',
    kind: 'percent',
    aliases: [/^taux (de )?pauvrete( des)? (familles )?monoparentales?$/],
  },
  {
    id: 'taux_pauvrete_couples',
    label: 'Couples avec enfants sous le seuil de pauvreté',
    kind: 'percent',
    aliases: [/^taux (de )?pauvrete( des)? couples?( avec enfants?)?$/],
  },
  {
    id: 'niveau_vie_median_monoparentales',
    label: 'Niveau de vie médian des familles monoparentales (par mois)',
    kind: 'euros',
    aliases: [/^niveau de vie median( des)? (familles )?monoparentales?$/],
  },
  { id: 'enfants_moins_11', label: 'Enfants de moins de 11 ans', kind: 'count', aliases: [/^enfants? (de )?moins de 11 ans$/] },
];

export const FIGURE_IDS = FIGURES.map((f) => f.id);
export const figureDef = (id: string) => FIGURES.find((f) => f.id === id);

/** The whole town's area. */
export const TOWN_AREA = '*';

export interface TownRef {
  id: string;
  name: string;
  inseeCode: string;
  neighbourhoods: readonly { id: string; name: string }[];
}

export interface FigureRow {
  /** '*', a neighbourhood id, or 'iris:' + code. */
  area: string;
  /** The neighbourhood of an IRIS, when the file says it. */
  neighbourhood: string | null;
  figure: string;
  value: number;
}

export interface CsvFigureProblem {
  line: number;
  /** Spreadsheet column letter and header, when the problem is one cell's. */
  column?: string;
  message: string;
}

export interface ParsedFigures {
  rows: FigureRow[];
  problems: CsvFigureProblem[];
  /** Columns read as figures (header → figure id) and those left aside. */
  columns: { header: string; figure: string }[];
  ignored: string[];
}

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .trim();

function figureOfHeader(header: string): string | null {
  const h = norm(header);
  const underscored = h.replace(/ /g, '_');
  for (const f of FIGURES) if (underscored === f.id || f.aliases.some((a) => a.test(h) || a.test(underscored))) return f.id;
  return null;
}

const IRIS = /^\d[\dAB]\d{7}$/;

/** A French or plain number: « 16 830 », « 41 % », « 41,5 », « 1 289 € ». NaN when it is not one. */
export function parseFrenchNumber(cell: string): number {
  const s = cell
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/[%€]$/, '')
    .replace(',', '.');
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
}

/** Resolves a zone cell: the town, a neighbourhood (id or name), an IRIS code; null when unknown. */
export function areaOf(cell: string, town: TownRef): string | null {
  const v = cell.trim();
  if (IRIS.test(v)) return `iris:${v}`;
  const n = norm(v);
  if (['ville', 'commune', 'ensemble', 'total', 'ville entiere', norm(town.name), town.id, town.inseeCode].includes(n) || v === town.inseeCode)
    return TOWN_AREA;
  return town.neighbourhoods.find((h) => h.id === n || norm(h.name) === n)?.id ?? null;
}

export function parseTerritoryCsv(text: string, town: TownRef): ParsedFigures {
  const parsed = parseCsv(text);
  const problems: CsvFigureProblem[] = parsed.problems.map((p) => ({ line: p.line, message: p.message }));
  const [header, ...lines] = parsed.records;
  const empty: ParsedFigures = { rows: [], problems, columns: [], ignored: [] };
  if (!header) return { ...empty, problems: [...problems, { line: 1, message: 'Le fichier est vide : une ligne d’en-tête est attendue.' }] };
  const heads = header.fields.map((h) => h.trim());
  const at = (name: string) => heads.findIndex((h) => norm(h) === name);
  const zoneCol = [at('zone'), at('iris'), at('codgeo')].find((i) => i >= 0) ?? -1;
  const hoodCol = at('quartier');
  const areaCol = zoneCol >= 0 ? zoneCol : hoodCol;
  const columns: { index: number; header: string; figure: string }[] = [];
  const ignored: string[] = [];
  heads.forEach((h, i) => {
    if (i === zoneCol || i === hoodCol) return;
    const figure = figureOfHeader(h);
    if (!figure) return void ignored.push(h);
    if (columns.some((c) => c.figure === figure))
      problems.push({ line: header.line, column: `${columnLetter(i + 1)} (${h})`, message: `Le chiffre « ${figureDef(figure)!.label} » a déjà une colonne.` });
    else columns.push({ index: i, header: h, figure });
  });
  if (areaCol < 0)
    problems.push({
      line: header.line,
      message: 'Colonne « zone » (ou « quartier », ou « IRIS ») manquante : elle dit à quel territoire chaque ligne se rapporte.',
    });
  if (!columns.length)
    problems.push({ line: header.line, message: `Aucune colonne de chiffres reconnue (attendu par exemple : ${FIGURES.map((f) => f.id).join(', ')}).` });
  if (problems.length) return { ...empty, problems, ignored };

  const rows: FigureRow[] = [];
  const seen = new Map<string, number>();
  const cellName = (i: number) => `${columnLetter(i + 1)} (${heads[i]})`;
  for (const l of lines) {
    const zone = (l.fields[areaCol] ?? '').trim();
    const area = areaOf(zone, town);
    if (!area) {
      problems.push({
        line: l.line,
        column: cellName(areaCol),
        message: zone
          ? `« ${zone} » n'est ni la ville, ni un quartier de ${town.name}, ni un code IRIS (9 caractères).`
          : 'Indiquez le territoire de la ligne (ville, quartier ou code IRIS).',
      });
      continue;
    }
    let neighbourhood: string | null = null;
    if (area.startsWith('iris:') && hoodCol >= 0 && hoodCol !== areaCol && (l.fields[hoodCol] ?? '').trim()) {
      const h = areaOf(l.fields[hoodCol]!, town);
      if (!h || h === TOWN_AREA || h.startsWith('iris:'))
        problems.push({ line: l.line, column: cellName(hoodCol), message: `« ${l.fields[hoodCol]!.trim()} » n'est pas un quartier de ${town.name}.` });
      else neighbourhood = h;
    }
    if (seen.has(area)) {
      problems.push({ line: l.line, column: cellName(areaCol), message: `Ce territoire a déjà sa ligne (ligne ${seen.get(area)}).` });
      continue;
    }
    seen.set(area, l.line);
    for (const c of columns) {
      const cell = (l.fields[c.index] ?? '').trim();
      if (cell === '') continue; // not given for this area
      const value = parseFrenchNumber(cell);
      const kind = figureDef(c.figure)!.kind;
      if (Number.isNaN(value)) problems.push({ line: l.line, column: cellName(c.index), message: `« ${cell} » n'est pas un nombre positif.` });
      else if (kind === 'percent' && value > 100) problems.push({ line: l.line, column: cellName(c.index), message: 'Un taux est compris entre 0 et 100 %.' });
      else if (kind === 'count' && !Number.isInteger(value))
        problems.push({ line: l.line, column: cellName(c.index), message: `Un effectif est un nombre entier (« ${cell} »).` });
      else rows.push({ area, neighbourhood, figure: c.figure, value });
    }
  }
  if (!lines.length) problems.push({ line: header.line, message: 'Aucune ligne de chiffres après l’en-tête.' });
  return problems.length
    ? { rows: [], problems, columns: columns.map(({ header: h, figure }) => ({ header: h, figure })), ignored }
    : { rows, problems, columns: columns.map(({ header: h, figure }) => ({ header: h, figure })), ignored };
}

export interface AreaFigures {
  /** '*' or a neighbourhood id. */
  area: string;
  name: string;
  values: Record<string, { value: number; origin: 'given' | 'iris' | 'neighbourhoods' } | undefined>;
}

/**
 * The town and each neighbourhood, figure by figure: the value given for it, else (counts
 * only) the sum of its IRIS, else for the town the sum of every neighbourhood when all have one.
 */
export function figuresTable(rows: readonly FigureRow[], town: TownRef): AreaFigures[] {
  const given = (area: string, figure: string) => rows.find((r) => r.area === area && r.figure === figure)?.value;
  const hoods: AreaFigures[] = town.neighbourhoods.map((h) => {
    const values: AreaFigures['values'] = {};
    for (const f of FIGURES) {
      const own = given(h.id, f.id);
      if (own !== undefined) values[f.id] = { value: own, origin: 'given' };
      else if (f.kind === 'count') {
        const iris = rows.filter((r) => r.area.startsWith('iris:') && r.neighbourhood === h.id && r.figure === f.id);
        if (iris.length) values[f.id] = { value: iris.reduce((s, r) => s + r.value, 0), origin: 'iris' };
      }
    }
    return { area: h.id, name: h.name, values };
  });
  const whole: AreaFigures['values'] = {};
  for (const f of FIGURES) {
    const own = given(TOWN_AREA, f.id);
    if (own !== undefined) whole[f.id] = { value: own, origin: 'given' };
    else if (f.kind === 'count' && hoods.length && hoods.every((h) => h.values[f.id]))
      whole[f.id] = { value: hoods.reduce((s, h) => s + h.values[f.id]!.value, 0), origin: 'neighbourhoods' };
  }
  return [{ area: TOWN_AREA, name: `${town.name} (ville entière)`, values: whole }, ...hoods];
}

/** `count` per `scale` of `denominator` (one decimal), or null without a denominator. */
export function ratioOf(count: number | null | undefined, denominator: number | null | undefined, scale: 100 | 1000): number | null {
  if (count === null || count === undefined || !denominator || denominator <= 0) return null;
  return Math.round((count * scale * 10) / denominator) / 10;
}
