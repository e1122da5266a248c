/** Normalised login identifiers: lower-case email, or a French phone in E.164. */
export type Identifier = { kind: 'email'; value: string } | { kind: 'phone'; value: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalisePhone(raw: string): string | null {
  const digits = raw.replace(/[\s.\-()]/g, '');
  if (/^0[1-9]\d{8}$/.test(digits)) return `+33${digits.slice(1)}`;
  if (/^\+33[1-9]\d{8}$/.test(digits)) return digits;
  if (/^0033[1-9]\d{8}$/.test(digits)) return `+${digits.slice(2)}`;
  if (/^\+\d{8,15}$/.test(digits)) return digits;
  return null;
}

export function parseIdentifier(raw: string): Identifier | null {
  const s = raw.trim();
  if (s.includes('@')) return EMAIL.test(s) ? { kind: 'email', value: s.toLowerCase() } : null;
  const phone = normalisePhone(s);
  return phone ? { kind: 'phone', value: phone } : null;
}
