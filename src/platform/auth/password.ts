import argon2 from 'argon2';

// OWASP-recommended argon2id parameters (19 MiB, 2 iterations): a login stays well under 100 ms.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, OPTIONS);
}

export async function verifyPassword(hash: string | null, plain: string): Promise<boolean> {
  if (!hash) {
    // Same cost whether or not the account exists: no timing oracle on identifiers.
    await argon2.hash(plain, OPTIONS);
    return false;
  }
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}
