import { render, screen } from '@testing-library/react';
import { textToHtml, escapeHtml } from '../../../src/host/html';
import { ConfirmDialog } from '../../../src/sandbox/simulator/ConfirmDialog';
import type { PendingConfirm } from '../../../src/sandbox/simulator/api';

// jsdom has no showModal(); the dialog's content is what matters here.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.open = false;
  };
});

function pending(title: string, message: string, html = true): PendingConfirm {
  return { id: 1, title, message, okText: 'OK', cancelText: 'Cancel', danger: false, html };
}

describe('simulator confirmation popup renders content the way Desk does (contentType html)', () => {
  it('shows what the widget sends (escaped text, <br> line breaks) as text, not as markup', () => {
    const message = 'After removing:\n• "Acme" & co lose access\n<img src=x onerror="alert(1)">';
    render(<ConfirmDialog pending={pending(escapeHtml('Remove "Acme"?'), textToHtml(message))} onAnswer={() => undefined} />);
    expect(screen.getByRole('heading', { name: 'Remove "Acme"?' })).toBeInTheDocument();
    const body = document.getElementById('sim-dialog-message');
    expect(body?.textContent).toBe('After removing:• "Acme" & co lose access<img src=x onerror="alert(1)">');
    expect(body?.textContent).not.toMatch(/<br>|&quot;|&amp;/);
    expect(body?.querySelectorAll('br')).toHaveLength(2);
    expect(body?.querySelector('img')).toBeNull();
  });

  it('never builds markup from unescaped content, and plain-text popups stay text', () => {
    const { unmount } = render(<ConfirmDialog pending={pending('Sure?', 'Hi <img src=x onerror="alert(1)"><script>alert(2)</script><b>bold</b>')} onAnswer={() => undefined} />);
    const body = document.getElementById('sim-dialog-message');
    expect(body?.querySelector('img, script')).toBeNull();
    expect(body?.querySelector('b')?.textContent).toBe('bold');
    unmount();
    render(<ConfirmDialog pending={pending('Sure?', 'a<br>b', false)} onAnswer={() => undefined} />);
    expect(screen.getByText('a<br>b')).toBeInTheDocument();
  });
});
