import { Controller, Get, Query } from '@nestjs/common';
import { IsUUID } from 'class-validator';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/tokens.js';
import { GroupReportsService } from './groups.report.js';
import { PeriodQueryDto } from './reports.dto.js';
import { OptionalNotNull } from '../common/validation.js';

export class GroupReportQueryDto extends PeriodQueryDto {
  @OptionalNotNull()
  @IsUUID()
  guideId?: string;
}

/** WeChat group (社群) attribution: per group, and repurchase through groups vs not. */
@Controller()
export class GroupReportsController {
  constructor(private readonly groups: GroupReportsService) {}

  @Roles('admin', 'finance')
  @Get('reports/groups')
  report(@Query() query: GroupReportQueryDto) {
    return this.groups.groups(query);
  }

  /** The signed-in guide's own groups. */
  @Roles('guide')
  @Get('guides/me/groups')
  mine(@CurrentUser() user: Principal, @Query() query: PeriodQueryDto) {
    return this.groups.groups({ from: query.from, to: query.to, guideId: user.sub });
  }

  @Roles('admin', 'finance')
  @Get('reports/group-repurchase')
  repurchase(@Query() query: PeriodQueryDto) {
    return this.groups.repurchase(query);
  }
}
