import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MediatorRosterEntry } from './mediator-roster.entity.js';
import { User } from './user.entity.js';

/** The accounts: court staff and the mediators of the organizations. */
@Module({
  imports: [TypeOrmModule.forFeature([User, MediatorRosterEntry])],
  exports: [TypeOrmModule],
})
export class UsersModule {}
