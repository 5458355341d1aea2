import { act, render } from '@testing-library/react';
import { useWindowFocus } from '../../../src/ui/useWindowFocus';

function Probe({ onFocus }: { onFocus: () => void }) {
  useWindowFocus(onFocus);
  return null;
}

describe('useWindowFocus', () => {
  it('looks again at once when the window gets the focus back without a click', () => {
    const seen = vi.fn();
    render(<Probe onFocus={seen} />);
    act(() => void window.dispatchEvent(new Event('focus')));
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('waits until the click that focused the frame is over (SPEC A1)', async () => {
    vi.useFakeTimers();
    try {
      const seen = vi.fn();
      render(<Probe onFocus={seen} />);
      act(() => {
        window.dispatchEvent(new Event('pointerdown'));
        window.dispatchEvent(new Event('focus'));
      });
      expect(seen).not.toHaveBeenCalled();
      act(() => void window.dispatchEvent(new Event('pointerup')));
      expect(seen).not.toHaveBeenCalled();
      await act(async () => void (await vi.advanceTimersByTimeAsync(1)));
      expect(seen).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops listening when the page goes', () => {
    const seen = vi.fn();
    const view = render(<Probe onFocus={seen} />);
    view.unmount();
    window.dispatchEvent(new Event('focus'));
    expect(seen).not.toHaveBeenCalled();
  });
});
