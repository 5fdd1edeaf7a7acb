/** Chinese names for audit event types (`case.registered` …); unknown types are shown as sent. */
const EVENT_LABELS: Record<string, string> = {
  registered: '立案登记',
  delegated: '委派调解',
  claimed: '调解员领取案件',
  released: '退回案件队列',
  declined: '调解员拒绝委派，退回法院',
  session_recorded: '记录调解过程',
  extended: '延长调解期限',
  agreed: '达成调解协议',
  failed: '调解不成，终结调解',
  withdrawn: '申请人撤回，终结调解',
  confirmation_applied: '申请司法确认',
  confirmed: '裁定确认调解协议有效',
  confirmation_rejected: '裁定驳回确认申请',
};

const OTHER_LABELS: Record<string, string> = {
  'party.unmasked_read': '查阅当事人完整身份信息',
};

export function eventLabel(type: string): string {
  if (OTHER_LABELS[type]) return OTHER_LABELS[type];
  const name = type.startsWith('case.') ? type.slice('case.'.length) : type;
  return EVENT_LABELS[name] ?? type;
}
