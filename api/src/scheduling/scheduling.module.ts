import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LeaseEntity } from './lease.entity.js';
import { Sweeps } from './sweeps.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([LeaseEntity])],
  providers: [Sweeps],
  exports: [Sweeps],
})
export class SchedulingModule {}
