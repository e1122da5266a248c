import { Button as AriaButton, type ButtonProps } from 'react-aria-components';
import type { ReactNode } from 'react';
import { Link } from '../app/router';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

export function Button({ variant = 'primary', className, ...props }: ButtonProps & { variant?: Variant }) {
  return <AriaButton {...props} data-variant={variant} className={`btn ${className ?? ''}`} />;
}

/** A link that looks like a button (navigation, not action). */
export function LinkButton({ to, variant = 'primary', children }: { to: string; variant?: Variant; children: ReactNode }) {
  return (
    <Link to={to} className="btn" data-variant={variant}>
      {children}
    </Link>
  );
}
