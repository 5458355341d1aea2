import { Fragment, useEffect, useRef, type ReactNode } from 'react';
import type { PendingConfirm } from './api';

/** Elements Desk's popup shows as formatting; anything else shows only its text (never markup, never script). */
const FORMATTING = new Set(['p', 'div', 'span', 'b', 'strong', 'i', 'em', 'u', 'ul', 'ol', 'li']);

function toReact(node: Node, key: number): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const tag = (node as Element).tagName.toLowerCase();
  if (tag === 'br') return <br key={key} />;
  const children = [...node.childNodes].map(toReact);
  if (FORMATTING.has(tag)) {
    const Tag = tag as keyof React.JSX.IntrinsicElements;
    return <Tag key={key}>{children}</Tag>;
  }
  return <Fragment key={key}>{children}</Fragment>;
}

/**
 * Desk renders a popup's `content` (contentType 'html') as HTML, so the widget must send escaped text
 * with <br> for line breaks. The simulator shows it the same way, from an inert parse: entities decoded,
 * line breaks kept, formatting tags honoured, every other tag reduced to its text. A widget that forgot
 * to escape shows a broken message here, not literal markup and not running script.
 */
export function DeskHtml({ html }: { html: string }) {
  const body = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html').body;
  return <>{[...body.childNodes].map(toReact)}</>;
}

/** Desk's confirmation popup (ZOHODESK.showpopup type 'confirmation'), as a real modal dialog. */
export function ConfirmDialog({ pending, onAnswer }: { pending: PendingConfirm | null; onAnswer: (answer: boolean) => void }) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (pending && !dialog.open) dialog.showModal();
    if (!pending && dialog.open) dialog.close();
  }, [pending]);

  return (
    <dialog
      ref={ref}
      className="sim-dialog"
      aria-labelledby="sim-dialog-title"
      aria-describedby="sim-dialog-message"
      onCancel={(e) => {
        // Escape answers "cancel", as closing Desk's popup does.
        e.preventDefault();
        onAnswer(false);
      }}
    >
      {pending && (
        <>
          <h2 id="sim-dialog-title">{pending.html ? <DeskHtml html={pending.title} /> : pending.title}</h2>
          <div id="sim-dialog-message" className="sim-dialog-message">
            {pending.html ? <DeskHtml html={pending.message} /> : <p>{pending.message}</p>}
          </div>
          <div className="sim-dialog-actions">
            <button type="button" onClick={() => onAnswer(false)}>
              {pending.cancelText}
            </button>
            <button type="button" className={pending.danger ? 'sim-danger' : 'sim-primary'} onClick={() => onAnswer(true)} autoFocus>
              {pending.okText}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
