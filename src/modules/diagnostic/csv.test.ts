import { describe, expect, it } from 'vitest';
import { columnLetter, csvField, detectSeparator, parseCsv, toCsv } from './csv';

const fields = (text: string, opts = {}) => parseCsv(text, opts).records.map((r) => r.fields);

describe('parseCsv', () => {
  it('reads plain fields and LF lines', () => {
    expect(fields('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('reads CRLF and lone CR line ends', () => {
    expect(fields('a,b\r\n1,2\r\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(fields('a,b\r1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('reads the last record without a final line end', () => {
    expect(fields('a\n1')).toEqual([['a'], ['1']]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(fields('a,,c\n,,\n1,2,')).toEqual([['a', '', 'c'], ['', '', ''], ['1', '2', '']]);
  });

  it('reads quoted fields with separators, doubled quotes and line breaks', () => {
    const text = 'id,avis\nR1,"Trop cher, vraiment"\nR2,"Il a dit ""non"""\nR3,"ligne 1\nligne 2"\n';
    expect(fields(text)).toEqual([
      ['id', 'avis'],
      ['R1', 'Trop cher, vraiment'],
      ['R2', 'Il a dit "non"'],
      ['R3', 'ligne 1\nligne 2'],
    ]);
  });

  it('gives each record the physical line where it starts', () => {
    const { records } = parseCsv('h\n"a\nb"\nc\n');
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('counts CRLF inside quotes as one line', () => {
    const { records } = parseCsv('h\r\n"a\r\nb"\r\nc\r\n');
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('strips a UTF-8 byte order mark', () => {
    expect(fields('\uFEFFid,sexe\nR1,Femme')[0]).toEqual(['id', 'sexe']);
  });

  it('detects ; as separator (French spreadsheets)', () => {
    const r = parseCsv('id;note\nR1;"1,5"\n');
    expect(r.separator).toBe(';');
    expect(r.records[1]!.fields).toEqual(['R1', '1,5']);
  });

  it('detects tab as separator', () => {
    expect(detectSeparator('a\tb\tc\n')).toBe('\t');
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

  it('reports an unterminated quote and keeps the text', () => {
    const r = parseCsv('a,b\n1,"oops\n2,3\n');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.line).toBe(2);
    expect(r.problems[0]!.record).toBe(2);
    expect(r.problems[0]!.message).toMatch(/Guillemet/);
    expect(r.records[1]!.fields).toEqual(['1', 'oops\n2,3\n']);
  });

  it('reports text after a closing quote', () => {
    const r = parseCsv('a,b\n"x"y,2\n');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.message).toMatch(/après un guillemet fermant/);
    expect(r.records[1]!.fields).toEqual(['xy', '2']);
  });

  it('tolerates spaces after a closing quote', () => {
    const r = parseCsv('"x" ,2\n');
    expect(r.problems).toEqual([]);
    expect(r.records[0]!.fields).toEqual(['x ', '2']);
  });

  it('keeps a quote inside an unquoted field', () => {
    expect(fields('12" écran,b')).toEqual([['12" écran', 'b']]);
  });

  it('reads an empty quoted field', () => {
    expect(fields('"",a')).toEqual([['', 'a']]);
  });

  it('reads nothing from an empty text', () => {
    expect(fields('')).toEqual([]);
  });
});

describe('writing CSV', () => {
  it('quotes only when needed', () => {
    expect(csvField('simple')).toBe('simple');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('dit "oui"')).toBe('"dit ""oui"""');
    expect(csvField('deux\nlignes')).toBe('"deux\nlignes"');
  });

  it('round-trips through parseCsv', () => {
    const rows = [
      ['id', 'avis', 'x'],
      ['R1', 'Trop cher, "vraiment"\nsur deux lignes', ''],
    ];
    expect(fields(toCsv(rows))).toEqual(rows);
    expect(fields(toCsv(rows, ';'))).toEqual(rows);
  });

  it('names columns as a spreadsheet does', () => {
    expect([1, 2, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'AAA']);
  });
});
