import type { PrismaClient } from "@prisma/client";

/** The root client of a process (lib/db/prisma.ts): it opens transactions. */
export type Db = PrismaClient;
/** A root client or an open transaction: what a use case runs its statements on. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
