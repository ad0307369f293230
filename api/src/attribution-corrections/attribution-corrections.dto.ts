import { IsString, IsUUID, Length, Matches } from 'class-validator';

export class CorrectAttributionDto {
  @IsUUID()
  guideId!: string;

  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}
