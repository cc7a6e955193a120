/**
 * The mobile page (docs/mobile.md): the same script served as a web app, deployed to execute as
 * the user accessing it, so that every write is the officer's own (Google's protections hold)
 * and the same server functions and role checks as the sidebar's answer its calls. doGet only
 * serves the page; the page then calls the sidebar's functions (src/main.ts).
 */
import { activeUserEmail } from '../../../platform/services';
import { noteWebVisit, phonePage, webVisits } from '../../../platform/webApp';
import { nowText } from '../../../app/clock';

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

/**
 * What the self-check says of the mobile page: whether the web app saw its visitors' e-mails
 * (the role checks need them; a consumer account outside the owner's domain may be hidden,
 * Session.getActiveUser()), as noted by doGet; nothing seen yet when nobody opened it.
 */
export function webAppNote(): string {
  const { visibleAt, hiddenAt } = webVisits();
  const head = 'หน้าเว็บสำหรับโทรศัพท์:';
  if (!visibleAt && !hiddenAt) {
    return `${head} ยังไม่มีผู้เปิด (ให้เจ้าหน้าที่อำเภอเปิดจากโทรศัพท์หนึ่งครั้ง แล้วตรวจสอบระบบอีกครั้ง ดู docs/first-run.md)`;
  }
  const seen = visibleAt ? `เห็นอีเมลของผู้เปิดล่าสุดเมื่อ ${visibleAt}` : 'ยังไม่เคยเห็นอีเมลของผู้เปิด';
  const hidden = hiddenAt ? ` · Google ไม่เปิดเผยอีเมลของผู้เปิดเมื่อ ${hiddenAt} (ผู้นั้นดูได้อย่างเดียว ให้ใช้บัญชีที่ระบุในชีตตั้งค่า)` : '';
  return `${head} ${seen}${hidden}`;
}
