// Which of the app's windows has the keyboard focus: windows take and lose it (window.ts), and on
// Windows a tray click takes it from them first (desktop.ts). Its own module so neither imports the other.

/** A window as the focus sees it. */
export interface FocusableWindow {
  blur(): void;
}

let focused: FocusableWindow | null = null;

export const keyboardFocus = {
  get: (): FocusableWindow | null => focused,
  take(window: FocusableWindow): void {
    focused = window;
  },
  /** `window` no longer has it (hidden, blurred, destroyed); another window keeps it. */
  release(window: FocusableWindow): void {
    if (focused === window) focused = null;
  },
};
