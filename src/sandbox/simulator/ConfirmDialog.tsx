import { useEffect, useRef } from 'react';
import type { PendingConfirm } from './api';

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
          <h2 id="sim-dialog-title">{pending.title}</h2>
          <p id="sim-dialog-message">{pending.message}</p>
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
