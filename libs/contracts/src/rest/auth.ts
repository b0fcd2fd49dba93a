import { z } from 'zod';
import { StaffRole } from '../enums';
import { DisplayName, Uuid, plainText, text } from '../common';

export const Email = z.email().max(254).transform((s) => s.toLowerCase());
export const Password = plainText().min(12).max(200).describe('At least 12 characters');

export const LoginBody = z.object({ email: Email, password: plainText().min(1).max(200) });
export type LoginBody = z.infer<typeof LoginBody>;

export const StaffAccount = z.object({
  id: Uuid,
  email: z.string(),
  displayName: z.string(),
  role: StaffRole,
});
export type StaffAccount = z.infer<typeof StaffAccount>;

export const LoginResponse = z.object({
  token: z.string().describe('Staff bearer token'),
  account: StaffAccount,
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const CreateStaffBody = z.object({
  email: Email,
  password: Password,
  displayName: DisplayName,
  role: StaffRole,
});
export type CreateStaffBody = z.infer<typeof CreateStaffBody>;

export const ChangePasswordBody = z.object({ currentPassword: text(1, 200), newPassword: Password });

/** How staff may sign in on this install (the login page asks before showing its buttons). */
export const AuthOptions = z.object({
  password: z.literal(true).describe('Email and password accounts always work'),
  oidc: z.boolean().describe("Sign-in through the organisation's directory (OpenID Connect) is configured"),
});
export type AuthOptions = z.infer<typeof AuthOptions>;

/** What the directory sends back to the callback; anything else is ignored. */
export const OidcCallbackQuery = z.object({
  code: plainText().max(2048).optional(),
  state: plainText().max(512).optional(),
  iss: plainText().max(2048).optional(),
  session_state: plainText().max(2048).optional(),
  error: plainText().max(256).optional(),
  error_description: plainText().max(2048).optional(),
});
