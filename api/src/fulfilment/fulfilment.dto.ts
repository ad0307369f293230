import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsString, IsUUID, Length, Matches, ValidateIf, ValidateNested } from 'class-validator';
import type { FulfilmentRequest, FulfilmentType } from '@guideshare/contracts';
import { AppError } from '../common/app-error.js';
import { NonBlank } from '../common/dto-fields.js';

/** A delivery address (the fields of `wx.chooseAddress`: userName, telNumber, provinceName, …). */
export class DeliveryAddressDto {
  @NonBlank(50)
  name!: string;

  @IsString()
  @Matches(/^\+?[0-9][0-9 -]{4,30}$/, { message: 'phone must be a phone number' })
  phone!: string;

  @IsString()
  @Length(1, 50)
  province!: string;

  @IsString()
  @Length(1, 50)
  city!: string;

  /** Some cities (东莞, 中山 …) have no district level: empty is allowed. */
  @IsString()
  @Length(0, 50)
  district!: string;

  @NonBlank(200)
  detail!: string;
}

/** `fulfilment` of `POST /api/orders`: `{type: "delivery", address}` or `{type: "pickup", storeId}`. */
export class FulfilmentDto {
  @IsIn(['delivery', 'pickup'])
  type!: FulfilmentType;

  @ValidateIf((o: FulfilmentDto) => o.type === 'delivery' || o.address !== undefined)
  @IsDefined({ message: 'a delivery needs an address' })
  @ValidateNested()
  @Type(() => DeliveryAddressDto)
  address?: DeliveryAddressDto;

  @ValidateIf((o: FulfilmentDto) => o.type === 'pickup' || o.storeId !== undefined)
  @IsUUID(undefined, { message: 'a pickup needs the storeId of the chosen store' })
  storeId?: string;
}

export class ShipmentDto {
  @NonBlank(50)
  carrier!: string;

  @IsString()
  @Length(1, 64)
  @Matches(/^[A-Za-z0-9-]+$/, { message: 'trackingNo must be letters, digits and dashes' })
  trackingNo!: string;
}

export class PickupDto {
  @IsString()
  @Matches(/^[0-9]{8}$/, { message: 'pickupCode is 8 digits' })
  pickupCode!: string;
}

/** The validated body as the contract's union; a field of the other type (an address on a pickup) is a 400. */
export function fulfilmentRequestOf(dto: FulfilmentDto): FulfilmentRequest {
  if (dto.type === 'pickup' && dto.address === undefined) return { type: 'pickup', storeId: dto.storeId! };
  if (dto.type === 'delivery' && dto.storeId === undefined) {
    const { name, phone, province, city, district, detail } = dto.address!;
    return { type: 'delivery', address: { name: name.trim(), phone, province, city, district, detail: detail.trim() } };
  }
  const field = dto.type === 'pickup' ? 'address' : 'storeId';
  throw AppError.badRequest('VALIDATION_FAILED', 'The request body is not valid', [
    { field: `fulfilment.${field}`, message: `a ${dto.type} has no ${field}` },
  ]);
}
