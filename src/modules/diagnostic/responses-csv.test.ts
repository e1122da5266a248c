import { describe, expect, it } from 'vitest';
import { parseQuestionnaire } from './questionnaire';
import { checkAnswers, readNumber, rowAnswers, tableFromAnswers, TEXT_ANSWER_MAX } from './response-table';
import { readResponsesCsv, readResponsesCsvSteps, responsesToCsv, SplitInsideQuotes, type ResponsesCsvResult } from './responses-csv';

const qn = parseQuestionnaire({
  title: 'Test',
  questions: [
    { id: 'sexe', type: 'single', label: 'Vous êtes', options: ['Femme', 'Homme'] },
    { id: 'defi', type: 'multi', label: 'Défis', options: ['Coût élevé', 'Autre', 'Taille insuffisante'], max_choices: 2 },
    { id: 'stress', type: 'scale', label: 'Stress' },
    { id: 'enfants', type: 'number', label: 'Enfants', min: 0, max: 12, integer: true },
    { id: 'loyer', type: 'number', label: 'Loyer', min: 0 },
    { id: 'avis', type: 'text', label: 'Avis', max_length: 20 },
    { id: 'quartier', type: 'neighbourhood', label: 'Quartier', options: ['Nord', 'Étouvie'] },
  ],
});

describe('readResponsesCsv', () => {
  it('reads a good file', () => {
    const csv = 'id,sexe,defi,stress,enfants,loyer,avis,quartier\nR1,Femme,Coût élevé|Autre,7,2,"450,5",Trop cher,Nord\nR2,Homme,,3,1,,,Étouvie\n';
    const { table, errors, warnings } = readResponsesCsv(qn, csv);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(table.size).toBe(2);
    expect(table.ids).toEqual(['R1', 'R2']);
    expect(rowAnswers(table, 0)).toEqual({
      sexe: 'Femme',
      defi: ['Coût élevé', 'Autre'],
      stress: 7,
      enfants: 2,
      loyer: 450.5,
      avis: 'Trop cher',
      quartier: 'Nord',
    });
    expect(rowAnswers(table, 1)).toEqual({ sexe: 'Homme', stress: 3, enfants: 1, quartier: 'Étouvie' });
  });

  it('matches options ignoring case, spaces and accents form', () => {
    const csv = 'sexe,quartier,defi\n femme ,ÉTOUVIE,coût élevé | AUTRE\n';
    const { table, errors } = readResponsesCsv(qn, csv);
    expect(errors).toEqual([]);
    expect(rowAnswers(table, 0)).toEqual({ sexe: 'Femme', quartier: 'Étouvie', defi: ['Coût élevé', 'Autre'] });
  });

  it('reads a ; separated file with a BOM', () => {
    const { table, errors, separator } = readResponsesCsv(qn, '\uFEFFid;sexe;loyer\r\nR1;Femme;1 200,50\r\n');
    expect(errors).toEqual([]);
    expect(separator).toBe(';');
    expect(rowAnswers(table, 0)).toEqual({ sexe: 'Femme', loyer: 1200.5 });
  });

  it('reports every bad cell with its row, column letter, value and a French message', () => {
    const csv = [
      'id,sexe,defi,stress,enfants,avis',
      'R1,Femme,Coût élevé,7,2,ok',
      'R2,Autre,Coût élevé|Piscine|Bus,11,2.5,ok',
      'R3,Homme,Coût élevé|Autre|Taille insuffisante,sept,-1,beaucoup trop long pour ce champ',
    ].join('\n');
    const { table, errors } = readResponsesCsv(qn, csv);
    expect(table.size).toBe(1);
    expect(errors.map((e) => [e.row, e.column, e.column_letter, e.value])).toEqual([
      [3, 'sexe', 'B', 'Autre'],
      [3, 'defi', 'C', 'Coût élevé|Piscine|Bus'],
      [3, 'stress', 'D', '11'],
      [3, 'enfants', 'E', '2.5'],
      [4, 'defi', 'C', 'Coût élevé|Autre|Taille insuffisante'],
      [4, 'stress', 'D', 'sept'],
      [4, 'enfants', 'E', '-1'],
      [4, 'avis', 'F', 'beaucoup trop long pour ce champ'],
    ]);
    expect(errors[0]!.message).toBe("« Autre » n'est pas une réponse possible. Réponses attendues : « Femme », « Homme ».");
    expect(errors[1]!.message).toMatch(/^« Piscine », « Bus » ne sont pas des réponses possibles/);
    expect(errors[2]!.message).toBe("« 11 » n'est pas un nombre entier de 1 à 10.");
    expect(errors[3]!.message).toBe("« 2.5 » n'est pas un nombre entier.");
    expect(errors[4]!.message).toBe('3 choix cochés : 2 au plus.');
    expect(errors[6]!.message).toBe('« -1 » est inférieur au minimum (0).');
    expect(errors[7]!.message).toMatch(/trop longue/);
  });

  it('reports unknown and duplicate columns on row 1, and warns of missing ones', () => {
    const { errors, warnings } = readResponsesCsv(qn, 'id,sexe,age,sexe\nR1,Femme,30,Femme\n');
    expect(errors.map((e) => [e.row, e.column, e.column_letter])).toEqual([
      [1, 'age', 'C'],
      [1, 'sexe', 'D'],
    ]);
    expect(errors[0]!.message).toMatch(/ne correspond à aucune question/);
    expect(warnings[0]).toMatch(/defi, stress, enfants, loyer, avis, quartier/);
  });

  it('reports a row with too many or too few cells', () => {
    const { errors } = readResponsesCsv(qn, 'id,sexe\nR1,Femme,extra\nR2\n');
    expect(errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, null, "Cette ligne compte 3 cellule(s) alors que l'en-tête en compte 2."],
      [3, null, "Cette ligne compte 1 cellule(s) alors que l'en-tête en compte 2."],
    ]);
  });

  it('reports a duplicate respondent id', () => {
    const { errors } = readResponsesCsv(qn, 'id,sexe\nR1,Femme\nR1,Homme\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: 3, column: 'id', column_letter: 'A', message: 'Identifiant déjà utilisé à la ligne 2.' });
  });

  it('gives the physical line when a cell holds a line break', () => {
    const { errors } = readResponsesCsv(qn, 'avis,sexe\n"deux\nlignes",X\n');
    expect(errors[0]).toMatchObject({ row: 2, line: 2, column: 'sexe' });
    const more = readResponsesCsv(qn, 'avis,sexe\n"deux\nlignes",Femme\nok,X\n');
    expect(more.errors[0]).toMatchObject({ row: 3, line: 4 });
  });

  it('reports an unterminated quote', () => {
    const { errors } = readResponsesCsv(qn, 'avis,sexe\n"oops,Femme\n');
    expect(errors.some((e) => /Guillemet/.test(e.message))).toBe(true);
  });

  it('refuses an empty file', () => {
    expect(readResponsesCsv(qn, '').errors[0]!.message).toMatch(/vide/);
  });

  it('skips blank rows with a warning', () => {
    const { table, warnings } = readResponsesCsv(qn, 'id,sexe\nR1,Femme\n,\nR2,Homme\n');
    expect(table.size).toBe(2);
    expect(warnings).toContain('1 ligne(s) vide(s) ignorée(s).');
  });

  it('round-trips through responsesToCsv', () => {
    const csv = 'id,sexe,defi,stress,enfants,loyer,avis,quartier\nR1,Femme,Coût élevé|Autre,7,2,450.5,"Trop cher, vraiment",Nord\n';
    const first = readResponsesCsv(qn, csv).table;
    const again = readResponsesCsv(qn, responsesToCsv(first)).table;
    expect(rowAnswers(again, 0)).toEqual(rowAnswers(first, 0));
  });

  it('neutralises a formula in a free answer, and reads it back as typed', () => {
    const csv = 'id,avis,loyer\nR1,"=HYPERLINK(""x"")",450\n';
    const first = readResponsesCsv(qn, csv).table;
    const out = responsesToCsv(first);
    expect(out).toContain(`"'=HYPERLINK(""x"")"`);
    expect(rowAnswers(readResponsesCsv(qn, out).table, 0)).toEqual(rowAnswers(first, 0));
  });

  it('grows past its first guess of the row count', () => {
    const lines = ['sexe'];
    for (let i = 0; i < 5000; i++) lines.push(i % 2 ? 'Femme' : 'Homme');
    const { table, errors } = readResponsesCsv(qn, lines.join('\n'));
    expect(errors).toEqual([]);
    expect(table.size).toBe(5000);
    expect(rowAnswers(table, 4999)).toEqual({ sexe: 'Femme' });
  });
});

describe('conditions and required answers in rows', () => {
  const cond = parseQuestionnaire({
    title: 'Cond',
    questions: [
      { id: 'sante', type: 'single', label: 'Accès ?', options: ['Oui', 'Non'], required: true },
      { id: 'pourquoi', type: 'text', label: 'Pourquoi ?', show_if: { question: 'sante', equals: 'Non' }, required: true },
    ],
  });

  it('accepts answers that follow the conditions', () => {
    expect(readResponsesCsv(cond, 'sante,pourquoi\nOui,\nNon,trop loin\n').errors).toEqual([]);
  });

  it('reports an answer to a hidden question and a missing required one', () => {
    const { errors } = readResponsesCsv(cond, 'sante,pourquoi\nOui,trop loin\nNon,\n,\n,x\n');
    expect(errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, 'pourquoi', 'Réponse à une question qui ne concerne pas ce répondant (condition d’affichage non remplie).'],
      [3, 'pourquoi', 'Réponse obligatoire manquante.'],
      [5, 'sante', 'Réponse obligatoire manquante.'],
      [5, 'pourquoi', 'Réponse à une question qui ne concerne pas ce répondant (condition d’affichage non remplie).'],
    ]);
  });

  it('checks one respondent from JSON answers', () => {
    expect(checkAnswers(cond, { sante: 'Non', pourquoi: 'loin' })).toEqual([]);
    expect(checkAnswers(cond, { sante: 'Peut-être' }).map((p) => p.question)).toEqual(['sante']);
    expect(checkAnswers(cond, { inconnue: 'x', sante: 'Oui' })).toEqual([
      { question: 'inconnue', message: "Cette question n'existe pas dans le questionnaire." },
    ]);
  });

  it('bounds a free answer whose question sets no maximum length', () => {
    expect(checkAnswers(cond, { sante: 'Non', pourquoi: 'x'.repeat(TEXT_ANSWER_MAX) })).toEqual([]);
    expect(checkAnswers(cond, { sante: 'Non', pourquoi: 'x'.repeat(TEXT_ANSWER_MAX + 1) })).toEqual([
      { question: 'pourquoi', message: `Réponse trop longue : ${TEXT_ANSWER_MAX + 1} caractères pour ${TEXT_ANSWER_MAX} au plus.` },
    ]);
  });
});

describe('tableFromAnswers', () => {
  it('builds a table from stored JSON answers and leaves bad records out', () => {
    const { table, problems } = tableFromAnswers(qn, [
      { id: 'a', answers: { sexe: 'Femme', defi: ['Autre'], stress: 4, enfants: 3 } },
      { id: 'b', answers: { sexe: 'Femme', defi: 'Autre' } },
      { id: 'c', answers: { stress: '8', quartier: 'Nord' } },
    ]);
    expect(problems).toEqual([{ index: 1, question: 'defi', message: 'Une liste de réponses est attendue.' }]);
    expect(table.size).toBe(2);
    expect(table.ids).toEqual(['a', 'c']);
    expect(rowAnswers(table, 1)).toEqual({ stress: 8, quartier: 'Nord' });
  });
});

describe('readNumber', () => {
  it.each([
    ['12', 12],
    ['-3', -3],
    ['1 234,5', 1234.5],
    ['1\u202f234', 1234],
    ['0.25', 0.25],
    [',5', 0.5],
  ])('reads %s', (raw, n) => expect(readNumber(raw)).toBe(n));

  it.each(['douze', '1.2.3', '1e5', '', '12€'])('refuses %s', (raw) => expect(readNumber(raw)).toBeNaN());
});

describe('readResponsesCsvSteps (an import writes the rows read while the rest is read)', () => {
  const drain = (text: string, pieceSize: number) => {
    const steps = readResponsesCsvSteps(qn, text, {}, pieceSize);
    const seen: number[] = [];
    for (;;) {
      const step = steps.next();
      if (step.done) return { result: step.value as ResponsesCsvResult, seen };
      seen.push(step.value.table.size);
    }
  };
  // Line breaks inside quoted cells, "" quotes, CRLF and LF, blank lines, bad cells far apart.
  const rows = Array.from({ length: 300 }, (_, i) =>
    i === 40
      ? `R${i},Femme,,3,1,"dit ""non""\r\nsur deux lignes",Nord`
      : i === 77
        ? `\nR${i},X,,3,1,,Nord`
        : i === 250
          ? `R${i},Homme,,99,1,"a, b",Nord`
          : `R${i},Homme,Autre,${1 + (i % 9)},2,"ok",Étouvie`,
  );
  const text = ['id,sexe,defi,stress,enfants,avis,quartier', ...rows].join('\r\n') + '\n';

  it('reads in pieces exactly what it reads whole: rows, problems with their rows and physical lines', () => {
    const whole = readResponsesCsv(qn, text);
    expect(whole.errors.map((e) => [e.row, e.line, e.column])).toEqual([
      [42, 42, 'avis'],
      [79, 81, 'sexe'],
      [252, 254, 'stress'],
    ]);
    for (const size of [1, 64, 500, 4096]) {
      const { result, seen } = drain(text, size);
      expect(seen.length).toBeGreaterThan(size < 1000 ? 10 : 1);
      expect(result.errors).toEqual(whole.errors);
      expect(result.warnings).toEqual(whole.warnings);
      expect(result.table.ids).toEqual(whole.table.ids);
      expect(result.table.columns).toEqual(whole.table.columns);
      // Rows once read are final: each step's table only grows.
      expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    }
  });

  it('a stray quote that misleads the split throws SplitInsideQuotes (the import then reads the file whole), never another reading', () => {
    const tricky = 'id,sexe,avis\nR1,Femme,5" pouces\nR2,Homme,"deux\nlignes"\nR3,Femme,ok\nR4,Homme,ok\n';
    expect(readResponsesCsv(qn, tricky).errors).toEqual([]);
    expect(() => drain(tricky, 20)).toThrow(SplitInsideQuotes);
  });
});
