import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv, writeCsv } from './csv';

const cells = (text: string) => parseCsv(text).rows.map((r) => r.cells);

describe('parseCsv', () => {
  it('reads simple rows', () => {
    expect(cells('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
  it('reads CRLF and a missing final newline', () => {
    expect(cells('a,b\r\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
  it('strips a UTF-8 BOM', () => {
    expect(cells('\ufeffid,nom\n1,x')[0]).toEqual(['id', 'nom']);
  });
  it('reads quoted fields with delimiters, doubled quotes and newlines', () => {
    expect(cells('a,b\n"x, y","il dit ""bonjour"""\n"ligne1\nligne2",z')).toEqual([
      ['a', 'b'],
      ['x, y', 'il dit "bonjour"'],
      ['ligne1\nligne2', 'z'],
    ]);
  });
  it('keeps empty fields and empty quoted fields', () => {
    expect(cells('a,,c\n"",x,')).toEqual([
      ['a', '', 'c'],
      ['', 'x', ''],
    ]);
  });
  it('skips blank lines', () => {
    expect(cells('a\n\n1\n')).toEqual([['a'], ['1']]);
  });
  it('numbers rows by their starting physical line, across quoted newlines', () => {
    const r = parseCsv('h1,h2\n"a\nb",c\nd,e\n').rows;
    expect(r.map((x) => x.line)).toEqual([1, 2, 4]);
  });
  it('reports an unclosed quote', () => {
    const r = parseCsv('a,b\n"oops,1\n');
    expect(r.errors).toEqual([{ line: 2, message: 'Guillemet ouvert jamais refermé.' }]);
  });
  it('reports text after a closing quote', () => {
    expect(parseCsv('"a"b,c').errors[0].message).toMatch(/guillemet fermant/);
  });
  it('detects the semicolon separator of French spreadsheets', () => {
    expect(detectDelimiter('id;nom;"a,b"\n')).toBe(';');
    expect(cells('id;nom\n1;"x;y"')).toEqual([
      ['id', 'nom'],
      ['1', 'x;y'],
    ]);
  });
  it('keeps accents and non-Latin text', () => {
    expect(cells('nom\nÉtouvie — مرحبا')[1]).toEqual(['Étouvie — مرحبا']);
  });
});

describe('writeCsv', () => {
  it('quotes only when needed and ends lines with CRLF', () => {
    expect(writeCsv([['a', 'b,c', 'd"e', 'f\ng', '']])).toBe('a,"b,c","d""e","f\ng",\r\n');
  });
  it('can add a BOM', () => {
    expect(writeCsv([['x']], { bom: true })).toBe('\ufeffx\r\n');
  });
  it('round-trips awkward values', () => {
    const rows = [
      ['id', 'texte'],
      ['1', ' espace devant'],
      ['2', 'guillemets "" et ; et ,'],
      ['3', 'multi\r\nligne'],
    ];
    expect(cells(writeCsv(rows))).toEqual(rows);
  });
});
