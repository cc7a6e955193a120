/**
 * The mobile page (docs/mobile.md): the same script served as a web app, deployed to execute as
 * the user accessing it, so that every write is the officer's own (Google's protections hold)
 * and the same server functions and role checks as the sidebar's answer its calls. doGet only
 * serves the page; the page then calls the sidebar's functions (src/main.ts).
 */
import { activeUserEmail } from '../adapter/services';
import { noteWebVisit, phonePage } from '../adapter/webApp';
import { nowText } from './clock';

/** The page's file in the project (dist/Mobile.html, built by scripts/mobile.mjs). */
export const MOBILE_FILE = 'Mobile';

/**
 * The mobile page, for doGet; notes whether Google showed the visitor's e-mail (the self-check
 * reports it).
 * @param now the current time
 */
export function mobilePage(now: Date): ReturnType<typeof phonePage> {
  noteWebVisit(activeUserEmail() !== '', nowText(now));
  return phonePage(MOBILE_FILE, 'OTOP งานของอำเภอ');
}
