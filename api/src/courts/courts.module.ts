import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Court, CourtPopulation } from './court.entity.js';

/** The courts (code, default track, workload cap, population for the litigation rate). */
@Module({
  imports: [TypeOrmModule.forFeature([Court, CourtPopulation])],
  exports: [TypeOrmModule],
})
export class CourtsModule {}
