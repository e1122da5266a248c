/**
 * web/ui/DateField and TimeField, loaded when first shown: the date library (~28 kB compressed)
 * stays out of a public page's first load when its dates come later (the simulator's children
 * step), issue 18. While it loads, a box of the field's height holds its place (no layout shift).
 */
import { lazy, Suspense, type ComponentProps } from 'react';

const DateImpl = lazy(() => import('./DateField').then((m) => ({ default: m.DateField })));
const TimeImpl = lazy(() => import('./DateField').then((m) => ({ default: m.TimeField })));

const pending = <div className="field date-field-pending" aria-busy="true" />;

export function LazyDateField(props: ComponentProps<typeof DateImpl>) {
  return (
    <Suspense fallback={pending}>
      <DateImpl {...props} />
    </Suspense>
  );
}

export function LazyTimeField(props: ComponentProps<typeof TimeImpl>) {
  return (
    <Suspense fallback={pending}>
      <TimeImpl {...props} />
    </Suspense>
  );
}
