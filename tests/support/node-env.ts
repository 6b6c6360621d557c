// Every Node-side test runs the functions on the LOCAL platform with a known dev-session secret.
process.env.QINGJU_PLATFORM = 'local'
process.env.QINGJU_DEV_SESSION_SECRET = 'test-dev-session-secret'
process.env.TZ = process.env.TZ ?? 'UTC' // CloudBase runs in UTC; nothing may depend on the host zone
process.env.PG_CONNECT_TIMEOUT_MS = '60000'
process.env.QINGJU_TICKET_SECRET = 'test-ticket-secret-0123456789'
process.env.QINGJU_FILES_SECRET = 'test-files-secret-0123456789'
// The limit on calls per person a minute (300) is off here: the function tests drive hundreds of calls
// a second as one scripted person. tests/functions/rate-limit.test.ts builds functions with the limiter on.
process.env.QINGJU_CALL_LIMIT = 'off'
