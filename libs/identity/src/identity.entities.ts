import { PracticeSchema } from './practice/practice.entity.js';
import { UserSchema } from './users/user.entity.js';
import { UserSessionSchema } from './sessions/user-session.entity.js';
import { SessionRefreshTokenSchema } from './sessions/session-refresh-token.entity.js';
import { UserInviteSchema } from './users/user-invite.entity.js';
import { UserRecoveryCodeSchema } from './auth/user-recovery-code.entity.js';
import { LoginDirectorySchema } from './auth/login-directory.entity.js';
import { PasswordResetTokenSchema } from './recovery/password-reset-token.entity.js';

/** The tables this lib owns, one `EntitySchema` each (registered with the DataSource by its module). */
export const IDENTITY_ENTITIES = [
  PracticeSchema,
  UserSchema,
  UserSessionSchema,
  SessionRefreshTokenSchema,
  UserInviteSchema,
  UserRecoveryCodeSchema,
  LoginDirectorySchema,
  PasswordResetTokenSchema,
];
