import { IsUUID } from 'class-validator';
import { Reason } from '../common/dto-fields.js';

export class CorrectAttributionDto {
  @IsUUID()
  guideId!: string;

  @Reason()
  reason!: string;
}
