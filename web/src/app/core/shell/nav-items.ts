import { Role } from '../auth/auth-models';

export interface NavItem {
  label: string;
  link: string;
}

export const NAV_ITEMS: Record<Role, NavItem[]> = {
  clerk: [
    { label: '新收案件登记', link: '/clerk/cases/new' },
    { label: '案件列表', link: '/clerk/cases' },
    { label: '回访工作台', link: '/clerk/followups' },
    { label: '期限计算器', link: '/tools/deadline' },
  ],
  mediator: [
    { label: '待领取案件', link: '/mediator/queue' },
    { label: '我的案件', link: '/mediator/cases' },
    { label: '回访工作台', link: '/mediator/followups' },
    { label: '期限计算器', link: '/tools/deadline' },
  ],
  judge: [
    { label: '司法确认审查', link: '/judge/desk' },
    { label: '统计分析', link: '/stats' },
    { label: '期限计算器', link: '/tools/deadline' },
  ],
  statistician: [{ label: '统计分析', link: '/stats' }],
  admin: [
    { label: '用户管理', link: '/admin/users' },
    { label: '调解组织与名册', link: '/admin/roster' },
    { label: '批量导入', link: '/admin/import' },
    { label: '本院设置', link: '/admin/settings' },
    { label: '工作日历', link: '/admin/calendar' },
    { label: '管理操作记录', link: '/admin/activity' },
    { label: '案件列表', link: '/clerk/cases' },
    { label: '统计分析', link: '/stats' },
    { label: '期限计算器', link: '/tools/deadline' },
  ],
};
