/** The functions' pg pool: an ordinary SQL error must not cost a connection (and a server process). */
import { closePool, getPool } from '../../server/store/pool'
import { useFreshDatabase } from '../support/db'

afterAll(closePool)

test('a failing query returns its connection to the pool instead of closing it', async () => {
  await useFreshDatabase()
  await closePool()
  process.env.PG_POOL_MAX = '1'
  const pool = getPool()
  const pid = async () => (await pool.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid
  const before = await pid()
  await pool.query('create table once (id int primary key)')
  await pool.query('insert into once values (1)')
  await expect(pool.query('insert into once values (1)')).rejects.toMatchObject({ code: '23505' })
  await expect(pool.query('select 1 / 0')).rejects.toMatchObject({ code: '22012' })
  expect(await pid()).toBe(before)
  expect(pool.totalCount).toBe(1)
})

test('a connection the server closed is replaced, not reused', async () => {
  const pool = getPool()
  const first = (await pool.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid
  await expect(pool.query('select pg_terminate_backend(pg_backend_pid())')).rejects.toBeTruthy()
  const next = (await pool.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid
  expect(next).not.toBe(first)
})

test('the embedded database is reached over its Unix socket, not loopback TCP', async () => {
  const { rows } = await getPool().query<{ addr: string | null; path: string }>(
    "select inet_client_addr()::text as addr, current_setting('unix_socket_directories') as path",
  )
  expect(rows[0].path).not.toBe('')
  expect(rows[0].addr).toBeNull() // a TCP client would have an address
})
