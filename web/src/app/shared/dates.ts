const CHINA_DATE_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

const CHINA_DATE_PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** An ISO instant shown in China time: "2026/11/20 14:05". */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : CHINA_DATE_TIME.format(date);
}

/** Today's calendar date in China (YYYY-MM-DD), whatever the browser's time zone. */
export function todayInChina(now: Date = new Date()): string {
  return CHINA_DATE_PARTS.format(now);
}

/** A date picked in the browser (local midnight) as YYYY-MM-DD. */
export function toIsoDate(date: Date | null | undefined): string | null {
  if (!date || Number.isNaN(date.getTime())) return null;
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** YYYY-MM-DD as a local Date for a date picker. */
export function fromIsoDate(value: string | null | undefined): Date | null {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}

/** The last instant of a legal date: a deadline "on" 2026-11-23 runs until 23:59:59 China time. */
export function endOfChinaDay(isoDate: string): number {
  return new Date(`${isoDate}T23:59:59.999+08:00`).getTime();
}

/** A countdown such as "2天3小时" / "45分钟", or "已超期" once past. */
export function formatCountdown(msLeft: number): string {
  if (msLeft <= 0) return '已超期';
  const minutes = Math.floor(msLeft / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days}天${hours}小时`;
  if (hours > 0) return `${hours}小时${mins}分钟`;
  return `${Math.max(mins, 1)}分钟`;
}
