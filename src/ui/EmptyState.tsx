import type { ReactNode } from 'react';

/**
 * An empty or waiting state. `page` when it is all the page shows (no customer yet, disabled, no organization):
 * its title is then the page's level-one heading, as every screen has one.
 */
export function EmptyState({ title, page = false, children }: { title: string; page?: boolean; children?: ReactNode }) {
  return (
    <div className="empty-state">
      {page ? <h1 className="empty-title">{title}</h1> : <p className="empty-title">{title}</p>}
      {children}
    </div>
  );
}
