/**
 * Accounts: who may log in, with which role. Passwords are checked for a
 * minimum strength here and hashed in src/security/passwords.ts.
 */
import { z } from 'zod';
import { roles, type Role } from './roles';

export const minPasswordLength = 10;

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  locale: 'nl' | 'en';
  disabled: boolean;
}

export const passwordSchema = z.string().min(minPasswordLength, 'passwordTooShort').max(200, 'tooLong')
  .refine((password) => new Set(password).size >= 5, 'passwordTooSimple');

export const accountInputSchema = z.object({
  username: z.string().trim().min(3, 'usernameTooShort').max(64, 'tooLong').regex(/^[a-zA-Z0-9._@-]+$/, 'usernameCharacters'),
  displayName: z.string().trim().min(1, 'required').max(120, 'tooLong'),
  role: z.enum(roles, { message: 'unknownRole' }),
  password: passwordSchema,
});

export type AccountInput = z.output<typeof accountInputSchema>;

export const loginInputSchema = z.object({
  username: z.string().trim().min(1, 'required').max(64, 'tooLong'),
  password: z.string().min(1, 'required').max(200, 'tooLong'),
});
