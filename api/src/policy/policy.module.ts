import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PolicyController } from './policy.controller.js';
import { PolicyVersionEntity } from './policy.entity.js';
import { PolicyService } from './policy.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([PolicyVersionEntity])],
  controllers: [PolicyController],
  providers: [PolicyService],
  exports: [PolicyService],
})
export class PolicyModule {}
