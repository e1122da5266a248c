/**
 * Text in another language than the page's. French left inside an English or Arabic page (a legal
 * name, an aid's or a structure's name as the town wrote it, text from the server) is marked
 * lang="fr" with its own direction, so screen readers pronounce it in French and a right-to-left
 * page does not move its punctuation ("? Élevez-vous…").
 */
import type { ReactNode } from 'react';
import { isTranslated } from './api';
import { hasMessage, translate, useI18n, useT } from './i18n';
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
 * « Allocation de soutien familial (ASF) — family support allowance ». `k` is the catalogue key: its
 * French message is the legal name, its message in the reader's language the translation.
 */
export function LegalName({ k }: { k: string }) {
  const { locale } = useI18n();
  const name = translate(SOURCE_LOCALE, false, k);
  const gloss = translate(locale, false, k);
  if (locale === SOURCE_LOCALE || gloss === name) return <Fr>{name}</Fr>;
  return (
    <>
      <Fr>{name}</Fr> — {gloss}
    </>
  );
}

/**
 * An error from the API: a code the catalogue knows (`errors.<code>` in web/app/i18n) is shown in the
 * reader's language; else the server's sentence, which it translates when it can (the body's `lang`,
 * src/platform/http/field-messages.ts) and otherwise leaves French: then a French island.
 */
export function ErrorText({ code, message }: { code?: string; message: string }) {
  const t = useT();
  const key = `errors.${code ?? 'unknown'}`;
  if (hasMessage(key)) return <>{t(key)}</>;
  return isTranslated(message) ? <>{message}</> : <Fr>{message}</Fr>;
}
