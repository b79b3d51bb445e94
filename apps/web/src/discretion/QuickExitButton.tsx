import { quickExit } from './quick-exit';

/** Always visible; its label says what it does without saying why. */
export function QuickExitButton() {
  return (
    <button
      type="button"
      class="quick-exit"
      onClick={quickExit}
      title="Leave now (or press Esc twice)"
    >
      Leave now
    </button>
  );
}
