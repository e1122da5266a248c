import { describe, expect, it } from 'vitest';
import { CSV_UNTERMINATED_QUOTE, columnLetter, csvField, detectSeparator, neutraliseFormula, parseCsv, restoreFormula, scanCsv, toCsv } from './csv';

const fields = (text: string, opts = {}) => parseCsv(text, opts).records.map((r) => r.fields);

describe('parseCsv', () => {
  it('reads plain fields and LF lines', () => {
    expect(fields('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('reads CRLF and lone CR line ends', () => {
    expect(fields('a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(fields('a,b\r1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads the last record without a final line end', () => {
    expect(fields('a\n1')).toEqual([['a'], ['1']]);
    expect(fields('a,b\r\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(fields('a,,c\n,,\n1,2,')).toEqual([
      ['a', '', 'c'],
      ['', '', ''],
      ['1', '2', ''],
    ]);
  });

  it('keeps empty quoted fields', () => {
    expect(fields('a,,c\n"",x,')).toEqual([
      ['a', '', 'c'],
      ['', 'x', ''],
    ]);
    expect(fields('"",a')).toEqual([['', 'a']]);
  });

  it('reads quoted fields with separators, doubled quotes and line breaks', () => {
    const text = 'id,avis\nR1,"Trop cher, vraiment"\nR2,"Il a dit ""non"""\nR3,"ligne 1\nligne 2"\n';
    expect(fields(text)).toEqual([
      ['id', 'avis'],
      ['R1', 'Trop cher, vraiment'],
      ['R2', 'Il a dit "non"'],
      ['R3', 'ligne 1\nligne 2'],
    ]);
    expect(fields('a,b\n"x, y","il dit ""bonjour"""\n"ligne1\nligne2",z')).toEqual([
      ['a', 'b'],
      ['x, y', 'il dit "bonjour"'],
      ['ligne1\nligne2', 'z'],
    ]);
  });

  it('gives each record the physical line where it starts', () => {
    expect(parseCsv('h\n"a\nb"\nc\n').records.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(parseCsv('h1,h2\n"a\nb",c\nd,e\n').records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('counts CRLF inside quotes as one line', () => {
    expect(parseCsv('h\r\n"a\r\nb"\r\nc\r\n').records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('counts skipped blank lines in the line numbers', () => {
    expect(parseCsv('h\n\n\nx\n').records.map((r) => r.line)).toEqual([1, 4]);
  });

  it('strips a UTF-8 byte order mark', () => {
    expect(fields('\uFEFFid,sexe\nR1,Femme')[0]).toEqual(['id', 'sexe']);
    expect(parseCsv('\uFEFFid;nom\n1;x').separator).toBe(';');
  });

  it('detects ; as separator (French spreadsheets)', () => {
    const r = parseCsv('id;note\nR1;"1,5"\n');
    expect(r.separator).toBe(';');
    expect(r.records[1]!.fields).toEqual(['R1', '1,5']);
    expect(detectSeparator('id;nom;"a,b"\n')).toBe(';');
    expect(fields('id;nom\n1;"x;y"')).toEqual([
      ['id', 'nom'],
      ['1', 'x;y'],
    ]);
  });

  it('detects tab as separator', () => {
    expect(detectSeparator('a\tb\tc\n')).toBe('\t');
    expect(fields('a\tb\n1\t"x\ty"')).toEqual([
      ['a', 'b'],
      ['1', 'x\ty'],
    ]);
  });

  it('detects , by default, on ties, and when the header has one column', () => {
    expect(detectSeparator('a,b\n')).toBe(',');
    expect(detectSeparator('a,b;c\n')).toBe(',');
    expect(detectSeparator('a;b\tc\n')).toBe(';');
    expect(detectSeparator('nom\n1;2;3\n')).toBe(',');
    expect(detectSeparator('')).toBe(',');
  });

  it('ignores separators inside quotes when detecting', () => {
    expect(detectSeparator('"a;b;c",d\n')).toBe(',');
  });

  it('uses the separator it is given', () => {
    expect(fields('a;b,c', { separator: ',' })).toEqual([['a;b', 'c']]);
  });

  it('skips blank lines', () => {
    expect(fields('a\n\n1\n\r\n2\n')).toEqual([['a'], ['1'], ['2']]);
  });

  it('reports an unterminated quote at the line of its record, and keeps the text', () => {
    const r = parseCsv('a,b\n1,"oops\n2,3\n');
    expect(r.problems).toEqual([{ line: 2, record: 2, message: CSV_UNTERMINATED_QUOTE }]);
    expect(r.problems[0]!.message).toMatch(/^Guillemet ouvrant sans guillemet fermant/);
    expect(r.records[1]!.fields).toEqual(['1', 'oops\n2,3\n']);
    expect(parseCsv('a,b\n"oops,1\n').problems).toEqual([{ line: 2, record: 2, message: CSV_UNTERMINATED_QUOTE }]);
  });

  it('reports an unterminated quote after a multi-line record at the right line', () => {
    const r = parseCsv('h,i\n"a\nb",c\nd,"e\n');
    expect(r.problems.map((p) => [p.line, p.record])).toEqual([[4, 3]]);
  });

  it('reports text after a closing quote, at its physical line', () => {
    const r = parseCsv('a,b\n"x"y,2\n');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.message).toBe('Texte inattendu après un guillemet fermant : « y ».');
    expect(r.records[1]!.fields).toEqual(['xy', '2']);
    expect(parseCsv('"a"b,c').problems[0]!.message).toMatch(/guillemet fermant/);
    expect(parseCsv('h\n"l1\nl2"z\n').problems[0]!.line).toBe(3);
  });

  it('tolerates spaces after a closing quote', () => {
    const r = parseCsv('"x" ,2\n');
    expect(r.problems).toEqual([]);
    expect(r.records[0]!.fields).toEqual(['x ', '2']);
  });

  it('keeps a quote inside an unquoted field', () => {
    expect(fields('12" écran,b')).toEqual([['12" écran', 'b']]);
  });

  it('keeps accents and non-Latin text', () => {
    expect(fields('nom\nÉtouvie — مرحبا')[1]).toEqual(['Étouvie — مرحبا']);
  });

  it('reads nothing from an empty text', () => {
    expect(fields('')).toEqual([]);
    expect(fields('\uFEFF')).toEqual([]);
    expect(fields('\n\r\n')).toEqual([]);
  });
});

describe('scanCsv', () => {
  it('delivers records in order with their line and number, and counts them', () => {
    const seen: [string[], number, number][] = [];
    const scan = scanCsv('a;b\n\n1;"x\ny"\n2;z', (f, line, record) => seen.push([f, line, record]));
    expect(seen).toEqual([
      [['a', 'b'], 1, 1],
      [['1', 'x\ny'], 3, 2],
      [['2', 'z'], 5, 3],
    ]);
    expect(scan).toEqual({ separator: ';', problems: [], records: 3 });
  });
});

describe('writing CSV', () => {
  it('quotes only when needed', () => {
    expect(csvField('simple')).toBe('simple');
    expect(csvField('')).toBe('');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('a\tb')).toBe('"a\tb"');
    expect(csvField('dit "oui"')).toBe('"dit ""oui"""');
    expect(csvField('deux\nlignes')).toBe('"deux\nlignes"');
    expect(csvField('cr\rseul')).toBe('"cr\rseul"');
    expect(csvField(' espace devant')).toBe('" espace devant"');
    expect(csvField('espace après ')).toBe('"espace après "');
  });

  it('ends lines with CRLF', () => {
    expect(toCsv([['a', 'b,c', 'd"e', 'f\ng', '']])).toBe('a,"b,c","d""e","f\ng",\r\n');
    expect(toCsv([['a'], ['b']], { separator: ';' })).toBe('a\r\nb\r\n');
    expect(toCsv([])).toBe('');
  });

  it('can add a BOM', () => {
    expect(toCsv([['x']], { bom: true })).toBe('\ufeffx\r\n');
    expect(fields(toCsv([['é', 'x']], { bom: true }))).toEqual([['é', 'x']]);
  });

  it('round-trips through parseCsv with every separator', () => {
    const rows = [
      ['id', 'avis', 'x'],
      ['R1', 'Trop cher, "vraiment"\nsur deux lignes', ''],
      ['R2', ' espace devant', 'guillemets "" et ; et , et \t'],
      ['R3', 'multi\r\nligne', 'cr\rseul'],
    ];
    expect(fields(toCsv(rows))).toEqual(rows);
    expect(fields(toCsv(rows, { separator: ';' }))).toEqual(rows);
    expect(fields(toCsv(rows, { separator: '\t' }))).toEqual(rows);
  });

  it('neutralises text a spreadsheet would run as a formula, with a leading quote', () => {
    expect(toCsv([['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', 'a=1', 'ok']])).toBe(
      `"'=HYPERLINK(""http://x"")",'+1,'-2+3,'@SUM(A1),"'\t=1","'\r=1",a=1,ok\r\n`,
    );
    expect(toCsv([['=1+1']], { formulas: 'keep' })).toBe('=1+1\r\n');
  });

  it('keeps numbers numeric: a negative number is not a formula', () => {
    expect(
      toCsv([
        ['id', 'solde'],
        ['R1', -12.5],
        ['R2', 0],
      ]),
    ).toBe('id,solde\r\nR1,-12.5\r\nR2,0\r\n');
  });

  it('gives back the exact text when reading its own export', () => {
    const texts = ['=1+1', "'=1+1", "''-x", "'plain", '-', '@', 'x'];
    expect(texts.map(neutraliseFormula).map(restoreFormula)).toEqual(texts);
    expect(fields(toCsv([texts]), { restoreFormulas: true })).toEqual([texts]);
    expect(fields(toCsv([texts]))[0]![0]).toBe("'=1+1");
  });

  it('names columns as a spreadsheet does', () => {
    expect([1, 2, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'AAA']);
    expect(columnLetter(0)).toBe('');
  });
});
