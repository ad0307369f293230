import { IsISO8601, IsString, IsUUID, Length } from 'class-validator';

export class CreateLiveDto {
  @IsString()
  @Length(1, 200)
  title!: string;

  @IsUUID()
  storeId!: string;

  @IsISO8601({ strict: true })
  startsAt!: string;

  @IsISO8601({ strict: true })
  endsAt!: string;
}
