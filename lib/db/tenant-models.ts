/**
 * Every model that carries a `councilId`. The council-scoped client adds the council to every
 * read and write of these. lib/db/tenant-models.test.ts walks prisma/schema.prisma and fails
 * when a model with `councilId` is missing here, so a new tenant model cannot slip through.
 */
export const TENANT_MODELS = [
  "Area",
  "AreaPopulation",
  "Membership",
  "AuditEvent",
  "Upload",
  "StagedFile",
  "Dataset",
  "Observation",
  "ColumnMappingPreset",
  "ScoreRun",
  "Release",
  "ReleaseComment",
  "Notification",
  "Quote",
  "Subscription",
  "Invoice",
  "RegionConsent",
] as const;

export type TTenantModel = (typeof TENANT_MODELS)[number];

/**
 * Models without a councilId that feature code may still use through the scoped client, and
 * which operations: people are platform-wide (one login, several councils), so adding a member
 * may look a user up by email or create them; it never updates or deletes one.
 */
export const SHARED_MODEL_OPERATIONS: Record<string, readonly string[]> = {
  User: ["findUnique", "findFirst", "findMany", "count", "create"],
  // Framework editions are published platform-wide; councils read them, only the seed and
  // operators write them.
  FrameworkEdition: ["findUnique", "findFirst", "findMany", "count"],
  // Plans are the platform's price list: councils read them, only operators write them.
  Plan: ["findUnique", "findFirst", "findMany", "count"],
  // The email outbox is platform-wide: a council's workflow may queue messages to its members.
  OutboxEmail: ["create", "createMany"],
  // Regions are platform-level: a council admin reads the ones that invited it; only operators write them.
  Region: ["findUnique", "findFirst", "findMany", "count"],
};
