/**
 * What each observation of the self-check means for the add-on, in Thai: what was seen, what it
 * means, and what to do. Where an outcome would break a feature the finding says so plainly and
 * what to do; where the add-on copes either way it says why. Pure: the observations in, findings
 * out (observations.ts, platform/observe.ts).
 */
import { LABEL } from '../../../kernel/settings';
import { readProbeAnswer } from '../rules/selfCheckProbe';
import {
  type CellSeen,
  failed,
  type Failed,
  type IntlSeen,
  type LiveSeen,
  type Observations,
  type ProbeCase,
  type RuleFields,
} from './observations';
import { SHEET } from '../../setup/sheets/sheetNames';

/** How a finding reads: fine, worth knowing, needs doing, or not observed. */
export type FindingStatus = 'ok' | 'note' | 'action' | 'failed';

/** One finding of the self-check. */
export interface Finding {
  readonly id: string;
  /** what was checked, Thai */
  readonly topic: string;
  /** a short machine-readable outcome for the maintainers */
  readonly outcome: string;
  /** what was seen, Thai */
  readonly seen: string;
  /** what it means for the add-on, Thai */
  readonly meaning: string;
  /** what to do, Thai ('' when nothing) */
  readonly todo: string;
  readonly status: FindingStatus;
}

/** The status as officers read it. */
export const STATUS_TEXT: Readonly<Record<FindingStatus, string>> = {
  ok: 'ผ่าน',
  note: 'ควรทราบ',
  action: 'ต้องแก้ไข',
  failed: 'ตรวจไม่ได้',
};

const BANGKOK = 'Asia/Bangkok';
/**
 * Service calls of the heaviest action at the province's scale, the start of a new fiscal year
 * with the sidebar's refresh (README, Performance: `npm run bench`, 7 Dec 2026).
 */
const HEAVIEST_CALLS = 712;
/** A getter slower than this is not free for the call counts. */
const FREE_GETTER_MS = 5;
/** An estimated heaviest action longer than this comes near Apps Script's 6-minute limit. */
const HEAVIEST_LIMIT_MS = 240_000;
/** The call counts take the server part's read as two calls: slower than this, they understate it. */
const SERVER_FILE_MS = 200;
const TELL_MAINTAINERS = 'แจ้งผู้ดูแลระบบ พร้อมคัดลอกข้อมูลในช่อง "ข้อมูลสำหรับผู้ดูแลระบบ" ท้ายชีตนี้';

/**
 * The findings of a self-check.
 * @param o what was observed
 * @param live the live probe cells of the previous run's result sheet, if there was one
 */
export function platformFindings(o: Observations, live: LiveSeen | null): Finding[] {
  return [
    timeZones_(o),
    locale_(o),
    typedInput_(o),
    thaiSheetName_(o),
    ...customFunctions_(o, live),
    owner_(o),
    session_(o),
    intl_(o),
    rules_(o),
    timings_(o),
    serverFile_(o),
  ];
}

/** A finding for an observation that failed. */
function failedFinding_(id: string, topic: string, seen: Failed): Finding {
  return {
    id,
    topic,
    outcome: 'failed',
    seen: `ตรวจไม่ได้: ${seen.failed}`,
    meaning: 'ไม่ทราบผลของเรื่องนี้ในสมุดงานจริง ส่วนเสริมทำงานแบบที่รองรับได้ทั้งสองกรณีเท่าที่ทำได้',
    todo: TELL_MAINTAINERS,
    status: 'failed',
  };
}

/**
 * A cell value in Thai words.
 * @param v the value as recorded
 */
export function seenText(v: CellSeen): string {
  switch (v.kind) {
    case 'number':
      return `ตัวเลข ${v.text}`;
    case 'string':
      return `ข้อความ "${v.text}"`;
    case 'boolean':
      return `ค่าจริง/เท็จ ${v.text.toUpperCase()}`;
    case 'date':
      return `วันที่ ${bangkokDay_(v.text)} (ค.ศ.)`;
    case 'empty':
      return 'เซลล์ว่าง';
    default:
      return `ค่า ${v.text}`;
  }
}

/** An ISO instant's day in Bangkok (UTC+7, no daylight saving), or null. */
function bangkokParts_(iso: string): { day: number; month: number; year: number } | null {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  const d = new Date(time + 7 * 3_600_000);
  return { day: d.getUTCDate(), month: d.getUTCMonth() + 1, year: d.getUTCFullYear() };
}

/** An ISO instant as the Bangkok day d/m/yyyy. */
function bangkokDay_(iso: string): string {
  const p = bangkokParts_(iso);
  return p ? `${p.day}/${p.month}/${p.year}` : iso;
}

function timeZones_(o: Observations): Finding {
  const id = 'timeZones';
  const topic = 'เขตเวลาของสมุดงานและของสคริปต์';
  const z = o.timeZones;
  if (failed(z)) return failedFinding_(id, topic, z);
  const seen = `สมุดงาน: ${z.spreadsheet} · สคริปต์: ${z.script}`;
  const sheetOk = z.spreadsheet === BANGKOK;
  const scriptOk = z.script === BANGKOK;
  if (sheetOk && scriptOk) {
    return {
      id,
      topic,
      outcome: 'both-bangkok',
      seen,
      meaning: 'วันที่ที่พิมพ์ในเซลล์และวันที่ที่สคริปต์อ่านเป็นวันเดียวกัน',
      todo: '',
      status: 'ok',
    };
  }
  const todo = [
    sheetOk ? '' : 'ในสมุดงาน: ไฟล์ → การตั้งค่า → เขตเวลา เลือก (GMT+07:00) Bangkok/กรุงเทพ แล้วกด "บันทึกการตั้งค่า"',
    scriptOk
      ? ''
      : 'ในสคริปต์: ส่งส่วนเสริมขึ้นใหม่ด้วย npm run push (appsscript.json กำหนด Asia/Bangkok) หรือใน Apps Script: การตั้งค่าโปรเจ็กต์ → เขตเวลา (GMT+07:00) Bangkok',
    'แล้วกด "ตรวจสอบระบบ" อีกครั้ง',
  ].filter(Boolean);
  return {
    id,
    topic,
    outcome: `${sheetOk ? '' : 'spreadsheet-not-bangkok '}${scriptOk ? '' : 'script-not-bangkok'}`.trim(),
    seen,
    meaning: 'วันที่ในเซลล์กับวันที่ที่สคริปต์อ่านอาจคลาดกัน 1 วัน: การนับถึงวันครบกำหนดรอบ สรุปผล และรายงานประจำเดือนอาจนับผิดวัน',
    todo: todo.join(' · '),
    status: 'action',
  };
}

/** The typed-input observation's cell for a text, if any. */
function typedCell_(o: Observations, typed: string): CellSeen | null {
  if (failed(o.typedInput)) return null;
  return o.typedInput.cells.find((c) => c.typed === typed)?.value ?? null;
}

function locale_(o: Observations): Finding {
  const id = 'locale';
  const topic = 'ภาษาและภูมิภาคของสมุดงาน (ลำดับวัน/เดือน)';
  const t = o.typedInput;
  if (failed(t)) return failedFinding_(id, topic, t);
  const quarter = typedCell_(o, '1/4');
  const day = quarter?.kind === 'date' ? bangkokParts_(quarter.text) : null;
  const monthFirst = day !== null && day.month === 1 && day.day === 4; // "1/4" read as 4 January
  const seen = `ภูมิภาค: ${t.locale} · "1/4" อ่านเป็น ${quarter ? seenText(quarter) : '-'}`;
  if (monthFirst) {
    return {
      id,
      topic,
      outcome: `month-first ${t.locale}`,
      seen,
      meaning: 'สมุดงานอ่านวันที่แบบเดือนขึ้นก่อน: วันที่ที่เจ้าหน้าที่พิมพ์ เช่น 01/04/2565 จะถูกอ่านเป็น 4 มกราคม ทำให้นับผลผิดเดือน',
      todo: 'ไฟล์ → การตั้งค่า → ภาษาและภูมิภาค (Locale) เลือก ประเทศไทย แล้วกด "บันทึกการตั้งค่า" และกด "ตรวจข้อมูล" เพื่อหาวันที่ที่พิมพ์ไว้แล้ว',
      status: 'action',
    };
  }
  return {
    id,
    topic,
    outcome: `day-first ${t.locale}`,
    seen,
    meaning: 'วันที่ที่พิมพ์แบบ วัน/เดือน/ปี ถูกอ่านถูกลำดับ',
    todo: t.locale === 'th_TH' ? '' : 'แนะนำให้ตั้งภูมิภาคเป็น ประเทศไทย (ไฟล์ → การตั้งค่า) เพื่อให้รูปแบบวันที่ตรงกับที่เจ้าหน้าที่คุ้นเคย',
    status: t.locale === 'th_TH' ? 'ok' : 'note',
  };
}

function typedInput_(o: Observations): Finding {
  const id = 'typedInput';
  const topic = 'ข้อความที่สคริปต์เขียนลงเซลล์ (setValues) ถูกแปลงหรือไม่';
  const t = o.typedInput;
  if (failed(t)) return failedFinding_(id, topic, t);
  const seen = t.cells.map((c) => `${c.typed} → ${seenText(c.value)}`).join(' · ');
  const outcome = t.cells.map((c) => `${c.typed}:${c.value.kind}`).join(' ');
  const guarded = t.cells.find((c) => c.typed.startsWith("'"));
  if (guarded?.value.kind !== 'string' || guarded.value.text !== guarded.typed.slice(1)) {
    return {
      id,
      topic,
      outcome: `${outcome} apostrophe-not-honoured`,
      seen,
      meaning:
        "ข้อความที่มีเครื่องหมาย ' นำหน้ายังถูกแปลง: ข้อความที่ส่วนเสริมคัดลอกลงชีตสรุปผลและรายงาน (เช่น เลขทะเบียน 0012 หรือชื่อที่ขึ้นต้นด้วย =) อาจเปลี่ยนไป",
      todo: `อย่าส่งรายงานที่สร้างจนกว่าผู้ดูแลระบบจะตรวจ · ${TELL_MAINTAINERS}`,
      status: 'action',
    };
  }
  const parsed = t.cells.filter((c) => c !== guarded && c.value.kind !== 'string').length;
  return {
    id,
    topic,
    outcome,
    seen,
    meaning:
      (parsed > 0 ? 'Sheets แปลงข้อความเป็นตัวเลข วันที่ หรือค่าจริง/เท็จ เหมือนตอนพิมพ์เอง' : 'Sheets เก็บข้อความไว้ตามที่เขียน') +
      ": ส่วนเสริมใส่เครื่องหมาย ' นำหน้าข้อความของเจ้าหน้าที่ทุกครั้งที่คัดลอก (ยืนยันแล้วว่าได้ผล) และอ่านค่าที่เจ้าหน้าที่พิมพ์เองได้ทั้งแบบตัวเลขและแบบข้อความ",
    todo: '',
    status: 'ok',
  };
}

function thaiSheetName_(o: Observations): Finding {
  const id = 'thaiSheetName';
  const topic = 'ชื่อชีตภาษาไทยที่มีวรรณยุกต์/ไม้หันอากาศ/การันต์ ในสูตร';
  const t = o.thaiSheetName;
  if (failed(t)) return failedFinding_(id, topic, t);
  const works = (v: CellSeen) => v.kind === 'number' && Number(v.text) === t.expected;
  const returned = (f: { written: string; formula: string }) => {
    if (f.formula === '') return 'none'; // the write itself was refused
    if (f.formula === f.written) return 'as-written';
    return f.formula.includes(`'${t.sheetName}'`) ? 'quoted' : 'unquoted';
  };
  const seen =
    `ไม่มี ' : ${t.unquoted.written} → ${seenText(t.unquoted.value)}, getFormula ให้ ${t.unquoted.formula}` +
    ` · มี ' : ${t.quoted.written} → ${seenText(t.quoted.value)}, getFormula ให้ ${t.quoted.formula}`;
  const outcome = `unquoted:${works(t.unquoted.value) ? 'accepted' : 'refused'}/${returned(t.unquoted)} quoted:${works(t.quoted.value) ? 'accepted' : 'refused'}/${returned(t.quoted)}`;
  if (!works(t.quoted.value)) {
    return {
      id,
      topic,
      outcome,
      seen,
      meaning: "สูตรที่อ้างชีตชื่อภาษาไทยแม้มีเครื่องหมาย ' ครอบก็อ่านค่าไม่ได้: ตารางอำเภอซึ่งอ่านชีตของแต่ละอำเภอด้วยวิธีนี้จะคำนวณไม่ได้",
      todo: TELL_MAINTAINERS,
      status: 'action',
    };
  }
  return {
    id,
    topic,
    outcome,
    seen,
    meaning:
      (works(t.unquoted.value) ? "Sheets รับชื่อแบบไม่มีเครื่องหมาย ' ด้วย" : "Sheets ไม่รับชื่อแบบไม่มีเครื่องหมาย '") +
      ": ส่วนเสริมใส่ ' รอบชื่อชีตในสูตรเสมอ และเทียบสูตรโดยไม่สนใจ ' และช่องว่าง การตั้งค่าซ้ำจึงไม่เขียนสูตรใหม่โดยไม่จำเป็น",
    todo: '',
    status: 'ok',
  };
}

/** What one probe case showed: the probe's answer, or the cell's value when it did not answer. */
function probeResult_(value: CellSeen): { answered: boolean; kind: string; text: string } {
  const answer = readProbeAnswer(value.kind === 'string' ? value.text : null);
  return answer
    ? { answered: true, kind: answer.kind, text: answer.text }
    : { answered: false, kind: value.kind, text: value.text };
}

function customFunctions_(o: Observations, live: LiveSeen | null): Finding[] {
  const topicErrors = 'เซลล์ที่เป็นข้อผิดพลาด (#DIV/0!, #REF!) ส่งถึงฟังก์ชันของส่วนเสริมหรือไม่';
  const topicVolatile = 'NOW() และ TODAY() ส่งถึงฟังก์ชันของส่วนเสริมหรือไม่';
  const c = o.customFunctions;
  if (failed(c))
    return [failedFinding_('errorArguments', topicErrors, c), failedFinding_('volatileArguments', topicVolatile, c)];
  const inRun = new Map(c.probes.map((p) => [p.probe, p.value] as const));
  const liveValues = live ? new Map(live.probes.map((p) => [p.probe, p.value] as const)) : null;
  const plainInRun = inRun.get('plain');
  const usable = (m: ReadonlyMap<ProbeCase, CellSeen> | null) => {
    const plain = m?.get('plain');
    return plain ? probeResult_(plain).answered : false;
  };
  const source: ReadonlyMap<ProbeCase, CellSeen> | null = usable(inRun)
    ? inRun
    : usable(liveValues)
      ? liveValues
      : null;
  const where = source === inRun ? 'สคริปต์อ่านในรอบนี้' : `ช่องตรวจสดที่ Sheets คำนวณหลังการตรวจครั้งก่อน (${live?.madeAt ?? ''})`;
  if (!source) {
    const seen = `ฟังก์ชันทดสอบ =OTOP_SELFCHECK(42) อ่านได้ ${plainInRun ? seenText(plainInRun) : '-'} แทนคำตอบของฟังก์ชัน`;
    const todo =
      'รอสักครู่ ดูช่อง "ตรวจสด" ในชีตนี้ (ควรขึ้นต้นด้วย OTOP:) แล้วกด "ตรวจสอบระบบ" อีกครั้ง: รอบถัดไปจะอ่านผลที่ Sheets คำนวณไว้';
    const meaning = 'Sheets คำนวณฟังก์ชันที่กำหนดเองแยกจากสคริปต์ สคริปต์จึงอาจยังไม่เห็นผลในรอบเดียวกัน (ไม่มีผลต่อการใช้งาน)';
    return [
      {
        id: 'errorArguments',
        topic: topicErrors,
        outcome: 'not-observable-in-run',
        seen,
        meaning,
        todo,
        status: 'note',
      },
      {
        id: 'volatileArguments',
        topic: topicVolatile,
        outcome: 'not-observable-in-run',
        seen,
        meaning,
        todo,
        status: 'note',
      },
    ];
  }
  const result = (which: ProbeCase) => {
    const v = source.get(which);
    return v ? probeResult_(v) : { answered: false, kind: 'empty', text: '' };
  };
  const describe = (which: ProbeCase, label: string) => {
    const r = result(which);
    return `${label} → ${r.answered ? `ฟังก์ชันได้รับ ${r.kind} "${r.text}"` : `ฟังก์ชันไม่ถูกเรียก เซลล์แสดง "${r.text}"`}`;
  };
  const error = result('errorCell');
  const errorFinding: Finding = {
    id: 'errorArguments',
    topic: topicErrors,
    outcome: `${error.answered ? 'passed' : 'blocked'} (${source === inRun ? 'in-run' : 'live'})`,
    seen: `${where}: ${describe('errorCell', '=OTOP_SELFCHECK(เซลล์ที่เป็น =1/0)')}`,
    meaning: error.answered
      ? 'ฟังก์ชันของส่วนเสริมได้รับข้อความข้อผิดพลาด และแจ้งเป็นภาษาไทยว่าค่านั้นใช้ไม่ได้'
      : `ถ้าชีตของอำเภอมีเซลล์ที่แสดงข้อผิดพลาด แถวของอำเภอนั้นในชีต "${SHEET.districts}" จะแสดงข้อผิดพลาดนั้นแทนผลงาน: "ตรวจข้อมูล" ชี้เซลล์นั้นให้แก้`,
    todo: '',
    status: 'ok',
  };
  const volatile = ['nowArgument', 'todayArgument', 'todayCell'].map((w) => result(w as ProbeCase));
  const passed = volatile.every((r) => r.answered);
  const none = volatile.every((r) => !r.answered);
  const volatileFinding: Finding = {
    id: 'volatileArguments',
    topic: topicVolatile,
    outcome: `now:${volatile[0].answered ? 'passed' : 'blocked'} today:${volatile[1].answered ? 'passed' : 'blocked'} todayCell:${volatile[2].answered ? 'passed' : 'blocked'} (${source === inRun ? 'in-run' : 'live'})`,
    seen: `${where}: ${[
      describe('nowArgument', '=OTOP_SELFCHECK(NOW())'),
      describe('todayArgument', '=OTOP_SELFCHECK(TODAY())'),
      describe('todayCell', '=OTOP_SELFCHECK(เซลล์ที่เป็น =TODAY())'),
    ].join(' · ')}`,
    meaning: passed
      ? 'Sheets ส่ง NOW()/TODAY() ให้ฟังก์ชันได้ แต่ผลจะไม่คำนวณใหม่เองทุกวัน จึงควรพิมพ์วันที่เป็นค่า'
      : `สูตรที่มี NOW() หรือ TODAY() ในชีตที่ตารางอำเภออ่าน (ชีตของอำเภอ ${SHEET.settings} ${SHEET.criteria} ${SHEET.baseline}) ทำให้ตารางอำเภอคำนวณไม่ได้${none ? '' : 'บางกรณี'}: ให้พิมพ์วันที่เป็นค่าแทนสูตร ("ตรวจข้อมูล" ชี้เซลล์แบบนี้ให้)`,
    todo: '',
    status: 'ok',
  };
  return [errorFinding, volatileFinding];
}

function owner_(o: Observations): Finding {
  const id = 'owner';
  const topic = 'เจ้าของไฟล์ (ไดรฟ์ของฉัน หรือไดรฟ์ที่แชร์)';
  const w = o.owner;
  if (failed(w)) return failedFinding_(id, topic, w);
  if (w.ownerDomain === null) {
    return {
      id,
      topic,
      outcome: 'no-owner',
      seen: 'getOwner() ไม่มีเจ้าของ: ไฟล์อยู่ในไดรฟ์ที่แชร์',
      meaning: `สิทธิ์ระดับจังหวัดมาจากรายชื่อในช่อง "${LABEL.provinceEditors}" ของชีต${SHEET.settings}เท่านั้น (ไม่มีเจ้าของไฟล์ที่มีสิทธิ์โดยอัตโนมัติ)`,
      todo: `ตรวจว่าช่อง "${LABEL.provinceEditors}" มีอีเมลของเจ้าหน้าที่จังหวัดอย่างน้อยหนึ่งคน`,
      status: 'note',
    };
  }
  return {
    id,
    topic,
    outcome: 'owner',
    seen: `มีเจ้าของไฟล์ (โดเมน ${w.ownerDomain})`,
    meaning: 'เจ้าของไฟล์มีสิทธิ์ระดับจังหวัดเสมอ และไม่ถูกตัดออกจากสิทธิ์ของชีตใด',
    todo: '',
    status: 'ok',
  };
}

function session_(o: Observations): Finding {
  const id = 'session';
  const topic = 'Google เปิดเผยอีเมลของผู้ที่กดหรือไม่';
  const s = o.session;
  if (failed(s)) return failedFinding_(id, topic, s);
  const shown = (d: string) => (d ? `เปิดเผย (โดเมน ${d})` : 'ไม่เปิดเผย (ว่าง)');
  const seen = `ผู้ใช้ที่กด (getActiveUser): ${shown(s.activeDomain)} · บัญชีที่สคริปต์ทำงาน (getEffectiveUser): ${shown(s.effectiveDomain)}`;
  const onlyMine =
    'ผลนี้เป็นของบัญชีที่กดตรวจเท่านั้น: ให้เจ้าหน้าที่อำเภอแต่ละคนเปิด "เปิดแผงควบคุม" ถ้าแผงแจ้งว่า Google ไม่เปิดเผยอีเมล ให้ใช้บัญชีที่ระบุในชีตตั้งค่า';
  if (s.activeDomain && s.effectiveDomain) {
    return {
      id,
      topic,
      outcome: 'both-revealed',
      seen,
      meaning: 'ส่วนเสริมรู้ว่าใครกด จึงตรวจสิทธิ์ได้',
      todo: onlyMine,
      status: 'ok',
    };
  }
  if (s.effectiveDomain) {
    return {
      id,
      topic,
      outcome: 'effective-only',
      seen,
      meaning: 'ส่วนเสริมใช้อีเมลของบัญชีที่สคริปต์ทำงาน (เมื่อกดจากเมนูคือบัญชีของผู้กดเอง) จึงยังตรวจสิทธิ์ได้',
      todo: onlyMine,
      status: 'note',
    };
  }
  return {
    id,
    topic,
    outcome: s.activeDomain ? 'active-only' : 'hidden',
    seen,
    meaning: s.activeDomain
      ? 'ส่วนเสริมใช้อีเมลของผู้ใช้ที่กด จึงยังตรวจสิทธิ์ได้'
      : 'ส่วนเสริมไม่รู้ว่าใครกด จึงไม่ยอมให้บัญชีนี้ตั้งค่าหรือสร้างรายงาน',
    todo: s.activeDomain ? onlyMine : 'ใช้บัญชีที่ระบุในชีตตั้งค่า (บัญชีของหน่วยงาน) แทนบัญชี Gmail ส่วนตัว',
    status: s.activeDomain ? 'note' : 'action',
  };
}

function intl_(o: Observations): Finding {
  const id = 'intl';
  const topic = 'ปฏิทินพุทธศักราชและเลขไทยใน Intl ของเครื่องแม่ข่าย Google';
  const { buddhist, thaiDigits } = o.intl;
  if (failed(buddhist)) return failedFinding_(id, topic, buddhist);
  const hasBuddhist = buddhist.calendar === 'buddhist' && /2565|๒๕๖๕/.test(buddhist.text);
  const digits = !failed(thaiDigits) && thaiDigits.numberingSystem === 'thai' && /[๐-๙]/.test(thaiDigits.text);
  const line = (s: IntlSeen | Failed) => (failed(s) ? `ใช้ไม่ได้ (${s.failed})` : `${s.locale} → "${s.text}"`);
  return {
    id,
    topic,
    outcome: `buddhist:${hasBuddhist ? 'yes' : 'no'} thaiDigits:${digits ? 'yes' : 'no'}`,
    seen: `${line(buddhist)} · ${line(thaiDigits)}`,
    meaning: `${hasBuddhist ? 'มี' : 'ไม่มี'}ปฏิทินพุทธศักราช และ${digits ? 'มี' : 'ไม่มี'}เลขไทย: ส่วนเสริมเขียนวันที่ไทยและเลขไทยด้วยตารางของตัวเอง ไม่ใช้ Intl จึงไม่กระทบ`,
    todo: '',
    status: 'ok',
  };
}

/** The fields that differ between a rule as set and as read back (colours compared ignoring case). */
function differences_(set: RuleFields, got: RuleFields | null, ignoreCase: readonly string[] = []): string[] {
  if (!got) return ['(อ่านกลับไม่ได้)'];
  return Object.keys(set).filter((k) => {
    const a = ignoreCase.includes(k) ? set[k].toLowerCase() : set[k];
    const b = ignoreCase.includes(k) ? (got[k] ?? '').toLowerCase() : got[k];
    return a !== b;
  });
}

function rules_(o: Observations): Finding {
  const id = 'rules';
  const topic = 'รายการเลือก (dropdown) และกฎสี อ่านกลับได้ตรงกับที่ตั้งหรือไม่';
  const r = o.rules;
  if (failed(r)) return failedFinding_(id, topic, r);
  const validation = differences_(r.validation.set, r.validation.got);
  const format = differences_(r.format.set, r.format.got, ['background', 'fontColor']);
  const caseOnly = format.length === 0 && r.format.got !== null && differences_(r.format.set, r.format.got).length > 0;
  const seen =
    `รายการเลือก: ${validation.length === 0 ? 'ตรงกัน' : `ต่างกันที่ ${validation.join(', ')}`}` +
    ` · กฎสี: ${format.length === 0 ? (caseOnly ? 'ตรงกัน (ต่างเพียงตัวพิมพ์ของรหัสสี)' : 'ตรงกัน') : `ต่างกันที่ ${format.join(', ')}`}`;
  const outcome = `validation:${validation.length === 0 ? 'round-trip' : 'differs'} format:${format.length === 0 ? 'round-trip' : 'differs'}`;
  if (r.format.got === null) {
    return {
      id,
      topic,
      outcome,
      seen,
      meaning: 'สคริปต์อ่านกฎสีของชีตกลับไม่ได้: การตั้งค่าซ้ำจะไม่เห็นกฎสีที่เจ้าหน้าที่ตั้งเอง และอาจเขียนทับจนหาย',
      todo: `อย่ากด "ตั้งค่า / ซ่อมแซมสมุดงาน" ซ้ำจนกว่าผู้ดูแลระบบจะตรวจ · ${TELL_MAINTAINERS}`,
      status: 'action',
    };
  }
  if (validation.length === 0 && format.length === 0) {
    return {
      id,
      topic,
      outcome,
      seen,
      meaning: 'การตั้งค่าซ้ำเห็นว่ารายการเลือกและกฎสีมีอยู่แล้ว จึงไม่เขียนใหม่ และเก็บกฎสีที่เจ้าหน้าที่ตั้งเองไว้',
      todo: '',
      status: 'ok',
    };
  }
  return {
    id,
    topic,
    outcome,
    seen,
    meaning:
      // set-up judges the sheets that already match from one Sheets API read (platform/sheetState.ts);
      // only a sheet repaired for another reason goes through these getters
      'ชีตที่การตั้งค่าซ้ำต้องซ่อมด้วยเหตุอื่นจะถูกเขียน' +
      [validation.length ? 'รายการเลือก' : '', format.length ? 'กฎสี' : ''].filter(Boolean).join('และ') +
      'ใหม่ด้วยแม้ส่วนนั้นไม่เปลี่ยน: ข้อมูลไม่เสีย (กฎสีของเจ้าหน้าที่ยังอยู่) แต่จะรายงานว่าชีตนั้นมีการเปลี่ยนและใช้เวลามากขึ้น',
    todo: TELL_MAINTAINERS,
    status: 'note',
  };
}

function timings_(o: Observations): Finding {
  const id = 'timings';
  const topic = 'เวลาที่ใช้ต่อการเรียกบริการของ Google';
  const t = o.timings;
  if (failed(t)) return failedFinding_(id, topic, t);
  const perCall = (t.getValues.ms + t.setValues.ms) / 2;
  const heaviestMs = HEAVIEST_CALLS * perCall;
  const slowGetters = t.getters.filter((g) => g.ms > FREE_GETTER_MS);
  const seen =
    `อ่าน ${t.getValues.cells.toLocaleString('en-US')} เซลล์ (getValues) ${t.getValues.ms} ms · เขียน ${t.setValues.cells.toLocaleString('en-US')} เซลล์ (setValues + flush) ${t.setValues.ms} ms · ` +
    t.getters.map((g) => `${g.name} ${g.ms} ms`).join(' · ');
  const estimate = `การเริ่มปีงบประมาณใหม่ (งานที่เรียกบริการมากที่สุด) เรียกราว ${HEAVIEST_CALLS} ครั้ง ≈ ${Math.round(heaviestMs / 1000)} วินาที`;
  const getterText =
    slowGetters.length > 0
      ? `; ${slowGetters.map((g) => g.name).join(', ')} ใช้เวลาเกิน ${FREE_GETTER_MS} ms ต่อครั้ง จำนวนครั้งใน README ที่ถือว่าเรียกได้ฟรีจึงประเมินเวลาต่ำไป`
      : '; การอ่านชื่อ รหัส และขนาดของชีตแทบไม่ใช้เวลา ตามที่จำนวนครั้งใน README ถือไว้';
  if (heaviestMs > HEAVIEST_LIMIT_MS) {
    return {
      id,
      topic,
      outcome: `slow per-call=${perCall}ms`,
      seen,
      meaning: `${estimate}${getterText}: ใกล้ขีดจำกัด 6 นาทีต่อการทำงานของ Apps Script`,
      todo: TELL_MAINTAINERS,
      status: 'action',
    };
  }
  return {
    id,
    topic,
    outcome: `per-call=${perCall}ms getters=${slowGetters.length === 0 ? 'free' : 'slow'}`,
    seen,
    meaning: `${estimate}${getterText}`,
    todo: slowGetters.length > 0 ? TELL_MAINTAINERS : '',
    status: slowGetters.length > 0 ? 'note' : 'ok',
  };
}

/** The server part's read: what every server execution waits for before it starts. */
function serverFile_(o: Observations): Finding {
  const id = 'serverFile';
  const topic = 'การอ่านส่วนการทำงานของส่วนเสริม (ไฟล์ Server.html)';
  const f = o.serverFile;
  if (failed(f)) return failedFinding_(id, topic, f);
  const seen = `อ่าน ${f.chars.toLocaleString('en-US')} ตัวอักษรใน ${f.ms} ms`;
  const what =
    'ทุกครั้งที่กดเมนู ปุ่มในแผงควบคุม เปิดหน้าเว็บบนมือถือ หรือการเตือนรายวันทำงาน ส่วนเสริมอ่านไฟล์นี้หนึ่งครั้งก่อนเริ่ม (สูตรในชีตไม่ต้องอ่าน จึงคำนวณเร็ว)';
  const slow = f.ms > SERVER_FILE_MS;
  const raw = f.via === 'raw';
  const rawWhy =
    f.firstError === undefined
      ? 'HtmlOutput.getContent ให้ข้อความที่ไม่ตรงกับไฟล์ ส่วนเสริมจึงอ่านไฟล์อีกครั้งด้วย HtmlTemplate.getRawContent: ทำงานได้ แต่ทุกการทำงานเรียกบริการเพิ่มอีกสองครั้ง'
      : `การอ่านครั้งแรกด้วย HtmlOutput.getContent ไม่สำเร็จ (${f.firstError}) ส่วนเสริมจึงอ่านไฟล์อีกครั้งด้วย HtmlTemplate.getRawContent: ถ้าตรวจอีกครั้งแล้วยังเป็นเช่นนี้ ทุกการทำงานเรียกบริการเพิ่มอีกสองครั้ง`;
  const meaning = raw
    ? `${what}: ${rawWhy}${slow ? ` และการอ่านใช้เวลาเกิน ${SERVER_FILE_MS} ms` : ''}`
    : slow
      ? `${what}: ใช้เวลาเกิน ${SERVER_FILE_MS} ms ทุกการทำงานจึงช้าลงเท่านั้น และจำนวนครั้งใน README ประเมินเวลาต่ำไป`
      : `${what}: ใช้เวลาไม่เกินการเรียกบริการสองครั้งตามที่จำนวนครั้งใน README ถือไว้`;
  const how = raw ? (f.firstError === undefined ? 'raw ' : 'raw after-failure ') : '';
  return {
    id,
    topic,
    outcome: `${how}${slow ? 'slow' : 'fast'} ms=${f.ms} chars=${f.chars}`,
    seen: raw ? `${seen} (อ่านครั้งที่สองด้วย getRawContent)` : seen,
    meaning,
    todo: slow || raw ? TELL_MAINTAINERS : '',
    status: slow || raw ? 'note' : 'ok',
  };
}
