import type { Notice as NoticeModel } from './settingsModel';

/** Outcome of the last action. Errors interrupt (alert); the rest is announced politely (status). */
export function Notice({ notice, onDismiss, dismissLabel }: { notice: NoticeModel; onDismiss: () => void; dismissLabel: string }) {
  const urgent = notice.tone === 'error' || notice.tone === 'warning';
  return (
    <div className={`zs-notice zs-notice--${notice.tone}`} role={urgent ? 'alert' : 'status'}>
      <p>{notice.text}</p>
      <button type="button" className="link-button" onClick={onDismiss}>
        {dismissLabel}
      </button>
    </div>
  );
}
