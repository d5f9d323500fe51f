import { z } from "zod";
import { parsePoundsToPence } from "./money";
import { TERMS, TIERS } from "./pricing";
import { isValidUkVatNumber, normaliseVatNumber } from "./vat-number";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** UK postcodes, loosely (the Royal Mail format without the special cases): "RM10 7BN". */
const UK_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/i;

export const ZQuoteRequest = z.object({
  tier: z.enum(TIERS, { message: "Choose Standard or Plus" }),
  term: z.enum(TERMS, { message: "Choose annual or quarterly billing" }),
  billingName: z.string().trim().min(1, "Enter the name of the billing contact").max(120),
  billingEmail: z.string().trim().toLowerCase().email("Enter the billing contact's email address in the correct format, like accounts@council.gov.uk").max(320),
  addressLine1: z.string().trim().min(1, "Enter the first line of the billing address").max(120),
  addressLine2: z.preprocess(blankToUndefined, z.string().trim().max(120).optional()),
  town: z.string().trim().min(1, "Enter the town or city of the billing address").max(80),
  postcode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(UK_POSTCODE, "Enter a full UK postcode, like RM10 7BN")
    .transform((p) => p.replace(/\s+/g, "").replace(/^(.+)(\d[A-Z]{2})$/, "$1 $2")),
  vatNumber: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .refine(isValidUkVatNumber, "Enter a valid UK VAT registration number, like GB 980 7806 84, or leave it blank")
      .transform(normaliseVatNumber)
      .optional(),
  ),
  poRequired: z.enum(["yes", "no"], { message: "Say whether your council needs a purchase-order number on invoices" }).transform((v) => v === "yes"),
});
export type TQuoteRequest = z.output<typeof ZQuoteRequest>;

/** Purchase-order numbers as councils issue them: letters, digits and - / . _ , up to 40 characters. */
export const ZPoNumber = z.preprocess(
  blankToUndefined,
  z.string().trim().max(40, "A purchase-order number is at most 40 characters").regex(/^[A-Za-z0-9][A-Za-z0-9\-/._ ]*$/, "Use letters, digits, spaces and - / . _ only").optional(),
);

export const ZAcceptQuote = z.object({ quoteId: z.string().min(1), poNumber: ZPoNumber, confirm: z.literal("yes", { message: "Confirm that you are authorised to accept this quote" }) });

const ZPounds = (label: string) =>
  z
    .string()
    .transform((v, ctx) => {
      const p = parsePoundsToPence(v);
      if (p === null) ctx.addIssue({ code: "custom", message: `Enter ${label} in pounds, like 14400 or 14,400.00` });
      return p ?? 0;
    });

export const ZReviewQuote = z
  .object({
    quoteId: z.string().min(1),
    decision: z.enum(["approve", "decline"]),
    price: z.preprocess(blankToUndefined, ZPounds("the price").optional()),
    reason: z.preprocess(blankToUndefined, z.string().trim().max(500).optional()),
  })
  .superRefine((v, ctx) => {
    if (v.price !== undefined && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "Give a reason for the adjusted price" });
    if (v.decision === "decline" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "Give a reason for declining" });
  });

export const ZPlanEdit = z.object({
  planId: z.string().min(1),
  name: z.string().trim().min(1, "Enter a name").max(80),
  annualPrice: ZPounds("the annual price"),
  quarterlyPrice: ZPounds("the quarterly price"),
  active: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});

export const ZChangePlan = z.object({ tier: z.enum(TIERS, { message: "Choose Standard or Plus" }) });
