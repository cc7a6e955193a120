/**
 * The board สถานะการส่งรายงาน: each state's cell text (src/features/submissions/sheets/board.ts), and in the
 * workbook, each state's colour from the sheet's own conditional-format rules.
 */
import { effectiveFormat } from '../../../../dev/fakes';
import { CALENDAR_2565 } from '../../../../src/kernel/calendar';
import { dayOf } from '../../../../src/kernel/civilDate';
import { fiscalDuties, yearDuties } from '../../../../src/features/submissions/rules/duties';
import { boardGrid, STATUS_COLOURS } from '../../../../src/features/submissions/sheets/board';
import type { SubmissionRecord } from '../../../../src/features/submissions/sheets/submissions';
import { dutiesProvince, sheetValues, THA_BO } from '../../../support/duties';

/** A trusted record submitted on a day. */
function record(district: string, kind: 'month' | 'round', period: string, day: number, extra = {}): SubmissionRecord {
  return {
    row: 2,
    seq: 1,
    district,
    kind,
    period,
    fiscalYear: 2565,
    at: '2021-11-03T03:00:00.000Z',
    when: 'เมื่อ',
    day,
    number: 1,
    sentBy: 'x@y.th',
    onBehalf: false,
    to: 'จังหวัดหนองคาย',
    timeliness: 'ตรงเวลา',
    snapshot: null,
    trusted: true,
    ...extra,
  };
}

describe('the board’s cells', () => {
  const duties = fiscalDuties(CALENDAR_2565);
  const today = dayOf(2021, 12, 10);
  const grid = boardGrid(
    2565,
    ['ท่าบ่อ', 'สังคม'],
    duties,
    [
      record('ท่าบ่อ', 'month', '2021-10', dayOf(2021, 11, 5)), // on time, on the due day
      record('ท่าบ่อ', 'month', '2021-11', dayOf(2021, 12, 9)), // late 4 days
      record('สังคม', 'month', '2021-11', dayOf(2021, 12, 1), { trusted: false }), // edited by hand: not counted
    ],
    today,
  );
  const cell = (row: number, header: string) => grid.rows[row][grid.rows[3].indexOf(header)];

  test('a header of the twelve months and three rounds, then a line per district', () => {
    expect(grid.rows[3]).toEqual([
      'อำเภอ',
      'ต.ค. 64',
      'พ.ย. 64',
      'ธ.ค. 64',
      'ม.ค. 65',
      'ก.พ. 65',
      'มี.ค. 65',
      'เม.ย. 65',
      'พ.ค. 65',
      'มิ.ย. 65',
      'ก.ค. 65',
      'ส.ค. 65',
      'ก.ย. 65',
      'รอบที่ 1',
      'รอบที่ 2',
      'รอบที่ 3',
      'เลยกำหนด (รายการ)',
      'ส่งช้า (รายการ)',
    ]);
    expect(grid.rows[1].slice(0, 2)).toEqual(['สถานะ ณ วันที่', '10 ธันวาคม 2564']);
    expect(grid.statusRange).toBe('B5:P6');
  });

  test('ส่งแล้ว (date), ส่งช้า N วัน, เลยกำหนด ยังไม่ส่ง, ยังไม่ถึงกำหนด', () => {
    expect(cell(4, 'ต.ค. 64')).toBe('ส่งแล้ว 5 พ.ย. 64');
    expect(cell(4, 'พ.ย. 64')).toBe('ส่งช้า 4 วัน');
    expect(cell(4, 'ธ.ค. 64')).toBe('ยังไม่ถึงกำหนด');
    expect(cell(5, 'ต.ค. 64')).toBe('เลยกำหนด ยังไม่ส่ง');
    expect(cell(5, 'พ.ย. 64')).toBe('เลยกำหนด ยังไม่ส่ง'); // its only record failed its seal
    expect(cell(4, 'รอบที่ 1')).toBe('ยังไม่ถึงกำหนด');
    expect([cell(4, 'เลยกำหนด (รายการ)'), cell(4, 'ส่งช้า (รายการ)')]).toEqual([0, 1]);
    expect([cell(5, 'เลยกำหนด (รายการ)'), cell(5, 'ส่งช้า (รายการ)')]).toEqual([2, 0]);
  });

  test('each cell’s note: the duty, its due day, how late, each submission', () => {
    expect(grid.notes[0][0]).toBe(
      'รายงานประจำเดือน ตุลาคม 2564 (ปีงบประมาณ 2565)\nกำหนดส่ง 5 พฤศจิกายน 2564\nครั้งที่ 1: เมื่อ โดย x@y.th',
    );
    expect(grid.notes[1][0]).toBe(
      'รายงานประจำเดือน ตุลาคม 2564 (ปีงบประมาณ 2565)\nกำหนดส่ง 5 พฤศจิกายน 2564\nเลยกำหนดมา 35 วัน',
    );
  });

  test('the board says the September report is due in the next fiscal year', () => {
    expect(grid.rows[2].join(' ')).toContain('รายงานประจำเดือน กันยายน 2565 กำหนดส่ง 5 ต.ค. 65 ซึ่งอยู่ในปีงบประมาณ 2566');
  });

  test('in the next year, the previous year’s September report is a column of its own, named with its year', () => {
    const next = { fiscalYear: 2566, monthlyDueDay: 5, rounds: CALENDAR_2565.rounds.map((d) => d + 364) };
    const sept = record('ท่าบ่อ', 'month', '2022-09', dayOf(2022, 10, 7));
    const g = boardGrid(2566, ['ท่าบ่อ', 'สังคม'], yearDuties(next, [2565]), [sept], dayOf(2022, 10, 20));
    expect(g.rows[0][0]).toBe('สถานะการส่งรายงานของอำเภอ ปีงบประมาณ 2566');
    expect(g.rows[3].slice(0, 3)).toEqual(['อำเภอ', 'ก.ย. 65 (ปีงบ 2565)', 'ต.ค. 65']);
    expect(g.rows[4].slice(0, 2)).toEqual(['ท่าบ่อ', 'ส่งช้า 2 วัน']);
    expect(g.rows[5].slice(0, 2)).toEqual(['สังคม', 'เลยกำหนด ยังไม่ส่ง']);
    expect(g.rows[2].join(' ')).toContain('เป็นรายงานของปีงบประมาณ 2565');
  });
});

describe('the board in the workbook', () => {
  test('made at set-up; each state in its colour by native rules; rebuilt by a submission', () => {
    const h = dutiesProvince(new Date(2021, 11, 3, 10, 0));
    const board = h.run.spreadsheet.getSheetByName('สถานะการส่งรายงาน')!;
    // set-up made it on 3 Dec: October is overdue, November not yet due
    expect(sheetValues(h, 'สถานะการส่งรายงาน')[4].slice(0, 3)).toEqual(['ท่าบ่อ', 'เลยกำหนด ยังไม่ส่ง', 'ยังไม่ถึงกำหนด']);
    h.as(THA_BO).gas.sidebarSubmitMonthly('2021-10', true);
    h.as(THA_BO).gas.sidebarSubmitMonthly('2021-11', true);
    const values = sheetValues(h, 'สถานะการส่งรายงาน');
    expect(values[4].slice(0, 4)).toEqual(['ท่าบ่อ', 'ส่งช้า 28 วัน', 'ส่งแล้ว 3 ธ.ค. 64', 'ยังไม่ถึงกำหนด']);
    expect(values[5].slice(0, 3)).toEqual(['สังคม', 'เลยกำหนด ยังไม่ส่ง', 'ยังไม่ถึงกำหนด']);
    const colour = (row: number, col: number) => {
      const f = effectiveFormat(board, row, col);
      return { background: f.background, fontColor: f.fontColor };
    };
    expect(colour(5, 2)).toEqual(STATUS_COLOURS.late);
    expect(colour(5, 3)).toEqual(STATUS_COLOURS.onTime);
    expect(colour(6, 2)).toEqual(STATUS_COLOURS.overdue);
    expect(colour(6, 3)).toEqual(STATUS_COLOURS.notYetDue);
    // the rules are native ones on the duty cells, and the sheet is sized to its content
    const rules = board.getConditionalFormatRules();
    expect(
      rules.map((r) => [r.getRanges()[0].getA1Notation(), String(r.getBooleanCondition()?.getCriteriaType())]),
    ).toEqual([
      ['B5:P6', 'TEXT_STARTS_WITH'],
      ['B5:P6', 'TEXT_STARTS_WITH'],
      ['B5:P6', 'TEXT_EQUAL_TO'],
      ['B5:P6', 'TEXT_EQUAL_TO'],
    ]);
    expect([board.getMaxRows(), board.getMaxColumns(), board.getFrozenRows(), board.getFrozenColumns()]).toEqual([
      6, 18, 4, 1,
    ]);
    // the officers' own rules are kept through a rebuild
    const own = h.run.services.SpreadsheetApp.newConditionalFormatRule()
      .whenCellEmpty()
      .setBackground('#000000')
      .setRanges([board.getRange('A1')])
      .build();
    board.setConditionalFormatRules([own, ...board.getConditionalFormatRules()]);
    h.book.clock.set(new Date(2021, 11, 20, 10, 0));
    h.gas.sidebarSubmitMonthly('2021-10', true, 'สังคม');
    expect(board.getConditionalFormatRules()).toHaveLength(5);
  });
});
