/** A form in a card (create a plan, a campaign; enter a value): its heading names it, the server's error on top, then the fields. */
import type { FormEvent, ReactNode } from 'react';
import type { ApiError } from '../app/api';
import { Alert } from './display';

export function FormCard({
  id,
  title,
  error,
  onSubmit,
  children,
}: {
  /** The heading's id (the form is labelled by it). */
  id: string;
  title: string;
  error: ApiError | null;
  onSubmit: (e: FormEvent) => void;
  children: ReactNode;
}) {
  return (
    <form onSubmit={onSubmit} className="card" aria-labelledby={id}>
      <h2 id={id} style={{ marginTop: 0 }}>
        {title}
      </h2>
      {error ? (
        <Alert tone="error" live>
          {error.message}
        </Alert>
      ) : null}
      {children}
    </form>
  );
}
