import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { InvoiceSummary } from '../billing/types';
import { DateTime } from '../ui/DateTime';
import { Money } from '../ui/Money';
import { StatusBadge } from '../ui/StatusBadge';
import { useI18n } from '../ui/i18nContext';

/** Fixed by `.invoice-row` in theme.css: a windowed list needs to know where each row sits. */
export const ROW_HEIGHT = 72;
/** Above this many rows the list scrolls on its own and only the visible window (plus a margin) is in the DOM (SPEC C3). */
export const WINDOW_FROM = 20;
const OVERSCAN = 12;
/** Before the first layout (and in jsdom, which has none) assume a panel-sized viewport. */
const DEFAULT_VIEWPORT = 480;

interface InvoiceRowsProps {
  invoices: InvoiceSummary[];
  onOpen: (id: string) => void;
  /** Called when the agent scrolls near the last loaded row: the caller fetches the next page. */
  onNearEnd?: () => void;
}

function Row({ inv, onOpen, position, size }: { inv: InvoiceSummary; onOpen: (id: string) => void; position: number; size: number }) {
  const i18n = useI18n();
  return (
    <li className="invoice-row stretch-row" aria-posinset={position} aria-setsize={size}>
      {/* The control is the invoice's number (its name says so, and contains what it shows: WCAG 2.5.3); the
          rest of the row is text beside it, and a click anywhere on the row still opens the invoice. */}
      <span className="row-main">
        <button type="button" className="row-button stretch" onClick={() => onOpen(inv.id)} aria-label={i18n.t('panel.invoices.open', { number: inv.number })}>
          <strong>{inv.number}</strong>
        </button>
        <StatusBadge status={inv.status} />
      </span>
      <span className="row-line muted">
        <DateTime value={inv.date} /> → <DateTime value={inv.dueDate} />
      </span>
      <span className="row-line muted">
        {i18n.t('panel.invoices.total')} <Money amount={inv.total} currency={inv.currencyCode} /> ·{' '}
        {i18n.t('panel.invoices.balance')} <Money amount={inv.balance} currency={inv.currencyCode} />
      </span>
    </li>
  );
}

export function InvoiceRows({ invoices, onOpen, onNearEnd }: InvoiceRowsProps) {
  const i18n = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(DEFAULT_VIEWPORT);
  const windowed = invoices.length > WINDOW_FROM;

  // The list's height moves with its rows (and settles after the first measure); scrolling does not move it.
  useLayoutEffect(() => {
    const height = scroller.current?.clientHeight ?? 0;
    if (height > 0 && height !== viewport) setViewport(height);
  }, [invoices.length, viewport]);

  const first = windowed ? Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN) : 0;
  const last = windowed ? Math.min(invoices.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN) : invoices.length;
  const nearEnd = last >= invoices.length - OVERSCAN;

  useEffect(() => {
    if (windowed && nearEnd) onNearEnd?.();
  }, [windowed, nearEnd, invoices.length, onNearEnd]);

  const list = (
    <ul
      className="rows"
      aria-label={i18n.t('panel.tabs.invoices')}
      // CSSOM styles (not style attributes in markup), so the page's CSP still holds.
      style={windowed ? { paddingTop: first * ROW_HEIGHT, paddingBottom: (invoices.length - last) * ROW_HEIGHT } : undefined}
    >
      {invoices.slice(first, last).map((inv, i) => (
        <Row key={inv.id} inv={inv} onOpen={onOpen} position={first + i + 1} size={invoices.length} />
      ))}
    </ul>
  );
  if (!windowed) return list;
  return (
    <div ref={scroller} className="row-scroller" onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      {list}
    </div>
  );
}
