/**
 * web/ui/DateField, loaded when first shown: the date library (~28 kB compressed) stays out of a
 * public page's first load when its dates come later (the simulator's children step), issue 18.
 * While it loads, a box of the field's height holds its place (no layout shift).
 */
import { lazy, Suspense, type ComponentProps } from 'react';

const Impl = lazy(() => import('./DateField').then((m) => ({ default: m.DateField })));

export function LazyDateField(props: ComponentProps<typeof Impl>) {
  return (
    <Suspense fallback={<div className="field date-field-pending" aria-busy="true" />}>
      <Impl {...props} />
    </Suspense>
  );
}
