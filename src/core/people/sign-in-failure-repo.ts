/** Failed sign-ins, kept in the database so that every app process counts the same ones. */
export interface SignInFailureRepo {
  record(keys: readonly string[], at: Date): Promise<void>
  countSince(key: string, since: Date): Promise<number>
  /** The oldest failure of `key` at or after `since`; null when there is none. */
  oldestSince(key: string, since: Date): Promise<Date | null>
  clear(key: string): Promise<void>
  /** Forgets failures older than `at`; returns how many. */
  deleteBefore(at: Date): Promise<number>
}
