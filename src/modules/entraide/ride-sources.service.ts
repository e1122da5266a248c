/**
 * Where else a family goes with its children, beside the directory's activities: its upcoming
 * bookings held at a place (rendezvous) and the places it accepted (attribution). A ride can be
 * offered or asked to them. Places are located without a geocoder: a booking's place by its
 * neighbourhood's centre (as homes are), an accepted place by the directory structure of the
 * same name (its coordinates); a place that cannot be located is listed without a ride.
 */
import { parisDate, parisParts } from '../../platform/clock';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { findStructures, getStructure } from '../annuaire/index';
import { admittedPlaces } from '../attribution/index';
import { upcomingBookingPlaces } from '../rendezvous/index';
import type { Me } from './access';

export type RideSource = {
  kind: 'booking' | 'place';
  id: string;
  title: string;
  placeName: string;
  address: string | null;
  /** A booking's day and time (Paris); an accepted place has its own schedule, typed by the family. */
  day: string | null;
  weekday: number | null;
  time: string | null;
  period: string | null;
  located: boolean;
};

type Located = { key: string; label: string; lat: number; lon: number };

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();

function weekdayOf(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

const hhmm = (d: Date) => {
  const p = parisParts(d);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
};

/** The directory structure named exactly like a site (accents and case ignored), with its coordinates. */
async function structureOfSite(ctx: Ctx, site: string): Promise<Located | null> {
  if (!site.trim()) return null;
  const hit = (await findStructures(ctx, site)).find((s) => norm(s.nom) === norm(site));
  if (!hit) return null;
  const s = await getStructure(ctx, hit.id);
  if (s.latitude == null || s.longitude == null) return null;
  const address = [s.adresse, s.commune].filter(Boolean).join(', ');
  return { key: `annuaire-structure:${s.id}`, label: address ? `${s.nom} — ${address}` : s.nom, lat: s.latitude, lon: s.longitude };
}

function bookingPlace(ctx: Ctx, b: { placeId: string; placeName: string; address: string; neighbourhoodId: string | null }): Located | null {
  const centre = ctx.town.neighbourhoods.find((n) => n.id === b.neighbourhoodId)?.center;
  if (!centre) return null;
  return { key: `rdv-lieu:${b.placeId}`, label: `${b.placeName} — ${b.address}`, lat: centre[0], lon: centre[1] };
}

export async function rideSources(ctx: Ctx, me: Me): Promise<RideSource[]> {
  const out: RideSource[] = [];
  for (const b of await upcomingBookingPlaces(ctx.db, me.householdId, ctx.now())) {
    const day = parisDate(b.start);
    out.push({
      kind: 'booking',
      id: b.bookingId,
      title: b.motifName,
      placeName: b.placeName,
      address: b.address || null,
      day,
      weekday: weekdayOf(day),
      time: hhmm(b.start),
      period: null,
      located: bookingPlace(ctx, b) !== null,
    });
  }
  for (const p of await admittedPlaces(ctx.db, me.householdId)) {
    const located = await structureOfSite(ctx, p.site);
    out.push({
      kind: 'place',
      id: p.offerId,
      title: `${p.campaignTitle} — ${p.groupLabel}`,
      placeName: p.site,
      address: located ? located.label : null,
      day: null,
      weekday: null,
      time: null,
      period: p.period || null,
      located: located !== null,
    });
  }
  return out;
}

const unknownSource = (path: string) =>
  new AppError('entraide/unknown-activity', {
    fields: [{ path, message: "Ce rendez-vous ou cette place n'est pas à vous, ou son lieu n'a pas d'adresse situable." }],
  });

/**
 * The place of a ride to one of the family's bookings (one date: its day, weekday and time are the
 * booking's) or accepted places (the family gives the weekday, time and dates).
 */
export async function sourcePlace(
  ctx: Ctx,
  me: Me,
  ref: { bookingId?: string; offerId?: string },
): Promise<Located & { fixed: { weekday: number; arriveAt: string; fromDay: string; toDay: string } | null }> {
  if (ref.bookingId) {
    const b = (await upcomingBookingPlaces(ctx.db, me.householdId, ctx.now())).find((x) => x.bookingId === ref.bookingId);
    const place = b ? bookingPlace(ctx, b) : null;
    if (!b || !place) throw unknownSource('bookingId');
    const day = parisDate(b.start);
    return { ...place, fixed: { weekday: weekdayOf(day), arriveAt: hhmm(b.start), fromDay: day, toDay: day } };
  }
  const p = (await admittedPlaces(ctx.db, me.householdId)).find((x) => x.offerId === ref.offerId);
  const place = p ? await structureOfSite(ctx, p.site) : null;
  if (!place) throw unknownSource('offerId');
  return { ...place, fixed: null };
}
