// `npm start`: loads the built bundle as Apps Script would (one global scope, no Node globals)
// and prints the letter's nine districts with the targets and levels the add-on computes.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script, createContext } from 'node:vm';

process.env.TZ = 'Asia/Bangkok';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const gas = createContext({});
new Script(readFileSync(join(root, 'dist', 'Code.js'), 'utf8')).runInContext(gas);

// The letter's table (enclosure 1): district, registered (Sep 2564), promoted in 2564.
const districts = [
  ['เมืองหนองคาย', 241, 16], ['โพนพิสัย', 102, 18], ['ท่าบ่อ', 74, 12], ['รัตนวาปี', 115, 10],
  ['เฝ้าไร่', 93, 20], ['ศรีเชียงใหม่', 39, 16], ['สระใคร', 62, 16], ['สังคม', 63, 6], ['โพธิ์ตาก', 29, 4],
];
// Example results, to show each level (not real data).
const examples = [[5, 3, 12], [4, 2, 4], [3, 1, 3], [2, 1, 2], [0, 1, 1], [5, 3, 2], [1, 0, 0], [5, 3, 3], [5, 3, 1]];

const call = (name, ...args) => gas[name](...args);
console.log('OTOP marketing-channel KPI, FY 2565 — targets of the letter and example levels\n');
console.log(['อำเภอ', 'ลงทะเบียน', 'เป้า 5%', 'ตัวอย่างผล (กิจกรรม/ช่องทาง/ราย)', 'คะแนน', 'ระดับ', 'ขั้นต่อไป'].join(' | '));
let total = 0;
districts.forEach(([name, registered], i) => {
  const [a, c, n] = examples[i];
  const target = call('OTOP_TARGET', registered);
  total += target;
  console.log([name, registered, target, `${a}/${c}/${n}`, call('OTOP_SCORE', a, c, n, registered), call('OTOP_LEVEL', a, c, n, registered), call('OTOP_NEXT', a, c, n, registered)].join(' | '));
});
console.log(`\nรวม: ลงทะเบียน ${districts.reduce((s, d) => s + d[1], 0)}, ส่งเสริมแล้ว ${districts.reduce((s, d) => s + d[2], 0)}, เป้ากิจกรรม ${districts.length * 5}, เป้าผู้ประกอบการ ${total}`);
