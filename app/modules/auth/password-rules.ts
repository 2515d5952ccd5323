// Shared by forms (hints, minLength) and the server schema, without pulling zod into the browser.
export const PASSWORD_MIN_LENGTH = 10;
// argon2 hashes any length, but very long inputs only cost server time.
export const PASSWORD_MAX_LENGTH = 200;
