/** Password length rules, shared by the sign-up form (no validation library in the browser) and the server schema. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
