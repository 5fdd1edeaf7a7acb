import { ApiProperty } from '@nestjs/swagger';
import { uuid } from '../common/api-docs.js';
import { ROLES, type Role } from '../users/user.entity.js';

/** The caller as the token carries it. */
export class AuthUserView {
  @ApiProperty(uuid()) id: string;
  @ApiProperty({ example: 'clerk1' }) username: string;
  @ApiProperty({ example: '立案庭 李书记员' }) displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty(uuid()) courtId: string;
  @ApiProperty(uuid({ nullable: true, description: 'Mediators: their mediation organization' })) organizationId: string | null;
}

export class LoginResponse {
  @ApiProperty({ description: 'Bearer token (JWT)', example: 'eyJhbGciOiJIUzI1NiJ9.e30.sig' }) accessToken: string;
  @ApiProperty({ type: AuthUserView }) user: AuthUserView;
  @ApiProperty({ description: 'A one-time password: the token may only change it (POST /api/auth/password)' })
  mustChangePassword: boolean;
}
