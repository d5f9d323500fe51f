import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { SHARED_MODEL_OPERATIONS, TENANT_MODELS } from "./tenant-models";

const TENANT = new Set<string>(TENANT_MODELS);
const READS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
]);
const WHERE_OPS = new Set([...READS, "update", "updateMany", "updateManyAndReturn", "delete", "deleteMany", "upsert"]);
const CREATE_OPS = new Set(["create", "createMany", "createManyAndReturn"]);

type TArgs = Record<string, unknown> & { where?: Record<string, unknown>; data?: unknown; create?: unknown };

function refuseForeign(value: unknown, councilId: string, model: string): void {
  if (value !== undefined && value !== councilId) {
    throw new AppError("INTERNAL", `Refused: a ${model} query named another council (tenant isolation)`);
  }
}

function scopeWhere(where: Record<string, unknown> | undefined, councilId: string, model: string) {
  refuseForeign(where?.councilId, councilId, model);
  return { ...(where ?? {}), councilId };
}

function scopeData(data: unknown, councilId: string, model: string): unknown {
  if (Array.isArray(data)) return data.map((d) => scopeData(d, councilId, model));
  const d = (data ?? {}) as Record<string, unknown>;
  refuseForeign(d.councilId, councilId, model);
  if (d.council !== undefined) {
    throw new AppError("INTERNAL", `Refused: set ${model}.councilId through the scoped client, not a council relation`);
  }
  return { ...d, councilId };
}

function checkUpdateData(data: unknown, councilId: string, model: string): void {
  const d = (data ?? {}) as Record<string, unknown>;
  refuseForeign(d.councilId, councilId, model);
  if (d.council !== undefined) throw new AppError("INTERNAL", `Refused: ${model} cannot move to another council`);
}

/**
 * A Prisma client that can only see and change one council's rows.
 *
 * Invariants: every operation on a tenant model (TENANT_MODELS) gets `councilId` added to its
 * `where` and `data`; a query that names another council is refused; models that are neither
 * tenant models nor shared models cannot be used at all, and shared models allow only the
 * operations listed in SHARED_MODEL_OPERATIONS. Nested writes into tenant models through relations are not rewritten, so feature code
 * writes each tenant model through its own delegate.
 */
export function scopedClient(prisma: PrismaClient, councilId: string) {
  return prisma.$extends({
    name: `council:${councilId}`,
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const a = { ...(args as TArgs) };
          if (!TENANT.has(model)) {
            if (SHARED_MODEL_OPERATIONS[model]?.includes(operation)) return query(a);
            throw new AppError("INTERNAL", `Refused: ${model}.${operation} is not available through a council-scoped client`);
          }
          if (WHERE_OPS.has(operation)) a.where = scopeWhere(a.where, councilId, model);
          if (CREATE_OPS.has(operation)) a.data = scopeData(a.data, councilId, model);
          if (operation === "upsert") {
            a.create = scopeData(a.create, councilId, model);
            checkUpdateData(a.update, councilId, model);
          }
          if (operation.startsWith("update")) checkUpdateData(a.data, councilId, model);
          return query(a);
        },
      },
    },
  });
}

export type TScopedClient = ReturnType<typeof scopedClient>;

/** The client inside `db.$transaction(async (tx) => …)`: still scoped to the council. */
export type TScopedTx = Omit<TScopedClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends" | "$use">;
