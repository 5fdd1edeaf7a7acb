import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { consentsToElectronicService, Obligation } from '../case-records/obligation.entity.js';
import { Party } from '../case-records/party.entity.js';
import { Clock } from '../common/clock.js';
import { Court } from '../courts/court.entity.js';
import { addCalendarDays } from '../rules/calendar.js';
import { toChineseDate } from '../rules/chinese-date.js';
import { formatMoney } from '../rules/money.js';
import { isInDefault, lastDayToPay, outstandingFen, reminderDay } from '../rules/obligations.js';
import { SMS_MAX_LENGTH, SmsGateway } from '../sms/sms-gateway.js';

/** How often each instance looks for reminders to send (each is sent once whichever instance finds it). */
const INTERVAL_MS = 15 * 60 * 1000;

/** Reminders look this many calendar days ahead at most (lead days are working days, at most a few weeks). */
const HORIZON_DAYS = 60;

/**
 * The daily follow-up job: reminds obligors N working days (the court's `reminderLeadDays`)
 * before a due date, turns obligations `defaulted` the day after their last day to pay, and tells
 * the obligee how to apply for enforcement. Safe with several app instances: every message is
 * guarded by a row of `obligation_reminders` (unique per obligation, kind and due date) inserted
 * with ON CONFLICT DO NOTHING in the same transaction as the outbox write, and a default takes
 * the obligation's row lock and re-reads its status.
 */
@Injectable()
export class ReminderJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReminderJob.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly sms: SmsGateway,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running = this.runNow().catch((e: Error) => this.logger.warn(`Follow-up reminders failed: ${e.message}`));
    }, INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Runs the job once, now (the timer calls it; tests call it directly). */
  async runNow(): Promise<{ reminded: number; defaulted: number }> {
    const today = this.calendar.today();
    const courts = await this.dataSource.getRepository(Court).find();
    let reminded = 0;
    let defaulted = 0;
    for (const court of courts) {
      const cal = this.calendar.calendar(court.id);
      const open = await this.dataSource
        .getRepository(Obligation)
        .createQueryBuilder('o')
        .where('o.courtId = :court', { court: court.id })
        .andWhere(`o.status IN ('due','partially_performed')`)
        .andWhere('o.dueOn <= :horizon', { horizon: addCalendarDays(today, HORIZON_DAYS) })
        .orderBy('o.dueOn', 'ASC')
        .getMany();
      for (const o of open) {
        if (isInDefault(o, today, cal)) {
          if (await this.markDefaulted(court, o.id, today)) defaulted += 1;
        } else if (reminderDay(o.dueOn, court.reminderLeadDays, cal) <= today && today <= lastDayToPay(o.dueOn, cal)) {
          if (await this.remind(court, o)) reminded += 1;
        }
      }
    }
    return { reminded, defaulted };
  }

  /** Claims the reminder row; only the transaction that inserted it sends. */
  private claim(m: EntityManager, obligationId: string, kind: 'reminder' | 'default_notice', dueOn: string, sent: boolean) {
    return m
      .query(
        `INSERT INTO obligation_reminders (obligation_id, kind, due_on, sent, at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (obligation_id, kind, due_on) DO NOTHING RETURNING id`,
        [obligationId, kind, dueOn, sent, this.clock.now()],
      )
      .then((rows: unknown[]) => rows.length === 1);
  }

  private async remind(court: Court, o: Obligation): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const obligor = await m.findOne(Party, { where: { id: o.obligorPartyId } });
      const obligee = await m.findOne(Party, { where: { id: o.obligeePartyId } });
      const [c] = (await m.query('SELECT case_number FROM cases WHERE id = $1', [o.caseId])) as { case_number: string }[];
      const reachable = !!obligor?.phone && consentsToElectronicService(obligor);
      if (!(await this.claim(m, o.id, 'reminder', o.dueOn, reachable))) return false;
      if (reachable) {
        const text = `【${court.name}】${obligor!.name}：您在${c!.case_number}调解协议中应于${toChineseDate(o.dueOn)}前向${obligee?.name ?? '权利人'}履行${formatMoney(outstandingFen(o))}元，请按期履行。如已履行，请告知调解员。`;
        await this.sms.send(
          {
            phone: obligor!.phone!,
            text: text.slice(0, SMS_MAX_LENGTH),
            purpose: 'obligation_reminder',
            courtId: court.id,
            caseId: o.caseId,
          },
          m,
        );
      }
      await this.audit.append(m, {
        caseId: o.caseId,
        type: 'obligation.reminded',
        at: this.clock.now(),
        actor: null,
        data: { obligationId: o.id, dueOn: o.dueOn, sent: reachable },
      });
      return true;
    });
  }

  private async markDefaulted(court: Court, obligationId: string, today: string): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const o = await m.findOne(Obligation, { where: { id: obligationId }, lock: { mode: 'pessimistic_write' } });
      if (!o || !isInDefault(o, today, this.calendar.calendar(court.id))) return false;
      const from = o.status;
      o.status = 'defaulted';
      o.version += 1;
      o.updatedAt = this.clock.now();
      await m.save(Obligation, o);
      const obligee = await m.findOne(Party, { where: { id: o.obligeePartyId } });
      const [c] = (await m.query('SELECT case_number, status FROM cases WHERE id = $1', [o.caseId])) as {
        case_number: string;
        status: string;
      }[];
      const reachable = !!obligee?.phone && consentsToElectronicService(obligee);
      if ((await this.claim(m, o.id, 'default_notice', o.dueOn, reachable)) && reachable) {
        const how =
          c!.status === 'confirmed'
            ? '该调解协议已经人民法院司法确认，您可以依照《中华人民共和国民事诉讼法》第二百零六条的规定向作出确认裁定的人民法院申请强制执行。'
            : '调解协议经人民法院司法确认后，您可以依照《中华人民共和国民事诉讼法》第二百零六条向人民法院申请强制执行；尚未确认的，可申请司法确认或向人民法院提起诉讼。';
        const text = `【${court.name}】${obligee!.name}：${c!.case_number}调解协议约定于${toChineseDate(o.dueOn)}履行的${formatMoney(outstandingFen(o))}元，义务人未按期履行。${how}`;
        await this.sms.send(
          {
            phone: obligee!.phone!,
            text: text.slice(0, SMS_MAX_LENGTH),
            purpose: 'obligation_default',
            courtId: court.id,
            caseId: o.caseId,
          },
          m,
        );
      }
      await this.audit.append(m, {
        caseId: o.caseId,
        type: 'obligation.defaulted',
        at: this.clock.now(),
        actor: null,
        data: { obligationId: o.id, from, dueOn: o.dueOn, outstandingFen: outstandingFen(o).toString(), obligeeNotified: reachable },
      });
      return true;
    });
  }
}
