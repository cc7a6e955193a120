/** Where a district table's formulas read, as set-up quotes them: the table tests' fixture. */
import type { TableRefs } from '../../src/features/setup/sheets/districtTable';

/** The references of a workbook set up with the letter's sheet names. */
export const TABLE_REFS: TableRefs = {
  baseline: "'ฐาน ๒๕๖๔'!A1:C",
  settings: "'ตั้งค่า'!$A$1:$C",
  criteria: "'เกณฑ์'!$A$2:$H$8",
  channels: "'เกณฑ์'!$A$12:$Z",
  topActivities: "'เกณฑ์'!$C$3",
  topChannels: "'เกณฑ์'!$D$3",
  basis: "'ตั้งค่า'!$B$10",
};
