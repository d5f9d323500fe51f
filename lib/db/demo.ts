import type { TRole } from "@/lib/auth/permissions";

/** The two demo councils, from real open data in prisma/seed-data/ (see its README). */
export const DEMO_COUNCILS = [
  { name: "London Borough of Barking and Dagenham", slug: "barking-and-dagenham", laCode: "E09000002", boundaryVintage: "2013", emailDomain: "lbbd.example" },
  { name: "London Borough of Havering", slug: "havering", laCode: "E09000016", boundaryVintage: "2013", emailDomain: "havering.example" },
] as const;

/**
 * Demo accounts share one password, printed by `npm start` and documented in the README. They
 * are created only outside production, or when DEMO=1 is set on purpose.
 */
export const DEMO_PASSWORD = "local-spi-demo-2026";
export const DEMO_OPERATOR = { email: "operator@localspi.example", name: "Olu Operator" };

export const DEMO_ROLES: Array<{ local: string; name: string; roles: TRole[] }> = [
  { local: "officer", name: "Priya Officer", roles: ["officer"] },
  { local: "reviewer", name: "Rhys Reviewer", roles: ["reviewer"] },
  // a second reviewer, so a release sent back by one can be approved by another (four-eyes demo)
  { local: "reviewer2", name: "Sam Second-Reviewer", roles: ["reviewer"] },
  { local: "procurement", name: "Pat Procurement", roles: ["procurement"] },
  { local: "admin", name: "Ada Admin", roles: ["admin"] },
];

export function demoEmail(role: string, domain: string): string {
  return `${role}@${domain}`;
}
