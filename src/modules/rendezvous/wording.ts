/** French wording of times and messages (pure): people never read an ISO date. */
import { parisParts, TZ } from '../../platform/clock';

const dayFmt = new Intl.DateTimeFormat('fr-FR', { timeZone: TZ, weekday: 'long', day: 'numeric', month: 'long' });

/** `12 h`, `12 h 30`. */
export function frenchTime(d: Date): string {
  const p = parisParts(d);
  return p.minute ? `${p.hour} h ${String(p.minute).padStart(2, '0')}` : `${p.hour} h`;
}

/** `mardi 12 janvier à 12 h 30`. */
export function frenchDayTime(d: Date): string {
  return `${dayFmt.format(d)} à ${frenchTime(d)}`;
}

export function documentsLine(documents: readonly string[]): string {
  return documents.length ? ` À apporter : ${documents.join(', ')}.` : '';
}

export function confirmationText(motif: string, start: Date, place: string | null, documents: readonly string[]): string {
  return `Relais : votre rendez-vous « ${motif} » est confirmé le ${frenchDayTime(start)}${place ? `, ${place}` : ''}.${documentsLine(documents)}`;
}

export function reminderText(motif: string, start: Date, place: string | null, documents: readonly string[]): string {
  return `Relais : rappel de votre rendez-vous « ${motif} » le ${frenchDayTime(start)}${place ? `, ${place}` : ''}.${documentsLine(documents)} Pour annuler, ouvrez « Mes rendez-vous ».`;
}

export function offerText(motif: string, start: Date, expiresAt: Date): string {
  return `Relais : une place s'est libérée pour « ${motif} » le ${frenchDayTime(start)}. Elle vous est réservée jusqu'à ${frenchTime(expiresAt)} : confirmez-la dans « Mes rendez-vous ».`;
}

export function cancelledByServiceText(motif: string, start: Date): string {
  return `Relais : votre rendez-vous « ${motif} » du ${frenchDayTime(start)} est annulé par le service. Vous pouvez en reprendre un dans « Prendre rendez-vous ».`;
}

export function movedText(motif: string, before: Date, after: Date, place: string | null): string {
  return `Relais : votre rendez-vous « ${motif} » du ${frenchDayTime(before)} est déplacé au ${frenchDayTime(after)}${place ? `, ${place}` : ''}.`;
}

/** The place or the agent of a booking changed (its time did not). */
export function sessionChangedText(motif: string, start: Date, change: { place?: string | null; agent?: string | null }): string {
  const parts: string[] = [];
  if (change.place !== undefined) parts.push(change.place ? `aura lieu à ${change.place}` : 'change de lieu (le service vous précisera lequel)');
  if (change.agent) parts.push(`sera assuré par ${change.agent}`);
  return `Relais : votre rendez-vous « ${motif} » du ${frenchDayTime(start)} ${parts.join(' et ')}. L’heure ne change pas.`;
}
