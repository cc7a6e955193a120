/**
 * Asking the officer before the server goes on: the server answers "needsConfirmation" with a
 * Thai question; the sidebar shows it with two buttons in the answer bar (sticky at the bottom
 * of the view, so the question is where the officer looks: an in-page panel, as whether Google's
 * sidebar iframe allows window.confirm is unconfirmed), and calls again, confirmed, on yes. On
 * "ยกเลิก" the status says that nothing was done.
 */
import { add, button, byId, el } from './dom';
import { say, showAnswers } from './status';
import { TEXT } from './texts';

/**
 * Shows a question; `onYes` runs when the officer agrees; on no, the status says it was cancelled.
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
    showAnswers();
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
      button('btnConfirmNo', 'secondary', 'ยกเลิก', () => {
        close();
        say(TEXT.cancelled, 'info');
      }),
    ),
  );
  box.hidden = false;
  showAnswers();
}

/**
 * The status shown while a question waits (the question itself is in the bar below it).
 * @return the text
 */
export function waiting(): string {
  return TEXT.waiting;
}
