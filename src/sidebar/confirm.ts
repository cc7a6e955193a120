/**
 * Asking the officer before the server goes on: the server answers "needsConfirmation" with a
 * Thai question; the sidebar shows it with two buttons (an in-page panel: whether Google's
 * sidebar iframe allows window.confirm is unconfirmed), and calls again, confirmed, on yes.
 */
import { add, button, byId, el } from './dom';

/**
 * Shows a question; `onYes` runs when the officer agrees, nothing when they decline.
 * @param question the server's question, Thai
 * @param yes the label of the button that goes on
 * @param onYes what to do then
 */
export function confirmThen(question: string, yes: string, onYes: () => void): void {
  const box = byId('confirm');
  box.replaceChildren();
  const close = () => {
    box.replaceChildren();
    box.hidden = true;
  };
  add(
    box,
    el('p', '', question),
    add(
      el('div', 'row'),
      button('btnConfirmYes', '', yes, () => {
        close();
        onYes();
      }),
      button('btnConfirmNo', 'secondary', 'ยกเลิก', close),
    ),
  );
  box.hidden = false;
}
