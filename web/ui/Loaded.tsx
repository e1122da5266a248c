/**
 * What every page shows while its data loads or when it could not be read: one status
 * line, one error with a "Réessayer" button, the same words everywhere.
 */
import type { ReactNode } from 'react';
import { useT } from '../app/i18n';
import type { ApiResource } from '../app/use-api';
import { Alert } from './display';
import { Button } from './Button';
import { ErrorText } from '../app/lang';

export function Loaded<T>({ resource, children }: { resource: ApiResource<T>; children: (data: T) => ReactNode }) {
  const t = useT();
  if (resource.error && resource.data === null) {
    return (
      <Alert tone="error" live>
        <p>
          <ErrorText code={resource.error.code} message={resource.error.message} />
        </p>
        <Button variant="secondary" onPress={resource.reload}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  }
  if (resource.data === null) return <p role="status">{t('app.loading')}</p>;
  return <>{children(resource.data)}</>;
}

/**
 * The same status and error as `<Loaded>`, for a page that lays its data out itself:
 * nothing once the data is in.
 */
export function LoadStatus({ data, error, reload }: { data: unknown; error: { code?: string; message: string } | null; reload?: () => void }) {
  const t = useT();
  if (error && (data === null || data === undefined)) {
    return (
      <Alert tone="error" live>
        <p>
          <ErrorText code={error.code} message={error.message} />
        </p>
        {reload ? (
          <Button variant="secondary" onPress={reload}>
            {t('common.retry')}
          </Button>
        ) : null}
      </Alert>
    );
  }
  if (data === null || data === undefined) return <p role="status">{t('app.loading')}</p>;
  return null;
}
