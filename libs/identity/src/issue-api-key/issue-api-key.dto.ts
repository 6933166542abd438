import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ROLES, Role } from '../api-key.decider';

export class IssueApiKeyDto {
  @ApiProperty({ description: 'Who will use the key (a person or a system), recorded on every event it causes', example: 'operator.ivanova' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  actorId: string;

  @ApiProperty({ enum: ROLES, example: 'operator' })
  @IsIn(ROLES)
  role: Role;

  @ApiProperty({ description: 'What the key is for', example: 'Operator of the education department' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  label: string;
}

export class IssuedApiKeyDto {
  @ApiProperty() keyId: string;
  @ApiProperty({ description: 'The secret. Shown only in this response; okrug keeps only its hash.' }) secret: string;
  @ApiProperty() actorId: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty() department: string;
  @ApiProperty({ description: 'Global position of the recorded event' }) position: number;
}
