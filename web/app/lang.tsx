/**
 * Text in another language than the page's. French left inside an English or Arabic page (a legal
 * name, an aid's or a structure's name as the town wrote it, text from the server) is marked
 * lang="fr" with its own direction, so screen readers pronounce it in French and a right-to-left
 * page does not move its punctuation ("? Élevez-vous…").
 */
import type { ReactNode } from 'react';
import { useI18n } from './i18n';
import { SOURCE_LOCALE } from './locales';

/** French text (data written in French, a legal name): an isolated lang="fr" island outside French pages. */
export function Fr({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  if (locale === SOURCE_LOCALE || children === null || children === undefined || children === '') return <>{children}</>;
  return (
    <bdi lang="fr" dir="ltr">
      {children}
    </bdi>
  );
}

/** Left-to-right text in any page (a phone number, an amount, an IBAN, a reference). */
export function Ltr({ children }: { children: ReactNode }) {
  return <bdi dir="ltr">{children}</bdi>;
}

/**
 * A legal name stays French, with a translation beside it outside French pages:
 * « Allocation de soutien familial (ASF) — family support allowance ». `gloss` is the catalogue's
 * translation (the same French name in fr.json, so it is never shown twice).
 */
export function LegalName({ name, gloss }: { name: string; gloss?: string }) {
  const { locale } = useI18n();
  if (locale === SOURCE_LOCALE || !gloss || gloss === name) return <>{name}</>;
  return (
    <>
      <Fr>{name}</Fr> — {gloss}
    </>
  );
}
