/** Small line icons (decorative: always aria-hidden). */
const PATHS: Record<string, string> = {
  droits: 'M15 6.5a5.5 5.5 0 1 0 0 11M5 10.5h8M5 13.5h8',
  annuaire: 'M12 21s-6-5.4-6-10a6 6 0 1 1 12 0c0 4.6-6 10-6 10zM12 13a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
  rendezvous: 'M4 6h16v14H4zM4 10h16M8 3v4M16 3v4M9 15l2 2 4-4',
  aides: 'M12 4v16M4 12h16',
  entraide: 'M4 8h13l-3-3M20 16H7l3 3',
  groupes: 'M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM16 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2 20c0-3.3 2.7-6 6-6s6 2.7 6 6M14 14.3c.6-.2 1.3-.3 2-.3 3.3 0 6 2.7 6 6',
  dossier: 'M6 3h9l4 4v14H6zM14 3v5h5M9 13h7M9 17h7',
  places: 'M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1-4.4-4.3 6.1-.9z',
  diagnostic: 'M4 20V10M10 20V4M16 20v-7M22 20H2',
  pilotage: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 16a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM12 12h.01',
};

export function Icon({ name, size = 24 }: { name: string; size?: number }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name] ?? PATHS.dossier} />
    </svg>
  );
}
