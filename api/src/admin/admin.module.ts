import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AdminController } from './admin.controller.js';
import { AdminService } from './admin.service.js';

/** 系统管理 (issue 15): accounts, court settings and the administration trail. */
@Module({
  imports: [AuditModule],
  controllers: [AdminController],
  providers: [AdminService],
})
export class AdminModule {}
