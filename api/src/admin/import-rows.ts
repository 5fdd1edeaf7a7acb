import { ORGANIZATION_KINDS } from '../organizations/organization.entity.js';
import { disputeTypeOf } from '../rules/dispute-types.js';
import { normalizePhone } from '../rules/phone.js';
import type { ImportRowError } from './admin-import.entity.js';

/**
 * The roster import template (GET /api/admin/imports/template): one sheet, one row per
 * organization or mediator, in this column order under a header row of the labels below (or the
 * column names themselves). `type` is `organization` or `mediator`; a mediator's `organization`
 * names an organization of the same file or one the court already has. Lists (specialities,
 * languages) are separated by `;`. Rows are numbered as in the spreadsheet (the header is row 1).
 */
export const IMPORT_COLUMNS = [
  'type',
  'name',
  'kind',
  'region',
  'contact',
  'username',
  'displayName',
  'organization',
  'phone',
  'admissionDate',
  'specialities',
  'languages',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export type RawRow = { row: number; cells: Partial<Record<ImportColumn, string>>; bad?: Partial<Record<ImportColumn, string>> };

export const IMPORT_HEADER_LABELS: Record<ImportColumn, string> = {
  type: '类型(organization/mediator)',
  name: '组织名称',
  kind: '组织类别(township/village/community/industry/court_invited)',
  region: '地区',
  contact: '联系人及电话',
  username: '调解员用户名',
  displayName: '调解员姓名',
  organization: '所属组织名称',
  phone: '手机号',
  admissionDate: '入册日期(YYYY-MM-DD)',
  specialities: '擅长案由代码(;分隔)',
  languages: '语言/方言(;分隔)',
};

/** Example rows of the template: one committee and one of its mediators. */
export const IMPORT_EXAMPLE_ROWS: Partial<Record<ImportColumn, string>>[] = [
  { type: 'organization', name: '丙安镇人民调解委员会', kind: 'township', region: '丙安镇', contact: '李主任 0851-22881234' },
  {
    type: 'mediator',
    username: 'bingan01',
    displayName: '王调解',
    organization: '丙安镇人民调解委员会',
    phone: '13800000000',
    admissionDate: '2026-01-05',
    specialities: 'neighbor_relations;sale_contract',
    languages: '普通话;赤水方言',
  },
];

export const MAX_IMPORT_ROWS = 20_000;

export interface OrganizationRow {
  type: 'organization';
  row: number;
  name: string;
  kind: string;
  region: string;
  contact: string | null;
}

export interface MediatorRow {
  type: 'mediator';
  row: number;
  username: string;
  displayName: string;
  organization: string;
  phone: string | null;
  admissionDate: string | null;
  specialities: string[];
  languages: string[];
}

export type ImportRow = OrganizationRow | MediatorRow;

/** As CreateUserDto: a letter first, stored in lower case. */
const USERNAME = /^[A-Za-z][A-Za-z0-9._-]{1,63}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
// C0 controls other than tab/newline, DEL, and the NUL a hostile file may carry.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** A cell a spreadsheet would run as a formula when the data is exported again (CSV injection). */
const FORMULA = /^[=@]|^[+-][^\d\s]/;
const list = (v: string) =>
  v
    .split(/[;；]/)
    .map((s) => s.trim())
    .filter(Boolean);

function isRealDate(d: string): boolean {
  const t = new Date(`${d}T00:00:00Z`);
  return DATE.test(d) && !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
}

/** Checks one row on its own; references and duplicates are checked over the whole file (crossCheck). */
export function parseRow(raw: RawRow, errors: ImportRowError[]): ImportRow | null {
  const { row } = raw;
  const before = errors.length;
  const err = (field: string, code: string, message: string) => errors.push({ row, field, code, message });
  const flagged = new Set<string>();
  for (const [field, code] of Object.entries(raw.bad ?? {})) {
    err(field, code, code === 'formula' ? '单元格不能是公式' : '单元格类型无效，应为文本');
    flagged.add(field);
  }
  for (const c of IMPORT_COLUMNS) {
    const v = raw.cells[c] ?? '';
    if (flagged.has(c)) continue;
    if (CONTROL.test(v)) {
      err(c, 'invalid_characters', '含有不可见的控制字符');
      flagged.add(c);
    } else if (FORMULA.test(v.trim())) {
      err(c, 'formula', '单元格不能以 = + - @ 开头（公式）');
      flagged.add(c);
    }
  }
  const v = (c: ImportColumn) => (flagged.has(c) ? '' : (raw.cells[c] ?? '').trim());
  const type = v('type').toLowerCase();
  if (type === 'organization') {
    if (!flagged.has('name') && (!v('name') || v('name').length > 200)) err('name', 'required', '组织名称必填（不超过200字）');
    if (!flagged.has('kind') && !(ORGANIZATION_KINDS as readonly string[]).includes(v('kind')))
      err('kind', 'invalid', `组织类别须为 ${ORGANIZATION_KINDS.join('/')}`);
    if (!flagged.has('region') && (!v('region') || v('region').length > 100)) err('region', 'required', '地区必填（不超过100字）');
    if (v('contact').length > 200) err('contact', 'too_long', '联系方式不超过200字');
    if (errors.length > before) return null;
    return { type, row, name: v('name'), kind: v('kind'), region: v('region'), contact: v('contact') || null };
  }
  if (type === 'mediator') {
    if (!flagged.has('username') && !USERNAME.test(v('username')))
      err('username', 'invalid', '用户名须为2–64位，字母开头，仅含字母、数字、点、下划线或连字符');
    if (!flagged.has('displayName') && (!v('displayName') || v('displayName').length > 100))
      err('displayName', 'required', '调解员姓名必填（不超过100字）');
    if (!flagged.has('organization') && !v('organization')) err('organization', 'required', '所属组织必填');
    const phone = v('phone') ? normalizePhone(v('phone')) : null;
    if (v('phone') && !phone) err('phone', 'invalid', '电话号码无效');
    if (v('admissionDate') && !isRealDate(v('admissionDate'))) err('admissionDate', 'invalid', '入册日期格式应为YYYY-MM-DD');
    const specialities = [...new Set(list(v('specialities')))];
    const unknown = specialities.find((s) => !disputeTypeOf(s));
    if (unknown) err('specialities', 'unknown', `未知案由代码：${unknown.slice(0, 40)}`);
    const languages = [...new Set(list(v('languages')))];
    if (languages.length > 20 || languages.some((l) => l.length > 30)) err('languages', 'too_long', '语言/方言最多20项，每项不超过30字');
    if (errors.length > before) return null;
    return {
      type,
      row,
      username: v('username').toLowerCase(),
      displayName: v('displayName'),
      organization: v('organization'),
      phone: phone && phone.length <= 20 ? phone : null,
      admissionDate: v('admissionDate') || null,
      specialities,
      languages,
    };
  }
  if (!flagged.has('type')) err('type', 'invalid', '类型须为 organization 或 mediator');
  return null;
}

/** What the database already holds, for the checks over the file. */
export interface ExistingRoster {
  organizations: ReadonlySet<string>;
  /** username → 'mediator' (one of this court's mediators: re-imported, unchanged) or 'taken'. */
  usernames: ReadonlyMap<string, 'mediator' | 'taken'>;
}

/** Duplicates within the file, mediators of unknown organizations, usernames held by another account. */
export function crossCheck(rows: readonly ImportRow[], existing: ExistingRoster, errors: ImportRowError[]): void {
  const orgs = new Map<string, number>();
  for (const r of rows) {
    if (r.type !== 'organization') continue;
    const first = orgs.get(r.name);
    if (first) errors.push({ row: r.row, field: 'name', code: 'duplicate', message: `与第${first}行的组织重名` });
    else orgs.set(r.name, r.row);
  }
  const users = new Map<string, number>();
  for (const r of rows) {
    if (r.type !== 'mediator') continue;
    const first = users.get(r.username);
    if (first) errors.push({ row: r.row, field: 'username', code: 'duplicate', message: `与第${first}行的用户名重复` });
    else users.set(r.username, r.row);
    if (existing.usernames.get(r.username) === 'taken')
      errors.push({ row: r.row, field: 'username', code: 'taken', message: `用户名 ${r.username} 已被其他账号使用` });
    if (!orgs.has(r.organization) && !existing.organizations.has(r.organization))
      errors.push({
        row: r.row,
        field: 'organization',
        code: 'unknown',
        message: `本文件和本院都没有组织“${r.organization.slice(0, 60)}”`,
      });
  }
}

/** A CSV file split on commas, with "quoted, fields" and "" escapes; a UTF-8 BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const csvField = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
/** With a BOM, so that Excel opens the file as UTF-8. */
export const toCsv = (rows: string[][]) => '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';

/** Header cells → column names: the template's labels or the column names themselves. */
export function columnsOf(header: string[]): (ImportColumn | null)[] {
  return header.map((h) => {
    const t = h.trim();
    return IMPORT_COLUMNS.find((c) => c === t || IMPORT_HEADER_LABELS[c] === t) ?? null;
  });
}
