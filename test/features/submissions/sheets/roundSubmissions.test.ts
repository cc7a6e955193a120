/**
 * withRoundSubmissions (submissions.ts): a district that has not submitted the round shows its
 * live evidence, and the summary lists every district's in the district table's order, each
 * district's in the order counted, whatever order the live standing holds them in.
 */
import { CRITERIA_2565 } from '../../../../src/kernel/criteria';
import type { Standing } from '../../../../src/features/standing/sheets/standing';
import { withRoundSubmissions } from '../../../../src/features/submissions/sheets/submissions';

/** A district of the live standing that cannot be counted (its figures are not this test's). */
const district = (name: string) => ({
  district: name,
  figures: { registered: 0, promoted: 0, problems: [] },
  result: null,
  problem: 'นับไม่ได้',
  activityGoal: 0,
  channelGoal: 0,
  channelNames: [],
});

describe('withRoundSubmissions: the live evidence of districts that have not submitted', () => {
  test("lists each district's activities and new operators in table order, each in its own order", () => {
    const live = {
      asOf: 0,
      districts: [district('ท่าบ่อ'), district('สังคม'), district('ศรีเชียงใหม่')],
      total: null,
      activities: [
        { districtName: 'สังคม', row: 1 },
        { districtName: 'ท่าบ่อ', row: 2 },
        { districtName: 'สังคม', row: 3 },
        { districtName: 'ที่อื่น', row: 4 },
      ],
      newOperators: [
        { districtName: 'ศรีเชียงใหม่', row: 5 },
        { districtName: 'ท่าบ่อ', row: 6 },
        { districtName: 'ศรีเชียงใหม่', row: 7 },
      ],
    } as unknown as Standing;
    const { standing, sources } = withRoundSubmissions(live, [], 1, CRITERIA_2565, 'registered', 2565);
    const listed = (list: readonly { districtName: string; row: number }[]) =>
      list.map((e) => `${e.districtName} ${e.row}`);
    expect(listed(standing.activities as never)).toEqual(['ท่าบ่อ 2', 'สังคม 1', 'สังคม 3']);
    expect(listed(standing.newOperators as never)).toEqual(['ท่าบ่อ 6', 'ศรีเชียงใหม่ 5', 'ศรีเชียงใหม่ 7']);
    expect(sources).toEqual(Array(3).fill('ข้อมูลปัจจุบัน (อำเภอยังไม่ส่ง)'));
  });
});
