import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'clerk1' })
  @IsString() @IsNotEmpty() @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'sutiao-demo' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  password: string;
}
