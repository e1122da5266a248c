/**
 * What a module does when a provider certifies who a person is. The household file is a
 * module's (dossiers), and the platform imports no module: the module plugs in with
 * `hooks: { auth: { certifiedIdentity, certificationWithdrawn } }` in its ModuleDef, read
 * when the modules are wired (like `hooks.platform` in src/platform/structures.ts).
 */
import type { Ctx } from '../../context';
import type { Tx } from '../../db/pool';
import type { ModuleDef } from '../../module';

/** The civil-status identity FranceConnect returns (identité pivot), as the file reads it. */
export interface CertifiedIdentity {
  provider: 'franceconnect';
  /** Every given name, as FranceConnect gives them (`given_name`). */
  givenName: string;
  /** Birth name (`family_name`). */
  familyName: string;
  /** YYYY-MM-DD, or null when FranceConnect knows only a year (`birthdate` with 00). */
  birthDate: string | null;
  // Gender, birthplace and birth country are not asked for: the file has no use for them (decision 0017).
}

export interface AuthHooks {
  /**
   * A parent's identity was just certified (first FranceConnect sign-in, or a link): prefill
   * and lock the identity part of their file. Runs in the sign-in's transaction, with `ctx.user`
   * the parent; a throw refuses the sign-in as a whole.
   */
  certifiedIdentity?: (t: Tx, ctx: Ctx, identity: CertifiedIdentity) => Promise<void>;
  /** The parent unlinked FranceConnect: the identity is theirs to correct again. */
  certificationWithdrawn?: (t: Tx, ctx: Ctx, provider: CertifiedIdentity['provider']) => Promise<void>;
}

declare module '../../module' {
  interface ModuleHooks {
    /** React to sign-in events (src/platform/auth/oidc/hooks.ts). */
    auth?: AuthHooks;
  }
}

let wired: AuthHooks[] = [];

/** Part of the platform module's `wire`: reads every module's `hooks.auth`. */
export function wireAuth(modules: readonly ModuleDef[]): void {
  wired = modules.flatMap((m) => (m.hooks?.auth ? [m.hooks.auth] : []));
}

export async function identityCertified(t: Tx, ctx: Ctx, identity: CertifiedIdentity): Promise<void> {
  for (const h of wired) await h.certifiedIdentity?.(t, ctx, identity);
}

export async function certificationWithdrawn(t: Tx, ctx: Ctx, provider: CertifiedIdentity['provider']): Promise<void> {
  for (const h of wired) await h.certificationWithdrawn?.(t, ctx, provider);
}
