import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { HttpSmsGateway } from './http-sms-gateway.js';
import { OutboxSmsGateway } from './outbox-sms-gateway.js';
import { SmsGateway } from './sms-gateway.js';
import { SmsOutboxMessage } from './sms-outbox.entity.js';

/** Text messages to parties (sign-in codes, signatures, reminders) through the gateway SMS_GATEWAY selects. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([SmsOutboxMessage])],
  providers: [
    {
      provide: SmsGateway,
      inject: [APP_CONFIG, DataSource],
      useFactory: (config: AppConfig, ds: DataSource): SmsGateway =>
        config.sms.gateway === 'http' ? new HttpSmsGateway(config.sms) : new OutboxSmsGateway(ds),
    },
  ],
  exports: [SmsGateway],
})
export class SmsModule {}
