/**
 * Line numbers of the elements of a JSON dump, so an invalid record can be reported at
 * its line: the elements of a top-level array, or of the arrays under the keys of a
 * top-level object (`{ "structures": [...], "services": [...] }`). One linear scan.
 */
export interface JsonElementLines {
  top: number[];
  /** Character offset where each top-level element starts. */
  topOffsets: number[];
  byKey: Record<string, number[]>;
}

export function jsonElementLines(text: string): JsonElementLines {
  const result: JsonElementLines = { top: [], topOffsets: [], byKey: {} };
  // Each open container: its kind and, for tracked arrays, where element lines go.
  const stack: { kind: 'a' | 'o'; track: number[] | null; expect: boolean }[] = [];
  let line = 1;
  let lastString = '';
  let currentKey = '';
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 0xfeff) continue;
    const top = stack[stack.length - 1];
    const isValueStart = c !== 44 && c !== 93 && c !== 125 && c !== 58; // , ] } :
    if (top && top.kind === 'a' && top.track && top.expect && isValueStart) {
      top.track.push(line);
      if (top.track === result.top) result.topOffsets.push(i);
      top.expect = false;
    }
    if (c === 34) {
      // string: skip to the closing quote, honouring escapes
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 92) j += 2;
        else if (d === 34) break;
        else {
          if (d === 10) line++;
          j++;
        }
      }
      if (stack.length === 1 && stack[0].kind === 'o') lastString = text.slice(i + 1, j);
      i = j;
      continue;
    }
    if (c === 58 /* : */) {
      if (stack.length === 1) currentKey = lastString;
      continue;
    }
    if (c === 91 /* [ */) {
      let track: number[] | null = null;
      if (stack.length === 0) track = result.top;
      else if (stack.length === 1 && stack[0].kind === 'o') track = result.byKey[currentKey] = [];
      stack.push({ kind: 'a', track, expect: true });
      continue;
    }
    if (c === 123 /* { */) {
      stack.push({ kind: 'o', track: null, expect: false });
      continue;
    }
    if (c === 93 || c === 125) {
      stack.pop();
      continue;
    }
    if (c === 44 /* , */) {
      if (top && top.kind === 'a') top.expect = true;
      continue;
    }
  }
  return result;
}

/** Line of a character offset (for JSON.parse errors). */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
