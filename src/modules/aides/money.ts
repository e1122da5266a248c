/** Euros for people, from integer cents: "812 €", "1 200 €", "812,50 €". Pure. */
export function euros(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(Math.round(cents));
  const whole = Math.floor(abs / 100);
  const rest = abs % 100;
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${negative ? '-' : ''}${grouped}${rest ? `,${String(rest).padStart(2, '0')}` : ''} €`;
}
