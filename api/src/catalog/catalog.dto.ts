import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  NotEquals,
  ValidateNested,
  IsUrl,
} from 'class-validator';
import { RateBps } from '../common/dto-fields.js';
import { OptionalNotNull } from '../common/validation.js';

const MAX_IMAGES = 20;
/** An image: an absolute http(s) URL or a path served by this API (`/api/uploads/…`). */
const IMAGE_URL = /^(https?:\/\/[^\s]+|\/api\/uploads\/[0-9a-f]{64})$/;
const IMAGE_URL_MESSAGE = 'each image must be an http(s) URL or an /api/uploads/… path';

/** An optional (never null) gallery: at most 20 image URLs. */
const ImageUrls = () =>
  applyDecorators(
    OptionalNotNull(),
    IsArray(),
    ArrayMaxSize(MAX_IMAGES),
    IsString({ each: true }),
    Length(1, 500, { each: true }),
    Matches(IMAGE_URL, { each: true, message: IMAGE_URL_MESSAGE }),
  );

export class CreateCategoryDto {
  @IsString()
  @Length(1, 100)
  name!: string;

  @OptionalNotNull()
  @RateBps()
  commissionRateBps?: number;
}

export class CreateSkuDto {
  @IsString()
  @Length(1, 100)
  name!: string;

  @IsInt()
  @Min(1)
  @Max(100_000_000)
  priceFen!: number;

  @IsInt()
  @Min(0)
  @Max(10_000_000)
  stock!: number;
}

export class CreateProductDto {
  @IsString()
  @Length(1, 200)
  name!: string;

  @IsUUID()
  categoryId!: string;

  @OptionalNotNull()
  @RateBps()
  commissionRateBps?: number;

  @OptionalNotNull()
  @IsUrl({ require_tld: false, require_protocol: false })
  imageUrl?: string;

  /** The gallery; when given, `imageUrl` is its first image. */
  @ImageUrls()
  imageUrls?: string[];

  @OptionalNotNull()
  @IsString()
  @Length(0, 5000)
  description?: string;

  /** A new product is on sale unless created with `onSale: false`. */
  @OptionalNotNull()
  @IsBoolean()
  onSale?: boolean;

  @ValidateNested({ each: true })
  @Type(() => CreateSkuDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  skus!: CreateSkuDto[];
}

export class UpdateCategoryDto {
  @OptionalNotNull()
  @IsString()
  @Length(1, 100)
  name?: string;

  @OptionalNotNull()
  @RateBps()
  commissionRateBps?: number;
}

export class UpdateProductDto {
  @OptionalNotNull()
  @IsString()
  @Length(1, 200)
  name?: string;

  @OptionalNotNull()
  @IsUUID()
  categoryId?: string;

  @OptionalNotNull()
  @IsString()
  @Length(0, 5000)
  description?: string;

  @ImageUrls()
  imageUrls?: string[];

  @OptionalNotNull()
  @RateBps()
  commissionRateBps?: number;

  @OptionalNotNull()
  @IsBoolean()
  onSale?: boolean;
}

export class UpdateSkuDto {
  @OptionalNotNull()
  @IsString()
  @Length(1, 100)
  name?: string;

  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  priceFen?: number;
}

export class StockAdjustmentDto {
  /** Signed: + a delivery or a count found, − damage or a count missing. */
  @IsInt()
  @NotEquals(0)
  @Min(-10_000_000)
  @Max(10_000_000)
  delta!: number;

  @IsString()
  @Length(1, 200)
  reason!: string;
}

/** `GET /api/products?categoryId&q`: the storefront's category tab and search box. */
export class ListProductsQuery {
  @OptionalNotNull()
  @IsUUID()
  categoryId?: string;

  /** Words to find in the name or description (each must appear). */
  @OptionalNotNull()
  @IsString()
  @Length(1, 50)
  q?: string;
}
