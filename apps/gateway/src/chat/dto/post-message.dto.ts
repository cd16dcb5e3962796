import { IsArray, IsBoolean, IsOptional, IsString } from 'class-validator';

export class PostMessageDto {
  @IsOptional()
  roomId?: string | string[];

  @IsOptional()
  channel?: string | string[];

  @IsOptional()
  @IsString()
  text?: string;

  @IsOptional()
  @IsString()
  alias?: string;

  @IsOptional()
  @IsString()
  emoji?: string;

  @IsOptional()
  @IsString()
  avatar?: string;

  @IsOptional()
  @IsArray()
  attachments?: Record<string, unknown>[];

  @IsOptional()
  @IsString()
  tmid?: string;

  @IsOptional()
  @IsBoolean()
  parseUrls?: boolean;

  @IsOptional()
  @IsBoolean()
  groupable?: boolean;
}
