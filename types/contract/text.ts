/**
 * Control characters no text field takes: C0 but tab, line feed and carriage return, and DEL.
 * PostgreSQL cannot store NUL at all; the rest is nothing a person types. The dispatcher refuses
 * them in any payload and the schemas' `text()` in any text field.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/
