/** What the rendez-vous pages share: their texts, French dates and times, status labels, the slot picker. */
import { useMemo, useState } from 'react';
import { registerMessages, useI18n, useT, type T } from '../../app/i18n';
import { formatLongDate, frLongDate } from '../../app/format';
import { intlTag } from '../../app/locales';
import { useApi } from '../../app/use-api';
import { Alert, Button, LinkButton, LoadStatus, NativeDateInput } from '../../ui';
import messages from './messages';
import type { SlotsOut } from './types';
import './rendezvous.css';

registerMessages('rendezvous', messages);

const TZ = 'Europe/Paris';
const dayFmt = new Intl.DateTimeFormat('fr-FR', { timeZone: TZ, weekday: 'long', day: 'numeric', month: 'long' });
const partsFmt = new Intl.DateTimeFormat('fr-FR', { timeZone: TZ, hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
const isoDayFmt = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' });

/** "mardi 6 janvier". */
export function frDay(d: string | Date): string {
  return dayFmt.format(new Date(d));
}

/** "12 h", "12 h 30" — as French writes the time of an appointment. */
export function frTime(d: string | Date): string {
  const p = partsFmt.formatToParts(new Date(d));
  const h = Number(p.find((x) => x.type === 'hour')?.value ?? 0);
  const m = Number(p.find((x) => x.type === 'minute')?.value ?? 0);
  return m ? `${h} h ${String(m).padStart(2, '0')}` : `${h} h`;
}

/** "mardi 6 janvier à 12 h 30". */
export function frDayTime(d: string | Date): string {
  return `${frDay(d)} à ${frTime(d)}`;
}

/**
 * A period (an absence, a closure) as French says it: whole Paris days « le mardi 17 mars (toute la
 * journée) », « du lundi 6 au vendredi 10 avril » said day by day; one day's hours « le mardi 17 mars de
 * 10 h à 12 h »; else from one day and time to the other.
 */
export function frPeriod(start: string | Date, end: string | Date): string {
  const first = parisDay(new Date(start));
  if (frTime(start) === '0 h' && frTime(end) === '0 h') {
    const last = addDays(parisDay(new Date(end)), -1);
    const lastDay = new Date(`${last}T12:00:00Z`);
    return last === first ? `le ${frDay(start)} (toute la journée)` : `du ${frDay(start)} au ${frDay(lastDay)}`;
  }
  if (parisDay(new Date(end)) === first) return `le ${frDay(start)} de ${frTime(start)} à ${frTime(end)}`;
  return `du ${frDayTime(start)} au ${frDayTime(end)}`;
}

/** A stored wall-clock time ("08:30") as people read it ("8 h 30"). */
export function frClock(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  return m ? `${h} h ${String(m).padStart(2, '0')}` : `${h} h`;
}

/** A calendar day (`YYYY-MM-DD`) in long French ("6 janvier 2026"). */
export const frCalendarDay = (date: string) => frLongDate(date);

/**
 * The dates and times of the family's pages in the reader's language: French as above ("mardi 6 janvier
 * à 12 h 30"), other languages through Intl ("Tuesday 6 January at 12:30").
 */
export function useWhen() {
  const t = useT();
  const { locale } = useI18n();
  return useMemo(() => {
    if (locale === 'fr') return { day: frDay, time: frTime, dayTime: frDayTime, clock: frClock, calendarDay: frCalendarDay };
    const tag = intlTag(locale);
    const dayF = new Intl.DateTimeFormat(tag, { timeZone: TZ, weekday: 'long', day: 'numeric', month: 'long' });
    const timeF = new Intl.DateTimeFormat(tag, { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const day = (d: string | Date) => dayF.format(new Date(d));
    const time = (d: string | Date) => timeF.format(new Date(d));
    return {
      day,
      time,
      dayTime: (d: string | Date) => t('rendezvous.dayAt', { day: day(d), time: time(d) }),
      clock: (hhmm: string) => hhmm,
      calendarDay: (date: string) => formatLongDate(date, locale),
    };
  }, [locale, t]);
}

/** The Paris calendar day of an instant, `YYYY-MM-DD` (for the API, never shown). */
export function parisDay(d: Date): string {
  return isoDayFmt.format(d);
}

export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + n)).toISOString().slice(0, 10);
}

export function statusLabel(t: T, status: string): string {
  return t(`rendezvous.status.${status}`);
}

export function kindLabel(t: T, kind: string): string {
  return t(`rendezvous.kind.${kind}`);
}

/** "1er et 3e mardi du mois", "chaque samedi", "lundi et jeudi, une semaine sur 2". */
export function recurrenceText(
  t: T,
  r: { kind: 'once' } | { kind: 'weekly'; weekdays: number[]; interval?: number } | { kind: 'monthly'; weekday: number; nths: number[] },
  firstDate: string,
): string {
  const join = (xs: string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} ${t('rendezvous.and')} ${xs[xs.length - 1]}` : (xs[0] ?? ''));
  if (r.kind === 'once') return t('rendezvous.onceOn', { date: frCalendarDay(firstDate) });
  if (r.kind === 'weekly') {
    const days = join([...r.weekdays].sort().map((d) => t(`rendezvous.wd.${d}`)));
    return (r.interval ?? 1) > 1 ? t('rendezvous.everyNWeeks', { days, n: r.interval! }) : t('rendezvous.everyWeek', { days });
  }
  const nths = [...r.nths].sort((a, b) => (a < 0 ? 9 : a) - (b < 0 ? 9 : b)).map((n) => t(`rendezvous.nth.${n}`));
  return t('rendezvous.monthly', { nths: join(nths), day: t(`rendezvous.wd.${r.weekday}`) });
}

export interface PickedSlot {
  start: string;
  end: string;
  ownerId: string;
  ownerName: string | null;
  full: boolean;
  lieu: SlotsOut['slots'][number]['lieu'];
}

/**
 * The free slots of a motif, day by day, as large buttons (a phone's thumb): 14 days at a
 * time. A full slot says so and leads to the waitlist, never to a booking.
 */
export function SlotPicker({
  motifId,
  onPick,
  headingLevel = 3,
  forChild,
}: {
  motifId: string;
  onPick: (s: PickedSlot, motif: SlotsOut['motif']) => void;
  headingLevel?: 3 | 4;
  /** A crèche or respite place: the child it is for (seats of its age group), and at the desk the family's file. */
  forChild?: { childId: string; householdId?: string };
}) {
  const t = useT();
  const w = useWhen();
  // The first page starts today by the server's clock (the browser's may differ).
  const [from, setFrom] = useState<string | null>(null);
  const child = forChild ? `&childId=${forChild.childId}${forChild.householdId ? `&householdId=${forChild.householdId}` : ''}` : '';
  const r = useApi<SlotsOut>(`/api/rendezvous/slots?motifId=${motifId}${from ? `&from=${from}` : ''}&days=14${child}`, { keepPrevious: true });
  const days = new Map<string, SlotsOut['slots']>();
  for (const s of r.data?.slots ?? []) {
    const d = parisDay(new Date(s.start));
    days.set(d, [...(days.get(d) ?? []), s]);
  }
  const H = `h${headingLevel}` as 'h3' | 'h4';
  const today = r.data?.today ?? '';
  const shown = r.data?.fromDate ?? today;
  return (
    <div>
      <LoadStatus data={r.data} error={r.error} reload={r.reload} />
      {r.data && !days.size ? <p className="muted">{t('rendezvous.noSlot')}</p> : null}
      {[...days].map(([day, slots]) => (
        <section key={day} aria-label={w.day(slots[0]!.start)}>
          <H className="rdv-day">{w.day(slots[0]!.start)}</H>
          <ul className="rdv-slots">
            {slots.map((s) => (
              <li key={`${s.ownerId}-${s.start}`}>
                <Button variant={s.full ? 'ghost' : 'secondary'} data-full={s.full} onPress={() => onPick(s, r.data!.motif)}>
                  {s.full ? t('rendezvous.fullSlot', { time: w.time(s.start) }) : w.time(s.start)}
                  {!s.full && s.seatsLeft !== null && r.data!.motif.collective ? (
                    <small className="muted"> · {t('rendezvous.seatsLeft', { n: s.seatsLeft })}</small>
                  ) : null}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <div className="item-row" style={{ marginTop: '0.75rem' }}>
        {shown > today ? (
          <Button variant="ghost" onPress={() => setFrom(addDays(shown, -14) < today ? today : addDays(shown, -14))}>
            {t('rendezvous.previousDays')}
          </Button>
        ) : null}
        <Button variant="ghost" isDisabled={!r.data} onPress={() => setFrom(addDays(shown, 14))}>
          {t('rendezvous.nextDays')}
        </Button>
      </div>
    </div>
  );
}

/** A native date or time input (the phone's own picker), with its label and the server's error for it. */
export const DayTimeField = NativeDateInput;

/** A family without a file yet: what to do first. */
export function NoFile() {
  const t = useT();
  return (
    <Alert tone="info">
      <p>{t('rendezvous.noFile')}</p>
      <LinkButton to="/dossier/remplir">{t('rendezvous.fillFile')}</LinkButton>
    </Alert>
  );
}

/** « Annuler », then « Annuler ce rendez-vous ? » with « Annuler » (does it) and « Garder ». */
export function CancelWithConfirm({ onConfirm }: { onConfirm: () => void }) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  return asking ? (
    <span className="item-row" role="group" aria-label={t('rendezvous.cancelConfirm')}>
      <span>{t('rendezvous.cancelConfirm')}</span>
      <Button variant="danger" onPress={onConfirm}>
        {t('rendezvous.cancel')}
      </Button>
      <Button variant="ghost" onPress={() => setAsking(false)}>
        {t('rendezvous.cancelKeep')}
      </Button>
    </span>
  ) : (
    <Button variant="ghost" onPress={() => setAsking(true)}>
      {t('rendezvous.cancel')}
    </Button>
  );
}
