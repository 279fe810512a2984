/**
 * Accounts: who may log in, with which role. Passwords are checked for a
 * minimum strength here and hashed in src/security/passwords.ts: at least 10
 * characters, 5 different ones, not one of the most common passwords (the
 * 49,000 of zxcvbn-ts's list, which holds "wachtwoord" and "1234567890"), and
 * neither the username nor the product's name in it.
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';
import { roles, type Role } from './roles.js';

export const minPasswordLength = 10;

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  locale: 'nl' | 'en';
  disabled: boolean;
}

let commonPasswords: Set<string> | undefined;
/** Whether the password, in any capitals, is on the list of most common passwords. */
export function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common']!.filter((common) => common.length >= minPasswordLength));
  return commonPasswords.has(password.toLowerCase());
}

export const passwordSchema = z.string().min(minPasswordLength, 'passwordTooShort').max(200, 'tooLong')
  .refine((password) => new Set(password).size >= 5, 'passwordTooSimple')
  .refine((password) => !isCommonPassword(password), 'passwordTooCommon')
  .refine((password) => !password.toLowerCase().includes('buurtladder'), 'passwordContainsProduct');

export const accountInputSchema = z.object({
  username: z.string().trim().min(3, 'usernameTooShort').max(64, 'tooLong').regex(/^[a-zA-Z0-9._@-]+$/, 'usernameCharacters'),
  displayName: z.string().trim().min(1, 'required').max(120, 'tooLong'),
  role: z.enum(roles, { message: 'unknownRole' }),
  password: passwordSchema,
}).refine((account) => !passwordContainsUsername(account.password, account.username), { path: ['password'], message: 'passwordContainsUsername' });

/** A password that contains the username is the first thing an attacker tries. */
export function passwordContainsUsername(password: string, username: string): boolean {
  return username.length >= 3 && password.toLowerCase().includes(username.toLowerCase());
}

/** An admin's reset of another account's password. */
export const passwordResetSchema = z.object({ password: passwordSchema });

export type AccountInput = z.output<typeof accountInputSchema>;

export const loginInputSchema = z.object({
  username: z.string().trim().min(1, 'required').max(64, 'tooLong'),
  password: z.string().min(1, 'required').max(200, 'tooLong'),
});
